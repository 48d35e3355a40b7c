#include "sales/import.h"

#include <xlsxwriter.h>

#include <chrono>

#include "entity/import.h"
#include "sales/import_internal.h"
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
  // Imports one ledger row of entity B for 2024-01 on platform 平台8 (row 10 of Alternating).
  void LedgerRowOnPlatform8() {
    ASSERT_TRUE(ImportSales(Ctx(), county_,
                            WriteFile("ledger.csv", std::string(kHeader) + kUsccB +
                                                        ",2024-01,平台8,上行,是,,1,\n"),
                            Mode::kAllOrNothing)
                    .ok());
  }
  // The header and `n` rows of 1 元 for `period`, entities B and A in turn: row i + 2 is on
  // platform 平台i (B for even i).
  std::string Alternating(int n, const std::string& period) {
    std::string body = kHeader;
    for (int i = 0; i < n; ++i)
      body += std::string(i % 2 ? kUsccA : kUsccB) + "," + period + ",平台" + std::to_string(i) +
              ",上行,是,,1,\n";
    return body;
  }
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

  auto ent = entity::EntitiesTemplate();
  ent.rows[0][0] = kUsccC;
  auto ent_csv = (tdb_.dir() / "entities_template.csv").string();
  ASSERT_TRUE(spreadsheet::WriteCsv(ent_csv, ent).ok());
  auto e = entity::ImportEntities(Ctx(), county_, ent_csv, Mode::kAllOrNothing);
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
  ASSERT_TRUE(spreadsheet::WriteXlsx(errors, imports::ErrorSheet(*r)).ok());
  auto reader = spreadsheet::Open(errors);
  ASSERT_TRUE(reader.ok());
  spreadsheet::SheetRow row;
  ASSERT_TRUE(*(*reader)->Next(row));
  ASSERT_GE(row.cells.size(), 5u);  // 错误原因, 原行号, then the template's own headers
  EXPECT_EQ(row.cells[0], "错误原因");
  EXPECT_EQ(row.cells[1], "原行号");
  EXPECT_EQ(row.cells[2], SalesTemplate().headers[0]);
  ASSERT_TRUE(*(*reader)->Next(row));
  EXPECT_EQ(row.cells[0].rfind("所属期：", 0), 0u) << row.cells[0];
  EXPECT_EQ(row.cells[1], "3");
  EXPECT_EQ(row.cells[2 + 2], "2024-13");  // the bad cell as written, to fix in place
  EXPECT_FALSE(*(*reader)->Next(row));     // valid-only: the row written is not given back
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
  auto r = entity::ImportEntities(Ctx(), county_, WriteFile("e.csv", body), Mode::kValidOnly);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows_imported, 1);
  std::vector<std::string> cols;
  for (const auto& e : r->errors) cols.push_back(e.column);
  EXPECT_EQ(cols, (std::vector<std::string>{"统一社会信用代码", "统一社会信用代码", "主体类型",
                                            "所在区划代码", "注册日期", "联系电话"}));
  EXPECT_NE(r->errors[0].reason.find("重复"), std::string::npos);
}

// Issue 26 item 6: the region column takes a town or village name (the small tree's names are
// "R<code>"), and an unknown name is rejected at that column, saying so.
TEST_F(ImportTest, EntityRegionMayBeANameInTheImportersScope) {
  std::string h = "统一社会信用代码*,主体名称*,主体类型*,所在区划代码*\n";
  std::string body = h + std::string(kUsccC) + ",丙,家庭农场,R341302100\n" +  // a town's name
                     "92341302MA2N00004J,丁,企业,火星村\n";
  auto r = entity::ImportEntities(Ctx(), county_, WriteFile("names.csv", body), Mode::kValidOnly);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows_imported, 1);
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].column, "所在区划代码");
  EXPECT_NE(r->errors[0].reason.find("“火星村”不是本辖区内乡镇或村的名称"), std::string::npos)
      << r->errors[0].reason;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM entities WHERE uscc = '" + std::string(kUsccC) +
                  "' AND region_code = '341302100000'"),
            1);
}

