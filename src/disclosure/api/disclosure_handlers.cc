#include "disclosure/api/disclosure_handlers.h"

#include "disclosure/html.h"
#include "http/list.h"
#include "http/params.h"

namespace ruralec::disclosure::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json PublicationJson(const Publication& p) {
  return {{"id", p.id},
          {"county_code", p.county.str()},
          {"kind", KindName(p.kind)},
          {"kind_label", KindLabel(p.kind)},
          {"source_id", http::OptIntJson(p.source_id)},
          {"subject", p.subject},
          {"title", p.title},
          {"summary", p.summary},
          {"version", p.version},
          {"status", StateName(p.status)},
          {"status_label", StateLabel(p.status)},
          {"content_sha256", p.content_sha256},
          {"created_by", p.created_name},
          {"created_by_id", http::OptIntJson(p.created_by)},
          {"created_at", http::TimeJson(p.created_at)},
          {"submitted_by", p.submitted_name},
          {"submitted_by_id", http::OptIntJson(p.submitted_by)},
          {"submitted_at", http::OptTimeJson(p.submitted_at)},
          {"published_by", p.published_name},
          {"published_at", http::OptTimeJson(p.published_at)},
          {"superseded_by", http::OptIntJson(p.superseded_by)},
          {"superseded_at", http::OptTimeJson(p.superseded_at)},
          {"withdrawn_by", p.withdrawn_name},
          {"withdrawn_at", http::OptTimeJson(p.withdrawn_at)},
          {"withdraw_reason", p.withdraw_reason},
          {"public_path", p.version > 0 ? Json(html::CountyPath(p.county) + "/publications/" +
                                               std::to_string(p.id))
                                        : Json(nullptr)}};
}

Result<Json> Detail(const Deps& d, const Request& req, const Publication& p) {
  Json out = PublicationJson(p);
  out["content"] = Json::parse(p.content, nullptr, false);
  if (out["content"].is_discarded()) out["content"] = nullptr;
  ASSIGN_OR_RETURN(auto versions, Versions(d, req.principal(), p.id));
  out["versions"] = Json::array();
  for (const auto& v : versions) out["versions"].push_back(PublicationJson(v));
  out["already"] = p.already;
  return out;
}

Result<RegionCode> CountyField(const std::string& text, const char* field) {
  if (text.empty()) return RegionCode();
  auto code = RegionCode::Parse(text);
  if (!code.ok()) return Error::Invalid(field, std::string("区县代码无效（") + field + "）");
  return *code;
}

Result<DraftInput> DraftFrom(const Json& body) {
  DraftInput in;
  ASSIGN_OR_RETURN(std::string kind, http::RequiredString(body, "kind"));
  ASSIGN_OR_RETURN(in.kind, ParseKind(kind));
  ASSIGN_OR_RETURN(auto county, http::OptionalString(body, "county_code"));
  ASSIGN_OR_RETURN(in.county, CountyField(county.value_or(""), "county_code"));
  ASSIGN_OR_RETURN(auto source, http::BodyOptInt(body, "source_id"));
  if (source && *source <= 0) return Error::Invalid("source_id", "source_id 应为正整数");
  in.source_id = source;
  return in;
}

Result<Filter> FilterFrom(const Request& req, const http::ListParams& lp) {
  Filter f;
  f.region = lp.scope;
  if (std::string k = req.Query("kind"); !k.empty()) {
    ASSIGN_OR_RETURN(f.kind, ParseKind(k));
  }
  if (std::string s = req.Query("status"); !s.empty()) {
    ASSIGN_OR_RETURN(f.status, ParseState(s));
  }
  return f;
}

void RegisterReads(http::Server& s, const Deps& d) {
  s.Get("/disclosure/kinds", {true, "disclosure:read"}, [](Request&, Reply&) -> Result<Json> {
    Json items = Json::array();
    for (Kind k : AllKinds())
      items.push_back({{"kind", KindName(k)}, {"label", KindLabel(k)}, {"source", SourceOf(k)}});
    return Json{{"items", items}};
  });
  s.Get("/disclosure/sources", {true, "disclosure:edit"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(Kind kind, ParseKind(req.Query("kind")));
          ASSIGN_OR_RETURN(RegionCode county, CountyField(req.Query("county_code"), "county_code"));
          ASSIGN_OR_RETURN(auto options, Sources(d, req.principal(), kind, county));
          Json items = Json::array();
          for (const auto& o : options) items.push_back({{"id", o.id}, {"label", o.label}});
          return Json{{"items", items}};
        });
  s.Get("/disclosure/publications", {true, "disclosure:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(http::ListParams lp, http::ReadList(req, {}));
          ASSIGN_OR_RETURN(Filter f, FilterFrom(req, lp));
          ASSIGN_OR_RETURN(auto page, List(d, req.principal(), f, lp.page));
          return http::PageJson(page, lp.page, PublicationJson);
        });
  s.Get(R"(/disclosure/publications/(\d+))", {true, "disclosure:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Publication p, Get(d, req.principal(), id));
          return Detail(d, req, p);
        });
}

// A move on a publication: 200 with the detail (already = true when it had been made before).
template <typename Fn>
http::Handler MoveRoute(const Deps& d, Fn fn) {
  return [d, fn](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Publication p, fn(req, id));
    return Detail(d, req, p);
  };
}

void RegisterWrites(http::Server& s, const Deps& d) {
  s.Post("/disclosure/publications", {true, "disclosure:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(DraftInput in, DraftFrom(body));
           ASSIGN_OR_RETURN(Publication p, CreateDraft(d, req.principal(), in));
           reply.status = 201;
           return Detail(d, req, p);
         });
  s.Post(R"(/disclosure/publications/(\d+)/submit)", {true, "disclosure:edit"},
         MoveRoute(d, [d](Request& req, int64_t id) { return Submit(d, req.principal(), id); }));
  s.Post(R"(/disclosure/publications/(\d+)/publish)", {true, "disclosure:approve"},
         MoveRoute(d, [d](Request& req, int64_t id) { return Publish(d, req.principal(), id); }));
  s.Post(R"(/disclosure/publications/(\d+)/withdraw)", {true, "disclosure:approve"},
         MoveRoute(d, [d](Request& req, int64_t id) -> Result<Publication> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(auto reason, http::OptionalString(body, "reason"));
           return Withdraw(d, req.principal(), id, reason.value_or(""));
         }));
}

}  // namespace

void RegisterRoutes(http::Server& s, const Deps& d) {
  RegisterReads(s, d);
  RegisterWrites(s, d);
}

}  // namespace ruralec::disclosure::api
