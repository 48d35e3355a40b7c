#include "reporting/api/report_handlers.h"

#include "http/audit_entry.h"
#include "http/list.h"
#include "http/params.h"
#include "programme/check.h"
#include "programme/indicators.h"
#include "programme/report/quarterly_report.h"

namespace ruralec::reporting::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Result<std::string> TextField(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto v, http::OptionalString(body, field));
  return v.value_or("");
}

Result<std::map<std::string, std::string>> ParamsFrom(const Json& body) {
  std::map<std::string, std::string> out;
  if (!body.contains("params") || body["params"].is_null()) return out;
  if (!body["params"].is_object()) return Error::Invalid("params", "参数应为键值对象");
  for (const auto& [k, v] : body["params"].items()) {
    if (!v.is_string()) return Error::Invalid("params", "参数「" + k + "」的值应为文本");
    out[k] = v.get<std::string>();
  }
  return out;
}

Result<ReportInput> InputFrom(const Json& body) {
  ReportInput in;
  ASSIGN_OR_RETURN(in.indicator, TextField(body, "indicator"));
  ASSIGN_OR_RETURN(in.params, ParamsFrom(body));
  ASSIGN_OR_RETURN(std::string region, TextField(body, "region_code"));
  if (!region.empty()) {
    auto code = RegionCode::Parse(region);
    if (!code.ok()) return Error::Invalid("region_code", "区划代码无效：" + region.substr(0, 20));
    in.region = *code;
  }
  ASSIGN_OR_RETURN(in.period, TextField(body, "period"));
  ASSIGN_OR_RETURN(in.value, http::BodyOptInt(body, "value"));
  ASSIGN_OR_RETURN(in.note, TextField(body, "note"));
  return in;
}

Json ReportJson(const Report& r) {
  Json params = Json::object();
  for (const auto& [k, v] : r.params) params[k] = v;
  return {{"id", r.id},
          {"indicator", r.indicator},
          {"indicator_name", programme::FindIndicator(r.indicator)
                                 ? programme::FindIndicator(r.indicator)->name
                                 : r.indicator},
          {"params", params},
          {"region_code", r.region.str()},
          {"region_name", r.region_name},
          {"period", r.period},
          {"version", r.version},
          {"value", r.value},
          {"base_unit", programme::BaseUnitOf(r.indicator)},
          {"note", r.note},
          {"status", StateName(r.status)},
          {"status_label", StateLabel(r.status)},
          {"reported_by", r.reported_name},
          {"reported_at", http::TimeJson(r.reported_at)},
          {"decided_by", r.decided_name},
          {"decided_at", http::OptTimeJson(r.decided_at)},
          {"reject_reason", r.reject_reason},
          {"file_count", r.file_count}};
}

Json FileJson(const File& f) {
  return {{"id", f.id},
          {"filename", f.filename},
          {"content_type", f.content_type},
          {"size", f.size},
          {"sha256", f.sha256},
          {"uploaded_by", f.uploaded_by},
          {"created_at", http::TimeJson(f.created_at)}};
}

Result<Json> Detail(const Deps& d, const Request& req, const Report& r) {
  Json out = ReportJson(r);
  ASSIGN_OR_RETURN(auto files, Files(d, req.principal(), r.id));
  ASSIGN_OR_RETURN(auto versions, Versions(d, req.principal(), r.id));
  out["files"] = Json::array();
  for (const auto& f : files) out["files"].push_back(FileJson(f));
  out["versions"] = Json::array();
  for (const auto& v : versions) out["versions"].push_back(ReportJson(v));
  return out;
}

// The reportable indicators with what the form needs: the unit shown and its factor to the
// stored base unit, the parameters, and whether a computation exists (its value wins).
Json IndicatorsJson(const runtime::IndicatorRegistry& registry) {
  Json items = Json::array();
  for (const auto& ind : programme::Indicators()) {
    if (!programme::Reportable(ind.id)) continue;
    std::string base = programme::BaseUnitName(ind.dimension);
    auto shown = programme::report::DisplayValue(0, base, "");
    int64_t factor = 1;
    for (int i = 0; i < shown.decimals; ++i) factor *= 10;
    Json allowed = Json::object();
    for (const auto& p : ind.params)
      if (const auto* values = programme::AllowedParamValues(ind.id, p)) allowed[p] = *values;
    items.push_back({{"id", ind.id},
                     {"name", ind.name},
                     {"base_unit", base},
                     {"display_unit", shown.unit},
                     {"display_factor", factor},
                     {"params", ind.params},
                     {"required_params", ind.required_params},
                     {"allowed_values", allowed},
                     {"computed", registry.HasSource(ind.id)}});
  }
  return {{"items", items}};
}