// Issue 26 item 6, RuoYi's "更新已经存在的数据": re-importing a corrected entity file updates the
// registered rows (audited) instead of rejecting them; without the option they stay duplicates;
// a move to another region is refused (the detail page moves entities).
TEST_F(ImportTest, ReimportedEntitiesUpdateTheRegisteredOnesWhenAsked) {
  std::string h = "统一社会信用代码*,主体名称*,主体类型*,所在区划代码*,联系电话\n";
  std::string first = h + std::string(kUsccC) + ",丙,家庭农场,341302100201,13800138000\n";
  ASSERT_EQ(entity::ImportEntities(Ctx(), county_, WriteFile("v1.csv", first), Mode::kAllOrNothing)
                ->rows_imported,
            1);
  std::string fixed = h + std::string(kUsccC) + ",丙家庭农场,家庭农场,341302100201,13900139000\n" +
                      "92341302MA2N00004J,丁,企业,341302100201,\n";
  auto plain = entity::ImportEntities(Ctx(), county_, WriteFile("v2.csv", fixed), Mode::kValidOnly);
  ASSERT_TRUE(plain.ok());
  ASSERT_EQ(plain->errors.size(), 1u);
  EXPECT_NE(plain->errors[0].reason.find("已登记"), std::string::npos);

  imports::ImportOptions update;
  update.update_existing = true;
  auto r = entity::ImportEntities(Ctx(), county_, WriteFile("v3.csv", fixed), Mode::kAllOrNothing,
                                  update);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows_rejected, 0) << (r->errors.empty() ? "" : r->errors[0].reason);
  EXPECT_EQ(r->rows_imported, 1);  // 丁 was written by the valid-only run already
  EXPECT_EQ(r->rows_updated, 1);
  std::string where = " WHERE uscc = '" + std::string(kUsccC) + "'";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM entities" + where +
                  " AND name = '丙家庭农场' AND "
                  "mobile_masked = '139****9000'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'entity.update' AND "
                  "detail LIKE 'changed=name,mobile import_batch=%'"),
            1);

  std::string moved = h + std::string(kUsccC) + ",丙家庭农场,家庭农场,341302101000,\n";
  auto refused = entity::ImportEntities(Ctx(), county_, WriteFile("v4.csv", moved),
                                        Mode::kAllOrNothing, update);
  ASSERT_TRUE(refused.ok());
  ASSERT_TRUE(refused->rolled_back);
  EXPECT_EQ(refused->errors[0].column, "所在区划代码");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM entities" + where + " AND region_code = '341302100201'"),
            1);
}

// ---- Excel as users save it: a notes sheet first, date and number cells, rich spellings.

struct XlsxCell {
  enum Kind { kText, kNumber, kDate, kBool } kind = kText;
  std::string text;
  double number = 0;
};
XlsxCell T(std::string s) { return {XlsxCell::kText, std::move(s), 0}; }
XlsxCell N(double v) { return {XlsxCell::kNumber, "", v}; }
XlsxCell D(std::string ymd) { return {XlsxCell::kDate, std::move(ymd), 0}; }  // YYYY-MM-DD
XlsxCell B(bool b) { return {XlsxCell::kBool, "", b ? 1.0 : 0.0}; }

