// What Excel really writes: several sheets, date serials (1900 and 1904 systems, built-in and
// custom date formats), numbers stored as numbers, shared vs inline strings, booleans.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "spreadsheet/spreadsheet.h"
#include "spreadsheet/testing.h"

namespace ruralec::spreadsheet {
namespace {

using testing::Zip;

constexpr char kRels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/sheet3.xml\"/>"
    "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/styles\" Target=\"styles.xml\"/></Relationships>";

// cellXfs: 0 General, 1 built-in date (14), 2 custom yyyy"年"m"月", 3 number with [Red],
// 4 built-in time h:mm (20), 5 custom time mm:ss, 6 CJK built-in date (31). The cellStyleXfs
// entry (a date) must not shift the indexes.
constexpr char kStyles[] =
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<numFmts count=\"3\"><numFmt numFmtId=\"164\" "
    "formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"0.00_);[Red]\\(0.00\\)\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"mm:ss\"/></numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"7\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"20\"/><xf numFmtId=\"166\"/>"
    "<xf numFmtId=\"31\"/></cellXfs></styleSheet>";

constexpr char kShared[] =
    "<sst xmlns=\"x\" count=\"2\" uniqueCount=\"2\"><si><t>12.5万元</t></si>"
    "<si><r><t>淘</t></r><r><t>宝</t></r><rPh><t>タオ</t></rPh></si></sst>";

std::string Workbook(bool date1904, const std::string& sheets) {
  return std::string(
             "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">") +
         (date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>") + "<sheets>" + sheets +
         "</sheets></workbook>";
}

std::string SheetXml(const std::string& rows) {
  return "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
         "<sheetData>" +
         rows + "</sheetData></worksheet>";
}

std::string Write(const std::string& name, const std::string& bytes) {
  auto p = (std::filesystem::temp_directory_path() / ("ruralec-excel-" + name)).string();
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

// One workbook per case list: sheet1 holds one cell per row (column A).
struct CellCase {
  const char* what;
  std::string cell;  // the <c> element
  const char* want;
};

std::vector<std::string> ReadColumnA(const std::string& path, std::string* sheet = nullptr,
                                     const XlsxOptions& opt = {}) {
  std::vector<std::string> out;
  auto r = OpenXlsx(path, opt);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  if (!r.ok()) return out;
  if (sheet) *sheet = (*r)->SheetName();
  SheetRow row;
  while (true) {
    auto more = (*r)->Next(row);
    EXPECT_TRUE(more.ok()) << (more.ok() ? "" : more.error().message);
    if (!more.ok() || !*more) break;
    out.push_back(row.cells.empty() ? "" : row.cells[0]);
  }
  return out;
}

void RunCells(const std::string& name, bool date1904, const std::vector<CellCase>& cases) {
  std::string rows;
  for (size_t i = 0; i < cases.size(); ++i)
    rows += "<row r=\"" + std::to_string(i + 1) + "\">" + cases[i].cell + "</row>";
  std::string path =
      Write(name, Zip({{"xl/workbook.xml",
                        Workbook(date1904, "<sheet name=\"数据\" sheetId=\"1\" r:id=\"rId1\"/>")},
                       {"xl/_rels/workbook.xml.rels", kRels},
                       {"xl/styles.xml", kStyles},
                       {"xl/sharedStrings.xml", kShared},
                       {"xl/worksheets/sheet1.xml", SheetXml(rows)}}));
  auto got = ReadColumnA(path);
  ASSERT_EQ(got.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) EXPECT_EQ(got[i], cases[i].want) << cases[i].what;
}

TEST(ExcelCells, DatesNumbersAndStrings1900) {
  RunCells("1900.xlsx", false,
           {{"built-in date format", "<c r=\"A1\" s=\"1\"><v>45352</v></c>", "2024-03-01"},
            {"registration date", "<c r=\"A2\" s=\"1\"><v>43525</v></c>", "2019-03-01"},
            {"custom 年月 format", "<c r=\"A3\" s=\"2\"><v>45352</v></c>", "2024-03-01"},
            {"CJK built-in date 31", "<c r=\"A4\" s=\"6\"><v>45366</v></c>", "2024-03-15"},
            {"time of day dropped", "<c r=\"A5\" s=\"1\"><v>45352.75</v></c>", "2024-03-01"},
            {"before the phantom day", "<c r=\"A6\" s=\"1\"><v>59</v></c>", "1900-02-28"},
            {"after the phantom day", "<c r=\"A7\" s=\"1\"><v>61</v></c>", "1900-03-01"},
            {"serial 1", "<c r=\"A8\" s=\"1\"><v>1</v></c>", "1900-01-01"},
            {"number, General", "<c r=\"A9\"><v>125000</v></c>", "125000"},
            {"number with [Red] format", "<c r=\"A10\" s=\"3\"><v>125000.5</v></c>", "125000.5"},
            {"time format is no date", "<c r=\"A11\" s=\"4\"><v>0.5</v></c>", "0.5"},
            {"mm:ss is no date", "<c r=\"A12\" s=\"5\"><v>0.25</v></c>", "0.25"},
            {"binary noise", "<c r=\"A13\"><v>137.50000000000003</v></c>", "137.5"},
            {"exponent", "<c r=\"A14\"><v>1.25E+5</v></c>", "125000"},
            {"explicit t=n", "<c r=\"A15\" t=\"n\"><v>12.5</v></c>", "12.5"},
            {"shared string", "<c r=\"A16\" t=\"s\"><v>0</v></c>", "12.5万元"},
            {"shared rich text, phonetic skipped", "<c r=\"A17\" t=\"s\"><v>1</v></c>", "淘宝"},
            {"shared string in a date style stays text",
             "<c r=\"A18\" s=\"1\" t=\"s\"><v>0</v></c>", "12.5万元"},
            {"inline string", "<c r=\"A19\" t=\"inlineStr\"><is><t> 京东 </t></is></c>", "京东"},
            {"formula string result", "<c r=\"A20\" t=\"str\"><f>A19&amp;\"\"</f><v>京东</v></c>",
             "京东"},
            {"formula number result", "<c r=\"A21\"><f>A9*1.1</f><v>137500.00000000001</v></c>",
             "137500"},
            {"boolean", "<c r=\"A22\" t=\"b\"><v>1</v></c>", "是"},
            {"text that looks like a date serial",
             "<c r=\"A23\" t=\"inlineStr\"><is><t>45352</t></is></c>", "45352"}});
}

TEST(ExcelCells, DateSerials1904) {
  RunCells("1904.xlsx", true,
           {{"1904: serial 0", "<c r=\"A1\" s=\"1\"><v>0</v></c>", "1904-01-01"},
            {"1904: registration date", "<c r=\"A2\" s=\"1\"><v>42063</v></c>", "2019-03-01"},
            {"1904: month", "<c r=\"A3\" s=\"2\"><v>43890</v></c>", "2024-03-01"},
            {"1904: numbers unchanged", "<c r=\"A4\"><v>42063</v></c>", "42063"}});
}

// Sheets: "说明" (notes), "数据" (the template's headers), "旧数据" (hidden).
std::string ThreeSheets(const std::string& hidden_state) {
  std::string sheets = "<sheet name=\"旧数据\" sheetId=\"3\" r:id=\"rId3\" state=\"" +
                       hidden_state +
                       "\"/><sheet name=\"说明\" sheetId=\"1\" r:id=\"rId1\"/>"
                       "<sheet name=\"数据\" sheetId=\"2\" r:id=\"rId2\"/>";
  auto cell = [](const std::string& t) {
    return "<c t=\"inlineStr\"><is><t>" + t + "</t></is></c>";
  };
  return Zip(
      {{"xl/workbook.xml", Workbook(false, sheets)},
       {"xl/_rels/workbook.xml.rels", kRels},
       {"xl/worksheets/sheet1.xml", SheetXml("<row r=\"1\">" + cell("请先阅读") + "</row>")},
       {"xl/worksheets/sheet2.xml",
        SheetXml("<row r=\"1\">" + cell("统一社会信用代码*") + "</row><row r=\"2\">" +
                 cell("91341302MA2N00001C") + "</row>")},
       {"xl/worksheets/sheet3.xml", SheetXml("<row r=\"1\">" + cell("统一社会信用代码*") +
                                             "</row><row r=\"2\">" + cell("旧") + "</row>")}});
}

TEST(ExcelSheets, ChooserPicksTheSheetWithTheTemplateHeaders) {
  XlsxOptions want_template{[](const SheetRow& first) {
    return !first.cells.empty() && first.cells[0] == "统一社会信用代码*";
  }};
  XlsxOptions never{[](const SheetRow&) { return false; }};
  struct Case {
    const char* what;
    std::string state;  // of the sheet listed first ("旧数据")
    XlsxOptions opt;
    const char* sheet;
    std::vector<std::string> rows;
  };
  std::vector<Case> cases{
      {"matching sheet after the notes",
       "hidden",
       want_template,
       "数据",
       {"统一社会信用代码*", "91341302MA2N00001C"}},
      {"no sheet matches: the first visible", "hidden", never, "说明", {"请先阅读"}},
      {"no chooser: the first visible", "veryHidden", {}, "说明", {"请先阅读"}},
      {"a visible sheet listed first wins",
       "visible",
       want_template,
       "旧数据",
       {"统一社会信用代码*", "旧"}},
  };
  for (const auto& c : cases) {
    std::string sheet;
    auto rows = ReadColumnA(Write("sheets.xlsx", ThreeSheets(c.state)), &sheet, c.opt);
    EXPECT_EQ(sheet, c.sheet) << c.what;
    EXPECT_EQ(rows, c.rows) << c.what;
  }
}

TEST(ExcelSheets, MissingSheetPartIsRefused) {
  auto bytes = Zip(
      {{"xl/workbook.xml", Workbook(false, "<sheet name=\"数据\" sheetId=\"1\" r:id=\"rId1\"/>")},
       {"xl/_rels/workbook.xml.rels", kRels}});
  auto r = OpenXlsx(Write("missing.xlsx", bytes));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "file");
  EXPECT_NE(r.error().message.find("数据"), std::string::npos) << r.error().message;
}

TEST(ExcelWriter, StreamedWorkbookReadsBack) {
  auto path = Write("stream.xlsx", "");
  XlsxStreamWriter w;
  ASSERT_TRUE(w.Open(path, "导入错误", {"行号", "列", "原因"}).ok());
  for (int i = 2; i < 5002; ++i) ASSERT_TRUE(w.Add({std::to_string(i), "所属期", "=bad"}).ok());
  ASSERT_TRUE(w.Close().ok());
  std::string sheet;
  auto rows = ReadColumnA(path, &sheet);
  ASSERT_EQ(rows.size(), 5001u);
  EXPECT_EQ(sheet, "导入错误");
  EXPECT_EQ(rows[0], "行号");
  EXPECT_EQ(rows[5000], "5001");
  auto r = OpenXlsx(path);
  SheetRow row;
  ASSERT_TRUE(*(*r)->Next(row) && *(*r)->Next(row));
  EXPECT_EQ(row.cells[2], "'=bad");  // formulas defused
}

}  // namespace
}  // namespace ruralec::spreadsheet
