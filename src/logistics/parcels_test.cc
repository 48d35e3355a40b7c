// Parcels and scan events (parcels.h, parcels_import.h, tracking.h): what a clerk checks — the
// same scan twice is one event, out-of-order scans give the right state, the receipt counts
// accepted / duplicates / rejected with reasons, the phone is never stored in clear and the
// public lookup needs the right four digits.
#include "logistics/parcels.h"

#include "logistics/parcels_import.h"
#include "logistics/test_fixture.h"
#include "logistics/tracking.h"

namespace ruralec::logistics {
namespace {

using testing::LogisticsFixture;

class ParcelsTest : public LogisticsFixture {
 protected:
  ScanInput Scan(const std::string& number, const std::string& type, const std::string& at,
                 const std::string& node = "") {
    ScanInput in;
    in.carrier = "中通";
    in.waybill_no = number;
    in.scan_type = type;
    in.scanned_at = at;
    in.node_code = node;
    return in;
  }
  store::WaybillRow Waybill(const std::string& number) {
    auto c = tdb_.db().Acquire();
    auto w = store::FindWaybill(*c, *RegionCode::Parse("341302"), "zto", number);
    EXPECT_TRUE(w.ok() && *w);
    return w.ok() && *w ? **w : store::WaybillRow{};
  }
};

TEST(ScanTimeTest, FormatsAndOffsets) {
  auto beijing = ParseScanTime("2023-11-13 10:15:00");
  ASSERT_TRUE(beijing.ok());
  EXPECT_EQ(beijing->offset_min, 480);
  EXPECT_EQ(FormatScanTime(beijing->utc_ms, beijing->offset_min), "2023-11-13T10:15:00+08:00");
  auto utc = ParseScanTime("2023-11-13T02:15:00Z");
  ASSERT_TRUE(utc.ok());
  EXPECT_EQ(utc->utc_ms, beijing->utc_ms);
  auto slash = ParseScanTime("2023/11/13 10:15");
  ASSERT_TRUE(slash.ok());
  EXPECT_EQ(slash->utc_ms, beijing->utc_ms);
  auto offset = ParseScanTime("2023-11-13T10:15:00.250+0800");
  ASSERT_TRUE(offset.ok());
  EXPECT_EQ(offset->utc_ms, beijing->utc_ms);
  auto serial = ParseScanTime("45243.4270833333");  // Excel: 2023-11-13 10:15 (Beijing)
  ASSERT_TRUE(serial.ok());
  EXPECT_EQ(serial->utc_ms, beijing->utc_ms);
  EXPECT_FALSE(ParseScanTime("2023-11-31 10:00").ok());
  EXPECT_FALSE(ParseScanTime("2023-11-13").ok());
  EXPECT_FALSE(ParseScanTime("2023-11-13 10:00+99:00").ok());
}

TEST(DeriveStateTest, SignedIsNotUndoneByALateArrival) {
  DerivedState s = DeriveState({{1, ScanType::kSigned, 300, 7},
                                {2, ScanType::kArrived, 100, 5},
                                {3, ScanType::kArrived, 400, 9}});
  EXPECT_EQ(s.state, ScanType::kSigned);
  EXPECT_EQ(s.state_at, 300);
  EXPECT_EQ(s.state_node_id.value_or(0), 7);
  EXPECT_EQ(s.last_node_id.value_or(0), 9);
  EXPECT_EQ(s.first_at, 100);
  EXPECT_EQ(s.last_at, 400);
  // A return after the signature does change it.
  s = DeriveState({{1, ScanType::kSigned, 300, {}}, {2, ScanType::kReturned, 500, {}}});
  EXPECT_EQ(s.state, ScanType::kReturned);
  // Out of order in, by time out.
  s = DeriveState({{5, ScanType::kOutForDelivery, 300, {}}, {6, ScanType::kAccepted, 100, {}}});
  EXPECT_EQ(s.state, ScanType::kOutForDelivery);
}

TEST_F(ParcelsTest, TheSameScanTwiceIsOneEventAndOrderDoesNotMatter) {
  MakeNode("341302100", NodeLevel::kTownHub, "FL");
  MakeNode("341302100201", NodeLevel::kVillagePoint, "FL-SW");
  ScanInput signed_scan = Scan("75300000001", "签收", "2023-11-13 16:00:00", "FL-SW");
  signed_scan.recipient_phone = "13912340001";
  auto first = RecordScan(D(), driver_, signed_scan);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->result, RowResult::kAccepted);
  auto again = RecordScan(D(), driver_, signed_scan);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->result, RowResult::kDuplicate);
  // An arrival at the town hub ingested later, scanned earlier; a late erroneous arrival.
  ASSERT_TRUE(RecordScan(D(), driver_, Scan("75300000001", "到达", "2023-11-13 09:00", "FL")).ok());
  ASSERT_TRUE(RecordScan(D(), driver_, Scan("75300000001", "到达", "2023-11-13 18:00", "FL")).ok());
  store::WaybillRow w = Waybill("75300000001");
  EXPECT_EQ(w.state, ScanType::kSigned);
  EXPECT_EQ(w.event_count, 3);
  EXPECT_EQ(w.region.str(), "341302100000");  // the latest node is the town hub
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_scan_events"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'logistics.scan'"), 3);
  // The mobile is stored encrypted: masked copy only.
  EXPECT_EQ(w.phone_masked.value_or(""), "139****0001");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_waybills WHERE phone_enc LIKE '%13912340001%'"),
            0);
}

