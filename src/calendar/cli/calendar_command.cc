#include "calendar/cli/calendar_command.h"

#include <algorithm>
#include <iostream>

#include "calendar/calendar.h"
#include "calendar/chinese_days.h"
#include "runtime/cli.h"

namespace ruralec::calendar {

Result<int> ImportCalendar(runtime::Context& ctx) {
  ASSIGN_OR_RETURN(auto years, ReadChineseDays(runtime::ChineseDaysJson()));
  auto conn = ctx.db().Acquire();
  return storage::InTransaction<int>(*conn, storage::TxMode::kWrite, [&]() -> Result<int> {
    ASSIGN_OR_RETURN(auto known, ListYears(*conn));
    int added = 0;
    for (const auto& [year, days] : years) {
      bool have = std::any_of(known.begin(), known.end(),
                              [y = year](const auto& k) { return k.year == y; });
      if (have) continue;
      RETURN_IF_ERROR(PutYear(*conn, year, days, "chinese-days", ctx.clock().NowMs()));
      ++added;
    }
    return added;
  });
}

namespace {

void AddWorkdaysAfter(CLI::App* cal, const runtime::CommandEnv& env) {
  auto* after =
      cal->add_subcommand("workdays-after", "D 之后第 N 个工作日 / N-th working day after D");
  static std::string date, db;
  static int n = 0;
  after->add_option("date", date, "YYYY-MM-DD")->required();
  after->add_option("n", n, "N")->required();
  after->add_option("--db", db, "包含管理员添加年份的数据库（可选）");
  after->callback([&env] {
    auto from = CivilDate::Parse(date);
    if (!from.ok()) runtime::Fail(from.error());
    Result<Calendar> cal = Error::Internal("");
    if (db.empty()) {
      cal = ChineseDaysCalendar(runtime::ChineseDaysJson());
    } else {
      auto ctx = runtime::OpenOrFail(env, {db});
      auto conn = ctx->db().Acquire();
      cal = Load(*conn);
    }
    if (!cal.ok()) runtime::Fail(cal.error());
    auto d = cal->WorkdaysAfter(*from, n);
    if (!d.ok()) runtime::Fail(d.error());
    std::cout << d->ToString() << "\n";
  });
}

}  // namespace

void AddCalendarCommand(CLI::App& app, const runtime::CommandEnv& env) {
  auto* cal = app.add_subcommand("calendar", "工作日日历 / working-day calendar");
  cal->require_subcommand(1);
  AddWorkdaysAfter(cal, env);
  auto* imp = cal->add_subcommand("import", "导入 chinese-days 节假日数据 / load chinese-days");
  static runtime::Options o;
  imp->add_option("--db", o.db)->required();
  imp->callback([&env] {
    auto ctx = runtime::OpenOrFail(env, o);
    auto added = ImportCalendar(*ctx);
    if (!added.ok()) runtime::Fail(added.error());
    std::cout << "added " << *added << " years\n";
  });
}

}  // namespace ruralec::calendar
