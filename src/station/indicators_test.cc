// The station indicators (indicators.h): stations by level/status as of a date, new/upgraded
// stations of a period, region tags, and village coverage over administrative villages only.
#include "station/indicators.h"

#include "programme/indicators.h"
#include "station/records.h"
#include "station/test_fixture.h"

namespace ruralec::station {
namespace {

class StationIndicators : public testing::StationFixture {
 protected:
  void SetUp() override {
    StationFixture::SetUp();
    for (const auto& s : indicators::Sources())
      ASSERT_TRUE(registry_.Register(s.indicator, s.source, s.fn).ok());
  }
  runtime::Measurement Ask(const std::string& id, const std::string& region,
                           const std::string& from, const std::string& to,
                           std::map<std::string, std::string> params = {}) {
    auto c = tdb_.db().Acquire();
    auto m = registry_.Compute(*c, {id, *RegionCode::Parse(region), *CivilDate::Parse(from),
                                    *CivilDate::Parse(to), std::move(params)});
    EXPECT_TRUE(m.ok()) << m.error().message;
    return m.ok() ? *m : runtime::Measurement{};
  }
  int64_t Operating(const std::string& code, const std::string& name, const std::string& on,
                    const std::string& kind = "new") {
    StationInput in = Village(code, name);
    in.build_kind = kind;
    auto s = Register(D(), county_, in, At(StationStatus::kBuilding, "2023-01-01"));
    EXPECT_TRUE(s.ok());
    EXPECT_TRUE(ChangeStatus(D(), county_, s->id, At(StationStatus::kOperating, on, "文")).ok());
    return s->id;
  }
  runtime::IndicatorRegistry registry_{programme::PlannedSource, programme::BaseUnitOf};
};

TEST_F(StationIndicators, StationsAsOfADate) {
  int64_t a = Operating("341302100201", "甲", "2023-03-01");
  Operating("341302101203", "乙", "2023-06-01", "upgraded");
  ASSERT_TRUE(
      ChangeStatus(D(), county_, a, At(StationStatus::kSuspended, "2023-09-01", "停")).ok());
  EXPECT_EQ(Ask("stations", "341302", "2023-01-01", "2023-02-28").value, 0);
  EXPECT_EQ(Ask("stations", "341302", "2023-01-01", "2023-03-01").value, 1);
  EXPECT_EQ(Ask("stations", "341302", "2023-01-01", "2023-07-01").value, 2);
  EXPECT_EQ(Ask("stations", "341302", "2023-01-01", "2023-10-01").value, 1);
  EXPECT_EQ(Ask("stations", "341302", "2023-01-01", "2023-10-01", {{"status", "suspended"}}).value,
            1);
  EXPECT_EQ(Ask("stations", "341302101", "2023-01-01", "2023-10-01").value, 1);
  EXPECT_EQ(Ask("stations", "341302", "2023-01-01", "2023-10-01", {{"level", "town"}}).value, 0);
  // new / upgraded: reached operating within the period and not exited at its end.
  EXPECT_EQ(Ask("stations", "341302", "2023-01-01", "2023-10-01", {{"scope", "new"}}).value, 1);
  EXPECT_EQ(Ask("stations", "341302", "2023-04-01", "2023-10-01", {{"scope", "new"}}).value, 0);
  EXPECT_EQ(Ask("stations", "341302", "2023-01-01", "2023-10-01", {{"scope", "upgraded"}}).value,
            1);
  EXPECT_EQ(Ask("stations", "341302", "2023-01-01", "2023-10-01",
                {{"region_tag", "poverty_village"}, {"status", "suspended"}})
                .value,
            0);
  EXPECT_EQ(Ask("stations", "341302", "2023-01-01", "2023-10-01", {{"level", "city"}}).status,
            runtime::Measurement::Status::kNoDataSource);
}

TEST_F(StationIndicators, VillageCoverageCountsVillageCommitteesOnly) {
  // Administrative villages: 341302100201, 341302100202, 341302101203 (not 镇南社区居委会).
  Operating("341302100201", "甲", "2023-03-01");
  Operating("341302100201", "甲二", "2023-03-01");    // a second station covers nothing more
  Operating("341302100001", "社区站", "2023-03-01");  // a community: not in the rate
  auto m = Ask("village_station_coverage_rate", "341302", "2023-01-01", "2023-10-01");
  ASSERT_EQ(m.status, runtime::Measurement::Status::kOk);
  EXPECT_EQ(m.numerator, 1);
  EXPECT_EQ(m.denominator, 3);
  EXPECT_EQ(m.value, 3333);  // 33.33%
  EXPECT_EQ(Ask("village_station_coverage_rate", "341302", "2023-01-01", "2023-02-01").value, 0);
  EXPECT_EQ(Ask("village_station_coverage_rate", "341302100", "2023-01-01", "2023-10-01").value,
            5000);
  EXPECT_TRUE(region::IsVillageCommittee("大庄村委会"));
  EXPECT_TRUE(region::IsVillageCommittee("巴彦嘎查"));
  EXPECT_FALSE(region::IsVillageCommittee("多福巷社区居委会"));
  EXPECT_FALSE(region::IsVillageCommittee("城关社区（居委会）"));
  EXPECT_FALSE(region::IsVillageCommittee("东城社区"));
}

TEST_F(StationIndicators, PovertyVillageCoverage) {
  auto none = Ask("poverty_village_station_coverage_rate", "341302", "2023-01-01", "2023-10-01");
  EXPECT_EQ(none.value, 0);
  EXPECT_EQ(none.denominator, 1);
  Operating("341302100202", "大庄", "2023-03-01");
  auto m = Ask("poverty_village_station_coverage_rate", "341302", "2023-01-01", "2023-10-01");
  EXPECT_EQ(m.value, 10000);
  EXPECT_EQ(
      Ask("poverty_village_station_coverage_rate", "341302101", "2023-01-01", "2023-10-01").status,
      runtime::Measurement::Status::kNoDataSource);
  EXPECT_EQ(
      Ask("stations", "341302", "2023-01-01", "2023-10-01", {{"region_tag", "poverty_village"}})
          .value,
      1);
}

TEST_F(StationIndicators, UplinkSalesAndServiceCountsRollUpOverMonths) {
  int64_t a = Operating("341302100201", "甲", "2023-03-01");
  int64_t b = Operating("341302101203", "乙", "2023-03-01");
  ASSERT_TRUE(
      SaveMonth(D(), county_, a, "2023-04", {{"uplink", 3, 500000}, {"parcel_in", 40, 0}}, "")
          .ok());
  ASSERT_TRUE(SaveMonth(D(), county_, a, "2023-05", {{"uplink", 2, 250000}}, "").ok());
  ASSERT_TRUE(SaveMonth(D(), county_, b, "2023-04", {{"uplink", 1, 100000}}, "").ok());
  ASSERT_TRUE(SaveMonth(D(), county_, a, "2023-04", {{"uplink", 3, 600000}}, "更正").ok());
  // The county: both towns, the corrected April figure, the months of the dates.
  EXPECT_EQ(Ask("station_uplink_sales", "341302", "2023-04-15", "2023-05-01").value, 950000);
  EXPECT_EQ(Ask("station_uplink_sales", "341302100", "2023-04-01", "2023-04-30").value, 600000);
  EXPECT_EQ(Ask("station_uplink_sales", "341302", "2023-06-01", "2023-12-31").value, 0);
  EXPECT_EQ(Ask("station_service_count", "341302", "2023-01-01", "2023-12-31").value, 46);
  EXPECT_EQ(
      Ask("station_service_count", "341302", "2023-01-01", "2023-12-31", {{"item", "快递代收"}})
          .value,
      40);
  EXPECT_EQ(
      Ask("station_service_count", "341302", "2023-01-01", "2023-12-31", {{"item", "nope"}}).status,
      runtime::Measurement::Status::kNoDataSource);
}

}  // namespace
}  // namespace ruralec::station
