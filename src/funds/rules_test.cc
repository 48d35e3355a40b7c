#include "funds/rules.h"

#include <gtest/gtest.h>

namespace ruralec::funds {
namespace {

// A fund of 1,000万 with 004's three categories (public service centre capped at 15% 原则上),
// advances up to 50% before acceptance; three projects: open, accepted, failed.
FundState State() {
  FundState s;
  s.fund.amount = Fen{1'000'000'000};  // 1,000万元
  s.fund.advance_pct = 50;
  s.fund.categories = {{"public_service_center", "公共服务中心", Fen{300'000'000}},
                       {"logistics", "物流体系", Fen{400'000'000}},
                       {"uplink", "农产品上行", Fen{300'000'000}}};
  s.projects["P1"] = {"P1", "县级物流中心", ProjectStatus::kOpen};
  s.projects["P2"] = {"P2", "上行品牌", ProjectStatus::kAccepted};
  s.projects["P3"] = {"P3", "镇级站点", ProjectStatus::kFailed};
  s.balances[{Kind::kTreasury, "", ""}] = -800'000'000;
  s.balances[{Kind::kAvailable, "", ""}] = 500'000'000;
  s.balances[{Kind::kCommitted, "logistics", "P1"}] = 100'000'000;  // 100万 approved
  s.balances[{Kind::kCommitted, "uplink", "P2"}] = 50'000'000;
  s.balances[{Kind::kPaid, "uplink", "P2"}] = 50'000'000;
  s.balances[{Kind::kAdvanced, "public_service_center", "P3"}] = 20'000'000;
  s.balances[{Kind::kCommitted, "public_service_center", "P3"}] = 80'000'000;
  return s;
}

TransferRequest Req(Op op, const char* cat, const char* prj, int64_t fen) {
  TransferRequest r;
  r.op = op;
  r.category = cat;
  r.project = prj;
  r.amount = Fen{fen};
  r.value_date = CivilDate(2024, 5, 10);
  r.document = "埇财建〔2024〕12号";
  r.purpose = op == Op::kCommit ? "logistics" : "";
  r.idempotency_key = "k";
  return r;
}

// One row per rule: the request, how it is changed, and the words of the refusal ("" = allowed).
TEST(CheckTransferTest, EachRuleRefusesWithItsFiguresAndAllowsWhatItShould) {
  struct Case {
    const char* name;
    TransferRequest r;
    const char* want;
  };
  auto with = [](TransferRequest r, auto fn) {
    fn(r);
    return r;
  };
  std::vector<Case> cases = {
      {"arrival", Req(Op::kArrive, "", "", 200'000'000), ""},
      {"zero amount", Req(Op::kArrive, "", "", 0), "金额必须大于0"},
      {"no document", with(Req(Op::kArrive, "", "", 1), [](auto& r) { r.document.clear(); }),
       "依据文件"},
      {"commit within plan", Req(Op::kCommit, "logistics", "P1", 300'000'000), ""},
      {"commit over plan", Req(Op::kCommit, "logistics", "P1", 300'000'001),
       "物流体系已安排1,000,000.00元，再安排3,000,000.01元将超过计划4,000,000.00元"},
      {"forbidden purpose",
       with(Req(Op::kCommit, "logistics", "P1", 1), [](auto& r) { r.purpose = "traffic"; }),
       "专项资金不得用于购买流量"},
      {"no purpose", with(Req(Op::kCommit, "logistics", "P1", 1), [](auto& r) { r.purpose = ""; }),
       "请选择资金用途"},
      {"commit to a failed project", Req(Op::kCommit, "public_service_center", "P3", 50'000'000),
       "验收不合格"},
      {"unknown category", Req(Op::kCommit, "roads", "P1", 1), "资金计划中没有类别: roads"},
      {"unknown project", Req(Op::kCommit, "logistics", "P9", 1), "该资金没有项目: P9"},
      {"advance within 50%", Req(Op::kAdvance, "logistics", "P1", 50'000'000), ""},
      {"advance over 50%", Req(Op::kAdvance, "logistics", "P1", 50'000'001),
       "预拨累计500,000.01元将超过核定补助1,000,000.00元的50%"},
      {"advance after acceptance", Req(Op::kAdvance, "uplink", "P2", 1), "预拨只能在验收前办理"},
      {"pay before acceptance", Req(Op::kPay, "logistics", "P1", 1), "未通过验收"},
      {"pay after acceptance", Req(Op::kPay, "uplink", "P2", 50'000'000), ""},
      {"pay more than committed", Req(Op::kPay, "uplink", "P2", 50'000'001),
       "余额不足: 项目P2的已安排未拨付余额500,000.00元，本次500,000.01元"},
      {"claw back a failed project's advance",
       Req(Op::kClawback, "public_service_center", "P3", 20'000'000), ""},
      {"claw back more than advanced",
       Req(Op::kClawback, "public_service_center", "P3", 20'000'001),
       "余额不足: 项目P3的已预拨余额200,000.00元"},
      {"claw back an open project", Req(Op::kClawback, "logistics", "P1", 1),
       "只有验收不合格的项目"},
      {"give back more than available", Req(Op::kGiveBack, "", "", 500'000'001),
       "余额不足: 可用资金余额5,000,000.00元"},
      {"reclaim an award over-payment",
       with(Req(Op::kReclaim, "uplink", "P2", 50'000'000), [](auto& r) { r.reason = "第2版核减"; }),
       ""},
      {"reclaim more than was paid",
       with(Req(Op::kReclaim, "uplink", "P2", 50'000'001), [](auto& r) { r.reason = "第2版核减"; }),
       "追回多付500,000.01元超过项目P2在农产品上行已拨付的500,000.00元"},
      {"reclaim where nothing was paid",
       with(Req(Op::kReclaim, "logistics", "P1", 1), [](auto& r) { r.reason = "第2版核减"; }),
       "追回多付0.01元超过项目P1在物流体系已拨付的0.00元"},
      {"reclaim without its reason", Req(Op::kReclaim, "uplink", "P2", 1), "须写明依据"},
      {"recover a reclaimed over-payment", Req(Op::kRecover, "uplink", "P2", 1),
       "余额不足: 项目P2的应追回余额0.00元"},
  };
  FundState s = State();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto [from, to] = MovementOf(c.r.op, c.r.category, c.r.project);
    Status st = CheckTransfer(s, c.r, from, to);
    if (std::string(c.want).empty()) {
      EXPECT_TRUE(st.ok()) << st.error().message;
    } else {
      ASSERT_FALSE(st.ok());
      EXPECT_NE(st.error().message.find(c.want), std::string::npos) << st.error().message;
    }
  }
}

TEST(CheckTransferTest, PublicServiceCentreOverFifteenPercentNeedsAReason) {
  FundState s = State();
  s.projects["P4"] = {"P4", "县级公共服务中心", ProjectStatus::kOpen};
  // 150万 is 15% of 1,000万: allowed; one fen more needs a reason.
  TransferRequest r = Req(Op::kCommit, "public_service_center", "P4", 150'000'000 - 100'000'000);
  r.purpose = "public_service";
  auto [from, to] = MovementOf(r.op, r.category, r.project);
  EXPECT_TRUE(CheckTransfer(s, r, from, to).ok());
  r.amount = Fen{r.amount.value + 1};
  Status st = CheckTransfer(s, r, from, to);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().field, "reason");
  EXPECT_NE(st.error().message.find("占资金总额的15.0%，超过15%"), std::string::npos)
      << st.error().message;
  r.reason = "县级中心承担全县仓储分拣，经县政府常务会议研究";
  EXPECT_TRUE(CheckTransfer(s, r, from, to).ok());
}

TEST(CheckTransferTest, NoAdvanceWhereTheFundPaysOnlyAfterAcceptanceAndNothingIntoClosedDays) {
  FundState s = State();
  s.fund.advance_pct = 0;  // 000: 验收后拨付
  TransferRequest r = Req(Op::kAdvance, "logistics", "P1", 1);
  auto [from, to] = MovementOf(r.op, r.category, r.project);
  Status st = CheckTransfer(s, r, from, to);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().message.find("验收前不预拨"), std::string::npos);
  s.fund.closed_through = CivilDate(2024, 5, 10);
  TransferRequest a = Req(Op::kArrive, "", "", 1);
  auto [f2, t2] = MovementOf(a.op, "", "");
  st = CheckTransfer(s, a, f2, t2);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().message, "该资金已结账至2024-05-10，不能记入2024-05-10");
  a.value_date = CivilDate(2024, 5, 11);
  EXPECT_TRUE(CheckTransfer(s, a, f2, t2).ok());
}

}  // namespace
}  // namespace ruralec::funds

