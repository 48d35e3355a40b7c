#include "sales/import.h"

#include "sales/test_fixture.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::sales {
namespace {

using testing::kUsccA;
using testing::kUsccB;
using testing::kUsccC;

constexpr char kHeader[] =
    "统一社会信用代码*,所属期*,平台*,方向*,是否农产品*,品类,网络销售额(元)*,订单数\n";

class ImportTest : public testing::SalesFixture {
 protected:
  std::string Row(const std::string& uscc, const std::string& period, const std::string& amount,
                  const std::string& category = "水果") {
    return uscc + "," + period + ",淘宝,上行,是," + category + "," + amount + ",10\n";
  }
  int64_t SalesRows() { return Count("SELECT COUNT(*) FROM sales_records"); }
};

TEST_F(ImportTest, ValidFileImportsOnceAndIsAudited) {
  std::string path = WriteFile("ok.csv", std::string(kHeader) + Row(kUsccA, "2024-01", "12.5万元") +
                                             Row(kUsccB, "2024年2月", "125000.00"));
  auto r = ImportSales(Ctx(), county_, path, Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows_imported, 2);
  EXPECT_EQ(r->rows_rejected, 0);
  EXPECT_EQ(Count("SELECT SUM(amount_fen) FROM sales_records"), 25'000'000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'sales.import'"), 1);
  auto again = ImportSales(Ctx(), county_, path, Mode::kAllOrNothing);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_imported);
  EXPECT_EQ(SalesRows(), 2);
}

TEST_F(ImportTest, EachRejectedRowNamesItsColumnAndReason) {
  ASSERT_TRUE(
      ImportSales(Ctx(), county_,
                  WriteFile("first.csv", std::string(kHeader) + Row(kUsccB, "2024-05", "1")),
                  Mode::kAllOrNothing)
          .ok());
  std::string body = std::string(kHeader) + Row(kUsccA, "2024-01", "100") +  // 2 ok
                     Row("91341302MA2N00001X", "2024-01", "100") +           // 3 check digit
                     Row(kUsccC, "2024-01", "100") +                         // 4 unregistered
                     Row(kUsccA, "2024-13", "100") +                         // 5 period
                     Row(kUsccA, "2024-02", "12.345") +                      // 6 amount
                     Row(kUsccA, "2024-01", "5") +                           // 7 dup of row 2
                     Row(kUsccB, "2024-05", "7") +                           // 8 dup of ledger
                     "\n" + Row(kUsccA, "2024-03", "-1");                    // 10 negative
  std::string path = WriteFile("bad.csv", body);
  auto r = ImportSales(Ctx(), county_, path, Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->rolled_back);
  EXPECT_EQ(SalesRows(), 1);  // only the earlier file's row
  struct Want {
    int64_t row;
    const char* column;
  };
  std::vector<Want> want{{3, "统一社会信用代码"},
                         {4, "统一社会信用代码"},
                         {5, "所属期"},
                         {6, "网络销售额"},
                         {7, ""},
                         {8, ""},
                         {10, "网络销售额"}};
  ASSERT_EQ(r->errors.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(r->errors[i].row, want[i].row);
    EXPECT_EQ(r->errors[i].column, want[i].column) << r->errors[i].reason;
    EXPECT_FALSE(r->errors[i].reason.empty());
  }
  EXPECT_NE(r->errors[4].reason.find("第2行"), std::string::npos) << r->errors[4].reason;

  auto valid = ImportSales(Ctx(), county_, path, Mode::kValidOnly);
  ASSERT_TRUE(valid.ok());
  EXPECT_EQ(valid->rows_imported, 1);
  EXPECT_EQ(valid->rows_rejected, 7);
  EXPECT_EQ(SalesRows(), 2);
}

TEST_F(ImportTest, ScopeAndPermission) {
  std::string path = WriteFile("scope.csv", std::string(kHeader) + Row(kUsccA, "2024-01", "1") +
                                                Row(kUsccB, "2024-01", "1"));
  auto r = ImportSales(Ctx(), town_, path, Mode::kValidOnly);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rows_imported, 1);
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_NE(r->errors[0].reason.find("管辖范围"), std::string::npos);
  auto viewer = MakePrincipal("341302", "finance_staff");
  EXPECT_EQ(ImportSales(Ctx(), viewer, path, Mode::kValidOnly).error().code, ErrorCode::kForbidden);
}

