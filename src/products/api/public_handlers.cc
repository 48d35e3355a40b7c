#include "products/api/public_handlers.h"

#include <memory>

#include "http/cache.h"
#include "http/file_reply.h"
#include "http/list.h"
#include "http/params.h"
#include "products/labels/label_sheet.h"
#include "products/links.h"
#include "products/public_trace.h"

namespace ruralec::products::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

// Seconds a phone or a shared cache may keep the public page before asking again.
constexpr int kPublicMaxAge = 60;

Json CertJson(const trace::PublicCert& c) {
  return {{"kind", c.kind},
          {"kind_label", c.kind_label},
          {"number", c.number},
          {"issuer", c.issuer},
          {"valid_to", c.valid_to.ToString()},
          {"holder", c.of_producer ? "producer" : "product"}};
}

Json PublicEventJson(const trace::PublicEvent& e) {
  Json dates = Json::object();
  for (const auto& [k, v] : e.dates) dates[k] = v;
  return {{"step", e.step},
          {"step_label", e.step_label},
          {"event_time", e.event_time},
          {"place", e.place},
          {"quantity", e.quantity},
          {"input_quantity", e.input_quantity},
          {"uom", e.uom},
          {"dates", dates},
          {"result", e.result},
          {"test_report", e.test_report},
          {"corrected", e.corrected}};
}

Json PublicJson(const trace::PublicView& v) {
  Json certs = Json::array(), events = Json::array();
  for (const auto& c : v.certifications) certs.push_back(CertJson(c));
  for (const auto& e : v.events) events.push_back(PublicEventJson(e));
  return {{"code", v.code},
          {"product",
           {{"name", v.product_name},
            {"category", v.category_label},
            {"specs", v.specs},
            {"packaging_standard", v.packaging_standard},
            {"gtin", v.has_gtin ? v.item_key : ""},
            {"county_item_code", v.has_gtin ? "" : v.item_key},
            {"grade", v.grade},
            {"grade_scale", v.grade_scale_name},
            {"brand", v.brand_name},
            {"regional_brand", v.regional_brand_name},
            {"admission", v.admission},
            {"admission_label", v.admission_label}}},
          {"producer", {{"name", v.producer_name}}},
          {"origin", v.origin},
          {"batch",
           {{"lot", v.lot},
            {"quantity", v.quantity},
            {"uom", v.uom},
            {"produced_on", v.produced_on ? Json(v.produced_on->ToString()) : Json(nullptr)}}},
          {"certifications", certs},
          {"events", events},
          {"events_total", v.events_total},
          {"events_from", v.events_from},
          {"events_per_page", trace::kPublicEvents},
          {"chain_ok", v.chain_ok}};
}

// The origin the console sends as `base` (checked like the county setting), else the Host.
Result<std::string> RequestOrigin(const Request& req) {
  if (std::string base = req.Query("base"); !base.empty()) {
    auto checked = settings::CheckValue(trace::BaseUrlParam(), base);
    if (!checked.ok()) return Error::Invalid("base", "base 应为 http(s)://主机[:端口]");
    return *checked;
  }
  std::string host = req.Header("Host");
  return host.empty() ? std::string() : "http://" + host;
}

struct Linked {
  trace::Batch batch;
  std::string base, link;
  bool from_setting = false;
};

Result<Linked> LinkOf(const trace::Deps& d, Request& req) {
  ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
  ASSIGN_OR_RETURN(auto detail, trace::GetBatchHead(d, req.principal(), id));
  Linked out;
  out.batch = detail.batch;
  {
    auto conn = d.db.Acquire();
    ASSIGN_OR_RETURN(out.base, trace::CountyBaseUrl(*conn, out.batch.county_code));
  }
  out.from_setting = !out.base.empty();
  if (out.base.empty()) {
    ASSIGN_OR_RETURN(out.base, RequestOrigin(req));
  }
  if (out.base.empty())
    return Error::Invalid("base", "请在参数设置中填写本县的溯源码域名（products.trace_base_url）");
  out.link = trace::DigitalLink(out.base, out.batch);
  return out;
}

Result<std::optional<CivilDate>> QueryDate(const Request& req, const std::string& name) {
  std::string text = req.Query(name);
  if (text.empty()) return std::optional<CivilDate>();
  ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(text, name));
  return std::optional<CivilDate>(d);
}

Result<trace::ScanFilter> ScanFilterOf(const Request& req) {
  trace::ScanFilter f;
  ASSIGN_OR_RETURN(f.from, QueryDate(req, "from"));
  ASSIGN_OR_RETURN(f.to, QueryDate(req, "to"));
  return f;
}

