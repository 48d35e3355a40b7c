// The rules of reclaiming an award over-payment (award_reclaim.h) as pure functions: how much an
// item may take back given what its subject was paid (paid − owed, whatever the item's delta),
// and the state of each reclaim read from the claw-back balances (the oldest live reclaim is
// settled first). The routes, the ledger
// transfer and the item settled in one transaction: tests/api/cases/funds_reclaims.test.
#include "funds/award_reclaim.h"

#include <gtest/gtest.h>

namespace ruralec::funds {
namespace {

award::PayableItem Item(int64_t amount, int64_t delta, const char* status = "open") {
  award::PayableItem i;
  i.id = 7;
  i.list_id = 3;
  i.payee_name = "甲电商有限公司";
  i.amount_fen = amount;
  i.delta_fen = delta;
  i.status = status;
  return i;
}

TEST(ReclaimableAmountTest, WhatWasPaidBeyondWhatTheLatestVersionOwes) {
  struct Case {
    const char* name;
    award::PayableItem item;
    int64_t paid;
    int64_t want;      // when allowed
    const char* word;  // of the refusal ("" = allowed)
  };
  const std::vector<Case> cases = {
      {"paid 10万, now 5万: 5万", Item(5'000'000, -5'000'000), 10'000'000, 5'000'000, ""},
      {"dropped out: all it was paid", Item(0, -5'000'000), 5'000'000, 5'000'000, ""},
      // Version 2 (+2万) was superseded before it was paid: version 3 (−7万 against it) may take
      // back only what was paid beyond its 5万.
      {"an unpaid earlier delta", Item(5'000'000, -7'000'000), 10'000'000, 5'000'000, ""},
      {"an earlier reclaim already took part", Item(3'000'000, -4'000'000), 5'000'000, 2'000'000,
       ""},
      {"the earlier version was never paid", Item(6'000'000, -4'000'000), 0, 0,
       "甲电商有限公司已拨付0.00元，不超过新版本核定的60,000.00元，没有多付可追回"},
      {"paid exactly what is owed", Item(6'000'000, -4'000'000), 6'000'000, 0, "没有多付可追回"},
      // Version 2 cut 10万 to 6万 and was superseded before its reclaim was raised; version 3
      // keeps 6万 (delta 0) and takes back what version 2 would have: 4万.
      {"no reduction now, an earlier one never reclaimed", Item(6'000'000, 0), 10'000'000,
       4'000'000, ""},
      // 10万 paid, version 2 (5万) superseded unreclaimed, version 3 3万 (−2万 against it): 7万.
      {"more than the last delta", Item(3'000'000, -2'000'000), 10'000'000, 7'000'000, ""},
      {"superseded", Item(0, -5'000'000, "superseded"), 5'000'000, 0, "已被新版本清单取代"},
      {"settled", Item(0, -5'000'000, "paid"), 5'000'000, 0, "已处理"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto got = ReclaimableAmount(c.item, c.paid);
    if (std::string(c.word).empty()) {
      ASSERT_TRUE(got.ok()) << got.error().message;
      EXPECT_EQ(*got, c.want);
    } else {
      ASSERT_FALSE(got.ok());
      EXPECT_NE(got.error().message.find(c.word), std::string::npos) << got.error().message;
    }
  }
}

AwardReclaim Reclaim(int64_t id, const char* project, int64_t amount, bool reversed = false) {
  AwardReclaim a;
  a.id = id;
  a.category = "awards";
  a.project = project;
  a.amount = a.outstanding = Fen{amount};
  if (reversed) a.reversed_by = TransferId{100 + id};
  return a;
}

TEST(ReclaimStatesTest, RecoveriesSettleTheOldestLiveReclaimFirst) {
  FundState s;
  // 甲: reclaims of 5万 (1) and 3万 (3) = 8万 owed; 6万 came back, 2万 still owed.
  s.balances[{Kind::kClawback, "awards", "A"}] = 2'000'000;
  // 乙: a reclaim of 4万 reversed (2), nothing owed; 丙: 1万 raised, nothing back.
  s.balances[{Kind::kClawback, "awards", "C"}] = 1'000'000;
  std::vector<AwardReclaim> all = {Reclaim(3, "A", 3'000'000), Reclaim(1, "A", 5'000'000),
                                   Reclaim(2, "B", 4'000'000, true), Reclaim(4, "C", 1'000'000)};
  ReclaimStates(all, s);
  EXPECT_EQ(all[0].state, ReclaimState::kPartlyRecovered);  // the newest holds what is owed
  EXPECT_EQ(all[0].outstanding.value, 2'000'000);
  EXPECT_EQ(all[0].recovered.value, 1'000'000);
  EXPECT_EQ(all[1].state, ReclaimState::kRecovered);
  EXPECT_EQ(all[1].recovered.value, 5'000'000);
  EXPECT_EQ(all[2].state, ReclaimState::kReversed);
  EXPECT_EQ(all[2].outstanding.value, 0);
  EXPECT_EQ(all[3].state, ReclaimState::kRaised);
  EXPECT_EQ(all[3].outstanding.value, 1'000'000);
  EXPECT_STREQ(ReclaimStateLabel(all[0].state), "部分追回");
  EXPECT_EQ(ReclaimKey(3, 7), "award-list-3-item-7-reclaim");
}

}  // namespace
}  // namespace ruralec::funds
