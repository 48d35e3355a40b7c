// The demo county's plan and business data (issue 26 item 12): seed 002 (埇桥区's 2019 upgrade
// plan) loaded as a programme, generated businesses with a year of online sales (2019, the plan's
// first year), and the 2019 award list made by the county user, proposed and approved by the
// finance user — so every page a newcomer opens has something real to look at. The database is
// marked as a demo (account::MarkDemo): the console shows a banner on every page.
#include <filesystem>
#include <iostream>

#include "account/account.h"
#include "app/app_context.h"
#include "app/demo_internal.h"
#include "award/service.h"
#include "entity/demo.h"
#include "programme/check.h"
#include "programme/store.h"
#include "runtime/cli.h"
#include "sales/demo.h"

namespace ruralec::app {
namespace {

namespace fs = std::filesystem;

constexpr char kSeedFile[] = "002_yongqiao_2019_upgrade.yaml";
constexpr int kDemoYear = 2019;

// programmes/ beside the reference data (the checkout or the installed tree).
std::string SeedPath() {
  if (const char* env = std::getenv("RURALEC_PROGRAMMES")) return fs::path(env) / kSeedFile;
  return fs::path(runtime::RefdataDir()).parent_path() / "programmes" / kSeedFile;
}

Result<int64_t> LoadPlan(AppContext& ctx) {
  std::string path = SeedPath();
  programme::ParsedProgramme parsed = programme::CheckFile(path, runtime::ChinaDivisionDir());
  if (!parsed.issues.empty())
    return Error::Invalid("programme",
                          "演示方案 " + path + " 未通过检查: " + parsed.issues.front().message);
  auto conn = ctx.db().Acquire();
  ASSIGN_OR_RETURN(auto stored, programme::StoreProgramme(*conn, parsed.programme, parsed.text,
                                                          kSeedFile, ctx.clock().NowMs()));
  return stored.programme_id;
}

// Evaluate 2019, store the draft as the county user, propose it, approve it as finance.
Result<award::ListInfo> AwardList(AppContext& ctx, int64_t programme_id,
                                  const account::Principal& maker,
                                  const account::Principal& checker) {
  award::Lists lists(ctx.db(), ctx.audit(), ctx.clock());
  ASSIGN_OR_RETURN(
      auto pe, award::EvaluateProgramme(ctx.db(), lists, programme_id, std::to_string(kDemoYear),
                                        &maker, runtime::ChinaDivisionDir()));
  ASSIGN_OR_RETURN(award::ListInfo l, lists.CreateDraft(maker, {programme_id, pe.stored.key,
                                                                pe.scope, &pe.evaluation}));
  RETURN_IF_ERROR(lists.Propose(maker, l.id));
  return lists.Approve(checker, l.id);
}

}  // namespace

Status DemoBusinessData(AppContext& ctx, const RegionCode& county) {
  int64_t now = ctx.clock().NowMs();
  account::Principal maker, checker;
  {
    auto conn = ctx.db().Acquire();
    RETURN_IF_ERROR(account::MarkDemo(*conn, ShanghaiDate(now).ToString(), now));
    ASSIGN_OR_RETURN(maker, account::PrincipalFor(*conn, "county"));
    ASSIGN_OR_RETURN(checker, account::PrincipalFor(*conn, "finance"));
  }
  ASSIGN_OR_RETURN(int64_t pid, LoadPlan(ctx));
  std::vector<entity::DemoBusiness> businesses;
  sales::DemoLedger ledger;
  {
    auto conn = ctx.db().Acquire();
    ASSIGN_OR_RETURN(businesses, entity::GenerateDemo(*conn, ctx.cipher(), maker, county, now));
    ASSIGN_OR_RETURN(ledger, sales::GenerateDemo(*conn, maker, businesses, kDemoYear, now));
  }
  ASSIGN_OR_RETURN(award::ListInfo list, AwardList(ctx, pid, maker, checker));
  std::cout << "  实施方案 / programme: " << kSeedFile << " (id " << pid << ")\n  "
            << businesses.size() << " 个经营主体（演示）, " << ledger.rows << " 条 " << kDemoYear
            << " 年网销台账（上行合计 " << Fen{ledger.uplink_fen}.ToPlain() << " 元）\n  "
            << kDemoYear << " 年奖补清单 第" << list.version
            << "版 已审核（county 编制，finance 审核）: " << list.payable_count << " 行应付，合计 "
            << Fen{list.total_fen}.ToPlain() << " 元\n";
  return {};
}

}  // namespace ruralec::app