// Writes a workbook the way Excel users leave it: optional notes sheet first, then `name` with
// typed cells (dates as real date serials in a "yyyy-mm" format, numbers as numbers).
void WriteTyped(const std::string& path, bool notes_first, const std::string& name,
                const std::vector<std::vector<XlsxCell>>& rows) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (notes_first)
    worksheet_write_string(workbook_add_worksheet(wb, "说明"), 0, 0, "请先阅读", nullptr);
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  lxw_format* month = workbook_add_format(wb);
  format_set_num_format(month, "yyyy-mm");
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const XlsxCell& x = rows[r][c];
      auto row = static_cast<lxw_row_t>(r);
      auto col = static_cast<lxw_col_t>(c);
      if (x.kind == XlsxCell::kText && !x.text.empty())
        worksheet_write_string(ws, row, col, x.text.c_str(), nullptr);
      if (x.kind == XlsxCell::kNumber) worksheet_write_number(ws, row, col, x.number, nullptr);
      if (x.kind == XlsxCell::kBool) worksheet_write_boolean(ws, row, col, x.number != 0, nullptr);
      if (x.kind == XlsxCell::kDate) {
        lxw_datetime dt{std::stoi(x.text.substr(0, 4)),
                        std::stoi(x.text.substr(5, 2)),
                        std::stoi(x.text.substr(8, 2)),
                        0,
                        0,
                        0};
        worksheet_write_datetime(ws, row, col, &dt, month);
      }
    }
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
}

std::vector<XlsxCell> SalesHeader() {
  return {T("统一社会信用代码*"), T("所属期*"),         T("平台*"), T("方向*"),
          T("是否农产品*"),       T("网络销售额(元)*"), T("订单数")};
}

TEST_F(ImportTest, ExcelSheetChoiceDateSerialsAndNumberCells) {
  struct Case {
    const char* what;
    std::vector<XlsxCell> row;
    const char* period;  // stored period, nullptr: rejected
    int64_t fen;
    const char* column;  // of the rejection
  };
  std::vector<Case> cases{
      {"month typed into a date cell (serial, yyyy-mm format), number amount",
       {T(kUsccA), D("2024-03-01"), T("淘宝"), T("上行"), T("是"), N(125000), N(830)},
       "2024-03",
       12'500'000,
       ""},
      {"text period and 万元 text",
       {T(kUsccA), T("2024年4月"), T("淘宝"), T("上行"), T("否"), T("12.5万元"), T("")},
       "2024-04",
       12'500'000,
       ""},
      {"boolean cell flag, cents as a number",
       {T(kUsccB), D("2024-05-01"), T("京东"), T("下行"), B(true), N(1234.56), N(1)},
       "2024-05",
       123'456,
       ""},
      {"a date that is not the 1st is no period",
       {T(kUsccB), D("2024-03-15"), T("京东"), T("下行"), T("是"), N(1), N(1)},
       nullptr,
       0,
       "所属期"},
      {"fractions of a fen are refused",
       {T(kUsccB), T("2024-06"), T("京东"), T("下行"), T("是"), N(0.125), N(1)},
       nullptr,
       0,
       "网络销售额"},
  };
  std::vector<std::vector<XlsxCell>> rows{SalesHeader()};
  for (const auto& c : cases) rows.push_back(c.row);
  auto path = (tdb_.dir() / "typed.xlsx").string();
  WriteTyped(path, true, "网络销售额", rows);
  auto r = ImportSales(Ctx(), county_, path, Mode::kValidOnly);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->sheet, "网络销售额");
  size_t rejected = 0;
  for (size_t i = 0; i < cases.size(); ++i) {
    const auto& c = cases[i];
    int64_t file_row = static_cast<int64_t>(i) + 2;
    if (c.period) {
      auto conn = tdb_.db().Acquire();
      auto got = conn->QueryOptional(
          "SELECT period, amount_fen FROM sales_records WHERE "
          "source_row = ?",
          {file_row});
      ASSERT_TRUE(got.ok() && *got) << c.what;
      EXPECT_EQ((*got)->Text(0), c.period) << c.what;
      EXPECT_EQ((*got)->Int(1), c.fen) << c.what;
    } else {
      ASSERT_LT(rejected, r->errors.size()) << c.what;
      EXPECT_EQ(r->errors[rejected].row, file_row) << c.what;
      EXPECT_EQ(r->errors[rejected].column, c.column)
          << c.what << ": " << r->errors[rejected].reason;
      ++rejected;
    }
  }
  EXPECT_EQ(r->errors.size(), rejected);
  auto errors = imports::ErrorSheet(*r);
  ASSERT_FALSE(errors.notes.empty());
  EXPECT_NE(errors.notes.back().find("网络销售额"), std::string::npos);
}

