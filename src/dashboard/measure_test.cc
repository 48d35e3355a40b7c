// The screen's figures and their roll-up (dashboard.h contract): a city's figure is the sum of
// its counties' (a rate Σ numerator ÷ Σ denominator, not the mean of the rates), a county
// without data is listed as missing and left out, never counted as 0.
#include "dashboard/measure.h"

#include <gtest/gtest.h>

#include "dashboard/catalogue.h"
#include "dashboard/screen.h"
#include "region/region.h"
#include "storage/testing.h"

namespace ruralec::dashboard {
namespace {

using runtime::Measurement;

struct Fake {
  std::optional<int64_t> value, num, den;
};

// A registry whose computations answer from a table by region (absent: no data).
runtime::IndicatorRegistry FakeRegistry(std::map<std::string, std::map<std::string, Fake>> data) {
  runtime::IndicatorRegistry r;
  for (const auto& entry : data) {  // not a structured binding: clang 14 cannot capture one
    const auto& id = entry.first;
    const auto& by_region = entry.second;
    auto fn = [by_region](storage::Connection&,
                          const runtime::IndicatorQuery& q) -> Result<Measurement> {
      Measurement m;
      auto it = by_region.find(q.region.str());
      if (it == by_region.end()) {
        m.reason = "测试: 无数据";
        return m;
      }
      m.status = Measurement::Status::kOk;
      m.value = it->second.value;
      m.numerator = it->second.num;
      m.denominator = it->second.den;
      return m;
    };
    EXPECT_TRUE(r.Register(id, "fake", fn).ok());
  }
  return r;
}

class MeasureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<region::Division> d;
    for (const char* c : {"34", "3413", "341302", "341321", "341322", "341302100", "341302101"})
      d.push_back({*RegionCode::Parse(c), std::string("R") + c});
    auto conn = tdb_.db().Acquire();
    ASSERT_TRUE(region::UpsertDivisions(*conn, d).ok());
  }
  Target TargetFor(const std::string& code) {
    auto conn = tdb_.db().Acquire();
    RegionCode r = *RegionCode::Parse(code);
    return Target{r, code, *ChildrenOf(*conn, r)};
  }
  storage::testing::TempDatabase tdb_;
  const Period june_{2025, 6};
};

const std::string k302 = "341302000000", k321 = "341321000000", k322 = "341322000000";

TEST_F(MeasureTest, CityIsTheSumOfItsCountiesAndAMissingCountyIsNoZero) {
  auto reg = FakeRegistry({{"rural_online_sales", {{k302, {100}}, {k321, {250}}}},
                           {"village_station_coverage_rate",
                            {{k302, {3333, 1, 3}}, {k321, {7500, 3, 4}}, {k322, {0, 0, 5}}}}});
  auto conn = tdb_.db().Acquire();
  auto m =
      Measure(*conn, reg, TargetFor("3413"), {"sales_month", "village_coverage"}, {}, june_, 42);
  ASSERT_TRUE(m.ok()) << m.error().message;
  const Figure& sales = m->own.at("sales_month");
  EXPECT_TRUE(sales.ok);
  EXPECT_EQ(sales.value, 350);
  EXPECT_EQ(sales.children, 3);
  EXPECT_EQ(sales.missing, std::vector<std::string>{k322});
  EXPECT_EQ(sales.as_of, 42);
  // The counties' own figures, in code order, the missing one without a value.
  const auto& kids = m->of.at("sales_month");
  ASSERT_EQ(kids.size(), 3u);
  EXPECT_EQ(kids[0].value, 100);
  EXPECT_EQ(kids[1].value, 250);
  EXPECT_FALSE(kids[2].ok);
  EXPECT_FALSE(kids[2].value.has_value());
  // 4 villages of 12 covered: 3333 bp, not the mean (3333 + 7500 + 0) / 3 = 3611.
  const Figure& cov = m->own.at("village_coverage");
  EXPECT_EQ(cov.numerator, 4);
  EXPECT_EQ(cov.denominator, 12);
  EXPECT_EQ(cov.value, 3333);
  EXPECT_TRUE(cov.missing.empty());
}

TEST_F(MeasureTest, ProvinceEqualsItsCityAndNoCountyWithDataIsNoData) {
  auto reg = FakeRegistry({{"rural_online_sales", {{k302, {7}}, {k321, {8}}, {k322, {9}}}}});
  auto conn = tdb_.db().Acquire();
  auto province = Measure(*conn, reg, TargetFor("34"), {"sales_month", "stations"}, {}, june_, 1);
  auto city = Measure(*conn, reg, TargetFor("3413"), {"sales_month"}, {}, june_, 1);
  ASSERT_TRUE(province.ok() && city.ok());
  EXPECT_EQ(province->own.at("sales_month").value, 24);
  EXPECT_EQ(province->own.at("sales_month").value, city->own.at("sales_month").value);
  // No computation of stations is registered: no data, with a reason, not 0.
  const Figure& st = province->own.at("stations");
  EXPECT_FALSE(st.ok);
  EXPECT_FALSE(st.value.has_value());
  EXPECT_FALSE(st.reason.empty());
  EXPECT_EQ(st.missing.size(), 3u);
}

