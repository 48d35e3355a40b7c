// The staged scan import (scan_stage.h): a carrier file leaves the ledger exactly as the same
// scans entered one by one would, and publishing restarts when what the rows were checked
// against changed in between.
#include "logistics/scan_stage.h"

#include <functional>
#include <random>

#include "logistics/parcels_import.h"
#include "logistics/test_fixture.h"

namespace ruralec::logistics {
namespace {

using testing::LogisticsFixture;

class ScanStageTest : public LogisticsFixture {
 protected:
  void SetUp() override {
    LogisticsFixture::SetUp();
    MakeNode("341302100", NodeLevel::kTownHub, "FL");
    MakeNode("341302100201", NodeLevel::kVillagePoint, "FL-SW");
    MakeNode("341302101", NodeLevel::kTownHub, "QL");
  }
  static ScanInput Scan(const std::string& carrier, const std::string& number,
                        const std::string& type, const std::string& at,
                        const std::string& node = "", const std::string& phone = "") {
    ScanInput in;
    in.carrier = carrier;
    in.waybill_no = number;
    in.scan_type = type;
    in.scanned_at = at;
    in.node_code = node;
    in.recipient_phone = phone;
    return in;
  }
  static std::string CsvLine(const ScanInput& s) {
    return s.carrier + "," + s.waybill_no + "," + s.scan_type + "," + s.scanned_at + "," +
           s.node_code + "," + s.recipient_phone + "\n";
  }
  // What a clerk sees of a carrier's waybills, in number order.
  std::vector<std::string> Waybills(const std::string& carrier) {
    auto c = tdb_.db().Acquire();
    auto rows = c->Query(
        "SELECT waybill_no, region_code, state, state_at, COALESCE(state_node_id, 0), "
        "event_count, first_at, last_at, COALESCE(phone_masked, '') FROM logistics_waybills "
        "WHERE carrier = ? ORDER BY waybill_no",
        {carrier});
    EXPECT_TRUE(rows.ok());
    std::vector<std::string> out;
    for (const auto& r : rows.ok() ? *rows : std::vector<storage::Row>{}) {
      std::string line;
      for (int i = 0; i < 9; ++i)
        line += (i >= 3 && i <= 7 ? std::to_string(r.Int(i)) : r.Text(i)) + "|";
      out.push_back(line);
    }
    return out;
  }
};

// Random scans of four waybills — ties in time, kind and node, duplicates, late arrivals after
// a delivery, mobiles on any row, some waybills stored before the file — go to 中通 through a
// csv file and, twin by twin, to 顺丰 one by one (RecordScan). The two carriers' waybills must
// then agree in every field a clerk sees.
TEST_F(ScanStageTest, AFileLeavesTheLedgerAsTheSameScansOneByOne) {
  const char* types[] = {"揽收", "到达", "派送", "签收", "退回", "问题件"};
  const char* nodes[] = {"", "FL", "FL-SW", "QL", "某驿站"};
  for (unsigned seed = 1; seed <= 8; ++seed) {
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    // Few waybills, times and kinds: ties in time and kind (broken by ingest order) are common.
    auto random_scan = [&](const std::string& carrier) {
      ScanInput s =
          Scan(carrier, "7530" + std::to_string(seed * 100 + pick(4)), types[pick(6)],
               "2023-11-1" + std::to_string(pick(2)) + " 0" + std::to_string(pick(2)) + ":00",
               nodes[pick(5)], pick(4) == 0 ? "1391234" + std::to_string(1000 + pick(9000)) : "");
      if (s.scan_type == "问题件") s.reason = "地址不详";
      return s;
    };
    // Stored before the file, on both carriers.
    for (int i = 0; i < 12; ++i) {
      ScanInput s = random_scan("中通");
      ASSERT_TRUE(RecordScan(D(), county_, s).ok());
      s.carrier = "顺丰";
      ASSERT_TRUE(RecordScan(D(), county_, s).ok());
    }
    std::string csv = "快递公司*,运单号*,扫描类型*,扫描时间*,网点,收件人手机,问题原因\n";
    std::vector<ScanInput> file;
    for (int i = 0; i < 40; ++i) {
      ScanInput s = random_scan("中通");
      if (!file.empty() && pick(5) == 0)
        s = file[static_cast<size_t>(pick(static_cast<int>(file.size())))];
      file.push_back(s);
      csv += CsvLine(s).substr(0, CsvLine(s).size() - 1) + "," + s.reason + "\n";
    }
    auto rep = ImportScans(Ctx(), county_, WriteFile("scans.csv", csv), imports::Mode::kValidOnly);
    ASSERT_TRUE(rep.ok()) << rep.error().message;
    ASSERT_EQ(rep->rows_rejected, 0) << rep->errors[0].reason;
    int64_t accepted = 0;
    for (ScanInput s : file) {
      s.carrier = "顺丰";
      auto r = RecordScan(D(), county_, s);
      ASSERT_TRUE(r.ok()) << r.error().message;
      if (r->result == RowResult::kAccepted) ++accepted;
    }
    EXPECT_EQ(rep->rows_imported, accepted) << "seed " << seed;
    EXPECT_EQ(rep->rows_already_imported, 40 - accepted) << "seed " << seed;
    EXPECT_EQ(Waybills("zto"), Waybills("sf")) << "seed " << seed;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_scan_events WHERE waybill_id IN (SELECT id "
                  "FROM logistics_waybills WHERE carrier = 'zto')"),
            Count("SELECT COUNT(*) FROM logistics_scan_events WHERE waybill_id IN (SELECT id "
                  "FROM logistics_waybills WHERE carrier = 'sf')"));
}

// Publish re-checks: a stored waybill that gained an event, or a waybill or event the stage
// would create that appeared meanwhile, restarts the import (which then sees them).
TEST_F(ScanStageTest, PublishRestartsWhenWhatWasCheckedChanged) {
  ASSERT_TRUE(
      RecordScan(D(), county_, Scan("中通", "75309000001", "揽收", "2023-11-10 08:00")).ok());
  auto restarted = [](const Status& st) {
    return !st.ok() && st.error().field == imports::RestartImport().field;
  };
  auto stage = [&](const std::vector<ScanInput>& scans, const std::function<void()>& meanwhile) {
    auto conn = tdb_.db().Acquire();
    ScanStager stager(D(), county_, Source::kCarrierFile);
    int64_t row = 2;
    for (const auto& s : scans) EXPECT_TRUE(stager.Add(*conn, s, row++).ok());
    EXPECT_TRUE(stager.Finish(*conn).ok());
    meanwhile();
    Status st = storage::InTransaction(*conn, storage::TxMode::kWrite,
                                       [&]() -> Status { return stager.Publish(*conn, 99); });
    stager.Discard(*conn);
    return st;
  };
  // The stored waybill gains an event between checking and publishing.
  EXPECT_TRUE(restarted(stage({Scan("中通", "75309000001", "签收", "2023-11-11 08:00")}, [&] {
    ASSERT_TRUE(
        RecordScan(D(), county_, Scan("中通", "75309000001", "到达", "2023-11-10 18:00")).ok());
  })));
  // A waybill the stage creates is stored meanwhile.
  EXPECT_TRUE(restarted(stage({Scan("中通", "75309000002", "揽收", "2023-11-10 08:00")}, [&] {
    ASSERT_TRUE(
        RecordScan(D(), county_, Scan("中通", "75309000002", "到达", "2023-11-10 18:00")).ok());
  })));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_scan_events WHERE batch_id = 99"), 0);
  // Nothing changed: published, the state derived over stored and staged events.
  EXPECT_TRUE(stage({Scan("中通", "75309000001", "签收", "2023-11-11 08:00"),
                     Scan("中通", "75309000001", "到达", "2023-11-11 09:00")},
                    [] {})
                  .ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_scan_events WHERE batch_id = 99"), 2);
  EXPECT_EQ(Count("SELECT event_count FROM logistics_waybills WHERE waybill_no = '75309000001'"),
            4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_waybills WHERE waybill_no = '75309000001' AND "
                  "state = 'signed'"),
            1);
}

}  // namespace
}  // namespace ruralec::logistics