TEST_F(ImportTest, WorkbookWithoutTheTemplateSheetIsRefusedNamingTheSheet) {
  auto path = (tdb_.dir() / "other.xlsx").string();
  WriteTyped(path, true, "汇总", {{T("统一社会信用代码*"), T("金额")}});
  auto r = ImportSales(Ctx(), county_, path, Mode::kAllOrNothing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "file");
  EXPECT_NE(r.error().message.find("工作表“说明”"), std::string::npos) << r.error().message;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM import_batches"), 0);
}

TEST_F(ImportTest, EntityRegistrationDateFromADateCell) {
  auto path = (tdb_.dir() / "entities.xlsx").string();
  WriteTyped(
      path, false, "经营主体",
      {{T("统一社会信用代码*"), T("主体名称*"), T("主体类型*"), T("所在区划代码*"), T("注册日期")},
       {T(kUsccC), T("丙"), T("企业"), N(341302100000), D("2019-03-01")}});
  auto r = entity::ImportEntities(Ctx(), county_, path, Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows_imported, 1) << (r->errors.empty() ? "" : r->errors[0].reason);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM entities WHERE registered_on = '2019-03-01' AND "
                  "region_code = '341302100000'"),
            1);
}

// Template -> filled in (every accepted spelling) -> import -> export -> the same values.
TEST_F(ImportTest, TemplateFilledImportedExportedGivesTheSameValues) {
  {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(entity::AddBrand(*c, {0, a_, "甲牌", "", {}, false}, 1).ok());
    ASSERT_TRUE(entity::AddShop(*c, {0, a_, "淘宝", "甲店", "shop-a"}, 1).ok());
  }
  auto sheet = SalesTemplate();
  sheet.rows = {
      {kUsccA, "甲公司", "2024年3月", "淘宝", "农产品上行", "是", "水果", "12.5万元", "830", "",
       "甲牌", "shop-a"},
      {kUsccA, "甲公司", "202404", "淘宝", "上行", "Y", "水果", "125000", "", "99.5", "", ""},
      {kUsccB, "乙合作社", "2024/5", "京东", "工业品下行", "否", "", "1,234.56元", "7", "", "", ""},
  };
  std::vector<std::vector<std::string>> want{
      {kUsccA, "甲公司", "2024-03", "淘宝", "上行", "是", "水果", "125000.00", "830", "", "甲牌",
       "shop-a"},
      {kUsccA, "甲公司", "2024-04", "淘宝", "上行", "是", "水果", "125000.00", "", "99.50", "", ""},
      {kUsccB, "乙合作社", "2024-05", "京东", "下行", "否", "", "1234.56", "7", "", "", ""},
  };
  auto filled = (tdb_.dir() / "filled.xlsx").string();
  ASSERT_TRUE(spreadsheet::WriteXlsx(filled, sheet).ok());
  auto r = ImportSales(Ctx(), county_, filled, Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->rows_imported, 3) << (r->errors.empty() ? "" : r->errors[0].reason);

  auto conn = tdb_.db().Acquire();
  auto exported = ExportBatch(*conn, r->batch_id);
  ASSERT_TRUE(exported.ok()) << exported.error().message;
  EXPECT_EQ(exported->headers, SalesTemplate().headers);
  auto out = (tdb_.dir() / "exported.xlsx").string();
  ASSERT_TRUE(spreadsheet::WriteXlsx(out, *exported).ok());
  auto reader = spreadsheet::Open(out);
  ASSERT_TRUE(reader.ok());
  spreadsheet::SheetRow row;
  ASSERT_TRUE(*(*reader)->Next(row));
  EXPECT_EQ(row.cells, SalesTemplate().headers);
  for (const auto& w : want) {
    ASSERT_TRUE(*(*reader)->Next(row));
    row.cells.resize(w.size());
    EXPECT_EQ(row.cells, w);
  }
  EXPECT_FALSE(*(*reader)->Next(row));
}