namespace ruralec::funds {
namespace {

PlanChange Change(const char* code, int64_t fen) {
  PlanChange c;
  c.code = code;
  c.planned = Fen{fen};
  c.document = "埇财〔2024〕30号";
  c.reason = "调整";
  return c;
}

// The state above: logistics plans 400万 and has approved 100万; the three plans total the
// fund's 1,000万, so no plan may rise without another falling.
TEST(CheckPlanChangeTest, RefusesWithTheFieldAndFigures) {
  struct Case {
    const char* name;
    PlanChange c;
    const char* field;  // "" = allowed
    const char* want;
  };
  PlanChange no_doc = Change("logistics", 300'000'000), no_reason = no_doc;
  no_doc.document.clear();
  no_reason.reason.clear();
  const std::vector<Case> cases = {
      {"lower, above approved", Change("logistics", 100'000'000), "", ""},
      {"below approved", Change("logistics", 99'999'999), "planned_fen", "已安排1,000,000.00元"},
      {"over the fund", Change("logistics", 400'000'001), "planned_fen", "超过资金总额"},
      {"unknown category", Change("brand", 1), "code", "没有类别"},
      {"negative", Change("logistics", -1), "planned_fen", "不能为负"},
      {"no document", no_doc, "document", "依据文件"},
      {"no reason", no_reason, "reason", "理由"},
  };
  for (const auto& k : cases) {
    Status s = CheckPlanChange(State(), k.c);
    if (*k.field == '\0') {
      EXPECT_TRUE(s.ok()) << k.name << ": " << s.error().message;
      continue;
    }
    ASSERT_FALSE(s.ok()) << k.name;
    EXPECT_EQ(s.error().field, k.field) << k.name;
    EXPECT_NE(s.error().message.find(k.want), std::string::npos)
        << k.name << ": " << s.error().message;
  }
}

TEST(CheckSettlementTest, OnlyTheCloseAtTheEndOfValidityAssertsTheUplinkShare) {
  Fund f;
  f.valid_to = CivilDate(2021, 12, 31);
  struct Case {
    CivilDate through;
    int64_t uplink_bp;
    bool ok;
  } cases[] = {
      {CivilDate(2021, 6, 30), 1000, true},   // a period's close
      {CivilDate(2021, 12, 31), 5000, true},  // exactly 50%
      {CivilDate(2021, 12, 31), 4999, false}, {CivilDate(2022, 3, 31), 0, false},
      {CivilDate(2021, 12, 31), -1, true},  // nothing approved: no share to assert
  };
  for (const auto& c : cases) {
    Status s = CheckSettlement(f, c.through, c.uplink_bp);
    EXPECT_EQ(s.ok(), c.ok) << c.through.ToString() << " " << c.uplink_bp;
    if (!s.ok()) {
      EXPECT_EQ(s.error().field, "through");
    }
  }
}

}  // namespace
}  // namespace ruralec::funds
