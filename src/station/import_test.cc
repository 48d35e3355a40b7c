// The registry import (import.h): template headers, all-or-nothing / valid-only, error rows
// naming the column, a re-import of the same file adding nothing, one audit entry per batch.
#include "station/import.h"

#include "station/test_fixture.h"

namespace ruralec::station {
namespace {

class StationImport : public testing::StationFixture {
 protected:
  std::string Csv(const std::string& name, const std::string& rows) {
    return WriteFile(
        name, "站点名称*,站点级别*,区划代码*,纬度,经度,负责人手机,服务项目,状态,状态日期\n" + rows);
  }
};

constexpr char kGood[] =
    "甲站,村级服务点,341302100201,33.81,116.98,13800138000,网上代买、快递代收代发,运营中,"
    "2023-05-01\n"
    "乙站,village,341302100202,,,,,,\n";
constexpr char kOneBad[] =
    "甲站,村级服务点,341302100201,33.81,116.98,13800138000,网上代买,运营中,2023-05-01\n"
    "乙站,村级服务点,341302100202,95,116.98,,,,\n"
    "丙站,村级服务点,341302101203,,,,卖保险,,\n";

// Issue 15 item 9: a partly accepted file is not "already imported"; its stations registered
// before are counted as already imported, never registered twice nor rejected as duplicates.
TEST_F(StationImport, PartlyAcceptedFileRunsAgainWithoutDuplicates) {
  std::string path = Csv("one_bad.csv", kOneBad);
  auto first = ImportStations(Ctx(), county_, path, imports::Mode::kValidOnly);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_EQ(first->rows_imported, 1);
  auto again = ImportStations(Ctx(), county_, path, imports::Mode::kValidOnly);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->already_imported);
  EXPECT_EQ(again->rows_already_imported, 1);
  EXPECT_EQ(again->rows_imported, 0);
  EXPECT_EQ(again->rows_rejected, first->rows_rejected);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stations"), 1);
}

TEST_F(StationImport, ImportsValidFileOnceAndAuditsTheBatch) {
  std::string path = Csv("ok.csv", kGood);
  auto r = ImportStations(Ctx(), county_, path, imports::Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows_imported, 2);
  EXPECT_EQ(
      Count("SELECT COUNT(*) FROM stations WHERE status = 'operating' AND "
            "status_since = '2023-05-01' AND services = ',assisted_purchase,parcel_service,'"),
      1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stations WHERE mobile_masked = '138****8000'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'station.import'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM import_batches WHERE kind = 'stations' AND "
                  "rows_imported = 2"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stations WHERE batch_id = " + std::to_string(r->batch_id)),
            2);
  auto again = ImportStations(Ctx(), county_, path, imports::Mode::kAllOrNothing);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_imported);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stations"), 2);
}

TEST_F(StationImport, AllOrNothingRollsBackAndReportsColumns) {
  auto r = ImportStations(Ctx(), county_, Csv("bad.csv", kOneBad), imports::Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->rolled_back);
  EXPECT_EQ(r->rows_rejected, 2);
  ASSERT_EQ(r->errors.size(), 2u);
  EXPECT_EQ(r->errors[0].row, 3);
  EXPECT_EQ(r->errors[0].column, "纬度");
  EXPECT_EQ(r->errors[1].column, "服务项目");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stations"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM import_batches"), 0);
}

TEST_F(StationImport, ValidOnlyKeepsGoodRows) {
  auto r = ImportStations(Ctx(), county_, Csv("bad.csv", kOneBad), imports::Mode::kValidOnly);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rows_imported, 1);
  EXPECT_EQ(r->rows_rejected, 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stations"), 1);
  // An edited file with the same first row: the registered station is a rejected duplicate.
  auto again = ImportStations(Ctx(), county_, Csv("again.csv", kGood), imports::Mode::kValidOnly);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->rows_imported, 1);
  EXPECT_EQ(again->errors.at(0).column, "站点名称");
}

TEST_F(StationImport, RefusesFileWithoutRequiredColumnsOrOutOfScope) {
  auto r =
      ImportStations(Ctx(), county_, WriteFile("x.csv", "站点名称,区划代码\n甲,341302100201\n"),
                     imports::Mode::kAllOrNothing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "file");
  auto town = ImportStations(Ctx(), town_, Csv("t.csv", kGood), imports::Mode::kValidOnly);
  ASSERT_TRUE(town.ok());
  EXPECT_EQ(town->rows_imported, 0);
  EXPECT_EQ(town->errors.at(0).column, "");  // kForbidden names no field: the whole row
  account::Principal auditor = MakePrincipal("341302", "auditor");
  EXPECT_EQ(
      ImportStations(Ctx(), auditor, Csv("a.csv", kGood), imports::Mode::kValidOnly).error().code,
      ErrorCode::kForbidden);
}

TEST_F(StationImport, TemplateHasEveryColumn) {
  auto t = StationsTemplate();
  EXPECT_EQ(t.headers.size(), 19u);  // no operator account column since item 8
  EXPECT_EQ(t.headers[0], "站点名称*");
  EXPECT_EQ(t.rows.at(0).size(), t.headers.size());
}

}  // namespace
}  // namespace ruralec::station
