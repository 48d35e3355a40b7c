#include "funds/figures.h"

#include <gtest/gtest.h>

#include <functional>

namespace ruralec::funds {
namespace {

// 004's shape: a fund of 1,000万 in three categories, advances up to 50% before acceptance.
FundState State() {
  FundState s;
  s.fund.amount = Fen{1'000'000'000};
  s.fund.advance_pct = 50;
  s.fund.categories = {{"public_service_center", "公共服务中心", Fen{300'000'000}},
                       {"logistics", "物流体系", Fen{400'000'000}},
                       {"uplink", "农产品上行", Fen{300'000'000}}};
  s.projects["P1"] = {"P1", "县级物流中心", ProjectStatus::kOpen};
  s.projects["P2"] = {"P2", "上行品牌", ProjectStatus::kAccepted};
  s.balances[{Kind::kTreasury, "", ""}] = -800'000'000;  // 800万 arrived
  s.balances[{Kind::kAvailable, "", ""}] = 600'000'000;
  s.balances[{Kind::kCommitted, "logistics", "P1"}] = 60'000'000;
  s.balances[{Kind::kAdvanced, "logistics", "P1"}] = 40'000'000;  // P1 approved 100万
  s.balances[{Kind::kPaid, "uplink", "P2"}] = 100'000'000;        // P2 approved 100万
  return s;
}

TEST(FiguresTest, PlanApprovedAndPaidPerCategoryAndForTheFund) {
  FundFigures f = FiguresOf(State(), {});
  EXPECT_EQ(f.arrived.value, 800'000'000);
  EXPECT_EQ(f.available.value, 600'000'000);
  ASSERT_EQ(f.categories.size(), 3u);
  EXPECT_EQ(f.categories[1].code, "logistics");
  EXPECT_EQ(f.categories[1].planned.value, 400'000'000);
  EXPECT_EQ(f.categories[1].approved.value, 100'000'000);
  EXPECT_EQ(f.categories[1].committed.value, 60'000'000);
  EXPECT_EQ(f.categories[1].advanced.value, 40'000'000);
  EXPECT_EQ(f.categories[2].paid.value, 100'000'000);
  EXPECT_EQ(f.total.planned.value, 1'000'000'000);
  EXPECT_EQ(f.total.approved.value, 200'000'000);
  EXPECT_EQ(f.total.paid.value, 100'000'000);
  // Money is conserved: arrived = available + everything approved.
  EXPECT_EQ(f.arrived.value, f.available.value + f.total.approved.value);
}

// The constraint panel: one row per situation, what it shows.
TEST(FiguresTest, ConstraintPanel) {
  struct Case {
    const char* name;
    std::function<void(FundState&, std::map<std::string, UplinkSums>&)> change;
    int64_t psc_bp, uplink_bp;
    bool psc_over, uplink_met;
    std::vector<std::string> advance_over;
  };
  std::vector<Case> cases = {
      {"nothing recorded about uplink: 0% of the approved",
       [](auto&, auto&) {},
       0,
       0,
       false,
       false,
       {}},
      {"both projects fully uplink",
       [](auto&, auto& u) {
         u["P1"] = {100'000'000 * 100LL, 100'000'000};
         u["P2"] = {100'000'000 * 100LL, 100'000'000};
       },
       0,
       10000,
       false,
       true,
       {}},
      {"P1 60% (weights 100万), P2 30%: 45% misses the 50%",
       [](auto&, auto& u) {
         u["P1"] = {100'000'000 * 60LL, 100'000'000};
         u["P2"] = {50'000'000 * 30LL, 50'000'000};  // its share, whatever the commit sizes
       },
       0,
       4500,
       false,
       false,
       {}},
      {"公共服务中心 at exactly 15% is not over",
       [](auto& s, auto&) {
         s.projects["P3"] = {"P3", "公共服务中心", ProjectStatus::kOpen};
         s.balances[{Kind::kCommitted, "public_service_center", "P3"}] = 150'000'000;
       },
       1500,
       0,
       false,
       false,
       {}},
      {"公共服务中心 one fen over 15% is over",
       [](auto& s, auto&) {
         s.projects["P3"] = {"P3", "公共服务中心", ProjectStatus::kOpen};
         s.balances[{Kind::kCommitted, "public_service_center", "P3"}] = 150'100'000;
       },
       1501,
       0,
       true,
       false,
       {}},
      {"an advance above 50% after a decommitment is flagged",
       [](auto& s, auto&) {
         s.balances[{Kind::kCommitted, "logistics", "P1"}] = 30'000'000;
       },
       0,
       0,
       false,
       false,
       {"P1"}},
      {"nothing approved: no uplink share to show",
       [](auto& s, auto&) {
         for (auto& [a, v] : s.balances)
           if (a.kind != Kind::kTreasury && a.kind != Kind::kAvailable) v = 0;
       },
       0,
       -1,
       false,
       false,
       {}},
  };
  for (const auto& c : cases) {
    FundState s = State();
    std::map<std::string, UplinkSums> uplink;
    c.change(s, uplink);
    Constraints got = FiguresOf(s, uplink).constraints;
    EXPECT_EQ(got.psc_bp, c.psc_bp) << c.name;
    EXPECT_EQ(got.psc_over, c.psc_over) << c.name;
    EXPECT_EQ(got.uplink_bp, c.uplink_bp) << c.name;
    EXPECT_EQ(got.uplink_met, c.uplink_met) << c.name;
    EXPECT_EQ(got.advance_over, c.advance_over) << c.name;
  }
}

// A failed project still holding money is listed until its advance is clawed back and its
// commitment decommitted; a failed project holding nothing, or an open one, is not.
TEST(FiguresTest, FailedProjectsStillHoldingMoneyAreListed) {
  FundState s = State();
  EXPECT_TRUE(FiguresOf(s, {}).constraints.failed_holding.empty());
  s.projects["P1"].status = ProjectStatus::kFailed;
  EXPECT_EQ(FiguresOf(s, {}).constraints.failed_holding, std::vector<std::string>{"P1"});
  s.balances[{Kind::kClawback, "logistics", "P1"}] = 40'000'000;  // the advance clawed back
  s.balances[{Kind::kAdvanced, "logistics", "P1"}] = 0;
  EXPECT_EQ(FiguresOf(s, {}).constraints.failed_holding, std::vector<std::string>{"P1"});
  s.balances[{Kind::kAvailable, "", ""}] += 60'000'000;  // the commitment decommitted
  s.balances[{Kind::kCommitted, "logistics", "P1"}] = 0;
  EXPECT_TRUE(FiguresOf(s, {}).constraints.failed_holding.empty());
  s.projects["P3"] = {"P3", "未拨款项目", ProjectStatus::kFailed};
  EXPECT_TRUE(FiguresOf(s, {}).constraints.failed_holding.empty());
}

}  // namespace
}  // namespace ruralec::funds