TEST_F(ParcelsTest, ScansAreChecked) {
  auto future = RecordScan(D(), driver_, Scan("75300000002", "签收", "2023-11-15 10:00"));
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().field, "scanned_at");
  ScanInput problem = Scan("75300000002", "问题件", "2023-11-13 10:00");
  auto no_reason = RecordScan(D(), driver_, problem);
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().field, "reason");
  problem.reason = "地址不详";
  EXPECT_TRUE(RecordScan(D(), driver_, problem).ok());
  ScanInput carrier = Scan("75300000002", "签收", "2023-11-13 10:00");
  carrier.carrier = "不存在快递";
  auto bad = RecordScan(D(), driver_, carrier);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "carrier");
  // A site that is not a registered node is kept as the carrier's text.
  auto site =
      RecordScan(D(), driver_, Scan("75300000003", "揽收", "2023-11-13 10:00", "宿州营业部"));
  ASSERT_TRUE(site.ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_scan_events WHERE node_text = '宿州营业部'"), 1);
  // An account without the permission, and one above the county, may not ingest.
  auto city = runtime::testing::PrincipalWithRole("3413", "county_staff", 9);
  EXPECT_EQ(RecordScan(D(), city, Scan("75300000004", "揽收", "2023-11-13 10:00")).error().code,
            ErrorCode::kForbidden);
}

