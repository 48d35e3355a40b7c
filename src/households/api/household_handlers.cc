#include "households/api/household_handlers.h"

#include "households/import.h"
#include "http/file_reply.h"
#include "http/list.h"
#include "http/params.h"
#include "imports/api/upload.h"

namespace ruralec::households::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json OptDate(const std::optional<CivilDate>& d) { return d ? Json(d->ToString()) : Json(nullptr); }

Result<std::vector<Helper>> HelpersFrom(const Json& body) {
  std::vector<Helper> out;
  if (!body.contains("helpers") || body["helpers"].is_null()) return out;
  if (!body["helpers"].is_array()) return Error::Invalid("helpers", "helpers 应为数组");
  for (const auto& h : body["helpers"]) {
    if (!h.is_object()) return Error::Invalid("helpers", "helpers 的元素应为对象");
    Helper x;
    ASSIGN_OR_RETURN(std::string kind, http::RequiredString(h, "kind"));
    ASSIGN_OR_RETURN(x.kind, ParseHelperKind(kind));
    ASSIGN_OR_RETURN(auto name, http::OptionalString(h, "name"));
    x.name = name.value_or("");
    ASSIGN_OR_RETURN(x.entity_id, http::BodyOptInt(h, "entity_id"));
    out.push_back(std::move(x));
  }
  return out;
}

// `update`: the head's name and ID number may be left out (the stored ones are kept).
Result<HouseholdInput> InputFrom(const Json& body, bool update = false) {
  HouseholdInput in;
  ASSIGN_OR_RETURN(std::string region, http::RequiredString(body, "region_code"));
  auto code = RegionCode::Parse(region);
  if (!code.ok()) return Error::Invalid("region_code", "区划代码无效: " + region);
  in.region = *code;
  if (update) {
    ASSIGN_OR_RETURN(auto name, http::OptionalString(body, "head_name"));
    ASSIGN_OR_RETURN(auto idn, http::OptionalString(body, "id_number"));
    in.head_name = name.value_or("");
    in.id_number = idn.value_or("");
  } else {
    ASSIGN_OR_RETURN(in.head_name, http::RequiredString(body, "head_name"));
    ASSIGN_OR_RETURN(in.id_number, http::RequiredString(body, "id_number"));
  }
  ASSIGN_OR_RETURN(auto members, http::BodyOptInt(body, "members"));
  if (!members) return Error::Invalid("members", "请填写家庭人口");
  if (*members < 1 || *members > 30) return Error::Invalid("members", "家庭人口应为 1 至 30 人");
  in.members = static_cast<int>(*members);
  ASSIGN_OR_RETURN(std::string status, http::RequiredString(body, "status"));
  ASSIGN_OR_RETURN(in.status, ParseStatus(status));
  ASSIGN_OR_RETURN(auto year, http::BodyOptInt(body, "lifted_year"));
  if (year && (*year < 1900 || *year > 2100))
    return Error::Invalid("lifted_year", "脱贫年度应在 2014 年至今年之间");
  if (year) in.lifted_year = static_cast<int>(*year);
  ASSIGN_OR_RETURN(auto willing, http::BodyOptBool(body, "willing"));
  ASSIGN_OR_RETURN(auto able, http::BodyOptBool(body, "able"));
  in.willing = willing.value_or(false);
  in.able = able.value_or(false);
  ASSIGN_OR_RETURN(in.willing_on, http::BodyOptDate(body, "willing_on"));
  ASSIGN_OR_RETURN(in.able_on, http::BodyOptDate(body, "able_on"));
  if (body.contains("products") && !body["products"].is_null()) {
    ASSIGN_OR_RETURN(in.products, http::StringArray(body, "products"));
  }
  ASSIGN_OR_RETURN(in.helpers, HelpersFrom(body));
  return in;
}

