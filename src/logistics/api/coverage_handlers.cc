#include "logistics/api/coverage_handlers.h"

#include <fstream>
#include <sstream>

#include "http/file_reply.h"
#include "http/list.h"
#include "http/params.h"
#include "logistics/coverage.h"
#include "logistics/monthly_report.h"

namespace ruralec::logistics::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

constexpr const char* kRead = "logistics:parcel:read";

Result<CivilDate> QueryDate(const Request& req, const std::string& name, CivilDate fallback) {
  const std::string text = req.Query(name);
  if (text.empty()) return fallback;
  return CivilDate::Parse(text, name);
}

// from/to default to this month up to today (Beijing).
Result<Period> PeriodFrom(const Request& req, const Clock& clock) {
  const CivilDate today = ShanghaiDate(clock.NowMs());
  ASSIGN_OR_RETURN(CivilDate from,
                   QueryDate(req, "from", CivilDate(today.year(), today.month(), 1)));
  ASSIGN_OR_RETURN(CivilDate to, QueryDate(req, "to", today));
  return MakePeriod(from, to);
}

Json Opt(const std::optional<int64_t>& v) { return http::OptIntJson(v); }

Json FiguresJson(const CoverageFigures& f, int64_t days) {
  return {{"region_code", f.code.str()},
          {"region_name", f.name},
          {"villages", f.villages},
          {"reached", f.reached},
          {"coverage_rate_bp", Opt(f.rate_bp())},
          {"delivery_days", f.delivery_days},
          {"delivery_frequency_centi", Opt(f.frequency_centi(days))},
          {"signed_parcels", static_cast<int64_t>(f.lead_minutes.size())},
          {"lead_median_minutes", Opt(f.lead(50))},
          {"lead_p90_minutes", Opt(f.lead(90))},
          {"points", f.points},
          {"carriers_per_point_centi", Opt(f.carriers_per_point_centi())},
          {"uplink_parcels", f.uplink_parcels},
          {"uplink_per_village_centi", Opt(f.uplink_per_village_centi())}};
}

Json CoverageJson(const Coverage& c) {
  const int64_t days = c.period.days();
  Json towns = Json::array();
  for (const auto& t : c.towns) {
    Json j = FiguresJson(t.figures, days);
    Json missing = Json::array();
    for (const auto& v : t.villages) {
      if (v.reached) continue;
      missing.push_back({{"region_code", v.code.str()}, {"name", v.name}, {"points", v.points}});
    }
    j["not_reached"] = missing;
    towns.push_back(j);
  }
  return {{"from", c.period.from.ToString()},
          {"to", c.period.to.ToString()},
          {"days", days},
          {"total", FiguresJson(c.total, days)},
          {"towns", towns}};
}

Result<std::string> ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Internal("无法读取工作簿");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<Json> MonthlyReportReply(const Deps& d, const Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(RegionCode region, http::ScopedRegion(req));
  std::string month = req.Query("month");
  if (month.empty()) month = ShanghaiDate(d.clock.NowMs()).ToString().substr(0, 7);
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(MonthlyReport rep, BuildMonthlyReport(*conn, region, month));
  http::TempDir dir;
  if (dir.path.empty()) return Error::Internal("无法创建临时目录");
  const std::string path = (dir.path / "report.xlsx").string();
  RETURN_IF_ERROR(WriteMonthlyReportXlsx(rep, path));
  ASSIGN_OR_RETURN(std::string bytes, ReadBytes(path));
  http::BytesReply(std::move(bytes), MonthlyReportStem(rep) + ".xlsx", reply);
  return Json::object();
}

}  // namespace

void RegisterCoverageRoutes(http::Server& s, const Deps& d) {
  s.Get("/logistics/coverage", {.permission = kRead}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(RegionCode region, http::ScopedRegion(req));
    ASSIGN_OR_RETURN(Period period, PeriodFrom(req, d.clock));
    auto conn = d.db.Acquire();
    ASSIGN_OR_RETURN(Coverage c, ComputeCoverage(*conn, region, period));
    return CoverageJson(c);
  });
  s.Get("/logistics/reports/monthly", {.permission = kRead},
        [d](Request& req, Reply& reply) -> Result<Json> {
          return MonthlyReportReply(d, req, reply);
        });
}

}  // namespace ruralec::logistics::api
