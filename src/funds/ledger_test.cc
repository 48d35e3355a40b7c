#include "funds/ledger.h"

#include <gtest/gtest.h>

#include "storage/testing.h"

namespace ruralec::funds {
namespace {

// 003: 1,500万 of central funds, two tranches; categories as 004 plans them.
Fund Central() {
  Fund f;
  f.county_code = "341302000000";
  f.name = "2024年电子商务进农村综合示范中央资金";
  f.source = Source::kCentral;
  f.amount = Fen{1'500'000'000};
  f.advance_pct = 50;
  f.valid_from = CivilDate(2024, 1, 1);
  f.valid_to = CivilDate(2026, 12, 31);
  f.document = "财建〔2024〕100号";
  f.categories = {{"public_service_center", "公共服务中心", Fen{450'000'000}},
                  {"logistics", "物流体系", Fen{600'000'000}},
                  {"uplink", "农产品上行", Fen{450'000'000}}};
  return f;
}

class LedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto id = CreateFund(*conn_, Central(), by_);
    ASSERT_TRUE(id.ok()) << id.error().message;
    fund_ = *id;
    ASSERT_TRUE(PutProject(*conn_, fund_, {"P1", "县级物流配送中心"}).ok());
  }
  Result<Transfer> Do(Op op, int64_t fen, const std::string& key, const char* prj = "P1") {
    TransferRequest r;
    r.op = op;
    r.category = op == Op::kArrive ? "" : "logistics";
    r.project = op == Op::kArrive ? "" : prj;
    r.amount = Fen{fen};
    r.value_date = CivilDate(2024, 6, 1);
    r.document = "凭证" + key;
    r.purpose = op == Op::kCommit ? "logistics" : "";
    r.idempotency_key = key;
    return Move(*conn_, mac_, fund_, r, by_);
  }
  int64_t BalanceOf(Kind k, const char* cat = "logistics", const char* prj = "P1") {
    auto all = Balances(*conn_, fund_);
    for (const auto& b : *all)
      if (b.account == Account{k, cat, prj}) return b.balance.value;
    return 0;
  }
  VerifyReport Check() {
    auto rep = Verify(*conn_, mac_);
    EXPECT_TRUE(rep.ok());
    return rep.ok() ? *rep : VerifyReport{false};
  }

