// Award payments across versions of a list (award_pay.h) on a migrated database: a run pays
// what the subject is still owed — the latest version's amount less what was actually paid over
// the versions, in any fund — not the item's delta. One table row per story of versions,
// payments, reversals and reclaims; after each, a repeated run moves nothing and verify passes.
// Then a reversed reclaim raised again from the same item (award_reclaim.h).
#include <gtest/gtest.h>

#include <sstream>

#include "funds/testing.h"

namespace ruralec::funds {
namespace {

using testing::kWan;

class AwardPayTest : public testing::AwardLedgerTest {};

struct Case {
  const char* name;
  // "v N": the next version pays subject 1 N万 (0: dropped); "pay" / "pay B": a run of the
  // latest version from fund A / B; "undo pay K": version K's payment reversed; "reclaim" /
  // "undo reclaim": the latest item's reclaim raised (fund A) / reversed.
  std::vector<std::string> steps;
  int64_t run;      // 万 paid by the last run
  int64_t paid;     // 万 the subject holds as paid at the end, over both funds
  int64_t reclaim;  // 万 a reclaim of the latest item would take now
  const char* status;
};

TEST_F(AwardPayTest, ARunPaysWhatIsOwedLessWhatWasActuallyPaidOverTheVersions) {
  const std::vector<Case> cases = {
      {"v1 unpaid, v2 supersedes it: v2 pays its whole amount",
       {"v 10", "v 12", "pay"},
       12,
       12,
       0,
       "paid"},
      {"v1 unpaid, v2 lower: v2 pays its amount", {"v 10", "v 6", "pay"}, 6, 6, 0, "paid"},
      {"v1 paid, v2 higher: the difference", {"v 10", "pay", "v 15", "pay"}, 5, 15, 0, "paid"},
      {"v1 paid, v2 lower: nothing paid, a reclaim offered",
       {"v 10", "pay", "v 6", "pay"},
       0,
       10,
       4,
       "open"},
      {"v1 paid, v2 unpaid, v3: what v1 left",
       {"v 10", "pay", "v 12", "v 15", "pay"},
       5,
       15,
       0,
       "paid"},
      {"v1 paid, v2 lower never reclaimed, v3 as v2: v3's reclaim takes it",
       {"v 10", "pay", "v 6", "v 6", "pay"},
       0,
       10,
       4,
       "open"},
      {"v1 paid and reversed, v2: its whole amount",
       {"v 10", "pay", "undo pay 1", "v 12", "pay"},
       12,
       12,
       0,
       "paid"},
      {"v1 paid, v2 paid and reversed, v3 as v2: v2's part again",
       {"v 10", "pay", "v 15", "pay", "undo pay 2", "v 15", "pay"},
       5,
       15,
       0,
       "paid"},
      {"v1 paid, v2 paid, v1's payment reversed, v3 as v2: v1's part again",
       {"v 10", "pay", "v 15", "pay", "undo pay 1", "v 15", "pay"},
       10,
       15,
       0,
       "paid"},
      {"dropped, then added back: not paid twice",
       {"v 10", "pay", "v 0", "v 10", "pay"},
       0,
       10,
       0,
       "paid"},
      {"reclaimed, then a higher v3: the difference",
       {"v 10", "pay", "v 6", "reclaim", "v 8", "pay"},
       2,
       8,
       0,
       "paid"},
      {"reclaim reversed, then v3 higher than v2: still over-paid",
       {"v 10", "pay", "v 6", "reclaim", "undo reclaim", "v 8", "pay"},
       0,
       10,
       2,
       "open"},
      {"paid from fund A, v2 from fund B: only the difference",
       {"v 10", "pay", "v 15", "pay B"},
       5,
       15,
       0,
       "paid"},
      {"paid from fund A, v2 the same from fund B: nothing",
       {"v 10", "pay", "v 10", "pay B"},
       0,
       10,
       0,
       "paid"},
  };
  int n = 0;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    // Each story is its own programme period, so the stories do not meet.
    const std::string period = std::to_string(2000 + n++);
    const FundId a = MakeFund("资金A" + period), b = MakeFund("资金B" + period);
    const int64_t subject = n;  // projects apart too
    std::vector<int64_t> versions;
    std::optional<AwardReclaim> reclaim;
    int64_t run = -1;
    for (const auto& step : c.steps) {
      std::istringstream in(step);
      std::string verb, what;
      int64_t k = 0;
      in >> verb;
      if (verb == "v") {
        in >> k;
        versions.push_back(Approve({{subject, k * kWan}}, period));
      } else if (verb == "pay") {
        in >> what;
        auto r = Pay(what == "B" ? b : a, versions.back());
        ASSERT_TRUE(r.ok()) << step << ": " << r.error().message;
        run = r->paid.value;
      } else if (verb == "reclaim") {
        auto r = Reclaim(a, versions.back(), ItemId(versions.back(), subject));
        ASSERT_TRUE(r.ok()) << r.error().message;
        reclaim = *r;
      } else if (verb == "undo" && (in >> what, what == "pay")) {
        in >> k;
        const std::string key = AwardPayKey(ItemId(versions.at(k - 1), subject));
        auto t = ByKey(a, key);
        ASSERT_TRUE(t) << step;
        ASSERT_TRUE(Reverse(a, *t, "undo-" + key).ok()) << step;
      } else {
        ASSERT_TRUE(reclaim) << step;
        Transfer t;
        t.id = reclaim->transfer;
        t.amount = reclaim->amount;
        ASSERT_TRUE(Reverse(a, t, "undo-reclaim").ok()) << step;
      }
    }
    EXPECT_EQ(run, c.run * kWan);
    EXPECT_EQ(PaidBalance(subject), c.paid * kWan);
    auto views = AwardItems(Dp(), finance_, a, versions.back());
    ASSERT_TRUE(views.ok()) << views.error().message;
    ASSERT_EQ(views->size(), 1u);
    EXPECT_EQ(views->at(0).reclaim.value, c.reclaim * kWan) << views->at(0).reason;
    EXPECT_EQ(views->at(0).item.status, c.status) << views->at(0).reason;
    EXPECT_EQ(views->at(0).due.value, 0);  // nothing left to pay

    // A repeated run moves nothing; the ledger verifies.
    const int64_t before = Count("SELECT COUNT(*) FROM fund_transfers");
    auto again = Pay(a, versions.back());
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(again->paid.value, 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM fund_transfers"), before);
  }
  auto conn = tdb_.db().Acquire();
  auto rep = Verify(*conn, mac_);
  ASSERT_TRUE(rep.ok());
  EXPECT_TRUE(rep->ok) << rep->violation;
}

TEST_F(AwardPayTest, AnItemStillOwedShowsWhatTheRunWillPay) {
  const FundId a = MakeFund("资金A");
  const int64_t v1 = Approve({{1, 10 * kWan}, {2, 3 * kWan}});
  ASSERT_TRUE(Pay(a, v1).ok());
  // Version 2 (unpaid) raises 1 to 12万 and drops 2; version 3 pays 1 14万 and 2 5万 again.
  Approve({{1, 12 * kWan}});
  const int64_t v3 = Approve({{1, 14 * kWan}, {2, 5 * kWan}});
  auto views = AwardItems(Dp(), finance_, a, v3);
  ASSERT_TRUE(views.ok()) << views.error().message;
  ASSERT_EQ(views->size(), 2u);
  EXPECT_EQ(views->at(0).item.delta_fen, 2 * kWan);  // against version 2
  EXPECT_EQ(views->at(0).due.value, 4 * kWan);       // against what was paid
  EXPECT_TRUE(views->at(0).payable);
  EXPECT_EQ(views->at(1).item.delta_fen, 5 * kWan);  // version 2 dropped it
  EXPECT_EQ(views->at(1).due.value, 2 * kWan);       // 3万 of it was paid
  auto run = Pay(a, v3);
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_EQ(run->paid.value, 6 * kWan);
  EXPECT_EQ(run->paid_items, 2);
  auto pay = ByKey(a, AwardPayKey(views->at(0).item.id));
  ASSERT_TRUE(pay);
  EXPECT_EQ(pay->amount.value, 4 * kWan);
  EXPECT_NE(pay->document.find("应付事项" + std::to_string(views->at(0).item.id)),
            std::string::npos);
}

TEST_F(AwardPayTest, AReversedReclaimIsRaisedAgainAsANewCommand) {
  const FundId a = MakeFund("资金A");
  ASSERT_TRUE(Pay(a, Approve({{1, 10 * kWan}})).ok());
  const int64_t v2 = Approve({{1, 6 * kWan}});
  const int64_t item = ItemId(v2, 1);
  auto first = Reclaim(a, v2, item);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->amount.value, 4 * kWan);
  auto retry = Reclaim(a, v2, item);  // a double click: the first reclaim
  ASSERT_TRUE(retry.ok());
  EXPECT_TRUE(retry->repeated);
  EXPECT_EQ(retry->id, first->id);

