// Model-based test of the scan event ledger (parcels.h): random ingest sequences — single scans
// and csv batches, with repeats, out-of-order times and ties — against a naive model (a list of
// distinct scans in first-seen order, folded by time). After every step: the stored events are
// exactly the model's, each waybill's count, first/last times and state are the model's, the
// receipt counts what the model counts, and a signed parcel stays signed unless returned later.
#include <algorithm>
#include <map>
#include <random>
#include <tuple>

#include "logistics/parcels.h"
#include "logistics/parcels_import.h"
#include "logistics/parcels_store.h"
#include "logistics/test_fixture.h"

namespace ruralec::logistics {
namespace {

using testing::LogisticsFixture;

struct Scan {
  int waybill, type, hour, node;  // node 0: none, 1..2: registered nodes N1, N2
  auto operator<=>(const Scan&) const = default;
};

const char* kNumbers[] = {"75310000001", "75310000002", "75310000003"};
const char* kTypeLabels[] = {"揽收", "发往", "到达", "派送", "入柜/驿站", "签收", "问题件", "退回"};

class Model {
 public:
  // true when new
  bool Add(const Scan& s) {
    for (const auto& e : events_) {
      if (e == s) return false;
    }
    events_.push_back(s);
    return true;
  }
  int64_t Size() const { return static_cast<int64_t>(events_.size()); }
  std::vector<std::pair<Scan, size_t>> Of(int waybill) const {
    std::vector<std::pair<Scan, size_t>> out;
    for (size_t i = 0; i < events_.size(); ++i) {
      if (events_[i].waybill == waybill) out.push_back({events_[i], i});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return std::tuple(a.first.hour, a.first.type, a.second) <
             std::tuple(b.first.hour, b.first.type, b.second);
    });
    return out;
  }
  // The state as the contract words it: by time; a signature stays until a later return.
  int State(int waybill) const {
    int state = -1;
    for (const auto& [s, seq] : Of(waybill)) {
      if (state == 5 && s.type != 7) continue;
      state = s.type;
    }
    return state;
  }

 private:
  std::vector<Scan> events_;  // first-seen order = ingest order (ids)
};

class LedgerModelTest : public LogisticsFixture {
 protected:
  void SetUp() override {
    LogisticsFixture::SetUp();
    MakeNode("341302100", NodeLevel::kTownHub, "N1");
    MakeNode("341302100201", NodeLevel::kVillagePoint, "N2");
  }

  static std::string Time(int hour) {
    return "2023-11-13 " + std::string(hour < 10 ? "0" : "") + std::to_string(hour) + ":00:00";
  }
  static ScanInput InputOf(const Scan& s) {
    ScanInput in;
    in.carrier = "zto";
    in.waybill_no = kNumbers[s.waybill];
    in.scan_type = kTypeLabels[s.type];
    in.scanned_at = Time(s.hour);
    in.node_code = s.node == 0 ? "" : "N" + std::to_string(s.node);
    if (s.type == 6) in.reason = "破损";
    return in;
  }
  std::string Csv(const std::vector<Scan>& batch, int step) {
    // 原始描述 (not part of a scan's key) makes every file's bytes differ: a file is never
    // "already imported" as a whole, even when a later seed draws the same scans.
    std::string csv = "快递公司*,运单号*,扫描类型*,扫描时间*,网点,问题原因,原始描述\n";
    for (const auto& s : batch) {
      ScanInput in = InputOf(s);
      csv += "中通," + in.waybill_no + "," + in.scan_type + "," + in.scanned_at + "," +
             in.node_code + "," + in.reason + ",file " + std::to_string(step) + "\n";
    }
    return WriteFile("batch" + std::to_string(step) + ".csv", csv);
  }

  void CheckAgainst(const Model& m) {
    ASSERT_EQ(Count("SELECT COUNT(*) FROM logistics_scan_events"), m.Size());
    ASSERT_EQ(Count("SELECT COUNT(DISTINCT dedupe_key) FROM logistics_scan_events"), m.Size());
    auto conn = tdb_.db().Acquire();
    for (int w = 0; w < 3; ++w) {
      auto events = m.Of(w);
      auto row = store::FindWaybill(*conn, *RegionCode::Parse("341302"), "zto", kNumbers[w]);
      ASSERT_TRUE(row.ok());
      if (events.empty()) {
        ASSERT_FALSE(*row);
        continue;
      }
      ASSERT_TRUE(*row);
      const auto& r = **row;
      EXPECT_EQ(r.event_count, static_cast<int64_t>(events.size()));
      EXPECT_EQ(static_cast<int>(r.state), m.State(w)) << kNumbers[w];
      auto at = [](int hour) { return ParseScanTime(Time(hour))->utc_ms; };
      EXPECT_EQ(r.first_at, at(events.front().first.hour));
      EXPECT_EQ(r.last_at, at(events.back().first.hour));
      // The contract's words: signed, and no return after the first signature → signed.
      int first_signed = -1;
      bool returned_after = false;
      for (const auto& [s, seq] : events) {
        if (s.type == 5 && first_signed < 0) first_signed = s.hour;
        if (s.type == 7 && first_signed >= 0) returned_after = true;
      }
      if (first_signed >= 0 && !returned_after) EXPECT_EQ(r.state, ScanType::kSigned);
    }
  }
};

TEST_F(LedgerModelTest, RandomIngestSequencesMatchTheModel) {
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    {
      auto c = tdb_.db().Acquire();  // a fresh ledger for each seed
      ASSERT_TRUE(c->Exec("DELETE FROM logistics_scan_events").ok());
      ASSERT_TRUE(c->Exec("DELETE FROM logistics_waybills").ok());
    }
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint32_t>(n)); };
    Model model;
    std::vector<Scan> seen;
    for (int step = 0; step < 25; ++step) {
      std::vector<Scan> batch;
      int n = 1 + pick(6);
      for (int i = 0; i < n; ++i) {
        if (!seen.empty() && pick(3) == 0) {
          batch.push_back(seen[static_cast<size_t>(pick(static_cast<int>(seen.size())))]);
        } else {
          batch.push_back({pick(3), pick(8), 8 + pick(5), pick(3)});
        }
      }
      int64_t fresh = 0, repeats = 0;
      for (const auto& s : batch) {
        if (model.Add(s)) {
          ++fresh;
          seen.push_back(s);
        } else {
          ++repeats;
        }
      }
      if (pick(2) == 0) {
        int64_t accepted = 0, dups = 0;
        for (const auto& s : batch) {
          auto r = RecordScan(D(), town_, InputOf(s));
          ASSERT_TRUE(r.ok()) << r.error().message;
          (r->result == RowResult::kAccepted ? accepted : dups) += 1;
        }
        EXPECT_EQ(accepted, fresh);
        EXPECT_EQ(dups, repeats);
      } else {
        auto rep = ImportScans(Ctx(), town_, Csv(batch, static_cast<int>(seed) * 100 + step),
                               imports::Mode::kAllOrNothing);
        ASSERT_TRUE(rep.ok()) << rep.error().message;
        if (!rep->already_imported) {
          EXPECT_EQ(rep->rows_rejected, 0);
          EXPECT_EQ(rep->rows_imported, fresh);
          EXPECT_EQ(rep->rows_already_imported, repeats);
        }
      }
      CheckAgainst(model);
      if (HasFatalFailure()) return;
    }
  }
}

}  // namespace
}  // namespace ruralec::logistics
