#include "dashboard/api/dashboard_handlers.h"

#include <fstream>
#include <sstream>

#include "core/date.h"
#include "dashboard/api/dashboard_json.h"
#include "dashboard/catalogue.h"
#include "http/audit_entry.h"
#include "http/file_reply.h"
#include "http/list.h"
#include "storage/db.h"

namespace ruralec::dashboard::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

constexpr const char* kRead = "dashboard:read";

Result<RegionCode> PathRegion(const Request& req) {
  auto code = RegionCode::Parse(req.Match(1));
  if (!code.ok()) return Error::Invalid("region", "区划代码无效: " + req.Match(1));
  return *code;
}

// ?month=YYYY-MM, default the current month (Beijing).
Result<Period> MonthOf(const Request& req, const Clock& clock, const char* name = "month") {
  const std::string text = req.Query(name);
  if (text.empty()) return PeriodOf(ShanghaiDate(clock.NowMs()));
  return ParsePeriod(text, name);
}

// ?panels=sales,funds: known keys only.
Result<std::vector<std::string>> PanelsOf(const Request& req) {
  std::vector<std::string> out;
  std::stringstream in(req.Query("panels"));
  for (std::string key; std::getline(in, key, ',');) {
    if (key.empty()) continue;
    bool known = key == "funds" || key == "programme" || key == "trends";
    for (const auto& p : Panels()) known = known || p.key == key;
    if (!known) return Error::Invalid("panels", "未知的大屏面板: " + key);
    out.push_back(key);
  }
  return out;
}

void RegisterScreen(http::Server& s, const Deps& d) {
  s.Get(kRegionPath, {true, kRead}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(RegionCode region, PathRegion(req));
    ASSIGN_OR_RETURN(Period period, MonthOf(req, d.clock));
    ASSIGN_OR_RETURN(auto only, PanelsOf(req));
    ASSIGN_OR_RETURN(Screen screen, BuildScreen(d, req.principal(), region, period, only));
    return ScreenJson(screen);
  });
}

void RegisterRanking(http::Server& s, const Deps& d) {
  s.Get(std::string(kRegionPath) + "/ranking", {true, kRead},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(RegionCode region, PathRegion(req));
          ASSIGN_OR_RETURN(Period period, MonthOf(req, d.clock));
          ASSIGN_OR_RETURN(PageRequest page, req.Page());
          const std::string by = req.Query("by").empty() ? "sales_ytd" : req.Query("by");
          ASSIGN_OR_RETURN(Ranking r, BuildRanking(d, req.principal(), region, period, by));
          Json out = http::SlicePageJson(
              r.rows, page, [](const RankRow&) { return true; }, RankRowJson);
          out["by"] = r.by;
          out["month"] = period.Label();
          out["as_of"] = r.as_of;
          out["keys"] = RankedKeys();
          return out;
        });
}

Result<std::string> ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Internal("无法读取工作簿");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<Json> PackageReply(const Deps& d, Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(RegionCode region, PathRegion(req));
  ASSIGN_OR_RETURN(Period period, MonthOf(req, d.clock, "period"));
  ASSIGN_OR_RETURN(PackageKind kind, ParsePackageKind(req.Query("kind")));
  const std::string format = req.Query("format").empty() ? "xlsx" : req.Query("format");
  if (format != "xlsx" && format != "json")
    return Error::Invalid("format", "格式应为 xlsx 或 json: " + format);
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Target t, TargetOf(*conn, req.principal(), region));
  ASSIGN_OR_RETURN(Package p, BuildPackage(*conn, d.registry, t, period, kind, d.clock.NowMs()));
  RETURN_IF_ERROR(
      d.funds.audit.Append(*conn, http::AuditEntry(req, "dashboard.package.export", "region",
                                                   region.str(), p.label + " " + format)));
  if (format == "json") return PackageJson(p);
  http::TempDir dir;
  if (dir.path.empty()) return Error::Internal("无法创建临时目录");
  const std::string path = (dir.path / "package.xlsx").string();
  RETURN_IF_ERROR(WritePackageXlsx(p, path));
  ASSIGN_OR_RETURN(std::string bytes, ReadBytes(path));
  http::BytesReply(std::move(bytes), PackageStem(p) + ".xlsx", reply);
  return Json(nullptr);
}

}  // namespace

void RegisterRoutes(http::Server& s, const Deps& d, std::shared_ptr<void> keep) {
  RegisterScreen(s, d);
  RegisterRanking(s, d);
  s.Get(std::string(kRegionPath) + "/package", {true, kRead},
        [d, keep](Request& req, Reply& reply) -> Result<Json> {
          return PackageReply(d, req, reply);
        });
}

}  // namespace ruralec::dashboard::api
