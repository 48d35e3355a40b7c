#include "products/api/epcis_handlers.h"

#include <set>

#include "http/params.h"
#include "products/epcis.h"
#include "products/epcis_io.h"

namespace ruralec::products::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

std::vector<std::string> List(const Request& req, const std::string& name, bool cbv = false) {
  std::vector<std::string> out;
  std::string text = req.Query(name);
  size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    if (!item.empty()) out.push_back(cbv ? epcis::CbvShort(item) : item);
    start = end + 1;
  }
  return out;
}

Result<std::optional<int64_t>> Time(const Request& req, const std::string& name) {
  std::string text = req.Query(name);
  if (text.empty()) return std::optional<int64_t>();
  ASSIGN_OR_RETURN(auto t, trace::ParseEventTime(text, name));
  return std::optional<int64_t>(t.first);
}

const std::set<std::string> kParams = {
    "eventType",      "GE_eventTime",   "LT_eventTime",   "GE_recordTime",
    "LT_recordTime",  "EQ_bizStep",     "EQ_disposition", "MATCH_epc",
    "EQ_bizLocation", "WD_bizLocation", "EQ_readPoint",   "orderBy",
    "orderDirection", "perPage",        "nextPageToken",  "region_code"};

Result<epcis::Query> QueryFrom(const Request& req) {
  for (const auto& [name, value] : req.QueryParams())
    if (!kParams.contains(name)) return Error::Invalid(name, "不支持的查询参数: " + name);
  epcis::Query q;
  ASSIGN_OR_RETURN(q.scope, http::ScopedRegion(req));
  q.event_types = List(req, "eventType");
  q.biz_steps = List(req, "EQ_bizStep", true);
  q.dispositions = List(req, "EQ_disposition", true);
  q.epcs = List(req, "MATCH_epc");
  q.biz_locations = List(req, "EQ_bizLocation");
  q.wd_biz_locations = List(req, "WD_bizLocation");
  q.read_points = List(req, "EQ_readPoint");
  ASSIGN_OR_RETURN(q.ge_event_time, Time(req, "GE_eventTime"));
  ASSIGN_OR_RETURN(q.lt_event_time, Time(req, "LT_eventTime"));
  ASSIGN_OR_RETURN(q.ge_record_time, Time(req, "GE_recordTime"));
  ASSIGN_OR_RETURN(q.lt_record_time, Time(req, "LT_recordTime"));
  std::string order = req.Query("orderBy"), dir = req.Query("orderDirection");
  if (!order.empty() && order != "eventTime" && order != "recordTime")
    return Error::Invalid("orderBy", "orderBy 应为 eventTime 或 recordTime");
  if (!dir.empty() && dir != "ASC" && dir != "DESC")
    return Error::Invalid("orderDirection", "orderDirection 应为 ASC 或 DESC");
  q.by_record_time = order == "recordTime";
  q.descending = dir == "DESC";
  ASSIGN_OR_RETURN(int64_t per_page, req.QueryInt("perPage", 30));
  if (per_page < 1 || per_page > 1000)
    return Error::Invalid("perPage", "perPage 应在 1 到 1000 之间");
  q.per_page = static_cast<int>(per_page);
  q.token = req.Query("nextPageToken");
  return q;
}

}  // namespace

void RegisterEpcisRoutes(http::Server& s, const trace::Deps& d) {
  s.Post("/epcis/capture", {true, "products:epcis:capture"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(auto out, epcis::Capture(d, req.principal(), body));
           reply.status = out.captured > 0 ? 201 : 200;
           return Json{
               {"captured", out.captured}, {"repeated", out.repeated}, {"eventIDs", out.event_ids}};
         });
  s.Get("/epcis/events", {true, "products:epcis:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(epcis::Query q, QueryFrom(req));
    ASSIGN_OR_RETURN(auto page, epcis::Events(d, req.principal(), q));
    return epcis::QueryDocumentJson(page.first, page.second, d.clock.NowMs());
  });
}

}  // namespace ruralec::products::api
