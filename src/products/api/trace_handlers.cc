#include "products/api/trace_handlers.h"

#include "http/list.h"
#include "http/params.h"
#include "products/epcis_io.h"

namespace ruralec::products::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json BatchJson(const trace::Batch& b) {
  return {{"id", b.id},
          {"county_code", b.county_code},
          {"region_code", b.region.str()},
          {"product_id", b.product_id},
          {"product_name", b.product_name},
          {"entity_id", b.entity_id},
          {"entity_name", b.entity_name},
          {"gtin", b.gtin},
          {"lot", b.lot},
          {"quantity", b.quantity},
          {"uom", b.uom},
          {"produced_on", b.produced_on ? Json(b.produced_on->ToString()) : Json(nullptr)},
          {"epc_class", trace::EpcClass(b)},
          {"public_code", b.public_code},
          {"event_count", b.event_count},
          {"created_at", http::TimeJson(b.created_at)}};
}

Json EventJson(const trace::Event& e, const trace::Batch& b) {
  const trace::Step* step = trace::FindStep(e.step);
  Json ilmd = Json::object();
  for (const auto& [k, v] : e.ilmd) ilmd[k] = v;
  return {{"id", e.id},
          {"seq", e.seq},
          {"event_id", e.event_id},
          {"kind", e.kind},
          {"step", e.step},
          {"step_label", step ? step->label : e.step},
          {"event_time", trace::FormatEventTime(e.event_time, e.time_zone_offset)},
          {"read_point", e.read_point},
          {"biz_location", e.biz_location},
          {"quantity", e.quantity},
          {"input_quantity", e.input_quantity},
          {"uom", e.uom},
          {"ilmd", ilmd},
          {"test_report", e.test_report},
          {"note", e.note},
          {"error_reason", e.error_reason},
          {"corrective_ids", e.corrective_ids},
          {"declared_erroneous", !e.declared_reason.empty()},
          {"declared_reason", e.declared_reason},
          {"actor_name", e.actor_name},
          {"record_time", http::TimeJson(e.record_time)},
          {"hash", e.hash},
          {"repeated", e.repeated},
          {"epcis", epcis::EventJson(e, b)}};
}

Json ChainJson(const trace::VerifyReport& r) {
  return {{"ok", r.ok},
          {"events", r.events},
          {"marked", r.marked},
          {"bad_event_id", http::OptIntJson(r.bad_event)},
          {"violation", r.violation}};
}

Json DetailJson(const trace::BatchDetail& d) {
  Json out = BatchJson(d.batch);
  Json events = Json::array();
  for (const auto& e : d.events) events.push_back(EventJson(e, d.batch));
  out["events"] = events;
  out["chain"] = ChainJson(d.chain);
  return out;
}

Result<std::string> Opt(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto v, http::OptionalString(body, field));
  return v.value_or("");
}

Result<RegionCode> OptRegion(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(std::string text, Opt(body, field));
  if (text.empty()) return RegionCode();
  auto code = RegionCode::Parse(text);
  if (!code.ok()) return Error::Invalid(field, "区划代码无效: " + text);
  return *code;
}

Result<trace::EventInput> EventFrom(const Json& body) {
  trace::EventInput in;
  ASSIGN_OR_RETURN(in.step, http::RequiredString(body, "step"));
  ASSIGN_OR_RETURN(in.event_time, http::RequiredString(body, "event_time"));
  ASSIGN_OR_RETURN(in.event_id, Opt(body, "event_id"));
  ASSIGN_OR_RETURN(in.read_point, OptRegion(body, "read_point"));
  ASSIGN_OR_RETURN(in.biz_location, OptRegion(body, "biz_location"));
  ASSIGN_OR_RETURN(in.quantity, Opt(body, "quantity"));
  ASSIGN_OR_RETURN(in.input_quantity, Opt(body, "input_quantity"));
  ASSIGN_OR_RETURN(in.uom, Opt(body, "uom"));
  ASSIGN_OR_RETURN(in.harvest_start, http::BodyOptDate(body, "harvest_start"));
  ASSIGN_OR_RETURN(in.harvest_end, http::BodyOptDate(body, "harvest_end"));
  ASSIGN_OR_RETURN(in.production_date, http::BodyOptDate(body, "production_date"));
  ASSIGN_OR_RETURN(in.best_before, http::BodyOptDate(body, "best_before"));
  ASSIGN_OR_RETURN(in.test_report, Opt(body, "test_report"));
  ASSIGN_OR_RETURN(in.result, Opt(body, "result"));
  ASSIGN_OR_RETURN(in.note, Opt(body, "note"));
  return in;
}