// Beyond one write buffer (2,000 rows): a duplicate far down the file, one of the ledger, and
// every rejection also streamed to ImportOptions::errors.
TEST_F(ImportTest, DuplicatesAcrossBuffersAndStreamedErrors) {
  LedgerRowOnPlatform8();
  std::string body = Alternating(5000, "2024-01");
  body += std::string(kUsccB) + ",2024-01,平台0,上行,是,,2,\n";  // row 5002: dup of row 2
  std::vector<RowError> streamed;
  ErrorStream stream{[&streamed](const RowError& e) { streamed.push_back(e); }, [] {}};
  auto r = ImportSales(Ctx(), county_, WriteFile("big.csv", body), Mode::kValidOnly,
                       ImportOptions{&stream});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows_imported, 4999);
  ASSERT_EQ(r->errors.size(), 2u);
  EXPECT_EQ(r->errors[0].row, 10);  // 平台8 of entity B: already in the ledger
  EXPECT_NE(r->errors[0].reason.find("台账"), std::string::npos) << r->errors[0].reason;
  EXPECT_EQ(r->errors[1].row, 5002);
  EXPECT_NE(r->errors[1].reason.find("与文件第2行重复"), std::string::npos) << r->errors[1].reason;
  ASSERT_EQ(streamed.size(), 2u);
  EXPECT_EQ(streamed[1].row, 5002);
  EXPECT_EQ(SalesRows(), 5000);
}

// Issue 20 item 3: the stage is keyed by file row and the in-file duplicate check reads the
// row the key's hash names. A key seen three times (once in a later write buffer) names its
// first row each time; a ledger duplicate among them keeps its own reason; all-or-nothing then
// writes nothing — no row, batch or audit entry — and the stage is gone.
TEST_F(ImportTest, RepeatedKeysNameTheirFirstRowAcrossBuffersAndNothingIsWritten) {
  LedgerRowOnPlatform8();
  std::string body = Alternating(4500, "2024-01");
  body += std::string(kUsccA) + ",2024-01,平台2101,上行,是,,2,\n";  // 4502: dup of 2103
  body += std::string(kUsccA) + ",2024-01,平台2101,上行,是,,3,\n";  // 4503: dup of 2103
  body += std::string(kUsccB) + ",2024-01,平台0,上行,是,,2,\n";     // 4504: dup of 2
  auto r = ImportSales(Ctx(), county_, WriteFile("repeats.csv", body), Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->rolled_back);
  ASSERT_EQ(r->errors.size(), 4u);
  EXPECT_EQ(r->errors[0].row, 10);  // 平台8 of entity B: in the ledger
  EXPECT_NE(r->errors[0].reason.find("台账"), std::string::npos) << r->errors[0].reason;
  std::vector<std::pair<int64_t, std::string>> in_file;
  for (size_t i = 1; i < r->errors.size(); ++i)
    in_file.emplace_back(r->errors[i].row, r->errors[i].reason);
  EXPECT_EQ(in_file, (std::vector<std::pair<int64_t, std::string>>{{4502, "与文件第2103行重复"},
                                                                   {4503, "与文件第2103行重复"},
                                                                   {4504, "与文件第2行重复"}}));
  EXPECT_EQ(SalesRows(), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM import_batches WHERE kind = 'sales'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'sales.import'"), 1);
}

// All-or-nothing on the staged path: one bad row on the very last line of a file of several
// write buffers leaves nothing of the file in the ledger; once fixed, the file imports whole.
TEST_F(ImportTest, BadLastRowOfALargeFileLeavesNothing) {
  std::string body = Alternating(6000, "2024-02");
  auto r = ImportSales(Ctx(), county_,
                       WriteFile("last.csv", body + std::string(kUsccA) +
                                                 ",2024-02,末行,上行,是,,"
                                                 "一百,\n"),
                       Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->rolled_back);
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].row, 6002);
  EXPECT_EQ(r->errors[0].column, "网络销售额");
  EXPECT_EQ(SalesRows(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM import_batches"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'sales.import'"), 0);
  auto fixed = ImportSales(
      Ctx(), county_,
      WriteFile("fixed.csv", body + std::string(kUsccA) + ",2024-02,末行,上行,是,,100,\n"),
      Mode::kAllOrNothing);
  ASSERT_TRUE(fixed.ok()) << fixed.error().message;
  EXPECT_EQ(fixed->rows_imported, 6001);
  EXPECT_EQ(SalesRows(), 6001);
  EXPECT_EQ(Count("SELECT SUM(amount_fen) FROM sales_records"), 6000 * 100 + 10000);
}