  storage::testing::TempDatabase db_;
  storage::Database::Lease conn_ = db_.db().Acquire();
  crypto::RecordMac mac_ = crypto::RecordMac::FromKey({1, 2, 3});
  Actor by_{7, 1'717'200'000'000};
  FundId fund_;
};

TEST_F(LedgerTest, ARepeatedKeyMovesNothingAndADifferentCommandUnderItIsRefused) {
  ASSERT_TRUE(Do(Op::kArrive, 1'000'000'000, "tranche-1").ok());
  auto first = Do(Op::kCommit, 200'000'000, "approve-P1");
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto again = Do(Op::kCommit, 200'000'000, "approve-P1");  // a double click
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->repeated);
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(BalanceOf(Kind::kCommitted), 200'000'000);
  EXPECT_EQ(BalanceOf(Kind::kAvailable, "", ""), 800'000'000);
  auto other = Do(Op::kCommit, 300'000'000, "approve-P1");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().field, "idempotency_key");
  EXPECT_EQ(BalanceOf(Kind::kCommitted), 200'000'000);
}

TEST_F(LedgerTest, AProjectIsPaidAfterAcceptanceAndAReversalHappensOnce) {
  ASSERT_TRUE(Do(Op::kArrive, 1'000'000'000, "t1").ok());
  ASSERT_TRUE(Do(Op::kCommit, 200'000'000, "c1").ok());
  ASSERT_TRUE(Do(Op::kAdvance, 100'000'000, "a1").ok());
  EXPECT_FALSE(Do(Op::kAdvance, 1, "a2").ok());  // 50% of 200万 reached
  EXPECT_FALSE(Do(Op::kPay, 1, "p0").ok());      // not accepted yet
  ASSERT_TRUE(
      PutProject(*conn_, fund_,
                 {"P1", "县级物流配送中心", ProjectStatus::kAccepted, CivilDate(2024, 9, 1)})
          .ok());
  ASSERT_TRUE(Do(Op::kSettle, 100'000'000, "s1").ok());
  auto pay = Do(Op::kPay, 100'000'000, "p1");
  ASSERT_TRUE(pay.ok()) << pay.error().message;
  EXPECT_EQ(BalanceOf(Kind::kPaid), 200'000'000);
  EXPECT_EQ(BalanceOf(Kind::kCommitted), 0);
  // The payment was wrong: reversed once, not twice.
  TransferRequest rev;
  rev.op = Op::kReverse;
  rev.reverses = pay->id;
  rev.amount = pay->amount;
  rev.value_date = CivilDate(2024, 9, 2);
  rev.document = "更正通知";
  rev.idempotency_key = "rev-p1";
  ASSERT_TRUE(Move(*conn_, mac_, fund_, rev, by_).ok());
  EXPECT_EQ(BalanceOf(Kind::kPaid), 100'000'000);
  EXPECT_EQ(BalanceOf(Kind::kCommitted), 100'000'000);
  rev.idempotency_key = "rev-p1-again";
  auto twice = Move(*conn_, mac_, fund_, rev, by_);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().message, "这笔资金变动已冲销");
  EXPECT_FALSE(PutProject(*conn_, fund_,
                          {"P1", "县级物流配送中心", ProjectStatus::kFailed, CivilDate(2024, 9, 3)})
                   .ok());
  VerifyReport rep = Check();
  EXPECT_TRUE(rep.ok) << rep.violation;
  EXPECT_EQ(rep.transfers, 6);
}

// verify notices every kind of tampering with the stored rows and names where.
TEST_F(LedgerTest, VerifyNamesAnEditedRowAMissingRowAndAWrongBalance) {
  ASSERT_TRUE(Do(Op::kArrive, 1'000'000'000, "t1").ok());
  ASSERT_TRUE(Do(Op::kCommit, 200'000'000, "c1").ok());
  ASSERT_TRUE(Do(Op::kAdvance, 50'000'000, "a1").ok());
  EXPECT_TRUE(Check().ok);
  struct Case {
    const char* name;
    const char* sql;
    const char* undo;
    const char* want;
  };
  const Case cases[] = {
      {"amount edited", "UPDATE fund_transfers SET amount_fen = 60000000 WHERE seq = 3",
       "UPDATE fund_transfers SET amount_fen = 50000000 WHERE seq = 3", "第3笔: 校验链不符"},
      {"row removed from its place", "UPDATE fund_transfers SET seq = 9 WHERE seq = 2",
       "UPDATE fund_transfers SET seq = 2 WHERE seq = 9", "第3笔: 序号不连续（应为2）"},
      {"balance edited",
       "UPDATE fund_balances SET balance_fen = balance_fen + 1 WHERE kind = 'advanced'",
       "UPDATE fund_balances SET balance_fen = balance_fen - 1 WHERE kind = 'advanced'",
       "advanced/logistics/P1余额记为500,000.01元，按资金变动应为500,000.00元"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    ASSERT_TRUE(conn_->Exec(c.sql).ok());
    VerifyReport rep = Check();
    EXPECT_FALSE(rep.ok);
    EXPECT_NE(rep.violation.find(c.want), std::string::npos) << rep.violation;
    ASSERT_TRUE(conn_->Exec(c.undo).ok());
    EXPECT_TRUE(Check().ok);
  }
  // Another key cannot forge a chain that verifies.
  auto rep = Verify(*conn_, crypto::RecordMac::FromKey({9}));
  ASSERT_TRUE(rep.ok());
  EXPECT_FALSE(rep->ok);
}

TEST_F(LedgerTest, AFundIsRefusedWithTheFieldNamed) {
  Fund f = Central();
  f.categories[0].planned = Fen{f.amount.value};
  auto r = CreateFund(*conn_, f, by_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "categories");
  EXPECT_NE(r.error().message.find("超过资金总额15,000,000.00元"), std::string::npos);
  auto dup = CreateFund(*conn_, Central(), by_);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().field, "name");
  ASSERT_TRUE(CloseThrough(*conn_, fund_, CivilDate(2024, 6, 30)).ok());
  auto late = Do(Op::kArrive, 1, "late");
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().field, "value_date");
}

}  // namespace
}  // namespace ruralec::funds
