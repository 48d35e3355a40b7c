// HTTP API of the per-event service records (docs/API.md "Station service records"): JSON ⇄
// events.h structs; permission and scope are checked by the service.
#include "http/list.h"
#include "http/params.h"
#include "station/api/station_handlers.h"
#include "station/events.h"

namespace ruralec::station::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json EventJson(const ServiceEvent& e) {
  return {{"id", e.id},
          {"station_id", e.station_id},
          {"happened_on", e.happened_on},
          {"period", e.period},
          {"item", e.item},
          {"quantity", e.quantity},
          {"amount_fen", e.amount_fen},
          {"products", e.products},
          {"household_ids", e.household_ids},
          {"note", e.note},
          {"source", e.source},
          {"batch_id", http::OptIntJson(e.batch_id)},
          {"source_row", http::OptIntJson(e.source_row)},
          {"voided", e.voided_at.has_value()},
          {"voided_at", http::OptTimeJson(e.voided_at)},
          {"void_reason", e.void_reason},
          {"created_by_name", e.created_by_name},
          {"created_at", http::TimeJson(e.created_at)}};
}

Json ResultJson(const EventResult& r) {
  return {{"event", EventJson(r.event)}, {"month", RecordJson(r.month)}};
}

Result<std::vector<int64_t>> IdArray(const Json& body, const char* field) {
  std::vector<int64_t> out;
  if (!body.contains(field) || body[field].is_null()) return out;
  if (!body[field].is_array())
    return Error::Invalid("households", std::string(field) + " 应为数组");
  for (const auto& v : body[field]) {
    if (!v.is_number_integer()) return Error::Invalid("households", "农户编号应为整数");
    out.push_back(v.get<int64_t>());
  }
  return out;
}

Result<EventInput> InputFrom(const Json& body) {
  EventInput in;
  ASSIGN_OR_RETURN(in.happened_on, http::RequiredString(body, "happened_on"));
  ASSIGN_OR_RETURN(in.item, http::RequiredString(body, "item"));
  ASSIGN_OR_RETURN(auto q, http::BodyOptInt(body, "quantity"));
  if (!q) return Error::Invalid("quantity", "quantity 不能为空");
  in.quantity = *q;
  ASSIGN_OR_RETURN(auto a, http::BodyOptInt(body, "amount_fen"));
  in.amount_fen = a.value_or(0);
  if (body.contains("products")) {
    ASSIGN_OR_RETURN(in.products, http::StringArray(body, "products"));
  }
  ASSIGN_OR_RETURN(in.household_ids, IdArray(body, "household_ids"));
  if (body.contains("household_id_numbers")) {
    ASSIGN_OR_RETURN(in.household_id_numbers, http::StringArray(body, "household_id_numbers"));
  }
  ASSIGN_OR_RETURN(auto note, http::OptionalString(body, "note"));
  in.note = note.value_or("");
  return in;
}

}  // namespace

void RegisterEventRoutes(http::Server& s, const Deps& d) {
  s.Get(R"(/stations/(\d+)/events)", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(PageRequest page, req.Page());
    EventFilter f{req.Query("period"), req.Query("item"), false};
    ASSIGN_OR_RETURN(auto voided, http::QueryOptBool(req, "voided"));
    f.voided = voided.value_or(false);
    ASSIGN_OR_RETURN(auto p, Events(d, req.principal(), id, f, page));
    return http::PageJson(p, page, EventJson);
  });
  s.Post(R"(/stations/(\d+)/events)", {.permission = "station:record:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(EventInput in, InputFrom(body));
           ASSIGN_OR_RETURN(EventResult r, RecordEvent(d, req.principal(), id, in));
           reply.status = 201;
           return ResultJson(r);
         });
  s.Post(R"(/stations/(\d+)/events/(\d+)/void)", {.permission = "station:record:edit"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(int64_t event, http::PathId(req, 2, "event_id"));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(auto reason, http::OptionalString(body, "reason"));
           ASSIGN_OR_RETURN(EventResult r,
                            VoidEvent(d, req.principal(), id, event, reason.value_or("")));
           return ResultJson(r);
         });
}

}  // namespace ruralec::station::api