// The in-file duplicate check's hash table: the first row of a hash is kept, 0 means unseen,
// and growth keeps every entry.
TEST(KeyHashesTest, NamesTheFirstRowOfEachHash) {
  internal::KeyHashes seen;
  EXPECT_EQ(seen.Find(42), 0);
  for (int64_t row = 2; row < 5002; ++row) seen.Insert(static_cast<uint64_t>(row) * 7919, row);
  seen.Insert(2 * 7919, 9999);  // a repeat keeps row 2
  EXPECT_EQ(seen.Find(2 * 7919), 2);
  EXPECT_EQ(seen.Find(5001 * 7919), 5001);
  EXPECT_EQ(seen.Find(5002 * 7919), 0);
}

// Issue 15 item 8: the import checks its rows without the write lock, so a form entry made
// meanwhile goes through at once (before, it waited for the whole import: SQLite's 10 s busy
// timeout, then 503). When that entry takes a key of the file, the batch's write transaction
// meets the unique index, the import runs again and reports the row as a ledger duplicate: the
// sale is in the ledger once.
TEST_F(ImportTest, FormEntryDuringTheImportIsNotHeldUpAndKeepsItsKey) {
  std::string path =
      WriteFile("concurrent.csv", std::string(kHeader) + Row(kUsccA, "2024-01", "100") +
                                      Row(kUsccA, "2024-13", "100") +  // rejected
                                      Row(kUsccB, "2024-02", "300"));
  bool entered = false;
  Status entry;
  double waited_ms = -1;
  int restarts = 0;
  ErrorStream stream{
      [&](const RowError&) {  // row 3, while the import reads its rows
        if (entered) return;
        entered = true;
        SalesInput in;
        in.entity_id = b_;
        in.period = "2024-02";
        in.platform = "淘宝";
        in.agricultural = true;
        in.category = "水果";
        in.amount = Fen{777};
        auto c = tdb_.db().Acquire();
        auto t0 = std::chrono::steady_clock::now();
        entry = storage::InTransaction(*c, storage::TxMode::kWrite, [&]() -> Status {
          auto id = Record(*c, county_, in, {}, 5);
          if (!id.ok()) return id.take_error();
          return {};
        });
        waited_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                        .count();
      },
      [&] { ++restarts; }};
  auto r = ImportSales(Ctx(), county_, path, Mode::kValidOnly, ImportOptions{&stream});
  ASSERT_TRUE(entry.ok()) << entry.error().message;
  EXPECT_LT(waited_ms, 2000);
  ASSERT_TRUE(r.ok()) << r.error().message;
  // SQLite checks the rows against one snapshot, so the publish meets the unique index and the
  // import runs again; PostgreSQL's read-committed check already sees the entry at row 4.
  EXPECT_EQ(restarts, tdb_.db().Dialect() == "sqlite" ? 1 : 0);
  EXPECT_EQ(r->rows_imported, 1);
  ASSERT_EQ(r->errors.size(), 2u);
  EXPECT_EQ(r->errors[1].row, 4);
  EXPECT_NE(r->errors[1].reason.find("台账"), std::string::npos) << r->errors[1].reason;
  EXPECT_EQ(SalesRows(), 2);
  EXPECT_EQ(Count("SELECT amount_fen FROM sales_records WHERE entity_id = " + std::to_string(b_)),
            777);
}

}  // namespace
}  // namespace ruralec::sales
