#include "dashboard/api/boundary_handlers.h"

#include "dashboard/api/dashboard_handlers.h"
#include "http/audit_entry.h"

namespace ruralec::dashboard::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Result<RegionCode> PathRegion(const Request& req) {
  auto code = RegionCode::Parse(req.Match(1));
  if (!code.ok()) return Error::Invalid("region", "区划代码无效: " + req.Match(1));
  return *code;
}

Json MetaJson(const Boundary& b) {
  return {{"county_code", b.county_code},
          {"features", b.features},
          {"sha256", b.sha256},
          {"approval_number", b.approval_number},
          {"uploaded_at", b.uploaded_at}};
}

// The stored file, keeping only the features inside `region` when it is below county level.
Json Features(const Boundary& b, const RegionCode& region) {
  Json doc = Json::parse(b.geojson, nullptr, false);
  if (doc.is_discarded()) return Json::object();
  if (region.level() <= RegionLevel::kCounty) return doc;
  Json kept = Json::array();
  for (const auto& f : doc["features"]) {
    const Json& c = f["properties"]["code"];
    auto code = RegionCode::Parse(c.is_string() ? c.get<std::string>() : c.dump());
    if (code.ok() && region.Contains(*code)) kept.push_back(f);
  }
  doc["features"] = kept;
  return doc;
}

Result<Json> Upload(const BoundaryDeps& d, Request& req) {
  ASSIGN_OR_RETURN(RegionCode county, PathRegion(req));
  auto file = req.FormPart("file");
  if (!file) return Error::Invalid("file", "请上传边界 GeoJSON 文件（表单字段 file）");
  auto approval = req.FormPart("approval_number");
  const std::string number = approval ? approval->content : "";
  auto entry = http::AuditEntry(req, "dashboard.boundary.upload", "region", county.str(),
                                file->filename + (number.empty() ? "" : " 审图号 " + number));
  ASSIGN_OR_RETURN(Boundary b,
                   PutBoundary(d, req.principal(), county, file->content, number, entry));
  return MetaJson(b);
}

}  // namespace

void RegisterBoundaryRoutes(http::Server& s, const BoundaryDeps& d) {
  const std::string path = std::string(kRegionPath) + "/boundary";
  s.Post(path, {true, "dashboard:boundary:edit"}, [d](Request& req, Reply& reply) -> Result<Json> {
    ASSIGN_OR_RETURN(Json out, Upload(d, req));
    reply.status = 201;
    return out;
  });
  s.Get(path, {true, "dashboard:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(RegionCode region, PathRegion(req));
    ASSIGN_OR_RETURN(Boundary b, GetBoundary(d, req.principal(), region));
    Json out = MetaJson(b);
    out["geojson"] = Features(b, region);
    return out;
  });
}

}  // namespace ruralec::dashboard::api
