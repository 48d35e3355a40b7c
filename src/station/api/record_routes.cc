// HTTP API of the station service records (docs/API.md "Station service records") and the
// spreadsheet uploads of the station module: JSON ⇄ records.h structs; permission and scope
// are checked by the service.
#include "http/file_reply.h"
#include "http/list.h"
#include "http/params.h"
#include "imports/api/upload.h"
#include "station/api/station_handlers.h"
#include "station/events_import.h"
#include "station/import.h"
#include "station/records.h"
#include "station/records_import.h"

namespace ruralec::station::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json ItemJson(const RecordItem& i) {
  return {{"value", i.value},
          {"label", i.label},
          {"unit", i.unit},
          {"has_amount", i.has_amount},
          {"builtin", i.builtin}};
}

Json MonthJson(const StationMonth& m) {
  Json items = Json::array();
  for (const auto& i : m.items) {
    Json j = ItemJson(i.item);
    j["record"] = i.record ? RecordJson(*i.record) : Json(nullptr);
    items.push_back(std::move(j));
  }
  return {{"station_id", m.station_id},
          {"station_name", m.station_name},
          {"period", m.period},
          {"editable", m.editable},
          {"items", std::move(items)}};
}

Result<std::vector<RecordFigure>> FiguresFrom(const Json& body) {
  if (!body.contains("figures") || !body["figures"].is_array())
    return Error::Invalid("figures", "figures 应为数组");
  std::vector<RecordFigure> out;
  for (const auto& f : body["figures"]) {
    if (!f.is_object()) return Error::Invalid("figures", "figures 的每一项应为对象");
    RecordFigure r;
    ASSIGN_OR_RETURN(r.item, http::RequiredString(f, "item"));
    ASSIGN_OR_RETURN(auto q, http::BodyOptInt(f, "quantity"));
    if (!q) return Error::Invalid("quantity", "quantity 不能为空");
    r.quantity = *q;
    ASSIGN_OR_RETURN(auto a, http::BodyOptInt(f, "amount_fen"));
    r.amount_fen = a.value_or(0);
    out.push_back(std::move(r));
  }
  return out;
}

imports::ImportContext CtxOf(const Deps& d) { return {d.db, d.audit, d.clock, d.cipher}; }

void RegisterImportRoutes(http::Server& s, const Deps& d) {
  imports::api::SetReadPermission("stations", "station:read");
  imports::api::SetReadPermission("station_records", "station:read");
  s.Post("/stations/import", {.permission = "station:import"}, [d](Request& req, Reply&) {
    return imports::api::Upload(
        CtxOf(d), req, "stations",
        [](const imports::ImportContext& c, const account::Principal& who, const std::string& p,
           imports::Mode m,
           const imports::ImportOptions& o) { return ImportStations(c, who, p, m, o); });
  });
  s.Post("/stations/records/import", {.permission = "station:record:import"},
         [d](Request& req, Reply&) {
           return imports::api::Upload(
               CtxOf(d), req, "station_records",
               [](const imports::ImportContext& c, const account::Principal& who,
                  const std::string& p, imports::Mode m,
                  const imports::ImportOptions& o) { return ImportRecords(c, who, p, m, o); });
         });
  imports::api::SetReadPermission("station_events", "station:read");
  s.Post("/stations/events/import", {.permission = "station:record:import"},
         [d](Request& req, Reply&) {
           return imports::api::Upload(
               CtxOf(d), req, "station_events",
               [](const imports::ImportContext& c, const account::Principal& who,
                  const std::string& p, imports::Mode m,
                  const imports::ImportOptions& o) { return ImportEvents(c, who, p, m, o); });
         });
  s.Get("/stations/template", {}, [](Request& req, Reply& r) -> Result<Json> {
    auto flag = [&](const char* name) {
      return req.Query(name) == "true" || req.Query(name) == "1";
    };
    if (flag("events")) {
      RETURN_IF_ERROR(http::XlsxReply(EventsTemplate(), "station-events-template.xlsx", r));
    } else {
      bool records = flag("records");
      RETURN_IF_ERROR(
          http::XlsxReply(records ? RecordsTemplate() : StationsTemplate(),
                          records ? "station-records-template.xlsx" : "stations-template.xlsx", r));
    }
    return Json::object();
  });
}

}  // namespace

http::Json RecordJson(const ServiceRecord& r) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); };
  return {{"id", r.id},
          {"station_id", r.station_id},
          {"period", r.period},
          {"item", r.item},
          {"quantity", r.quantity},
          {"amount_fen", r.amount_fen},
          {"source", r.source},
          {"batch_id", opt(r.batch_id)},
          {"source_row", opt(r.source_row)},
          {"supersedes_id", opt(r.supersedes_id)},
          {"current", r.current},
          {"correction_reason", r.correction_reason},
          {"created_by_name", r.created_by_name},
          {"created_at", http::TimeJson(r.created_at)},
          {"voided_at", r.voided_at ? Json(http::TimeJson(*r.voided_at)) : Json(nullptr)}};
}

void RegisterRecordRoutes(http::Server& s, const Deps& d) {
  s.Get("/stations/record-items", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(View v, ViewOf(req.principal()));
    auto conn = d.db.Acquire();
    ASSIGN_OR_RETURN(auto items, RecordItems(*conn, v.region.county()));
    Json out = Json::array();
    for (const auto& i : items) out.push_back(ItemJson(i));
    return out;
  });
  s.Get(R"(/stations/(\d+)/records/(\d{4}-\d{2}))", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(StationMonth m, Month(d, req.principal(), id, req.Match(2)));
    return MonthJson(m);
  });
  s.Put(R"(/stations/(\d+)/records/(\d{4}-\d{2}))", {.permission = "station:record:edit"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(auto figures, FiguresFrom(body));
          ASSIGN_OR_RETURN(auto reason, http::OptionalString(body, "reason"));
          ASSIGN_OR_RETURN(StationMonth m, SaveMonth(d, req.principal(), id, req.Match(2), figures,
                                                     reason.value_or("")));
          return MonthJson(m);
        });
  s.Get(R"(/stations/(\d+)/records)", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(PageRequest page, req.Page());
    RecordFilter f{req.Query("from"), req.Query("to"), req.Query("item"), false};
    ASSIGN_OR_RETURN(auto history, http::QueryOptBool(req, "history"));
    f.history = history.value_or(false);
    ASSIGN_OR_RETURN(auto p, Records(d, req.principal(), id, f, page));
    return http::PageJson(p, page, RecordJson);
  });
  RegisterImportRoutes(s, d);
  RegisterEventRoutes(s, d);
}

}  // namespace ruralec::station::api