TEST_F(ImportTest, RefusedFilesWriteNothing) {
  auto missing = ImportSales(Ctx(), county_, WriteFile("m.csv", "统一社会信用代码,所属期\nx,y\n"),
                             Mode::kValidOnly);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("平台"), std::string::npos);
  std::string gbk = std::string(kHeader) + Row(kUsccA, "2024-01", "1") + "\xC4\xE3,\n";
  EXPECT_FALSE(ImportSales(Ctx(), county_, WriteFile("gbk.csv", gbk), Mode::kValidOnly).ok());
  EXPECT_FALSE(
      ImportSales(Ctx(), county_, WriteFile("zip.csv", "PK\x03\x04xx"), Mode::kValidOnly).ok());
  EXPECT_EQ(SalesRows(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM import_batches"), 0);
}

TEST_F(ImportTest, TemplatesRoundTrip) {
  auto sales_csv = (tdb_.dir() / "sales_template.csv").string();
  ASSERT_TRUE(spreadsheet::WriteCsv(sales_csv, SalesTemplate()).ok());
  auto r = ImportSales(Ctx(), county_, sales_csv, Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows_imported, 1) << (r->errors.empty() ? "" : r->errors[0].reason);
  EXPECT_EQ(Count("SELECT amount_fen FROM sales_records"), 12'500'000);

  auto ent = EntitiesTemplate();
  ent.rows[0][0] = kUsccC;
  auto ent_csv = (tdb_.dir() / "entities_template.csv").string();
  ASSERT_TRUE(spreadsheet::WriteCsv(ent_csv, ent).ok());
  auto e = ImportEntities(Ctx(), county_, ent_csv, Mode::kAllOrNothing);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->rows_imported, 1) << (e->errors.empty() ? "" : e->errors[0].reason);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM entity_shops"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM entities WHERE mobile_masked = '138****8000'"), 1);
}

TEST_F(ImportTest, XlsxTemplateRoundTripAndErrorWorkbook) {
  auto sheet = SalesTemplate();
  sheet.rows.push_back(sheet.rows[0]);
  sheet.rows[1][2] = "2024-13";
  auto path = (tdb_.dir() / "sales.xlsx").string();
  ASSERT_TRUE(spreadsheet::WriteXlsx(path, sheet).ok());
  auto r = ImportSales(Ctx(), county_, path, Mode::kValidOnly);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows_imported, 1);
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].row, 3);
  EXPECT_EQ(r->errors[0].column, "所属期");
  auto errors = (tdb_.dir() / "errors.xlsx").string();
  ASSERT_TRUE(spreadsheet::WriteXlsx(errors, ErrorSheet(*r)).ok());
  auto reader = spreadsheet::Open(errors);
  ASSERT_TRUE(reader.ok());
  spreadsheet::SheetRow row;
  ASSERT_TRUE(*(*reader)->Next(row));
  EXPECT_EQ(row.cells, (std::vector<std::string>{"行号", "列", "原因"}));
  ASSERT_TRUE(*(*reader)->Next(row));
  EXPECT_EQ(row.cells[0], "3");
}

TEST_F(ImportTest, EntityRowsAreValidated) {
  std::string h = "统一社会信用代码*,主体名称*,主体类型*,所在区划代码*,注册日期,联系电话\n";
  std::string body = h + std::string(kUsccC) + ",丙,家庭农场,341302100201,2024-01-01,\n" +  // ok
                     kUsccC + ",丙2,企业,341302100,,\n" +                    // 3 dup in file
                     kUsccA + ",甲,企业,341302100,,\n" +                     // 4 registered
                     "92341302MA2N00004J,丁,公司,341302100,,\n" +            // 5 kind
                     "92341302MA2N00004J,丁,企业,341302,,\n" +               // 6 county level
                     "92341302MA2N00004J,丁,企业,341302100,2024-02-30,\n" +  // 7 date
                     "92341302MA2N00004J,丁,企业,341302100,,12345\n";        // 8 mobile
  auto r = ImportEntities(Ctx(), county_, WriteFile("e.csv", body), Mode::kValidOnly);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows_imported, 1);
  std::vector<std::string> cols;
  for (const auto& e : r->errors) cols.push_back(e.column);
  EXPECT_EQ(cols, (std::vector<std::string>{"统一社会信用代码", "统一社会信用代码", "主体类型",
                                            "所在区划代码", "注册日期", "联系电话"}));
  EXPECT_NE(r->errors[0].reason.find("重复"), std::string::npos);
}

}  // namespace
}  // namespace ruralec::sales
