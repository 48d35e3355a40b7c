// Model-based test of award payments and reclaims across versions of a list (issue 21 "Tests
// that prove it"; award_pay.h, award_reclaim.h): a seeded random sequence — versions approved
// between payments (amounts up, down, subjects dropped and added back), payment runs from either
// of two funds and their repeats, reversed payments, reclaims raised from any version's item,
// repeated, reversed and raised again — runs against the real service on a migrated database
// (SQLite, or PostgreSQL with RURALEC_TEST_DB) and against a naive model written apart from
// award_pay.cc: a run pays each open item of the latest version what its subject is owed less
// what the model holds as paid; a reclaim takes what was paid beyond what the item owes. After
// every step the outcome and every paid and claw-back balance agree with the model, a repeated
// run moves nothing, and a run leaves each subject it settles paid exactly what it is owed;
// verify passes every 50 steps and at the end.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "funds/testing.h"

namespace ruralec::funds {
namespace {

using testing::kWan;

constexpr int64_t kSubjects = 3;
constexpr int kSteps = 500;

struct MItem {
  int64_t id = 0, amount = 0;
  std::string status = "open";
};
struct MMove {  // a payment or a reclaim the ledger made
  int fund = 0;
  int64_t subject = 0, item = 0, amount = 0;
  TransferId transfer;
  bool reversed = false;
};

class AwardModelTest : public testing::AwardLedgerTest {
 protected:
  // The model.
  std::vector<int64_t> list_ids_;
  std::vector<std::map<int64_t, MItem>> lists_;  // per version: subject → item
  std::vector<MMove> pays_, reclaims_;
  std::set<std::pair<int, int64_t>> projects_;  // (fund, subject) a run created
  FundId funds_[2];

  int64_t Held(const std::vector<MMove>& moves, int64_t s, int fund = -1) const {
    int64_t sum = 0;
    for (const auto& m : moves)
      if (!m.reversed && m.subject == s && (fund < 0 || m.fund == fund)) sum += m.amount;
    return sum;
  }
  int64_t Net(int64_t s) const { return Held(pays_, s) - Held(reclaims_, s); }
  int64_t PaidIn(int f, int64_t s) const { return Held(pays_, s, f) - Held(reclaims_, s, f); }
  bool Newest(size_t version, int64_t s) const {
    for (size_t v = version + 1; v < lists_.size(); ++v)
      if (lists_[v].count(s)) return false;
    return true;
  }
  const MMove* NewestReclaim(int64_t item) const {
    for (auto it = reclaims_.rbegin(); it != reclaims_.rend(); ++it)
      if (it->item == item) return &*it;
    return nullptr;
  }

  void ApproveVersion(std::mt19937& rng) {
    static const int64_t kAmounts[] = {0, 3 * kWan, 5 * kWan, 8 * kWan, 10 * kWan};
    std::map<int64_t, int64_t> amounts;
    for (int64_t s = 1; s <= kSubjects; ++s) amounts[s] = kAmounts[rng() % 5];
    std::map<int64_t, MItem> items;
    if (!lists_.empty())
      for (auto& [s, i] : lists_.back()) {
        if (i.status == "open") i.status = "superseded";
        if (amounts[s] == 0 && i.amount != 0) items[s] = {0, 0};  // a reversal item
      }
    for (const auto& [s, a] : amounts)
      if (a > 0) items[s] = {0, a};
    list_ids_.push_back(Approve(amounts));
    for (const auto& i : ItemsOf(list_ids_.back())) items.at(i.subject_id).id = i.id;
    lists_.push_back(items);
  }

  void PayRun(size_t version, int f) {
    int64_t want = 0, settled = 0;
    for (const auto& [s, i] : lists_[version]) {
      if (i.status != "open" || i.amount < Net(s)) continue;
      want += i.amount - Net(s);
      ++settled;
    }
    auto r = Pay(funds_[f], list_ids_[version]);
    ASSERT_TRUE(r.ok()) << r.error().message;
    ASSERT_EQ(r->paid.value, want);
    ASSERT_EQ(r->paid_items, settled);
    for (auto& [s, i] : lists_[version]) {
      if (i.status != "open" || i.amount < Net(s)) continue;
      if (i.amount > Net(s)) {
        auto t = ByKey(funds_[f], AwardPayKey(i.id));
        ASSERT_TRUE(t);
        pays_.push_back({f, s, i.id, i.amount - Net(s), t->id});
        projects_.insert({f, s});
      }
      i.status = "paid";
      ASSERT_EQ(Net(s), i.amount) << "a run leaves a subject it settles paid what it is owed";
    }
  }

  void ReversePay(std::mt19937& rng, int step) {
    if (pays_.empty()) return;
    MMove& m = pays_[rng() % pays_.size()];
    const bool can = !m.reversed && PaidIn(m.fund, m.subject) >= m.amount;
    Transfer t;
    t.id = m.transfer;
    t.amount = Fen{m.amount};
    auto r = Reverse(funds_[m.fund], t, "rev-pay-" + std::to_string(step));
    ASSERT_EQ(r.ok(), can) << (r.ok() ? "reversed" : r.error().message);
    if (can) m.reversed = true;
  }