  auto t1 = ByKey(a, ReclaimKey(v2, item));
  ASSERT_TRUE(t1);
  auto rev = Reverse(a, *t1, "rev-1");
  ASSERT_TRUE(rev.ok()) << rev.error().message;
  auto views = AwardItems(Dp(), finance_, a, v2);
  ASSERT_TRUE(views.ok());
  EXPECT_EQ(views->at(0).reclaim.value, 4 * kWan);
  EXPECT_EQ(views->at(0).reason, "追回已冲销，可重新追回40,000.00元");

  // Raised again: a new reclaim under a new key; its retry answers it.
  auto again = Reclaim(a, v2, item);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->repeated);
  EXPECT_NE(again->id, first->id);
  EXPECT_EQ(again->amount.value, 4 * kWan);
  EXPECT_EQ(again->state, ReclaimState::kRaised);
  auto t2 = ByKey(a, ReclaimAgainKey(v2, item, rev->id));
  ASSERT_TRUE(t2);
  EXPECT_EQ(t2->id.value, again->transfer.value);
  auto retry2 = Reclaim(a, v2, item);
  ASSERT_TRUE(retry2.ok());
  EXPECT_TRUE(retry2->repeated);
  EXPECT_EQ(retry2->id, again->id);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM fund_transfers WHERE op = 'reclaim'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'funds.award_reclaim'"), 2);
  EXPECT_EQ(PaidBalance(1), 6 * kWan);