Result<trace::CorrectionInput> CorrectionFrom(const Json& body) {
  trace::CorrectionInput in;
  ASSIGN_OR_RETURN(std::string reason, Opt(body, "reason"));
  if (!reason.empty()) in.reason = reason;
  ASSIGN_OR_RETURN(in.note, http::RequiredString(body, "note"));
  if (body.contains("corrective") && !body["corrective"].is_null()) {
    if (!body["corrective"].is_object())
      return Error::Invalid("corrective", "corrective 应为更正后的事件");
    ASSIGN_OR_RETURN(in.corrective, EventFrom(body["corrective"]));
  }
  return in;
}

void RegisterReads(http::Server& s, const trace::Deps& d) {
  s.Get("/trace/steps", {true, "products:read"}, [](Request&, Reply&) -> Result<Json> {
    Json out = Json::array();
    for (const auto& st : trace::Steps())
      out.push_back({{"step", st.name},
                     {"label", st.label},
                     {"event_type", st.event_type},
                     {"action", st.action},
                     {"biz_step", st.biz_step},
                     {"disposition", st.disposition},
                     {"ilmd", st.ilmd}});
    return out;
  });
  s.Get("/trace/batches", {true, "products:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(auto lp, http::ReadList(req, {"id", "lot"}));
    trace::BatchFilter f;
    f.region = lp.scope;
    ASSIGN_OR_RETURN(f.product_id, http::QueryOptInt(req, "product_id"));
    f.q = req.Query("q");
    ASSIGN_OR_RETURN(auto page, trace::ListBatches(d, req.principal(), f, lp.page));
    return http::PageJson(page, lp.page, BatchJson);
  });
  s.Get(R"(/trace/batches/(\d+))", {true, "products:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(auto detail, trace::GetBatch(d, req.principal(), id));
          return DetailJson(detail);
        });
  s.Get(R"(/trace/batches/(\d+)/epcis)", {true, "products:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(auto detail, trace::GetBatch(d, req.principal(), id));
          return epcis::DocumentJson(detail, d.clock.NowMs());
        });
}

}  // namespace

void RegisterTraceRoutes(http::Server& s, const trace::Deps& d) {
  RegisterReads(s, d);
  s.Post("/trace/batches", {true, "products:trace"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           trace::BatchInput in;
           ASSIGN_OR_RETURN(in.product_id, http::BodyId(body, "product_id"));
           ASSIGN_OR_RETURN(in.lot, http::RequiredString(body, "lot"));
           ASSIGN_OR_RETURN(in.quantity, Opt(body, "quantity"));
           ASSIGN_OR_RETURN(in.uom, Opt(body, "uom"));
           ASSIGN_OR_RETURN(in.produced_on, http::BodyOptDate(body, "produced_on"));
           ASSIGN_OR_RETURN(auto detail, trace::CreateBatch(d, req.principal(), in));
           reply.status = 201;
           return DetailJson(detail);
         });
  s.Post(R"(/trace/batches/(\d+)/events)", {true, "products:trace"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(trace::EventInput in, EventFrom(body));
           ASSIGN_OR_RETURN(trace::Event e, trace::RecordEvent(d, req.principal(), id, in));
           ASSIGN_OR_RETURN(auto detail, trace::GetBatchHead(d, req.principal(), id));
           reply.status = e.repeated ? 200 : 201;
           return EventJson(e, detail.batch);
         });
  s.Post(R"(/trace/batches/(\d+)/events/(\d+)/corrections)", {true, "products:trace"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(int64_t event, http::PathId(req, 2, "event_id"));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(trace::CorrectionInput in, CorrectionFrom(body));
           ASSIGN_OR_RETURN(auto rows, trace::Correct(d, req.principal(), id, event, in));
           ASSIGN_OR_RETURN(auto detail, trace::GetBatchHead(d, req.principal(), id));
           reply.status = rows.front().repeated ? 200 : 201;
           Json out = Json::array();
           for (const auto& e : rows) out.push_back(EventJson(e, detail.batch));
           return Json{{"events", out}, {"chain", ChainJson(detail.chain)}};
         });
}

}  // namespace ruralec::products::api
