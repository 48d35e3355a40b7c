// Coverage and frequency (coverage.h, indicators.h, monthly_report.h): a hand-made county month
// whose figures are worked out below by hand, checked per town, through the indicator registry
// and in the monthly workbook.
#include "logistics/coverage.h"

#include "logistics/indicators.h"
#include "logistics/monthly_report.h"
#include "logistics/parcels.h"
#include "logistics/test_fixture.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::logistics {
namespace {

using testing::LogisticsFixture;

TEST(CoverageMathTest, NearestRankAndRounding) {
  struct Case {
    std::vector<int64_t> values;
    int percent;
    std::optional<int64_t> want;
  };
  const Case cases[] = {
      {{}, 50, std::nullopt},
      {{7}, 50, 7},
      {{7}, 90, 7},
      {{1440, 30, 420}, 50, 420},   // rank ⌈1.5⌉ = 2 of [30, 420, 1440]
      {{1440, 30, 420}, 90, 1440},  // rank ⌈2.7⌉ = 3
      {{10, 20, 30, 40}, 50, 20},   // rank 2: nearest rank, no interpolation
      {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90, 9},
      {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 90, 10},  // ⌈9.9⌉ = 10
  };
  for (const auto& c : cases) EXPECT_EQ(NearestRank(c.values, c.percent), c.want);
  EXPECT_EQ(RoundDiv(3500, 56), 63);  // 62.5 rounds up
  EXPECT_EQ(RoundDiv(4200, 70), 60);
  EXPECT_EQ(RoundDiv(1, 3), 0);
  EXPECT_EQ(RoundDiv(2, 3), 1);
}

TEST(CoverageMathTest, Periods) {
  auto nov = MonthPeriod("2023-11");
  ASSERT_TRUE(nov.ok());
  EXPECT_EQ(nov->from.ToString(), "2023-11-01");
  EXPECT_EQ(nov->to.ToString(), "2023-11-30");
  EXPECT_EQ(nov->days(), 30);
  EXPECT_EQ(MonthPeriod("2023-12")->to.ToString(), "2023-12-31");
  EXPECT_EQ(MonthPeriod("2024-02")->days(), 29);
  EXPECT_EQ(nov->from_ms(), 1'698'768'000'000);  // 2023-10-31T16:00:00Z
  EXPECT_EQ(nov->end_ms(), 1'701'360'000'000);   // 2023-11-30T16:00:00Z
  for (const char* bad : {"2023-13", "2023-1", "2023-11-01", "", "2023/11"}) {
    auto p = MonthPeriod(bad);
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_EQ(p.error().field, "month");
  }
  EXPECT_EQ(MakePeriod(CivilDate(2023, 11, 2), CivilDate(2023, 11, 1)).error().field, "to");
  EXPECT_FALSE(MakePeriod(CivilDate(2022, 1, 1), CivilDate(2023, 11, 1)).ok());
}

// The county of the fixture, with (town 341302100) villages 201, 202 大庄村委会, 204 新庄村,
// 205 后湖村 and the residents' committee 203 幸福社区 (not an administrative village), and (town
// 341302101) village 203 芦岭村: five administrative villages. November 1–14, 2023 (14 days):
//
//   waybill  scans (Beijing time)                                 counts for
//   W1       到达 FL 11-13 09:00, 签收 P201 11-13 16:00              201 day 13; lead 420 min
//   W2       到达 FL 11-10 08:00, 入柜 P201 11-10 12:00,
//            签收 P201 11-11 08:00                                 201 days 10, 11; lead 1440
//   W3       到达 LL 11-12 10:00, 签收 P1203 11-12 10:30           101203 day 12; lead 30
//   W4       签收 P202 11-05 09:00 (no hub arrival)                202 day 5; no lead
//   W8       签收 P202 10-31 23:30 (before the period)             —
//   W9       签收 P202 11-01 00:10                                 202 day 1; no lead
//   W5 up    揽收 P204 11-06 10:00                                 204 reached; 1 uplink
//   W6 up    揽收 P201 11-13 11:00, 发往 P201 11-13 12:00          1 uplink (one waybill)
//   W7       签收 P203S (社区) 11-09                               —
//   W10      问题件 P204 11-07                                     — (no delivery)
//
// Reached 201, 202, 204, 101203 (not 205): 4/5 = 80.00%. Delivery days 3 + 2 + 0 + 0 + 1 = 6:
// 6 ÷ 5 ÷ (14/7) = 0.60 次/周. Leads [30, 420, 1440]: median 420, p90 1440. Active points in
// administrative villages P201 (2 carriers), P202 (1), P204 (1), P1203 (3); P205 closed: 7/4 =
// 1.75 家/点. Uplink 2 ÷ 5 = 0.40 件/村. Town 100: 3/4 = 75.00%, 5 days ÷ 4 ÷ 2 = 0.625 → 0.63;
// leads [420, 1440]: median 420, p90 1440; 4 carriers ÷ 3 points = 1.33. Town 101: 1/1, 1 day ÷ 1 ÷
// 2 = 0.50, lead 30.
class CoverageTest : public LogisticsFixture {
 protected:
  void SetUp() override {
    LogisticsFixture::SetUp();
    auto c = tdb_.db().Acquire();
    std::vector<region::Division> more = {{*RegionCode::Parse("341302100203"), "幸福社区"},
                                          {*RegionCode::Parse("341302100204"), "新庄村"},
                                          {*RegionCode::Parse("341302100205"), "后湖村"}};
    ASSERT_TRUE(region::UpsertDivisions(*c, more).ok());
    MakeNode("341302100", NodeLevel::kTownHub, "FL");
    MakeNode("341302101", NodeLevel::kTownHub, "LL");
    Point("341302100201", "P201", {"中通", "圆通"});
    Point("341302100202", "P202", {"中通"});
    Point("341302100203", "P203S", {"中通", "圆通", "韵达"});
    Point("341302100204", "P204", {"邮政"});
    Point("341302101203", "P1203", {"邮政", "中通", "顺丰"});
    Point("341302100205", "P205", {"中通"}, false);
    Scan("WB0001", "到达", "2023-11-13 09:00", "FL");
    Scan("WB0001", "签收", "2023-11-13 16:00", "P201");
    Scan("WB0002", "到达", "2023-11-10 08:00", "FL");
    Scan("WB0002", "入柜", "2023-11-10 12:00", "P201");
    Scan("WB0002", "签收", "2023-11-11 08:00", "P201");
    Scan("WB0003", "到达", "2023-11-12 10:00", "LL");
    Scan("WB0003", "签收", "2023-11-12 10:30", "P1203");
    Scan("WB0004", "签收", "2023-11-05 09:00", "P202");
    Scan("WB0008", "签收", "2023-10-31 23:30", "P202");
    Scan("WB0009", "签收", "2023-11-01 00:10", "P202");
    Scan("WB0005", "揽收", "2023-11-06 10:00", "P204", "uplink");
    Scan("WB0006", "揽收", "2023-11-13 11:00", "P201", "uplink");
    Scan("WB0006", "发往", "2023-11-13 12:00", "P201", "uplink");
    Scan("WB0007", "签收", "2023-11-09 10:00", "P203S");
    ScanInput problem = Input("WB0010", "问题件", "2023-11-07 10:00", "P204", "");
    problem.reason = "地址不详";
    ASSERT_TRUE(RecordScan(D(), driver_, problem).ok());
  }
  void Point(const std::string& village, const std::string& code, std::vector<std::string> carriers,
             bool active = true) {
    NodeInput in = NodeAt(village, NodeLevel::kVillagePoint, code);
    in.carriers = std::move(carriers);
    in.active = active;
    auto n = CreateNode(D(), county_, in);
    ASSERT_TRUE(n.ok()) << n.error().message;
  }
  static ScanInput Input(const std::string& no, const std::string& type, const std::string& at,
                         const std::string& node, const std::string& direction) {
    ScanInput in;
    in.carrier = "中通";
    in.waybill_no = no;
    in.scan_type = type;
    in.scanned_at = at;
    in.node_code = node;
    in.direction = direction;
    return in;
  }
  void Scan(const std::string& no, const std::string& type, const std::string& at,
            const std::string& node, const std::string& direction = "") {
    auto r = RecordScan(D(), driver_, Input(no, type, at, node, direction));
    ASSERT_TRUE(r.ok()) << no << " " << type << ": " << r.error().message;
  }
  Period Nov1To14() { return *MakePeriod(CivilDate(2023, 11, 1), CivilDate(2023, 11, 14)); }
  runtime::Measurement Measure(const std::string& id, const std::string& region,
                               std::map<std::string, std::string> params = {}) {
    for (const auto& s : indicators::Sources()) {
      if (s.indicator != id) continue;
      auto c = tdb_.db().Acquire();
      runtime::IndicatorQuery q{id, *RegionCode::Parse(region), CivilDate(2023, 11, 1),
                                CivilDate(2023, 11, 14), std::move(params)};
      auto m = s.fn(*c, q);
      EXPECT_TRUE(m.ok()) << id << ": " << m.error().message;
      return m.ok() ? *m : runtime::Measurement{};
    }
    ADD_FAILURE() << "no source " << id;
    return {};
  }
};

TEST_F(CoverageTest, FiguresOfTheCountyAndItsTowns) {
  auto c = tdb_.db().Acquire();
  auto cov = ComputeCoverage(*c, *RegionCode::Parse("341302"), Nov1To14());
  ASSERT_TRUE(cov.ok()) << cov.error().message;
  struct Want {
    std::string code;
    int64_t villages, reached;
    std::optional<int64_t> rate, freq, median, p90, carriers, uplink_per_village;
    int64_t uplink;
  };
  const Want wants[] = {
      {"341302000000", 5, 4, 8000, 60, 420, 1440, 175, 40, 2},
      {"341302100000", 4, 3, 7500, 63, 420, 1440, 133, 50, 2},
      {"341302101000", 1, 1, 10000, 50, 30, 30, 300, 0, 0},
  };
  std::vector<const CoverageFigures*> got = {&cov->total};
  for (const auto& t : cov->towns) got.push_back(&t.figures);
  ASSERT_EQ(got.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    const Want& w = wants[i];
    const CoverageFigures& f = *got[i];
    SCOPED_TRACE(w.code);
    EXPECT_EQ(f.code.str(), w.code);
    EXPECT_EQ(f.villages, w.villages);
    EXPECT_EQ(f.reached, w.reached);
    EXPECT_EQ(f.rate_bp(), w.rate);
    EXPECT_EQ(f.frequency_centi(14), w.freq);
    EXPECT_EQ(f.lead(50), w.median);
    EXPECT_EQ(f.lead(90), w.p90);
    EXPECT_EQ(f.carriers_per_point_centi(), w.carriers);
    EXPECT_EQ(f.uplink_per_village_centi(), w.uplink_per_village);
    EXPECT_EQ(f.uplink_parcels, w.uplink);
  }
  EXPECT_EQ(cov->total.name, "R341302");
  EXPECT_EQ(cov->towns[0].figures.name, "R341302100");
  // The villages not reached, by town: only 后湖村.
  std::vector<std::string> missing;
  for (const auto& t : cov->towns)
    for (const auto& v : t.villages)
      if (!v.reached) missing.push_back(v.name);
  EXPECT_EQ(missing, std::vector<std::string>{"后湖村"});
}

TEST_F(CoverageTest, ATownSeesOnlyItsVillages) {
  auto c = tdb_.db().Acquire();
  auto cov = ComputeCoverage(*c, *RegionCode::Parse("341302101"), Nov1To14());
  ASSERT_TRUE(cov.ok());
  ASSERT_EQ(cov->towns.size(), 1u);
  EXPECT_EQ(cov->total.villages, 1);
  EXPECT_EQ(cov->total.lead_minutes, std::vector<int64_t>{30});
  // A period without events: nothing reached, no lead time.
  auto oct = ComputeCoverage(*c, *RegionCode::Parse("341302"),
                             *MakePeriod(CivilDate(2023, 10, 1), CivilDate(2023, 10, 30)));
  ASSERT_TRUE(oct.ok());
  EXPECT_EQ(oct->total.reached, 0);
  EXPECT_EQ(oct->total.rate_bp(), 0);
  EXPECT_EQ(oct->total.lead(50), std::nullopt);
}

TEST_F(CoverageTest, RegisteredIndicators) {
  struct Case {
    std::string id, region;
    std::map<std::string, std::string> params;
    std::optional<int64_t> want;  // nullopt: no data
  };
  const Case cases[] = {
      {"express_coverage_rate", "341302", {}, 8000},
      {"express_coverage_rate", "341302100", {}, 7500},
      {"express_coverage_rate", "341302100203", {}, std::nullopt},  // a 社区: no 行政村
      {"delivery_frequency", "341302", {}, 60},
      {"delivery_lead_minutes", "341302", {}, 420},
      {"delivery_lead_minutes", "341302", {{"stat", "median"}}, 420},
      {"delivery_lead_minutes", "341302", {{"stat", "p90"}}, 1440},
      {"delivery_lead_minutes", "341302", {{"stat", "p50"}}, std::nullopt},
      {"delivery_lead_minutes", "341302100205", {}, std::nullopt},
      {"carriers_per_point", "341302", {}, 175},
      {"carriers_per_point", "341302100205", {}, std::nullopt},  // its only point is closed
      {"uplink_parcels_per_village", "341302", {}, 40},
      {"logistics_nodes", "341302", {{"kind", "town_hub"}}, 2},
      {"logistics_nodes", "341302", {{"kind", "village_point"}}, 5},  // the closed one not
      {"logistics_nodes", "341302", {{"kind", "village_point"}, {"scope", "new"}}, 6},
      {"logistics_nodes", "341302", {{"kind", "county_centre"}}, 0},
      {"logistics_nodes",
       "341302",
       {{"kind", "village_point"}, {"scope", "upgraded"}},
       std::nullopt},
      {"logistics_nodes", "341302", {{"kind", "depot"}}, std::nullopt},
      {"logistics_lines", "341302", {{"kind", "branch_line"}}, 0},
      {"logistics_lines", "341302", {{"kind", "bus"}}, std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.id + " " + c.region);
    runtime::Measurement m = Measure(c.id, c.region, c.params);
    if (c.want) {
      EXPECT_EQ(m.status, runtime::Measurement::Status::kOk) << m.reason;
      EXPECT_EQ(m.value, c.want);
    } else {
      EXPECT_EQ(m.status, runtime::Measurement::Status::kNoDataSource);
      EXPECT_FALSE(m.reason.empty());
    }
  }
  runtime::Measurement rate = Measure("express_coverage_rate", "341302");
  EXPECT_EQ(rate.numerator, 4);
  EXPECT_EQ(rate.denominator, 5);
}

TEST_F(CoverageTest, LinesCountByKind) {
  auto hub = Count("SELECT id FROM logistics_nodes WHERE code = 'FL'");
  auto p201 = Count("SELECT id FROM logistics_nodes WHERE code = 'P201'");
  LineInput in;
  in.kind = LineKind::kBranch;
  in.code = "B1";
  in.name = "符离支线";
  in.from_node_id = hub;
  in.stop_node_ids = {p201};
  in.weekdays = "135";
  ASSERT_TRUE(CreateLine(D(), county_, in).ok());
  EXPECT_EQ(Measure("logistics_lines", "341302", {{"kind", "branch_line"}}).value, 1);
  EXPECT_EQ(Measure("logistics_lines", "341302", {{"kind", "branch"}}).value, 1);
  EXPECT_EQ(Measure("logistics_lines", "341302", {{"kind", "trunk_line"}}).value, 0);
  EXPECT_EQ(Measure("logistics_lines", "341302101", {{"kind", "branch_line"}}).value, 0);
}

// The monthly workbook: its sheets hold the figures above (November as a whole: 30 days).
TEST_F(CoverageTest, MonthlyReportWorkbook) {
  auto c = tdb_.db().Acquire();
  auto rep = BuildMonthlyReport(*c, *RegionCode::Parse("341302"), "2023-11");
  ASSERT_TRUE(rep.ok()) << rep.error().message;
  EXPECT_EQ(rep->coverage.period.days(), 30);
  const std::string path = (tdb_.dir() / "m.xlsx").string();
  ASSERT_TRUE(WriteMonthlyReportXlsx(*rep, path).ok());
  EXPECT_EQ(MonthlyReportStem(*rep), "物流统计月报_341302_2023-11");
  auto sheet = [&](const std::string& first_cell) {
    spreadsheet::XlsxOptions o;
    o.choose = [first_cell](const spreadsheet::SheetRow& r) {
      return !r.cells.empty() && r.cells[0] == first_cell;
    };
    auto reader = spreadsheet::OpenXlsx(path, o);
    EXPECT_TRUE(reader.ok());
    std::vector<std::string> lines;
    spreadsheet::SheetRow row;
    while (reader.ok() && *(*reader)->Next(row)) {
      std::string line;
      for (const auto& cell : row.cells) line += cell + "|";
      lines.push_back(line);
    }
    return lines;
  };
  auto summary = sheet("物流统计月报 R341302 2023-11");
  auto has = [](const std::vector<std::string>& lines, const std::string& text) {
    for (const auto& l : lines)
      if (l.find(text) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has(summary, "行政村数|5|个|"));
  EXPECT_TRUE(has(summary, "已通达行政村数|4|个|"));
  EXPECT_TRUE(has(summary, "行政村快递通达率|0.8|%|"));
  EXPECT_TRUE(has(summary, "投送频次（每村每周）|0.28|次/周|"));  // 6 × 7 ÷ (5 × 30)
  EXPECT_TRUE(has(summary, "镇到村签收时长（中位数）|420|分钟|"));
  EXPECT_TRUE(has(summary, "镇级快递物流中转站（在用）|2|个|"));
  auto towns = sheet("乡镇");
  ASSERT_EQ(towns.size(), 3u);
  EXPECT_EQ(towns[1].substr(0, towns[1].find("|0.")), "R341302100|341302100000|4|3");
  auto missing = sheet("所属乡镇");
  ASSERT_EQ(missing.size(), 2u);
  EXPECT_EQ(missing[1], "R341302100|后湖村|341302100205|0|");
}

}  // namespace
}  // namespace ruralec::logistics
