// Model-based test of the purchases ledger (the project's rule for ledgers): random sequences
// of recordings and corrections run against the ledger and against a naive model (a map from
// natural key to the current purchase), and after every step the invariants are checked: the
// same current purchases with the same amounts, at most one current purchase per key, every
// write kept (history never shrinks), each superseded purchase pointed at by exactly one
// successor, and the year's sums (the award's read) equal to the model's.
#include <map>
#include <random>
#include <set>

#include "households/purchases.h"
#include "households/test_fixture.h"

namespace ruralec::households {
namespace {

using testing::kIds;

struct ModelRow {
  std::string key;
  int64_t amount = 0;
  bool current = true;
};

class PurchaseModel : public testing::HouseholdFixture {
 protected:
  void SetUp() override {
    HouseholdFixture::SetUp();
    for (int i = 0; i < 2; ++i) {
      auto h = Register(D(), county_, Input("341302100201", "户" + std::to_string(i), kIds[i]));
      ASSERT_TRUE(h.ok());
      households_.push_back(h->id);
    }
  }

  PurchaseInput RandomInput(std::mt19937& rng) {
    auto pick = [&](int n) { return static_cast<int>(rng() % n); };
    PurchaseInput in;
    in.entity_id = pick(2) ? e1_ : e2_;
    if (pick(3) == 0) {
      in.seller_kind = SellerKind::kVillage;
      in.village = *RegionCode::Parse("341302100202");
      in.seller_name = pick(2) ? "大庄合作社" : "大庄种植组";
    } else {
      in.household_id = households_[pick(2)];
    }
    in.product = pick(2) ? "酥梨" : "山芋";
    in.quantity = 1 + pick(100);
    in.unit = "斤";
    in.amount_fen = 1 + pick(1000000);
    in.purchased_on = *CivilDate::Parse(pick(2) ? "2023-03-01" : "2023-07-15");
    in.evidence_no = pick(2) ? "V1" : "V2";
    return in;
  }

  // The model's expectation for a write of `in` superseding `old` (0: a new recording).
  bool Expected(const PurchaseInput& in, int64_t old) {
    std::string key = PurchaseKey(in);
    if (old && !rows_.at(old).current) return false;
    auto cur = current_.find(key);
    return cur == current_.end() || cur->second == old;
  }

  void Apply(int64_t id, const PurchaseInput& in, int64_t old) {
    if (old) {
      rows_[old].current = false;
      current_.erase(rows_[old].key);
      successors_[old] = id;
    }
    rows_[id] = {PurchaseKey(in), in.amount_fen, true};
    current_[PurchaseKey(in)] = id;
  }

  void CheckInvariants(int step) {
    SCOPED_TRACE("step " + std::to_string(step));
    auto c = tdb_.db().Acquire();
    auto rows = c->Query(
        "SELECT id, natural_key, amount_fen, is_current, supersedes_id FROM "
        "purchases ORDER BY id");
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), rows_.size());  // every write kept
    std::set<std::string> current_keys;
    std::map<int64_t, int> pointed;
    int64_t sum = 0;
    for (const auto& r : *rows) {
      const ModelRow& m = rows_.at(r.Int(0));
      EXPECT_EQ(r.Text(1), m.key);
      EXPECT_EQ(r.Int(2), m.amount);
      EXPECT_EQ(r.Int(3) != 0, m.current);
      if (r.Int(3)) {
        EXPECT_TRUE(current_keys.insert(r.Text(1)).second) << "two current rows of a key";
        sum += r.Int(2);
      }
      if (auto s = r.OptInt(4)) ++pointed[*s];
    }
    EXPECT_EQ(current_keys.size(), current_.size());
    for (const auto& [old, next] : successors_) EXPECT_EQ(pointed[old], 1) << old;
    EXPECT_EQ(pointed.size(), successors_.size());
    auto year = PurchasesOfYear(*c, *RegionCode::Parse("341302"), 2023);
    ASSERT_TRUE(year.ok());
    int64_t year_sum = 0;
    for (const auto& b : *year) year_sum += b.amount_fen;
    EXPECT_EQ(year_sum, sum);
  }

  std::vector<int64_t> households_;
  std::map<int64_t, ModelRow> rows_;
  std::map<std::string, int64_t> current_;
  std::map<int64_t, int64_t> successors_;
};

TEST_F(PurchaseModel, RandomSequencesKeepTheLedgerInvariants) {
  int accepted = 0, refused = 0, corrected = 0;
  for (unsigned seed : {1u, 7u, 42u}) {
    std::mt19937 rng(seed);
    for (int step = 0; step < 60; ++step) {
      PurchaseInput in = RandomInput(rng);
      int64_t old = 0;
      if (!rows_.empty() && rng() % 2) {
        auto it = rows_.begin();
        std::advance(it, rng() % rows_.size());
        old = it->first;
      }
      bool expect_ok = Expected(in, old);
      auto r =
          old ? CorrectPurchase(D(), county_, old, in, "更正") : RecordPurchase(D(), county_, in);
      ASSERT_EQ(r.ok(), expect_ok) << "seed " << seed << " step " << step << ": "
                                   << (r.ok() ? "accepted" : r.error().message);
      if (r.ok()) {
        Apply(r->id, in, old);
        ++(old ? corrected : accepted);
      } else {
        EXPECT_EQ(r.error().code, ErrorCode::kConflict);
        ++refused;
      }
      CheckInvariants(step);
      if (HasFatalFailure()) return;
    }
  }
  // The sequences reach every kind of step.
  EXPECT_GT(accepted, 10);
  EXPECT_GT(corrected, 10);
  EXPECT_GT(refused, 10);
}

}  // namespace
}  // namespace ruralec::households