  // Reversed again after version 3 replaced version 2: raised from version 3, not from 2.
  ASSERT_TRUE(Reverse(a, *t2, "rev-2").ok());
  const int64_t v3 = Approve({{1, 6 * kWan}});
  auto stale = Reclaim(a, v2, item);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().field, "item_id");
  EXPECT_NE(stale.error().message.find("已被新版本清单取代"), std::string::npos);
  auto third = Reclaim(a, v3, ItemId(v3, 1));
  ASSERT_TRUE(third.ok()) << third.error().message;
  EXPECT_EQ(third->amount.value, 4 * kWan);

  auto all = AwardReclaimsOf(Dp(), finance_, a, 0);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);  // newest first
  EXPECT_EQ(all->at(0).state, ReclaimState::kRaised);
  EXPECT_EQ(all->at(1).state, ReclaimState::kReversed);
  EXPECT_EQ(all->at(2).state, ReclaimState::kReversed);
  auto conn = tdb_.db().Acquire();
  auto rep = Verify(*conn, mac_);
  ASSERT_TRUE(rep.ok());
  EXPECT_TRUE(rep->ok) << rep->violation;
}

TEST_F(AwardPayTest, AnItemPaidOnlyAfterAcceptanceWaitsForItsRecordedAcceptance) {
  const FundId a = MakeFund("资金A");
  const int64_t v1 = Approve({{1, 10 * kWan}, {2, 5 * kWan}}, "2019", true);
  const int64_t i1 = ItemId(v1, 1), i2 = ItemId(v1, 2);
  auto views = AwardItems(Dp(), finance_, a, v1);
  ASSERT_TRUE(views.ok());
  EXPECT_FALSE(views->at(0).payable);
  EXPECT_EQ(views->at(0).reason, "待验收后支付");
  EXPECT_EQ(views->at(0).due.value, 10 * kWan);
  auto none = Pay(a, v1);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->paid.value, 0);

  AwardAcceptance ok{v1, i1, true, CivilDate(2020, 1, 5), "验收意见〔2020〕1号"};
  auto got = RecordAwardAcceptance(Dp(), finance_, a, ok);
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_FALSE(got->repeated);
  EXPECT_TRUE(got->item.payable);
  EXPECT_EQ(got->item.item.acceptance_status, "accepted");
  auto again = RecordAwardAcceptance(Dp(), finance_, a, ok);  // a double click
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->repeated);
  AwardAcceptance turn = ok;
  turn.accepted = false;  // a recorded acceptance is not turned round
  auto refused = RecordAwardAcceptance(Dp(), finance_, a, turn);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "item_id");
  AwardAcceptance fail{v1, i2, false, CivilDate(2020, 1, 5), "验收意见〔2020〕2号"};
  auto failed = RecordAwardAcceptance(Dp(), finance_, a, fail);
  ASSERT_TRUE(failed.ok()) << failed.error().message;
  EXPECT_FALSE(failed->item.payable);
  EXPECT_EQ(failed->item.reason, "验收不合格，不予支付");
  AwardAcceptance nodoc = ok;
  nodoc.document = "";
  EXPECT_EQ(RecordAwardAcceptance(Dp(), finance_, a, nodoc).error().field, "document");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'funds.award_acceptance'"), 2);

  auto run = Pay(a, v1);
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_EQ(run->paid.value, 10 * kWan);
  EXPECT_EQ(run->paid_items, 1);

  // An item that needs no acceptance cannot have one recorded.
  const int64_t plain = Approve({{3, kWan}}, "2018");
  auto needless = RecordAwardAcceptance(
      Dp(), finance_, a, {plain, ItemId(plain, 3), true, CivilDate(2020, 1, 5), "验收意见"});
  ASSERT_FALSE(needless.ok());
  EXPECT_NE(needless.error().message.find("无需验收"), std::string::npos);
}

}  // namespace
}  // namespace ruralec::funds