Json ScanRowJson(const trace::BatchScanRow& r) {
  return {{"batch_id", r.batch.id},
          {"lot", r.batch.lot},
          {"product_id", r.batch.product_id},
          {"product_name", r.batch.product_name},
          {"entity_name", r.batch.entity_name},
          {"region_code", r.batch.region.str()},
          {"scans", r.scans},
          {"last_day", r.last_day ? Json(r.last_day->ToString()) : Json(nullptr)}};
}

void RegisterScanRoutes(http::Server& s, const trace::Deps& d) {
  s.Get("/trace/scans", {true, "products:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(auto lp, http::ReadList(req, {}));
    ASSIGN_OR_RETURN(trace::ScanFilter f, ScanFilterOf(req));
    f.region = lp.scope;
    ASSIGN_OR_RETURN(auto page, trace::ScanStats(d, req.principal(), f, lp.page));
    return http::PageJson(page, lp.page, ScanRowJson);
  });
  s.Get(R"(/trace/batches/(\d+)/scans)", {true, "products:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(trace::ScanFilter f, ScanFilterOf(req));
          ASSIGN_OR_RETURN(auto days, trace::BatchScanDays(d, req.principal(), id, f));
          Json out = Json::array();
          int64_t total = 0;
          for (const auto& x : days) {
            out.push_back({{"day", x.day.ToString()}, {"scans", x.scans}});
            total += x.scans;
          }
          return Json{{"days", out}, {"total", total}};
        });
}

}  // namespace

void RegisterPublicRoutes(http::Server& s, const trace::Deps& d) {
  RegisterScanRoutes(s, d);
  auto misses =
      std::make_shared<WindowCounter>(d.clock, trace::kPublicMisses, trace::kPublicWindowMs);
  s.Get("/public/trace/([^/]{1,64})", {.auth = false},
        [d, misses](Request& req, Reply& reply) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t from, req.QueryInt("from", 0));
          if (from < 0) return Error::Invalid("from", "from 应为不小于 0 的整数");
          ASSIGN_OR_RETURN(auto v, trace::PublicTrace(d, *misses, req.ip(), req.Match(1), from));
          return http::Cacheable(req, reply, PublicJson(v), kPublicMaxAge);
        });
  s.Get(R"(/trace/batches/(\d+)/link)", {true, "products:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(Linked l, LinkOf(d, req));
          return Json{{"digital_link", l.link},
                      {"base_url", l.base},
                      {"base_from_setting", l.from_setting},
                      {"item_key", trace::ItemKey(l.batch)},
                      {"county_item_code", l.batch.gtin.empty()},
                      {"public_path", trace::PublicPath(l.batch)}};
        });
  s.Get(R"(/trace/batches/(\d+)/qr)", {true, "products:read"},
        [d](Request& req, Reply& reply) -> Result<Json> {
          ASSIGN_OR_RETURN(Linked l, LinkOf(d, req));
          std::string format = req.Query("format").empty() ? "png" : req.Query("format");
          ASSIGN_OR_RETURN(reply.raw_body, labels::QrImage(l.link, format));
          reply.content_type = format == "svg" ? "image/svg+xml" : "image/png";
          return Json();
        });
  s.Get(R"(/trace/batches/(\d+)/labels)", {true, "products:trace"},
        [d](Request& req, Reply& reply) -> Result<Json> {
          ASSIGN_OR_RETURN(Linked l, LinkOf(d, req));
          ASSIGN_OR_RETURN(int64_t count, req.QueryInt("count", labels::kPerPage));
          if (count < 1 || count > labels::kMaxLabels)
            return Error::Invalid("count",
                                  "标签数量应为 1 至 " + std::to_string(labels::kMaxLabels));
          trace::LabelText text;
          {
            auto conn = d.db.Acquire();
            ASSIGN_OR_RETURN(text, trace::LabelTextOf(*conn, l.batch));
          }
          labels::Sheet sheet{text.title, {l.link, text.lines}, static_cast<int>(count), {}};
          if (!req.Query("serial_from").empty()) {  // one item's link a label
            ASSIGN_OR_RETURN(int64_t first, req.QueryInt("serial_from", 0));
            ASSIGN_OR_RETURN(auto items, trace::SerialLabels(l.base, l.batch, text, first,
                                                             static_cast<int>(count)));
            for (auto& item : items) sheet.each.push_back({item.link, item.lines});
          }
          ASSIGN_OR_RETURN(std::string pdf, labels::SheetPdf(sheet));
          http::BytesReply(std::move(pdf), "溯源标签-" + l.batch.lot + ".pdf", reply);
          return Json();
        });
}

}  // namespace ruralec::products::api
