#include "calendar/api/calendar_handlers.h"

#include "calendar/calendar.h"
#include "calendar/chinese_days.h"
#include "http/audit_entry.h"
#include "http/params.h"

namespace ruralec::calendar::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Result<int> PathYear(const Request& req) {
  ASSIGN_OR_RETURN(int64_t y, http::PathId(req, 1, "year"));
  if (y < 1949 || y > 2100) return Error::Invalid("year", "年份超出范围");
  return static_cast<int>(y);
}

Json DaysJson(int year, const std::vector<Day>& days) {
  Json arr = Json::array();
  for (const Day& d : days) {
    arr.push_back({{"date", d.date.ToString()}, {"kind", DayKindName(d.kind)}, {"name", d.name}});
  }
  return Json{{"year", year}, {"days", arr}};
}

}  // namespace

void RegisterRoutes(http::Server& s, storage::Database& db, const audit::AuditLog& audit,
                    const Clock& clock) {
  s.Get("/calendar/years", {.permission = "calendar:read"},
        [&db](Request&, Reply&) -> Result<Json> {
          auto conn = db.Acquire();
          ASSIGN_OR_RETURN(auto years, ListYears(*conn));
          Json out = Json::array();
          for (const auto& y : years) {
            out.push_back({{"year", y.year},
                           {"source", y.source},
                           {"holidays", y.holidays},
                           {"workdays", y.workdays}});
          }
          return out;
        });
  s.Get(R"(/calendar/(\d{4}))", {.permission = "calendar:read"},
        [&db](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int year, PathYear(req));
          auto conn = db.Acquire();
          ASSIGN_OR_RETURN(auto days, YearDays(*conn, year));
          return DaysJson(year, days);
        });
  s.Put(R"(/calendar/(\d{4}))", {.permission = "calendar:edit"},
        [&db, &audit, &clock](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int year, PathYear(req));
          ASSIGN_OR_RETURN(Json b, req.Body());
          ASSIGN_OR_RETURN(auto days, ParseDaysJson(b.dump()));
          auto conn = db.Acquire();
          RETURN_IF_ERROR(storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
            RETURN_IF_ERROR(PutYear(*conn, year, days, "admin", clock.NowMs()));
            return audit.Append(*conn, http::AuditEntry(req, "calendar.year.put", "calendar", year,
                                                        std::to_string(days.size()) + " days"));
          }));
          return DaysJson(year, days);
        });
  s.Get("/calendar/workdays-after", {.permission = "calendar:read"},
        [&db](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(CivilDate from, CivilDate::Parse(req.Query("date"), "date"));
          ASSIGN_OR_RETURN(int64_t n, req.QueryInt("n", -1));
          if (n < 0 || n > 3650) return Error::Invalid("n", "工作日数应在0到3650之间");
          auto conn = db.Acquire();
          ASSIGN_OR_RETURN(Calendar cal, Load(*conn));
          ASSIGN_OR_RETURN(CivilDate d, cal.WorkdaysAfter(from, static_cast<int>(n)));
          return Json{{"date", d.ToString()}};
        });
}

}  // namespace ruralec::calendar::api