TEST_F(MeasureTest, ACountyIsMeasuredItselfItsTownsOnlyForTheRanking) {
  auto reg = FakeRegistry(
      {{"rural_online_sales", {{k302, {1000}}, {"341302100000", {600}}, {"341302101000", {300}}}}});
  auto conn = tdb_.db().Acquire();
  auto m = Measure(*conn, reg, TargetFor("341302"), {"sales_ytd"}, {"sales_ytd"}, june_, 1);
  ASSERT_TRUE(m.ok());
  // The county's own figure (an entity registered at county level counts in no town).
  EXPECT_EQ(m->own.at("sales_ytd").value, 1000);
  EXPECT_EQ(m->own.at("sales_ytd").children, 0);
  EXPECT_EQ(m->of.at("sales_ytd").size(), 2u);
  EXPECT_EQ(m->own.at("sales_ytd").from, CivilDate(2025, 1, 1));
  EXPECT_EQ(m->own.at("sales_ytd").to, CivilDate(2025, 6, 30));
}

TEST_F(MeasureTest, AFrequencyIsMeasuredOverTheSubtreeNotSummed) {
  auto reg = FakeRegistry({{"delivery_frequency", {{"341300000000", {250}}, {k302, {700}}}}});
  auto conn = tdb_.db().Acquire();
  auto m = Measure(*conn, reg, TargetFor("3413"), {"delivery_frequency"}, {}, june_, 1);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->own.at("delivery_frequency").value, 250);
}

TEST(Dashboard, RatesRoundHalfUpAndGrowthHalfAwayFromZero) {
  EXPECT_EQ(RateBp(1, 3), 3333);
  EXPECT_EQ(RateBp(2, 3), 6667);
  EXPECT_EQ(RateBp(1, 8), 1250);
  Figure inc;
  inc.ok = true;
  inc.value = 50;
  inc.baseline = 100;
  EXPECT_EQ(YearOnYear(inc).value, 5000);
  EXPECT_EQ(YearOnYear(inc).denominator, 100);
  inc.value = -50;
  EXPECT_EQ(YearOnYear(inc).value, -5000);
  inc.value = -2;
  inc.baseline = 3;
  EXPECT_EQ(YearOnYear(inc).value, -6667);
  inc.baseline = 0;
  EXPECT_FALSE(YearOnYear(inc).ok);
  EXPECT_FALSE(YearOnYear(inc).value.has_value());
  inc.ok = false;  // no year-earlier ledger: the increase's own reason stays
  inc.reason = "基期没有网络销售台账";
  EXPECT_EQ(YearOnYear(inc).reason, "基期没有网络销售台账");
}

TEST_F(MeasureTest, AnIncreaseRollsUpWithItsBaselineOverTheCountiesWithData) {
  runtime::IndicatorRegistry reg;
  ASSERT_TRUE(reg.Register("rural_online_sales_increase", "fake",
                           [](storage::Connection&,
                              const runtime::IndicatorQuery& q) -> Result<Measurement> {
                             Measurement m;
                             if (q.region.str() == k322) return m;  // no year-earlier ledger
                             m.status = Measurement::Status::kOk;
                             m.value = q.region.str() == k302 ? 150 : 30;
                             m.baseline = q.region.str() == k302 ? 100 : 60;
                             return m;
                           })
                  .ok());
  auto conn = tdb_.db().Acquire();
  auto m = Measure(*conn, reg, TargetFor("3413"), {"sales_increase_ytd"}, {}, june_, 1);
  ASSERT_TRUE(m.ok());
  const Figure& inc = m->own.at("sales_increase_ytd");
  EXPECT_EQ(inc.value, 180);
  EXPECT_EQ(inc.baseline, 160);
  EXPECT_EQ(inc.missing, std::vector<std::string>{k322});
  // 180 ÷ 160 = +112.5 %, not the mean of +150 % and +50 %.
  EXPECT_EQ(YearOnYear(inc).value, 11250);
}

TEST(Dashboard, PeriodsAndSpans) {
  EXPECT_EQ(ParsePeriod("2025-06")->Label(), "2025-06");
  EXPECT_FALSE(ParsePeriod("2025-13").ok());
  EXPECT_FALSE(ParsePeriod("2025-6").ok());
  EXPECT_EQ(ParsePeriod("x").error().field, "month");
  Period feb{2024, 2};
  EXPECT_EQ(feb.MonthEnd(), CivilDate(2024, 2, 29));
  EXPECT_EQ(Shift(feb, -2).Label(), "2023-12");
  EXPECT_EQ(Shift(Period{2023, 12}, 1).Label(), "2024-01");
  Range ly = RangeOf(Span::kLastYearToDate, feb);
  EXPECT_EQ(ly.from, CivilDate(2023, 1, 1));
  EXPECT_EQ(ly.to, CivilDate(2023, 2, 28));
  for (const auto& p : Panels())
    for (const auto& f : p.figures) EXPECT_EQ(FindFigure(f.key), &f) << f.key;
  for (const auto& k : RankedKeys()) EXPECT_NE(FindFigure(k), nullptr) << k;
  for (const auto& k : TrendKeys()) EXPECT_EQ(FindFigure(k)->span, Span::kMonth) << k;
}

}  // namespace
}  // namespace ruralec::dashboard
