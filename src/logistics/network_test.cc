// The network's rules (network.h): levels and regions, codes, carriers from the dictionary, the
// link to a station, lines and their schedule, scope and audit.
#include "logistics/network.h"

#include "logistics/test_fixture.h"
#include "settings/settings.h"
#include "station/station.h"

namespace ruralec::logistics {
namespace {

using testing::LogisticsFixture;

class NetworkTest : public LogisticsFixture {};

TEST_F(NetworkTest, NodeRegionMustMatchItsLevelAndLieInScope) {
  auto bad = CreateNode(D(), county_, NodeAt("341302100", NodeLevel::kVillagePoint, "V1"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "region_code");
  auto centre = CreateNode(D(), county_, NodeAt("341302", NodeLevel::kCountyCentre, "C1"));
  ASSERT_TRUE(centre.ok()) << centre.error().message;
  EXPECT_EQ(centre->region_name, "R341302");
  // A town clerk registers in their own town only.
  auto other = CreateNode(D(), town_, NodeAt("341302101", NodeLevel::kTownHub, "T2"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(CreateNode(D(), town_, NodeAt("341302100", NodeLevel::kTownHub, "T1")).ok());
  // The code is unique in the county.
  auto dup = CreateNode(D(), county_, NodeAt("341302100201", NodeLevel::kVillagePoint, "T1"));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'logistics.node.create'"), 2);
}

TEST_F(NetworkTest, HoursCapacityAndCarriersAreChecked) {
  NodeInput in = NodeAt("341302100201", NodeLevel::kVillagePoint, "V1");
  auto hours = ParseHours("08:00-18:30", "opening_hours");
  ASSERT_TRUE(hours.ok());
  in.hours = *hours;
  in.capacity_parcels = 300;
  in.carriers = {"中通", "sf", "中通"};
  auto n = CreateNode(D(), county_, in);
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(n->carriers, (std::vector<std::string>{"zto", "sf"}));
  EXPECT_EQ(n->hours->close_min, 18 * 60 + 30);
  EXPECT_FALSE(ParseHours("18:00-08:00", "h").ok());
  EXPECT_FALSE(ParseHours("8点-18点", "h").ok());

  in.code = "V2";
  in.carriers = {"德邦"};
  auto unknown = CreateNode(D(), county_, in);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "carriers");
  // The county adds 德邦 to its dictionary (字典管理): now it is a carrier of the county.
  {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(settings::AddCountyEntry(*c, *RegionCode::Parse("341302"), "logistics_carriers",
                                         {"debang", "德邦", false, false}, {1, clock_.NowMs()})
                    .ok());
  }
  auto added = CreateNode(D(), county_, in);
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added->carriers, (std::vector<std::string>{"debang"}));
}

TEST_F(NetworkTest, VillagePointLinksAStationOfItsVillage) {
  station::Deps sd{tdb_.db(), audit_, clock_, cipher_};
  station::StationInput s;
  s.region = *RegionCode::Parse("341302100201");
  s.level = station::Level::kVillage;
  s.name = "沈圩村电商服务站";
  auto st = station::Register(sd, county_, s);
  ASSERT_TRUE(st.ok()) << st.error().message;

  NodeInput in = NodeAt("341302100201", NodeLevel::kVillagePoint, "V1");
  in.station_id = st->id;
  auto n = CreateNode(D(), county_, in);
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(n->station_name, "沈圩村电商服务站");

  NodeInput elsewhere = NodeAt("341302100202", NodeLevel::kVillagePoint, "V2");
  elsewhere.station_id = st->id;
  auto wrong = CreateNode(D(), county_, elsewhere);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "station_id");
  elsewhere.station_id = 999;
  auto missing = CreateNode(D(), county_, elsewhere);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "station_id");
}

TEST_F(NetworkTest, LinesRunFromTheRightLevelOnTheirWeekdays) {
  int64_t centre = MakeNode("341302", NodeLevel::kCountyCentre, "C1");
  int64_t hub_a = MakeNode("341302100", NodeLevel::kTownHub, "TA");
  int64_t hub_b = MakeNode("341302101", NodeLevel::kTownHub, "TB");
  int64_t v1 = MakeNode("341302100201", NodeLevel::kVillagePoint, "V1");
  int64_t v2 = MakeNode("341302100202", NodeLevel::kVillagePoint, "V2");

  LineInput trunk{LineKind::kTrunk, "L1", "市区至符离镇", centre, {hub_a, hub_b}, "1,3,5"};
  auto t = CreateLine(D(), county_, trunk);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->weekdays, "135");
  EXPECT_EQ(t->days_per_week(), 3);
  ASSERT_EQ(t->stops.size(), 2u);
  EXPECT_EQ(t->stops[1].code, "TB");
  EXPECT_EQ(t->from_node_name, "网点C1");

  LineInput wrong{LineKind::kTrunk, "L2", "错", centre, {v1}, "每天"};
  auto w = CreateLine(D(), county_, wrong);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().field, "stops");
  LineInput branch{LineKind::kBranch, "B1", "符离支线", hub_a, {v1, v2, v1}, "每天"};
  auto dup = CreateLine(D(), county_, branch);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().field, "stops");
  branch.stop_node_ids = {v2, v1};
  auto b = CreateLine(D(), town_, branch);
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(b->days_per_week(), 7);
  EXPECT_EQ(b->region.str(), "341302100000");

  // Lists follow the scope: the other town sees neither the county's trunk nor town A's branch.
  PageRequest page;
  auto mine = ListLines(D(), other_town_, {}, page);
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->total, 0);
  auto all = ListLines(D(), county_, {}, page);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 2);
  LineFilter at_v1;
  at_v1.node_id = v1;
  auto via = ListLines(D(), county_, at_v1, page);
  ASSERT_TRUE(via.ok());
  EXPECT_EQ(via->total, 1);
  EXPECT_FALSE(GetLine(D(), other_town_, b->id).ok());
  // The other town may not change town A's line.
  EXPECT_FALSE(UpdateLine(D(), other_town_, b->id, branch).ok());
}

TEST_F(NetworkTest, VehiclesHaveUniquePlatesAndScopedReads) {
  VehicleInput v;
  v.plate = "皖L12345";
  v.capacity_parcels = 800;
  v.cold = true;
  auto shift = ParseHours("06:00-18:00", "shift");
  ASSERT_TRUE(shift.ok());
  v.shift = *shift;
  auto made = CreateVehicle(D(), town_, v);
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(made->region.str(), "341302100000");
  EXPECT_TRUE(made->cold);
  auto dup = CreateVehicle(D(), county_, v);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(GetVehicle(D(), other_town_, made->id).ok());
  EXPECT_TRUE(GetVehicle(D(), county_, made->id).ok());
  PageRequest page;
  auto list = ListNodes(D(), other_town_, {}, page);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 0);
}

TEST_F(NetworkTest, ValueParsers) {
  EXPECT_EQ(*ParseWeekdays("7,1"), "17");
  EXPECT_FALSE(ParseWeekdays("8").ok());
  EXPECT_FALSE(ParseWeekdays("").ok());
  EXPECT_EQ(*ParseClock("07:30", "t"), 450);
  EXPECT_EQ(FormatClock(450), "07:30");
  EXPECT_FALSE(ParseClock("24:30", "t").ok());
  EXPECT_EQ(FormatDegrees(*ParseDegrees("-0.5", 90, "lat")), "-0.500000");
}

}  // namespace
}  // namespace ruralec::logistics