TEST_F(ParcelsTest, ImportReceiptCountsAcceptedDuplicatesAndRejected) {
  MakeNode("341302100201", NodeLevel::kVillagePoint, "FL-SW");
  std::string csv =
      "快递公司*,运单号*,扫描类型*,扫描时间*,网点,收件人手机\n"
      "中通,75300000010,到达,2023-11-13 09:00,FL-SW,13912340010\n"
      "中通,75300000010,签收,2023-11-13 15:00,FL-SW,\n"
      "中通,75300000010,签收,2023-11-13 15:00,FL-SW,\n"  // the same scan twice
      "顺丰,SF1234567890,派送,2023-11-13 11:00,,\n"
      "中通,75300000011,飞走,2023-11-13 11:00,,\n"   // unknown type
      "中通,75300000012,签收,2023-11-20 11:00,,\n";  // future
  std::string path = WriteFile("scans.csv", csv);
  auto all = ImportScans(Ctx(), town_, path, imports::Mode::kAllOrNothing);
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_TRUE(all->rolled_back);
  EXPECT_EQ(all->rows_rejected, 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_scan_events"), 0);

  auto valid = ImportScans(Ctx(), town_, path, imports::Mode::kValidOnly);
  ASSERT_TRUE(valid.ok()) << valid.error().message;
  EXPECT_EQ(valid->rows_imported, 3);
  EXPECT_EQ(valid->rows_already_imported, 1);
  EXPECT_EQ(valid->rows_rejected, 2);
  ASSERT_EQ(valid->errors.size(), 2u);
  EXPECT_EQ(valid->errors[0].row, 6);
  EXPECT_EQ(valid->errors[0].column, "扫描类型");
  EXPECT_EQ(valid->errors[1].column, "扫描时间");
  EXPECT_EQ(Waybill("75300000010").state, ScanType::kSigned);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_scan_events WHERE batch_id IS NOT NULL"), 3);

  // JSON lines: the same scans again are duplicates; a broken line is rejected with its number.
  std::string jsonl =
      "{\"carrier\": \"zto\", \"waybill_no\": \"75300000010\", \"scan_type\": \"signed\", "
      "\"scanned_at\": \"2023-11-13T07:00:00Z\", \"node\": \"FL-SW\"}\n"
      "\n"
      "not json\n"
      "{\"carrier\": \"jd\", \"waybill_no\": \"JD0001234567\", \"scan_type\": \"揽收\", "
      "\"scanned_at\": \"2023-11-13 08:00:00\", \"direction\": \"uplink\"}\n";
  auto lines =
      ImportScans(Ctx(), town_, WriteFile("scans.jsonl", jsonl), imports::Mode::kValidOnly);
  ASSERT_TRUE(lines.ok()) << lines.error().message;
  EXPECT_EQ(lines->rows_imported, 1);
  EXPECT_EQ(lines->rows_already_imported, 1);
  ASSERT_EQ(lines->rows_rejected, 1);
  EXPECT_EQ(lines->errors[0].row, 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_waybills WHERE direction = 'uplink'"), 1);
}

TEST_F(ParcelsTest, StaffTrackInScopeAndThePublicNeedsTheLastFourDigits) {
  MakeNode("341302100201", NodeLevel::kVillagePoint, "FL-SW");
  ScanInput a = Scan("75300000020", "到达", "2023-11-13 09:00", "FL-SW");
  a.recipient_phone = "13912345678";
  a.operator_name = "王师傅";
  ASSERT_TRUE(RecordScan(D(), county_, a).ok());
  ASSERT_TRUE(
      RecordScan(D(), county_, Scan("75300000020", "签收", "2023-11-13 15:00", "FL-SW")).ok());
  ASSERT_TRUE(RecordScan(D(), county_, Scan("75300000021", "揽收", "2023-11-13 09:00")).ok());

  auto staff = TrackWaybill(D(), town_, "中通", "75300000020");
  ASSERT_TRUE(staff.ok()) << staff.error().message;
  ASSERT_EQ(staff->events.size(), 2u);
  EXPECT_EQ(staff->events[0].node_name, "网点FL-SW");
  EXPECT_EQ(staff->events[0].event.operator_name, "王师傅");
  EXPECT_EQ(staff->carrier_label, "中通");
  auto other = TrackWaybill(D(), other_town_, "zto", "75300000020");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);

  PublicLimiter limiter(clock_);
  auto ok = PublicTrack(D(), limiter, "1.2.3.4", "75300000020", "5678");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  ASSERT_EQ(ok->size(), 1u);
  EXPECT_EQ((*ok)[0].waybill.state, ScanType::kSigned);
  auto wrong = PublicTrack(D(), limiter, "1.2.3.4", "75300000020", "5679");
  auto unknown = PublicTrack(D(), limiter, "1.2.3.4", "75399999999", "5678");
  auto no_phone = PublicTrack(D(), limiter, "1.2.3.4", "75300000021", "5678");
  for (const auto* r : {&wrong, &unknown, &no_phone}) {
    ASSERT_FALSE(r->ok());
    EXPECT_EQ(r->error().code, ErrorCode::kNotFound);
    EXPECT_EQ(r->error().message, wrong.error().message);
  }
  // Guessing is limited per number: after 10 misses even the right digits wait.
  for (int i = 0; i < 10; ++i) (void)PublicTrack(D(), limiter, "5.6.7.8", "75300000020", "0000");
  auto limited = PublicTrack(D(), limiter, "9.9.9.9", "75300000020", "5678");
  ASSERT_FALSE(limited.ok());
  EXPECT_EQ(limited.error().code, ErrorCode::kUnavailable);
  clock_.Advance(kPublicWindowMs);
  EXPECT_TRUE(PublicTrack(D(), limiter, "9.9.9.9", "75300000020", "5678").ok());
}

}  // namespace
}  // namespace ruralec::logistics