  // The model's answer to raising the reclaim of `item` (of `version`, subject s) in fund f:
  // 0 refused, -1 a repeat, else the amount.
  int64_t ExpectReclaim(size_t version, int64_t s, const MItem& item, int f) const {
    const MMove* prior = NewestReclaim(item.id);
    if (prior && prior->fund != f) return 0;
    if (prior && !prior->reversed) return -1;
    std::string status = item.status;
    if (status == "paid" && prior) status = Newest(version, s) ? "open" : "superseded";
    if (status != "open" || !projects_.count({f, s})) return 0;
    const int64_t over = Net(s) - item.amount;
    if (over <= 0 || PaidIn(f, s) < over) return 0;
    return over;
  }

  void RaiseReclaim(std::mt19937& rng) {
    // Mostly the latest version's items, sometimes an older one's.
    size_t version = rng() % 4 ? lists_.size() - 1 : rng() % lists_.size();
    if (lists_[version].empty()) return;
    auto it = lists_[version].begin();
    std::advance(it, rng() % lists_[version].size());
    const int64_t s = it->first;
    MItem& item = it->second;
    const int f = rng() % 5 ? 0 : 1;
    const int64_t want = ExpectReclaim(version, s, item, f);
    auto r = Reclaim(funds_[f], list_ids_[version], item.id);
    ASSERT_EQ(r.ok(), want != 0) << (r.ok() ? "raised" : r.error().message);
    if (!r.ok()) return;
    ASSERT_EQ(r->repeated, want < 0);
    if (want < 0) return;
    ASSERT_EQ(r->amount.value, want);
    reclaims_.push_back({f, s, item.id, want, r->transfer});
    item.status = "paid";
  }

  void ReverseReclaim(std::mt19937& rng, int step) {
    if (reclaims_.empty()) return;
    MMove& m = reclaims_[rng() % reclaims_.size()];
    Transfer t;
    t.id = m.transfer;
    t.amount = Fen{m.amount};
    auto r = Reverse(funds_[m.fund], t, "rev-reclaim-" + std::to_string(step));
    ASSERT_EQ(r.ok(), !m.reversed) << (r.ok() ? "reversed" : r.error().message);
    m.reversed = true;
  }

  void Agree() {
    for (int f = 0; f < 2; ++f)
      for (int64_t s = 1; s <= kSubjects; ++s) {
        const std::string where = " WHERE fund_id = " + std::to_string(funds_[f].value) +
                                  " AND project = 'award:p:R01:entity:" + std::to_string(s) + "'";
        ASSERT_EQ(Count("SELECT COALESCE(SUM(balance_fen), 0) FROM fund_balances" + where +
                        " AND kind = 'paid'"),
                  PaidIn(f, s))
            << "fund " << f << " subject " << s;
        ASSERT_EQ(Count("SELECT COALESCE(SUM(balance_fen), 0) FROM fund_balances" + where +
                        " AND kind = 'clawback'"),
                  Held(reclaims_, s, f))
            << "fund " << f << " subject " << s;
      }
    for (const auto& i : ItemsOf(list_ids_.back()))
      ASSERT_EQ(i.status, lists_.back().at(i.subject_id).status) << "item " << i.id;
  }
  void Verifies() {
    auto conn = tdb_.db().Acquire();
    auto rep = Verify(*conn, mac_);
    ASSERT_TRUE(rep.ok());
    ASSERT_TRUE(rep->ok) << rep->violation;
  }
};

TEST_F(AwardModelTest, RandomVersionsPaymentsAndReclaimsAgreeWithANaiveModel) {
  funds_[0] = MakeFund("资金A", 100'000 * kWan);
  funds_[1] = MakeFund("资金B", 100'000 * kWan);
  std::mt19937 rng(20261207);
  ApproveVersion(rng);
  for (int step = 1; step <= kSteps; ++step) {
    SCOPED_TRACE("step " + std::to_string(step));
    const unsigned what = rng() % 12;
    if (what < 2) {
      ApproveVersion(rng);
    } else if (what < 6) {
      const int f = rng() % 4 ? 0 : 1;
      const size_t version = rng() % 6 ? lists_.size() - 1 : rng() % lists_.size();
      PayRun(version, f);
      if (rng() % 3 == 0) {  // the same command again: nothing moves
        const int64_t before = Count("SELECT COUNT(*) FROM fund_transfers");
        auto again = Pay(funds_[f], list_ids_[version]);
        ASSERT_TRUE(again.ok());
        ASSERT_EQ(again->paid.value, 0);
        ASSERT_EQ(Count("SELECT COUNT(*) FROM fund_transfers"), before);
      }
    } else if (what < 8) {
      ReversePay(rng, step);
    } else if (what < 11) {
      RaiseReclaim(rng);
    } else {
      ReverseReclaim(rng, step);
    }
    if (HasFatalFailure()) return;
    Agree();
    if (HasFatalFailure()) return;
    if (step % 50 == 0) Verifies();
  }
  Verifies();
  // The run met every case it is about.
  EXPECT_GT(lists_.size(), 50u);
  EXPECT_GT(std::count_if(pays_.begin(), pays_.end(), [](const MMove& m) { return m.reversed; }),
            5);
  EXPECT_GT(
      std::count_if(reclaims_.begin(), reclaims_.end(), [](const MMove& m) { return m.reversed; }),
      5);
}

}  // namespace
}  // namespace ruralec::funds
