// The generated demo data (demo.h): a comprehensive station per town, village points in the
// administrative villages only (never a residents' committee), records of the open stations
// for the last twelve months, everything labelled as generated.
#include "station/demo.h"

#include "station/test_fixture.h"

namespace ruralec::station {
namespace {

using DemoTest = testing::StationFixture;

TEST_F(DemoTest, GeneratesLabelledStationsAndAYearOfRecords) {
  auto s = GenerateDemo(D(), {*RegionCode::Parse("341302"), {}, std::nullopt, 100});
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stations WHERE level = 'town'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stations WHERE region_code = '341302100001'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stations"), s->stations);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stations WHERE address NOT LIKE '%演示数据（生成）%' OR "
                  "agreement_no NOT LIKE 'DEMO-%'"),
            0);
  EXPECT_GT(s->records, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM station_service_records WHERE source <> 'generated'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM station_service_records"), s->records);
  // Twelve months before the clock's month (2023-11): 2022-11 … 2023-10.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM station_service_records WHERE period < '2022-11' OR "
                  "period > '2023-10'"),
            0);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT station_id) FROM station_service_records"), s->operating);
  EXPECT_FALSE(s->operator_station.has_value());
}

TEST_F(DemoTest, TheOperatorsVillageHasAnOperatingStationRunByTheCompany) {
  auto s = GenerateDemo(
      D(), {*RegionCode::Parse("341302"), *RegionCode::Parse("341302100201"), int64_t{9}, 0});
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_TRUE(s->operator_station.has_value());
  auto st = Get(D(), county_, *s->operator_station);
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->region.str(), "341302100201");
  EXPECT_EQ(st->status, StationStatus::kOperating);
  EXPECT_EQ(st->operator_entity_id, std::optional<int64_t>(9));
}

}  // namespace
}  // namespace ruralec::station
