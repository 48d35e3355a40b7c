#include "spreadsheet/spreadsheet.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace ruralec::spreadsheet {
namespace {

std::vector<SheetRow> ReadAll(RowReader& r) {
  std::vector<SheetRow> out;
  SheetRow row;
  while (true) {
    auto more = r.Next(row);
    EXPECT_TRUE(more.ok()) << (more.ok() ? "" : more.error().message);
    if (!more.ok() || !*more) break;
    out.push_back(row);
  }
  return out;
}

std::filesystem::path Tmp(const std::string& name, const std::string& content) {
  auto p = std::filesystem::temp_directory_path() / ("ruralec-ss-" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

TEST(Csv, QuotesNewlinesBomAndCrlf) {
  auto r = CsvFromString(
      "\xEF\xBB\xBF"
      "a, b ,\"c,d\"\r\n\"x\"\"y\",\"multi\nline\",\r\n\r\nlast");
  auto rows = ReadAll(*r);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"a", "b", "c,d"}));
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"x\"y", "multi\nline", ""}));
  EXPECT_EQ(rows[1].number, 2);
  EXPECT_TRUE(rows[2].Blank());
  EXPECT_EQ(rows[3].cells, (std::vector<std::string>{"last"}));
}

TEST(Csv, RefusesNonUtf8AndUnclosedQuotes) {
  struct Case {
    std::string text;
  };
  for (const std::string& text : {std::string("a,\xC4\xE3\xBA\xC3\n"), std::string("\"open,x\n"),
                                  std::string("a,") + std::string(40000, 'x')}) {
    auto r = CsvFromString(text);
    SheetRow row;
    auto more = r->Next(row);
    ASSERT_FALSE(more.ok());
    EXPECT_EQ(more.error().field, "file");
  }
}

TEST(Csv, OpenChecksContentAgainstExtension) {
  auto zip = Tmp("fake.csv", std::string("PK\x03\x04rest", 8));
  EXPECT_FALSE(Open(zip.string()).ok());
  auto notzip = Tmp("fake.xlsx", "a,b\n");
  EXPECT_FALSE(Open(notzip.string()).ok());
  EXPECT_FALSE(Open(Tmp("x.txt", "a").string()).ok());
  auto ok = Tmp("ok.csv", "h1,h2\n1,2\n");
  auto r = Open(ok.string());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ReadAll(**r).size(), 2u);
  EXPECT_EQ(FileSha256(ok.string())->size(), 64u);
}

// What Excel on Chinese Windows writes for "CSV (逗号分隔)": GBK, no BOM.
TEST(Csv, GbkFilesAreReadAsUtf8) {
  const std::string gbk_name = "\xD5\xC5\xC8\xFD";                             // 张三
  auto path = Tmp("gbk.csv", "\xD0\xD5\xC3\xFB,n\r\n" + gbk_name + ",1\r\n");  // 姓名
  auto r = Open(path.string());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)->Encoding(), "GBK");
  auto rows = ReadAll(**r);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"姓名", "n"}));
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"张三", "1"}));
}

TEST(Csv, GbkDetectedPastTheFirstChunkAndAcrossChunkBoundaries) {
  // 70,000 ASCII lines' worth of bytes first, so the first non-ASCII byte is far in; then a
  // GBK character straddling the converter's 64 KiB read boundary.
  std::string text = "h\n";
  while (text.size() < 65534) text += "a\n";
  text.resize(65534);
  text += "\n";
  text += "\xD5\xC5\n";  // 张, its lead byte the last of the first 64 KiB
  auto path = Tmp("gbk-late.csv", text);
  auto r = Open(path.string());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)->Encoding(), "GBK");
  auto rows = ReadAll(**r);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.back().cells, (std::vector<std::string>{"张"}));
}

TEST(Csv, Utf8WithoutBomStaysUtf8AndGarbageIsRefusedWithItsLine) {
  auto utf8 = Open(Tmp("u8.csv", "姓名\n张三\n").string());
  ASSERT_TRUE(utf8.ok());
  EXPECT_EQ((*utf8)->Encoding(), "UTF-8");
  EXPECT_EQ(ReadAll(**utf8)[1].cells[0], "张三");
  // 0xFF is a lead byte in neither UTF-8 nor GB18030.
  auto bad = Open(Tmp("bad.csv", "h\nok\n\xFF\xFF\n").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "file");
  EXPECT_NE(bad.error().message.find("第3行"), std::string::npos) << bad.error().message;
}

TEST(Writers, SafeCellDefusesFormulas) {
  EXPECT_EQ(SafeCell("=SUM(A1)"), "'=SUM(A1)");
  EXPECT_EQ(SafeCell("@x"), "'@x");
  EXPECT_EQ(SafeCell("-1"), "'-1");
  EXPECT_EQ(SafeCell("正常"), "正常");
}

TEST(Writers, XlsxAndCsvAreWritten) {
  auto dir = std::filesystem::temp_directory_path();
  Sheet s{"错误", {"行号", "列", "原因"}, {{"2", "统一社会信用代码", "=bad"}}, {"说明"}};
  auto x = (dir / "ruralec-ss-out.xlsx").string();
  ASSERT_TRUE(WriteXlsx(x, s).ok());
  EXPECT_GT(std::filesystem::file_size(x), 1000u);
  auto c = (dir / "ruralec-ss-out.csv").string();
  ASSERT_TRUE(WriteCsv(c, s).ok());
  auto r = OpenCsv(c);
  auto rows = ReadAll(**r);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].cells[2], "'=bad");
}

// Typed columns store numbers Excel can sum: the reader shows a number cell as Excel displays
// it (no trailing zeros), a text cell as written. A cell that is not of its column's type stays
// text, so nothing is lost.
TEST(Writers, TypedColumnsHoldNumbersAndDates) {
  auto x = (std::filesystem::temp_directory_path() / "ruralec-ss-typed.xlsx").string();
  Sheet s{"导出", {"编码", "金额", "笔数", "日期"}, {}, {}};
  s.types = {ColumnType::kText, ColumnType::kMoney, ColumnType::kInteger, ColumnType::kDate};
  s.rows = {{"0012.50", "1234.50", "007", "2019-03-01"},
            {"A", "—", "", "2019-13-01"},
            {"B", "-0.05", "123456789012345678", "x"}};
  ASSERT_TRUE(WriteXlsx(x, s).ok());
  auto r = OpenXlsx(x);
  ASSERT_TRUE(r.ok());
  auto rows = ReadAll(**r);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"0012.50", "1234.5", "7", "2019-03-01"}));
  EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"A", "—", "", "2019-13-01"}));
  EXPECT_EQ(rows[3].cells, (std::vector<std::string>{"B", "-0.05", "123456789012345678", "x"}));
}

}  // namespace
}  // namespace ruralec::spreadsheet
