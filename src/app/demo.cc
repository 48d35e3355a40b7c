#include "designation/demo.h"

#include <iostream>

#include "account/roles.h"
#include "app/app_context.h"
#include "app/commands.h"
#include "app/demo_internal.h"
#include "calendar/cli/calendar_command.h"
#include "entity/entity.h"
#include "households/demo.h"
#include "matching/demo.h"
#include "region/cli/regions_command.h"
#include "region/region.h"
#include "runtime/cli.h"
#include "station/demo.h"
#include "training/demo.h"

namespace ruralec::app {
namespace {

constexpr char kDemoCounty[] = "341302";  // 宿州市埇桥区, the county of seed 002

struct DemoUser {
  const char* username;
  const char* display_name;
  const char* role;
  enum { kCounty, kTown, kVillage } where;
};

const DemoUser kDemoUsers[] = {
    {"sysadmin", "系统管理员", "system_admin", DemoUser::kCounty},
    {"secadmin", "安全管理员", "security_admin", DemoUser::kCounty},
    {"auditadmin", "审计管理员", "audit_admin", DemoUser::kCounty},
    {"county", "县商务局 张科长", "county_staff", DemoUser::kCounty},
    {"finance", "县财政局 李会计", "finance_staff", DemoUser::kCounty},
    {"town", "乡镇 王干事", "town_staff", DemoUser::kTown},
    {"station", "站点 赵站长", "station_operator", DemoUser::kVillage},
    {"entity", "经营主体 孙经理", "entity", DemoUser::kTown},
    {"trainer", "培训讲师 周老师", "trainer", DemoUser::kCounty},
    {"driver", "物流 吴师傅", "driver", DemoUser::kTown},
    {"auditor", "审计局 郑审计", "auditor", DemoUser::kCounty},
};

Result<std::pair<std::string, std::string>> FirstTownAndVillage(AppContext& ctx) {
  auto conn = ctx.db().Acquire();
  ASSIGN_OR_RETURN(auto towns, region::Children(*conn, *RegionCode::Parse(kDemoCounty), {1, 1}));
  if (towns.items.empty()) return Error::Internal("埇桥区没有乡镇数据");
  ASSIGN_OR_RETURN(auto villages, region::Children(*conn, towns.items[0].code, {1, 1}));
  if (villages.items.empty()) return Error::Internal("乡镇没有村数据");
  return std::pair(towns.items[0].code.str(), villages.items[0].code.str());
}

// The business the demo `entity` user acts for (a bound role needs its object; labelled as
// demo data). The credit code is a valid one used by the tests.
Result<int64_t> DemoEntity(AppContext& ctx, const std::string& town) {
  account::Principal operator_;
  operator_.username = "demo";
  operator_.region = *RegionCode::Parse(kDemoCounty);
  entity::NewEntity e;
  e.uscc = "91341302MA2NAP9013";
  e.name = "埇桥区演示电商有限公司（演示数据）";
  e.region = *RegionCode::Parse(town);
  e.contact_name = "孙经理";
  auto conn = ctx.db().Acquire();
  return entity::Insert(*conn, ctx.cipher(), operator_, e, ctx.clock().NowMs());
}

Result<account::Principal> CountyUser(AppContext& ctx) {
  auto conn = ctx.db().Acquire();
  return account::PrincipalFor(*conn, "county");
}

// Poor households with purchases by the demo entity, employments and shops, entered by the
// demo's county user (households/demo.h).
Status DemoHouseholds(AppContext& ctx, int64_t demo_entity) {
  ASSIGN_OR_RETURN(account::Principal county, CountyUser(ctx));
  ASSIGN_OR_RETURN(auto made,
                   households::GenerateDemo({ctx.db(), ctx.audit(), ctx.clock(), ctx.cipher()},
                                            county, *RegionCode::Parse(kDemoCounty), demo_entity));
  std::cout << "  " << made.households << " 户贫困户（" << made.willing_and_able
            << " 户愿参与、能参与，户主为“演示户”）, " << made.purchases << " 笔收购, "
            << made.employments << " 条就业, " << made.shops << " 个网店\n";
  return {};
}

// Listings through the stations, a demand with its best proposal accepted and an agreement with
// attributed sales, entered by the demo's county user (matching/demo.h).
Status DemoMatching(AppContext& ctx, int64_t demo_entity) {
  ASSIGN_OR_RETURN(account::Principal county, CountyUser(ctx));
  ASSIGN_OR_RETURN(
      auto made, matching::GenerateDemo({ctx.db(), ctx.audit(), ctx.clock(), ctx.cipher()}, county,
                                        *RegionCode::Parse(kDemoCounty), demo_entity));
  std::cout << "  " << made.listings << " 条农产品供应信息, " << made.demands << " 条采购需求（"
            << made.matches << " 次产销对接）, " << made.agreements << " 份合作协议\n";
  return {};
}

// A few designations entered by the demo's county user (designation/demo.h).
Status DemoDesignations(AppContext& ctx) {
  Result<account::Principal> county = CountyUser(ctx);
  ASSIGN_OR_RETURN(auto made, designation::GenerateDemo({ctx.db(), ctx.audit(), ctx.clock(),
                                                         ctx.cipher(), &ctx.indicators()},
                                                        *county, *RegionCode::Parse(kDemoCounty)));
  std::cout << "  " << made.designations << " 条示范创建记录（" << made.recognised
            << " 条已认定）\n";
  return {};
}

// Courses, sessions of the last year taught by the demo trainer, trainees, attendance and
// certificates (training/demo.h).
Status DemoTraining(AppContext& ctx) {
  ASSIGN_OR_RETURN(auto made,
                   training::GenerateDemo({ctx.db(), ctx.audit(), ctx.clock(), ctx.cipher()},
                                          {*RegionCode::Parse(kDemoCounty), "county", "trainer"}));
  std::cout << "  " << made.courses << " 门培训课程, " << made.sessions
            << " 个班次（讲师 trainer）, " << made.trainees << " 名学员, " << made.attendance
            << " 条签到, " << made.qualified << " 人次结业合格\n";
  return {};
}

Status BuildDemo(AppContext& ctx) {
  {
    auto conn = ctx.db().Acquire();
    ASSIGN_OR_RETURN(bool has_users, account::HasUsers(*conn));
    if (has_users) return Error::Conflict("数据库中已有用户，演示数据只能建在新数据库上", "db");
  }
  ASSIGN_OR_RETURN(int64_t regions, region::ImportRegions(ctx, {kDemoCounty}));
  ASSIGN_OR_RETURN(int years, calendar::ImportCalendar(ctx));
  ASSIGN_OR_RETURN(auto places, FirstTownAndVillage(ctx));
  ASSIGN_OR_RETURN(int64_t demo_entity, DemoEntity(ctx, places.first));
  std::cout << "演示县 / demo county: 宿州市埇桥区 341302 (" << regions << " divisions, " << years
            << " calendar years)\n\n一次性口令（首次登录须修改）/ one-time passwords (change at "
               "first login):\n";
  // The stations come first: the `station` user is bound to one (the demo entity is the
  // operator company of its town's village stations).
  ASSIGN_OR_RETURN(auto st,
                   station::GenerateDemo({ctx.db(), ctx.audit(), ctx.clock(), ctx.cipher()},
                                         {*RegionCode::Parse(kDemoCounty),
                                          *RegionCode::Parse(places.second), demo_entity}));
  for (const DemoUser& u : kDemoUsers) {
    std::string region = u.where == DemoUser::kCounty ? std::string(kDemoCounty) + "000000"
                         : u.where == DemoUser::kTown ? places.first
                                                      : places.second;
    account::NewUser nu{u.username, u.display_name, {u.role}, region};
    const account::RoleBinding* bound = account::BindingOf(u.role);
    if (bound && bound->kind == "entity") nu.binding = account::Binding{"entity", demo_entity};
    if (bound && bound->kind == "station" && st.operator_station)
      nu.binding = account::Binding{"station", *st.operator_station};
    ASSIGN_OR_RETURN(auto created, ctx.accounts().CreateUser(nullptr, nu));
    std::printf("  %-11s %-17s %-14s %s\n", u.username, u.role, region.c_str(),
                created.initial_password.c_str());
  }
  std::cout << "\n生成的演示数据 / generated demo data:\n  " << st.stations << " 个服务站点（"
            << st.operating << " 个运营中，用户 station 运营其中一个）, " << st.records
            << " 条服务记录（近12个月）\n";
  // Designations, households and training first: the 2019 award list pays the demonstration,
  // purchase and trainee rules from them.
  RETURN_IF_ERROR(DemoDesignations(ctx));
  RETURN_IF_ERROR(DemoHouseholds(ctx, demo_entity));
  RETURN_IF_ERROR(DemoMatching(ctx, demo_entity));
  RETURN_IF_ERROR(DemoTraining(ctx));
  return DemoBusinessData(ctx, *RegionCode::Parse(kDemoCounty));
}

}  // namespace

void AddDemoCommand(CLI::App& app) {
  auto* demo = app.add_subcommand("demo", "创建演示县数据库 / build a demo county database");
  static AppOptions o;
  demo->add_option("--db", o.db)->required();
  demo->add_option("--key-file", o.key_file);
  demo->callback([] {
    static SystemClock clock;  // outlives the context (a leak under LeakSanitizer before)
    auto ctx = Open(o, clock);
    if (!ctx.ok()) runtime::Fail(ctx.error());
    Status st = BuildDemo(**ctx);
    if (!st.ok()) runtime::Fail(st.error());
  });
}

}  // namespace ruralec::app
