#include <memory>

#include "http/file_reply.h"
#include "http/list.h"
#include "http/params.h"
#include "imports/api/upload.h"
#include "logistics/api/network_handlers.h"
#include "logistics/parcels.h"
#include "logistics/parcels_import.h"
#include "logistics/tracking.h"

namespace ruralec::logistics::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Result<std::string> Field(const Json& body, const std::string& name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::string();
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return it->dump();
  return Error::Invalid(name, name + " 应为文本");
}

Result<ScanInput> ScanFrom(const Json& body) {
  ScanInput in;
  std::pair<const char*, std::string*> fields[] = {{"carrier", &in.carrier},
                                                   {"waybill_no", &in.waybill_no},
                                                   {"scan_type", &in.scan_type},
                                                   {"scanned_at", &in.scanned_at},
                                                   {"node", &in.node_code},
                                                   {"next_node", &in.next_node_code},
                                                   {"operator", &in.operator_name},
                                                   {"direction", &in.direction},
                                                   {"reason", &in.reason},
                                                   {"raw_code", &in.raw_code},
                                                   {"raw_text", &in.raw_text},
                                                   {"source", &in.source},
                                                   {"recipient_phone", &in.recipient_phone}};
  for (auto& [name, out] : fields) {
    ASSIGN_OR_RETURN(*out, Field(body, name));
  }
  for (const char* required : {"carrier", "waybill_no", "scan_type", "scanned_at"}) {
    ASSIGN_OR_RETURN(std::string v, http::RequiredString(body, required));
    (void)v;
  }
  return in;
}

Json EventJson(const TimelineEvent& t, bool is_public) {
  const Event& e = t.event;
  Json out = {{"scan_type", ScanTypeName(e.type)},
              {"scan_type_label", ScanTypeLabel(e.type)},
              {"scanned_at", FormatScanTime(e.at.utc_ms, e.at.offset_min)},
              {"node_name", t.node_name.empty() ? e.node_text : t.node_name},
              {"reason", e.reason}};
  if (is_public) return out;
  out["id"] = e.id;
  out["node_id"] = http::OptIntJson(e.node_id);
  out["node_text"] = e.node_text;
  out["next_node_id"] = http::OptIntJson(e.next_node_id);
  out["next_node_name"] = t.next_node_name;
  out["operator"] = e.operator_name;
  out["direction"] = DirectionName(e.direction);
  out["raw_code"] = e.raw_code;
  out["raw_text"] = e.raw_text;
  out["source"] = SourceName(e.source);
  out["batch_id"] = http::OptIntJson(e.batch_id);
  out["source_row"] = http::OptIntJson(e.source_row);
  return out;
}

Json WaybillRowJson(const store::WaybillRow& w) {
  return {{"id", w.id},
          {"county_code", w.county.str()},
          {"region_code", w.region.str()},
          {"carrier", w.carrier},
          {"waybill_no", w.waybill_no},
          {"direction", DirectionName(w.direction)},
          {"state", ScanTypeName(w.state)},
          {"state_label", ScanTypeLabel(w.state)},
          {"state_at", http::TimeJson(w.state_at)},
          {"state_node_id", http::OptIntJson(w.state_node_id)},
          {"event_count", w.event_count},
          {"first_at", http::TimeJson(w.first_at)},
          {"last_at", http::TimeJson(w.last_at)},
          {"recipient_phone_masked", w.phone_masked ? Json(*w.phone_masked) : Json(nullptr)}};
}

Json ViewJson(const WaybillView& v, bool is_public) {
  Json events = Json::array();
  for (const auto& e : v.events) events.push_back(EventJson(e, is_public));
  if (is_public)
    return {{"carrier", v.waybill.carrier},
            {"carrier_label", v.carrier_label},
            {"waybill_no", v.waybill.waybill_no},
            {"state", ScanTypeName(v.waybill.state)},
            {"state_label", ScanTypeLabel(v.waybill.state)},
            {"events", events}};
  Json out = WaybillRowJson(v.waybill);
  out["carrier_label"] = v.carrier_label;
  out["region_name"] = v.region_name;
  out["state_node_name"] = v.state_node_name;
  out["events"] = events;
  return out;
}

