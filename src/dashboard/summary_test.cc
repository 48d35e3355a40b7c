// The stored county figures (summary.h): a refresh measures every county once and stores it; a
// city's screen then rolls up the stored rows without measuring the counties again, and equals
// the live roll-up; a row older than the limit, or a county without one, is measured live.
#include "dashboard/summary.h"

#include <gtest/gtest.h>

#include "dashboard/catalogue.h"
#include "region/region.h"
#include "storage/testing.h"

namespace ruralec::dashboard {
namespace {

using runtime::Measurement;

class SummaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<region::Division> d;
    for (const char* c : {"34", "3413", "341302", "341321"})
      d.push_back({*RegionCode::Parse(c), std::string("R") + c});
    auto conn = tdb_.db().Acquire();
    ASSERT_TRUE(region::UpsertDivisions(*conn, d).ok());
    ASSERT_TRUE(reg_.Register("rural_online_sales", "fake",
                              [this](storage::Connection&,
                                     const runtime::IndicatorQuery& q) -> Result<Measurement> {
                                ++calls_;
                                Measurement m;
                                m.status = Measurement::Status::kOk;
                                m.value = q.region.str() == "341302000000" ? 100 : 20;
                                return m;
                              })
                    .ok());
  }
  Target City() {
    auto conn = tdb_.db().Acquire();
    RegionCode r = *RegionCode::Parse("3413");
    return Target{r, "R3413", *ChildrenOf(*conn, r)};
  }
  storage::testing::TempDatabase tdb_;
  runtime::IndicatorRegistry reg_;
  int calls_ = 0;
  const Period june_{2025, 6};
  const int64_t t0_ = 1'750'000'000'000;
};

TEST_F(SummaryTest, ACityRollsUpTheStoredCountiesWithoutMeasuringThem) {
  auto conn = tdb_.db().Acquire();
  auto rep = RefreshSummaries(*conn, reg_, *RegionCode::Parse("3413"), june_, 1, 3, t0_);
  ASSERT_TRUE(rep.ok()) << rep.error().message;
  EXPECT_EQ(rep->counties, 2);
  EXPECT_EQ(rep->months, 3);
  const int after_refresh = calls_;
  const Target city = City();
  auto stored = StoredFigures(*conn, reg_, city, {"sales_month", "sales_ytd"}, june_, t0_ + 1000);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->children.count("sales_month"), 1u);
  auto m =
      Measure(*conn, reg_, city, {"sales_month", "sales_ytd"}, {}, june_, t0_ + 1000, &*stored);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(calls_, after_refresh);  // nothing measured again
  EXPECT_EQ(m->own.at("sales_month").value, 120);
  EXPECT_TRUE(m->own.at("sales_month").stored);
  EXPECT_EQ(m->own.at("sales_month").as_of, t0_);  // the time it was stored
  // The same as measured live.
  auto live = Measure(*conn, reg_, city, {"sales_month"}, {}, june_, t0_ + 1000);
  EXPECT_EQ(live->own.at("sales_month").value, m->own.at("sales_month").value);
  // Earlier months hold the trend figures only.
  auto may =
      StoredFigures(*conn, reg_, city, {"sales_month", "sales_ytd"}, Shift(june_, -1), t0_ + 1000);
  EXPECT_EQ(may->children.count("sales_month"), 1u);
  EXPECT_EQ(may->children.count("sales_ytd"), 0u);
}

TEST_F(SummaryTest, OldOrIncompleteRowsAreNotUsed) {
  auto conn = tdb_.db().Acquire();
  ASSERT_TRUE(RefreshSummaries(*conn, reg_, *RegionCode::Parse("3413"), june_, 1, 1, t0_).ok());
  auto late =
      StoredFigures(*conn, reg_, City(), {"sales_month"}, june_, t0_ + kSummaryMaxAgeMs + 1);
  EXPECT_TRUE(late->children.empty());
  // A county added after the refresh: the stored rows no longer cover the city.
  ASSERT_TRUE(region::UpsertDivisions(*conn, {{*RegionCode::Parse("341322"), "R341322"}}).ok());
  auto partial = StoredFigures(*conn, reg_, City(), {"sales_month"}, june_, t0_ + 1);
  EXPECT_TRUE(partial->children.empty());
  // The two stored counties are used; only the new one is measured live.
  ASSERT_EQ(partial->partial.count("sales_month"), 1u);
  const int before = calls_;
  auto m = Measure(*conn, reg_, City(), {"sales_month"}, {}, june_, t0_ + 1, &*partial);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(calls_, before + 1);
  EXPECT_EQ(m->own.at("sales_month").value, 140);  // 100 + 20 stored, 20 live
  EXPECT_FALSE(m->own.at("sales_month").stored);
}

TEST_F(SummaryTest, AFigureThatIsNoSumIsStoredForTheRegionAndItsCities) {
  int freq_calls = 0;
  ASSERT_TRUE(reg_.Register("delivery_frequency", "fake",
                            [&freq_calls](storage::Connection&,
                                          const runtime::IndicatorQuery& q) -> Result<Measurement> {
                              ++freq_calls;
                              Measurement m;
                              m.status = Measurement::Status::kOk;
                              m.value = q.region.str() == "341300000000" ? 250 : 300;
                              return m;
                            })
                  .ok());
  auto conn = tdb_.db().Acquire();
  ASSERT_TRUE(RefreshSummaries(*conn, reg_, *RegionCode::Parse("34"), june_, 1, 1, t0_).ok());
  const int after = freq_calls;
  auto stored = StoredFigures(*conn, reg_, City(), {"delivery_frequency"}, june_, t0_ + 1);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->own.count("delivery_frequency"), 1u);
  auto m = Measure(*conn, reg_, City(), {"delivery_frequency"}, {}, june_, t0_ + 1, &*stored);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(freq_calls, after);
  EXPECT_EQ(m->own.at("delivery_frequency").value, 250);  // the city's own, not a sum
  EXPECT_TRUE(m->own.at("delivery_frequency").stored);
}

}  // namespace
}  // namespace ruralec::dashboard