Result<Filter> FilterFrom(const Request& req, const http::ListParams& lp) {
  Filter f;
  f.region = lp.scope;
  f.indicator = req.Query("indicator");
  f.period = req.Query("period");
  if (std::string s = req.Query("status"); !s.empty()) {
    ASSIGN_OR_RETURN(f.status, ParseState(s));
  }
  return f;
}

void RegisterDecisionRoutes(http::Server& s, const Deps& d) {
  s.Post(R"(/reports/(\d+)/confirm)", {true, "report:confirm"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Report r, Confirm(d, req.principal(), id));
           return Detail(d, req, r);
         });
  s.Post(R"(/reports/(\d+)/reject)", {true, "report:confirm"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(std::string reason, TextField(body, "reason"));
           ASSIGN_OR_RETURN(Report r, Reject(d, req.principal(), id, reason));
           return Detail(d, req, r);
         });
}

void RegisterFileRoutes(http::Server& s, const Deps& d) {
  s.Post(R"(/reports/(\d+)/files)", {true, "report:submit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           auto part = req.FormPart("file");
           if (!part || part->filename.empty())
             return Error::Invalid("file", "请以 multipart/form-data 上传名为 file 的佐证材料");
           ASSIGN_OR_RETURN(File f, AddFile(d, req.principal(), id, part->filename, part->content));
           reply.status = 201;
           return FileJson(f);
         });
  s.Get(R"(/reports/(\d+)/files/(\d+))", {true, "report:read"},
        [d](Request& req, Reply& reply) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(int64_t file_id, http::PathId(req, 2, "file_id"));
          ASSIGN_OR_RETURN(auto found, ReadFile(d, req.principal(), id, file_id));
          auto conn = d.db.Acquire();
          RETURN_IF_ERROR(d.audit.Append(
              *conn, http::AuditEntry(
                         req, "report.file.download", "indicator_report", id,
                         "file=" + std::to_string(file_id) + " sha256=" + found.first.sha256)));
          reply.content_type = found.first.content_type;
          reply.filename = found.first.filename;
          reply.raw_body = std::move(found.second);
          return Json(nullptr);
        });
}

}  // namespace

void RegisterRoutes(http::Server& s, const Deps& d, const runtime::IndicatorRegistry& registry) {
  s.Get("/reports/indicators", {true, "report:read"},
        [&registry](Request&, Reply&) -> Result<Json> { return IndicatorsJson(registry); });
  s.Get("/reports", {true, "report:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(
        http::ListParams lp,
        http::ReadList(req, {"id", "period", "region_code", "indicator", "status", "reported_at"}));
    ASSIGN_OR_RETURN(Filter f, FilterFrom(req, lp));
    ASSIGN_OR_RETURN(Page<Report> p, List(d, req.principal(), f, lp.page));
    return http::PageJson(p, lp.page, ReportJson);
  });
  s.Get(R"(/reports/(\d+))", {true, "report:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Report r, Get(d, req.principal(), id));
    return Detail(d, req, r);
  });
  s.Post("/reports", {true, "report:submit"}, [d](Request& req, Reply& reply) -> Result<Json> {
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(ReportInput in, InputFrom(body));
    ASSIGN_OR_RETURN(Submitted sub, Submit(d, req.principal(), in));
    reply.status = sub.replaced ? 200 : 201;
    ASSIGN_OR_RETURN(Json out, Detail(d, req, sub.report));
    out["replaced"] = sub.replaced;
    return out;
  });
  RegisterDecisionRoutes(s, d);
  RegisterFileRoutes(s, d);
}

}  // namespace ruralec::reporting::api
