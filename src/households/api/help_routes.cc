// Employment, shops and coverage over HTTP (docs/API.md "Households and purchases").
#include "households/api/household_handlers.h"
#include "households/help.h"
#include "http/list.h"
#include "http/params.h"

namespace ruralec::households::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json OptDate(const std::optional<CivilDate>& d) { return d ? Json(d->ToString()) : Json(nullptr); }

Result<CivilDate> RequiredDate(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(std::string t, http::RequiredString(body, field));
  return CivilDate::Parse(t, field);
}

Result<std::optional<CivilDate>> OptionalDate(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto t, http::OptionalString(body, field));
  if (!t || t->empty()) return std::optional<CivilDate>();
  ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(*t, field));
  return std::optional<CivilDate>(d);
}

Json EmploymentJson(const Employment& e) {
  return {{"id", e.id},
          {"household_id", e.household_id},
          {"entity_id", e.in.entity_id},
          {"entity_name", e.entity_name},
          {"member_name", e.in.member_name},
          {"position", e.in.position},
          {"since", e.in.since.ToString()},
          {"until", OptDate(e.in.until)},
          {"created_at", http::TimeJson(e.created_at)}};
}

Json ShopJson(const HouseholdShop& s) {
  return {{"id", s.id},
          {"household_id", s.household_id},
          {"platform", s.in.platform},
          {"shop_name", s.in.shop_name},
          {"shop_ref", s.in.shop_ref},
          {"entity_id", http::OptIntJson(s.in.entity_id)},
          {"entity_shop_id", http::OptIntJson(s.in.entity_shop_id)},
          {"opened_on", s.in.opened_on.ToString()},
          {"closed_on", OptDate(s.in.closed_on)},
          {"created_at", http::TimeJson(s.created_at)}};
}

int64_t RateBp(const CoverageCount& c) {
  return c.eligible ? (c.covered * 20000 + c.eligible) / (2 * c.eligible) : 0;
}

Json CountJson(const CoverageCount& c) {
  return {{"region_code", c.region.str()},
          {"name", c.name},
          {"covered", c.covered},
          {"eligible", c.eligible},
          {"rate_bp", c.eligible ? Json(RateBp(c)) : Json(nullptr)}};
}

// The period of a coverage query: `from`/`to`, else the calendar `year` (default this year).
Result<std::pair<CivilDate, CivilDate>> Period(const Request& req, const Clock& clock) {
  if (!req.Query("from").empty() || !req.Query("to").empty()) {
    ASSIGN_OR_RETURN(CivilDate from, CivilDate::Parse(req.Query("from"), "from"));
    ASSIGN_OR_RETURN(CivilDate to, CivilDate::Parse(req.Query("to"), "to"));
    return std::make_pair(from, to);
  }
  ASSIGN_OR_RETURN(int year, http::QueryYear(req, clock));
  std::string y = std::to_string(year);
  return std::make_pair(*CivilDate::Parse(y + "-01-01"), *CivilDate::Parse(y + "-12-31"));
}

void RegisterCoverageRoutes(http::Server& s, const Deps& d) {
  s.Get("/households/coverage", {true, "household:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(RegionCode region, http::ScopedRegion(req));
          ASSIGN_OR_RETURN(auto period, Period(req, d.clock));
          ASSIGN_OR_RETURN(Coverage c,
                           CoverageFor(d, req.principal(), region, period.first, period.second));
          Json out = CountJson(c.total);
          out["from"] = period.first.ToString();
          out["to"] = period.second.ToString();
          out["indicator"] = "willing_poor_household_coverage_rate";
          out["towns"] = Json::array();
          for (const auto& t : c.towns) out["towns"].push_back(CountJson(t));
          return out;
        });
  s.Get("/households/coverage/uncovered", {true, "household:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(RegionCode region, http::ScopedRegion(req));
          ASSIGN_OR_RETURN(auto period, Period(req, d.clock));
          ASSIGN_OR_RETURN(PageRequest page, req.Page());
          ASSIGN_OR_RETURN(
              auto p, Uncovered(d, req.principal(), region, period.first, period.second, page));
          return http::PageJson(p, page, HouseholdJson);
        });
}

}  // namespace

void RegisterHelpRoutes(http::Server& s, const Deps& d) {
  RegisterHelpImportRoutes(s, d);
  s.Post(R"(/households/(\d+)/employments)", {true, "household:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           EmploymentInput in;
           ASSIGN_OR_RETURN(in.entity_id, http::BodyId(body, "entity_id"));
           ASSIGN_OR_RETURN(in.member_name, http::RequiredString(body, "member_name"));
           ASSIGN_OR_RETURN(auto position, http::OptionalString(body, "position"));
           in.position = position.value_or("");
           ASSIGN_OR_RETURN(in.since, RequiredDate(body, "since"));
           ASSIGN_OR_RETURN(in.until, OptionalDate(body, "until"));
           ASSIGN_OR_RETURN(Employment e, AddEmployment(d, req.principal(), id, in));
           reply.status = 201;
           return EmploymentJson(e);
         });
  s.Post(R"(/households/(\d+)/shops)", {true, "household:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ShopInput in;
           ASSIGN_OR_RETURN(in.platform, http::RequiredString(body, "platform"));
           ASSIGN_OR_RETURN(in.shop_name, http::RequiredString(body, "shop_name"));
           ASSIGN_OR_RETURN(auto ref, http::OptionalString(body, "shop_ref"));
           in.shop_ref = ref.value_or("");
           ASSIGN_OR_RETURN(in.entity_id, http::BodyOptInt(body, "entity_id"));
           ASSIGN_OR_RETURN(in.opened_on, RequiredDate(body, "opened_on"));
           ASSIGN_OR_RETURN(in.closed_on, OptionalDate(body, "closed_on"));
           ASSIGN_OR_RETURN(HouseholdShop shop, AddShop(d, req.principal(), id, in));
           reply.status = 201;
           return ShopJson(shop);
         });
  s.Post(R"(/households/(\d+)/employments/(\d+)/end)", {true, "household:edit"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req, 1));
           ASSIGN_OR_RETURN(int64_t eid, http::PathId(req, 2));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(CivilDate until, RequiredDate(body, "until"));
           ASSIGN_OR_RETURN(Employment e, EndEmployment(d, req.principal(), id, eid, until));
           return EmploymentJson(e);
         });
  s.Post(R"(/households/(\d+)/shops/(\d+)/close)", {true, "household:edit"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req, 1));
           ASSIGN_OR_RETURN(int64_t sid, http::PathId(req, 2));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(CivilDate on, RequiredDate(body, "closed_on"));
           ASSIGN_OR_RETURN(HouseholdShop shop, CloseShop(d, req.principal(), id, sid, on));
           return ShopJson(shop);
         });
  s.Get(R"(/households/(\d+)/help)", {true, "household:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(HouseholdHelp h, HelpOf(d, req.principal(), id));
          Json out{{"employments", Json::array()},
                   {"shops", Json::array()},
                   {"purchases", h.purchases},
                   {"purchase_fen", h.purchase_fen}};
          for (const auto& e : h.employments) out["employments"].push_back(EmploymentJson(e));
          for (const auto& s : h.shops) out["shops"].push_back(ShopJson(s));
          return out;
        });
  RegisterCoverageRoutes(s, d);
}

}  // namespace ruralec::households::api
