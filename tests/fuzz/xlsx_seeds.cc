// Writes the xlsx fuzzer's seed workbooks into argv[1]: one as the product writes them
// (deflated, styles, a date column) and the same parts stored uncompressed (spreadsheet/testing.h),
// whose XML the fuzzer can mutate byte by byte.
#include <fstream>
#include <iostream>

#include "spreadsheet/spreadsheet.h"
#include "spreadsheet/testing.h"

using namespace ruralec::spreadsheet;

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::string dir = argv[1];
  Sheet sheet;
  sheet.name = "导入";
  sheet.headers = {"统一社会信用代码", "名称", "日期", "金额"};
  sheet.types = {ColumnType::kText, ColumnType::kText, ColumnType::kDate, ColumnType::kMoney};
  sheet.rows = {{"91341302MA2NAP9013", "电商有限公司", "2023-11-14", "125000.50"},
                {"=1+1", "", "1900-03-01", "-3"}};
  if (!WriteXlsx(dir + "/written.xlsx", sheet).ok()) return 1;
  std::string ct =
      R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";
  std::string wb =
      R"(<workbook xmlns:r="r"><workbookPr date1904="1"/><sheets><sheet name="a" r:id="rId1"/><sheet name="b" r:id="rId2"/></sheets></workbook>)";
  std::string rels =
      R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>)";
  std::string ss =
      R"(<sst><si><t>b</t></si><si><r><t>富</t></r><r><t xml:space="preserve"> 文本</t></r></si></sst>)";
  std::string styles =
      R"(<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>)";
  std::string s1 =
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData></worksheet>)";
  std::string s2 =
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>x</t></is></c></row><row r="3"><c r="A3" s="1"><v>45000</v></c><c r="B3" t="b"><v>1</v></c><c r="D3"><v>1.25E+3</v></c><c r="E3" t="str"><f>A1</f><v>y</v></c></row></sheetData></worksheet>)";
  std::ofstream(dir + "/stored.xlsx", std::ios::binary)
      << testing::Zip({{"[Content_Types].xml", ct},
                       {"xl/workbook.xml", wb},
                       {"xl/_rels/workbook.xml.rels", rels},
                       {"xl/sharedStrings.xml", ss},
                       {"xl/styles.xml", styles},
                       {"xl/worksheets/sheet1.xml", s1},
                       {"xl/worksheets/sheet2.xml", s2}});
  return 0;
}