Result<Filter> FilterFrom(const Request& req, const http::ListParams& lp) {
  Filter f;
  f.region = lp.scope;
  if (std::string v = req.Query("status"); !v.empty()) {
    ASSIGN_OR_RETURN(f.status, ParseStatus(v));
  }
  ASSIGN_OR_RETURN(f.willing_and_able, http::QueryOptBool(req, "willing_and_able"));
  f.product = req.Query("product");
  return f;
}

void RegisterImportRoutes(http::Server& s, const Deps& d) {
  imports::api::SetReadPermission("households", "household:read");  // its error workbooks
  s.Post("/households/import", {true, "household:import"}, [d](Request& req, Reply&) {
    imports::ImportContext ctx{d.db, d.audit, d.clock, d.cipher};
    return imports::api::Upload(
        ctx, req, "households",
        [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
           imports::Mode m,
           const imports::ImportOptions& o) { return ImportHouseholds(c, who, path, m, o); });
  });
  s.Get("/households/template", {true, "household:read"}, [](Request&, Reply& r) -> Result<Json> {
    RETURN_IF_ERROR(http::XlsxReply(HouseholdsTemplate(), "households-template.xlsx", r));
    return Json::object();
  });
}

}  // namespace

Json HouseholdJson(const Household& h) {
  Json helpers = Json::array();
  for (const auto& x : h.helpers)
    helpers.push_back({{"kind", HelperKindName(x.kind)},
                       {"kind_label", HelperKindLabel(x.kind)},
                       {"name", x.name},
                       {"entity_id", http::OptIntJson(x.entity_id)}});
  return {{"id", h.id},
          {"region_code", h.region.str()},
          {"region_name", h.region_name},
          {"head_name", h.head_name},
          {"name_masked", h.name_masked},
          {"id_number_masked", h.id_masked},
          {"members", h.members},
          {"status", StatusName(h.status)},
          {"status_label", StatusLabel(h.status)},
          {"lifted_year", h.lifted_year ? Json(*h.lifted_year) : Json(nullptr)},
          {"willing", h.willing},
          {"willing_on", OptDate(h.willing_on)},
          {"able", h.able},
          {"able_on", OptDate(h.able_on)},
          {"products", h.products},
          {"helpers", helpers},
          {"source", h.source},
          {"batch_id", http::OptIntJson(h.batch_id)},
          {"created_at", http::TimeJson(h.created_at)},
          {"updated_at", http::TimeJson(h.updated_at)}};
}

void RegisterRoutes(http::Server& s, const Deps& d) {
  s.Get("/households", {true, "household:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(http::ListParams lp, http::ReadList(req, {}));
    ASSIGN_OR_RETURN(Filter f, FilterFrom(req, lp));
    ASSIGN_OR_RETURN(Page<Household> p, List(d, req.principal(), f, lp.page));
    return http::PageJson(p, lp.page, HouseholdJson);
  });
  s.Post("/households", {true, "household:edit"}, [d](Request& req, Reply& reply) -> Result<Json> {
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(HouseholdInput in, InputFrom(body));
    ASSIGN_OR_RETURN(Household h, Register(d, req.principal(), in));
    reply.status = 201;
    return HouseholdJson(h);
  });
  s.Get(R"(/households/(\d+))", {true, "household:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Household h, Get(d, req.principal(), id));
          return HouseholdJson(h);
        });
  s.Put(R"(/households/(\d+))", {true, "household:edit"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(HouseholdInput in, InputFrom(body, true));
          ASSIGN_OR_RETURN(Household h, Update(d, req.principal(), id, in));
          return HouseholdJson(h);
        });
  s.Get(R"(/households/(\d+)/pii/identity)", {true, "household:pii"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Revealed r, Reveal(d, req.principal(), id));
          return Json{{"head_name", r.head_name}, {"id_number", r.id_number}};
        });
  RegisterImportRoutes(s, d);
  RegisterPurchaseRoutes(s, d);
  RegisterHelpRoutes(s, d);
}

}  // namespace ruralec::households::api
