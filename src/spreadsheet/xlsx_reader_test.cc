#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "spreadsheet/spreadsheet.h"
#include "spreadsheet/testing.h"

namespace ruralec::spreadsheet {
namespace {

using testing::Zip;

std::string Tmp(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("ruralec-xlsx-" + name)).string();
}

std::string Write(const std::string& name, const std::string& bytes) {
  std::string p = Tmp(name);
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

std::vector<SheetRow> ReadAll(const std::string& path) {
  auto r = Open(path);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  std::vector<SheetRow> out;
  if (!r.ok()) return out;
  SheetRow row;
  while (true) {
    auto more = (*r)->Next(row);
    EXPECT_TRUE(more.ok()) << (more.ok() ? "" : more.error().message);
    if (!more.ok() || !*more) break;
    out.push_back(row);
  }
  return out;
}

Status ReadError(const std::string& path) {
  auto r = Open(path);
  if (!r.ok()) return r.take_error();
  SheetRow row;
  while (true) {
    auto more = (*r)->Next(row);
    if (!more.ok()) return more.take_error();
    if (!*more) return {};
  }
}

TEST(Xlsx, ReadsWhatTheWriterWrote) {
  std::string p = Tmp("round.xlsx");
  Sheet s{"表", {"统一社会信用代码*", "金额"}, {{"91341302MA2N00001C", "12.5万元"}, {"", "x"}}, {}};
  ASSERT_TRUE(WriteXlsx(p, s).ok());
  auto rows = ReadAll(p);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"统一社会信用代码*", "金额"}));
  EXPECT_EQ(rows[1].cells[1], "12.5万元");
  EXPECT_EQ(rows[2].number, 3);
  EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"", "x"}));
}

TEST(Xlsx, InlineNumbersAndSparseCells) {
  std::string sheet =
      "<?xml version=\"1.0\"?><worksheet xmlns=\"x\"><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"C1\"><v>125000.5</v>"
      "</c></row><row r=\"4\"><c r=\"B4\" t=\"b\"><v>1</v></c></row></sheetData></worksheet>";
  auto rows = ReadAll(Write("inline.xlsx", Zip({{"xl/worksheets/sheet1.xml", sheet}})));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"a", "", "125000.5"}));
  EXPECT_EQ(rows[1].number, 4);
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"", "是"}));
}

TEST(Xlsx, HostileWorkbooksAreRefused) {
  std::string ok_sheet =
      "<worksheet><sheetData><row r=\"1\"><c><v>1</v></c></row></sheetData></worksheet>";
  std::string dtd =
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
      "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData>"
      "</worksheet>";
  struct Case {
    std::string name, bytes;
  };
  std::vector<Case> cases{
      {"dotdot.xlsx", Zip({{"../evil.xml", "x"}, {"xl/worksheets/sheet1.xml", ok_sheet}})},
      {"abs.xlsx", Zip({{"/etc/x", "x"}, {"xl/worksheets/sheet1.xml", ok_sheet}})},
      {"dtd.xlsx", Zip({{"xl/worksheets/sheet1.xml", dtd}})},
      {"bomb.xlsx", Zip({{"xl/worksheets/sheet1.xml", ok_sheet}}, 3'000'000'000LL)},
      {"lies.xlsx", Zip({{"xl/worksheets/sheet1.xml", ok_sheet}}, 10)},
      {"nosheet.xlsx", Zip({{"xl/other.xml", ok_sheet}})},
      {"badref.xlsx", Zip({{"xl/worksheets/sheet1.xml",
                            "<worksheet><sheetData><row><c t=\"s\"><v>7</v></c></row></sheetData>"
                            "</worksheet>"}})},
      {"dtd-workbook.xlsx",
       Zip({{"xl/workbook.xml",
             "<!DOCTYPE w [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><workbook/>"},
            {"xl/worksheets/sheet1.xml", ok_sheet}})},
      {"dtd-styles.xlsx",
       Zip({{"xl/styles.xml", "<!DOCTYPE s [<!ENTITY a \"aaaaaaaaaa\">]><styleSheet/>"},
            {"xl/worksheets/sheet1.xml", ok_sheet}})},
      {"text.xlsx", "a,b\n1,2\n"},
      {"truncated.xlsx", Zip({{"xl/worksheets/sheet1.xml", ok_sheet}}).substr(0, 40)},
  };
  for (const auto& c : cases) {
    Status st = ReadError(Write(c.name, c.bytes));
    ASSERT_FALSE(st.ok()) << c.name;
    EXPECT_EQ(st.error().field, "file") << c.name;
    EXPECT_FALSE(st.error().message.empty());
  }
}

}  // namespace
}  // namespace ruralec::spreadsheet