Result<store::WaybillFilter> WaybillFilterFrom(const Request& req, const RegionCode& scope) {
  store::WaybillFilter f;
  f.region = scope;
  f.carrier = req.Query("carrier");
  f.q = req.Query("q");
  if (std::string s = req.Query("state"); !s.empty()) {
    ASSIGN_OR_RETURN(f.state, ParseScanType(s, "state"));
  }
  if (std::string s = req.Query("direction"); !s.empty()) {
    ASSIGN_OR_RETURN(f.direction, ParseDirection(s));
  }
  return f;
}

// The import receipt: the imports module's report plus accepted / duplicates / rejected.
Result<Json> Receipt(const Deps& d, Request& req) {
  imports::ImportContext ctx{d.db, d.audit, d.clock, d.cipher};
  ASSIGN_OR_RETURN(
      Json out, imports::api::Upload(
                    ctx, req, "scans",
                    [](const imports::ImportContext& c, const account::Principal& who,
                       const std::string& p, imports::Mode m,
                       const imports::ImportOptions& o) { return ImportScans(c, who, p, m, o); }));
  bool rolled_back = out.value("rolled_back", false);
  out["accepted"] = rolled_back ? 0 : out.value("rows_imported", int64_t{0});
  out["duplicates"] = out.value("rows_already_imported", int64_t{0});
  out["rejected"] = out.value("rows_rejected", int64_t{0});
  return out;
}

constexpr const char* kRead = "logistics:parcel:read";
constexpr const char* kIngest = "logistics:parcel:ingest";

}  // namespace

void RegisterParcelRoutes(http::Server& s, const Deps& d) {
  imports::api::SetReadPermission("scans", kRead);
  s.Post("/logistics/scans", {.permission = kIngest},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(ScanInput in, ScanFrom(body));
           ASSIGN_OR_RETURN(ScanOutcome o, RecordScan(d, req.principal(), in));
           bool dup = o.result == RowResult::kDuplicate;
           reply.status = dup ? 200 : 201;
           return Json{{"duplicate", dup}, {"waybill_id", o.waybill_id}};
         });
  s.Post("/logistics/scans/import", {.permission = kIngest},
         [d](Request& req, Reply&) -> Result<Json> { return Receipt(d, req); });
  s.Get("/logistics/scans/template", {.permission = kIngest},
        [](Request& req, Reply& reply) -> Result<Json> {
          RETURN_IF_ERROR(http::XlsxReply(ScansTemplate(), "scans-template.xlsx", reply));
          return Json::object();
        });
  http::ListRoute<store::WaybillRow>(
      s, "/logistics/waybills", {.permission = kRead}, {"last_at", "id", "waybill_no", "state_at"},
      [d](Request& req, const http::ListParams& lp) -> Result<Page<store::WaybillRow>> {
        ASSIGN_OR_RETURN(store::WaybillFilter f, WaybillFilterFrom(req, lp.scope));
        return ListWaybills(d, req.principal(), f, lp.page);
      },
      WaybillRowJson);
  s.Get(R"(/logistics/waybills/([^/]{1,60})/([A-Za-z0-9-]{1,60}))", {.permission = kRead},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(WaybillView v,
                           TrackWaybill(d, req.principal(), req.Match(1), req.Match(2)));
          return ViewJson(v, false);
        });
  auto limiter = std::make_shared<PublicLimiter>(d.clock);
  s.Get("/public/track", {.auth = false}, [d, limiter](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(auto views,
                     PublicTrack(d, *limiter, req.ip(), req.Query("waybill"), req.Query("phone4")));
    Json items = Json::array();
    for (const auto& v : views) items.push_back(ViewJson(v, true));
    return Json{{"items", items}};
  });
}

}  // namespace ruralec::logistics::api
