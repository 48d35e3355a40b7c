// Cold-chain resources (cold_chain.h): temperatures in tenths, the kinds dictionary with a
// county's own kind, where a resource sits (node or region), scope, audit, the list's filters and
// the cold_storage_capacity indicator.
#include "logistics/cold_chain.h"

#include "logistics/indicators.h"
#include "logistics/test_fixture.h"
#include "settings/settings.h"

namespace ruralec::logistics {
namespace {

using testing::LogisticsFixture;

class ColdChainTest : public LogisticsFixture {
 protected:
  ColdResourceInput Store(const std::string& name, int64_t tonnes, int lo, int hi) {
    ColdResourceInput in;
    in.kind = "冷库";
    in.name = name;
    in.operator_name = "符离果蔬合作社";
    in.region = *RegionCode::Parse("341302100");
    in.capacity_tonnes = tonnes;
    in.temp_min = lo;
    in.temp_max = hi;
    return in;
  }
  std::optional<int64_t> Capacity(const std::string& region, const std::string& kind,
                                  CivilDate to) {
    for (const auto& s : indicators::Sources()) {
      if (s.indicator != "cold_storage_capacity") continue;
      auto c = tdb_.db().Acquire();
      std::map<std::string, std::string> params;
      if (!kind.empty()) params["kind"] = kind;
      runtime::IndicatorQuery q{s.indicator, *RegionCode::Parse(region), CivilDate(2023, 1, 1), to,
                                params};
      auto m = s.fn(*c, q);
      EXPECT_TRUE(m.ok()) << m.error().message;
      if (!m.ok() || m->status != runtime::Measurement::Status::kOk) return std::nullopt;
      return m->value;
    }
    ADD_FAILURE() << "cold_storage_capacity has no source";
    return std::nullopt;
  }
};

TEST_F(ColdChainTest, TemperaturesAreTenthsOfADegree) {
  struct Case {
    std::string text;
    std::optional<int> want;
  } cases[] = {{"-18", -180}, {"-18.5", -185}, {"+4", 40},    {"4.50", 45}, {"0", 0},
               {"-0.0", 0},   {"30", 300},     {"-60", -600}, {"30.1", {}}, {"-60.5", {}},
               {"4.55", {}},  {"4.", {}},      {".5", {}},    {"", {}},     {"-", {}},
               {"1e1", {}},   {"４", {}},      {"0004", {}},  {"-18 ", {}}, {"12,5", {}}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto v = ParseTenths(c.text, "temp_min");
    if (c.want) {
      ASSERT_TRUE(v.ok()) << v.error().message;
      EXPECT_EQ(*v, *c.want);
    } else {
      ASSERT_FALSE(v.ok());
      EXPECT_EQ(v.error().field, "temp_min");
    }
  }
  EXPECT_EQ(FormatTenths(-185), "-18.5");
  EXPECT_EQ(FormatTenths(40), "4.0");
  EXPECT_EQ(FormatTenths(-5), "-0.5");
}

TEST_F(ColdChainTest, ARegisteredStoreWithItsRangeCapacityAndAudit) {
  auto c = CreateColdResource(D(), town_, Store("符离镇果蔬冷库", 500, -180, 40));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->kind, "cold_store");
  EXPECT_EQ(c->kind_label, "冷库");
  EXPECT_EQ(c->region_name, "R341302100");
  EXPECT_EQ(c->capacity_tonnes, 500);
  EXPECT_EQ(c->temp_min, -180);
  EXPECT_EQ(c->temp_max, 40);
  EXPECT_TRUE(c->active);
  EXPECT_EQ(
      Count("SELECT COUNT(*) FROM audit_log WHERE action = 'logistics.cold_resource.create' AND "
            "object_id = '" +
            std::to_string(c->id) + "'"),
      1);

  // Bad input names its field, and nothing is written.
  auto bad = [&](ColdResourceInput in, const std::string& field) {
    auto r = CreateColdResource(D(), county_, in);
    ASSERT_FALSE(r.ok()) << field;
    EXPECT_EQ(r.error().field, field) << r.error().message;
  };
  bad(Store("反了", 10, 40, -180), "temp_max");
  bad(Store("太热", 10, 0, 301), "temp_max");
  bad(Store("太冷", 10, -601, 0), "temp_min");
  bad(Store("空的", 0, 0, 4), "capacity_tonnes");
  bad(Store("太大", kMaxColdTonnes + 1, 0, 4), "capacity_tonnes");
  bad(Store("", 10, 0, 4), "name");
  ColdResourceInput unknown = Store("冰窖", 10, 0, 4);
  unknown.kind = "冰窖";
  bad(unknown, "kind");
  ColdResourceInput province = Store("省冷库", 10, 0, 4);
  province.region = *RegionCode::Parse("34");
  EXPECT_FALSE(CreateColdResource(D(), county_, province).ok());
  // The name is unique in the county.
  auto dup = CreateColdResource(D(), county_, Store("符离镇果蔬冷库", 10, 0, 4));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM logistics_cold_resources"), 1);
}

TEST_F(ColdChainTest, AtANodeTheResourceTakesTheNodesRegion) {
  int64_t hub = MakeNode("341302100", NodeLevel::kTownHub, "FL");
  ColdResourceInput in = Store("中转站预冷间", 20, 0, 100);
  in.kind = "precooling";
  in.region = RegionCode();
  in.node_id = hub;
  auto c = CreateColdResource(D(), town_, in);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->region.str(), "341302100000");
  EXPECT_EQ(c->node_name, "网点FL");
  // A region that is not the node's is refused; a node of another town is not the clerk's.
  in.name = "另一个";
  in.region = *RegionCode::Parse("341302100201");
  auto other = CreateColdResource(D(), town_, in);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().field, "region_code");
  in.region = RegionCode();
  auto foreign = CreateColdResource(D(), other_town_, in);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().field, "node_id");
}

TEST_F(ColdChainTest, ScopeListsAndUpdates) {
  auto a = CreateColdResource(D(), county_, Store("符离冷库", 300, -180, -150));
  ColdResourceInput ll = Store("芦岭气调库", 200, -10, 40);
  ll.kind = "ca_store";
  ll.region = *RegionCode::Parse("341302101");
  auto b = CreateColdResource(D(), county_, ll);
  ASSERT_TRUE(a.ok() && b.ok());

  PageRequest page;
  auto county_list = ListColdResources(D(), county_, {}, page);
  ASSERT_TRUE(county_list.ok()) << county_list.error().message;
  EXPECT_EQ(county_list->total, 2);
  auto town_list = ListColdResources(D(), town_, {}, page);
  ASSERT_TRUE(town_list.ok());
  ASSERT_EQ(town_list->total, 1);
  EXPECT_EQ(town_list->items[0].name, "符离冷库");
  ColdResourceFilter by_kind;
  by_kind.kind = "气调库";
  auto ca = ListColdResources(D(), county_, by_kind, page);
  ASSERT_TRUE(ca.ok()) << ca.error().message;
  ASSERT_EQ(ca->total, 1);
  EXPECT_EQ(ca->items[0].kind, "ca_store");
  ColdResourceFilter other;
  other.region = *RegionCode::Parse("341302101");
  auto forbidden = ListColdResources(D(), town_, other, page);
  ASSERT_FALSE(forbidden.ok());
  EXPECT_EQ(forbidden.error().code, ErrorCode::kForbidden);

  // Another town's resource is "not found", to read and to change; the driver reads only.
  auto read = GetColdResource(D(), other_town_, a->id);
  ASSERT_FALSE(read.ok()) << "the other town read " << read->name;
  EXPECT_EQ(read.error().code, ErrorCode::kNotFound);
  auto changed = UpdateColdResource(D(), other_town_, a->id, Store("改", 1, 0, 1));
  ASSERT_FALSE(changed.ok()) << "the other town changed it";
  EXPECT_EQ(changed.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(GetColdResource(D(), driver_, a->id).ok());
  auto by_driver = CreateColdResource(D(), driver_, Store("司机的", 1, 0, 1));
  ASSERT_FALSE(by_driver.ok());
  EXPECT_EQ(by_driver.error().code, ErrorCode::kForbidden);

  // Retire it and widen its range: the change is stored and audited.
  ColdResourceInput change = Store("符离冷库", 350, -250, -150);
  change.region = RegionCode();  // kept
  change.active = false;
  auto u = UpdateColdResource(D(), town_, a->id, change);
  ASSERT_TRUE(u.ok()) << u.error().message;
  EXPECT_EQ(u->region.str(), "341302100000");
  EXPECT_EQ(u->capacity_tonnes, 350);
  EXPECT_EQ(u->temp_min, -250);
  EXPECT_FALSE(u->active);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'logistics.cold_resource.update'"),
            1);
  ColdResourceFilter retired;
  retired.active = false;
  EXPECT_EQ(ListColdResources(D(), county_, retired, page)->total, 1);
}

TEST_F(ColdChainTest, ACountysOwnKindAndItsDisabling) {
  const RegionCode county = *RegionCode::Parse("341302");
  {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(settings::AddCountyEntry(*c, county, "logistics_cold_kinds",
                                         {"ice_house", "冰温库", false, false}, {1, clock_.NowMs()})
                    .ok());
  }
  ColdResourceInput in = Store("冰温库一号", 40, -20, 0);
  in.kind = "冰温库";
  auto c = CreateColdResource(D(), county_, in);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->kind, "ice_house");
  EXPECT_EQ(c->kind_label, "冰温库");
  {
    auto conn = tdb_.db().Acquire();
    ASSERT_TRUE(settings::SetCountyEntryDisabled(*conn, county, "logistics_cold_kinds", "ice_house",
                                                 true, {1, clock_.NowMs()})
                    .ok());
  }
  // Disabled: no new choice, but the resource that has it keeps it on an edit.
  in.name = "冰温库二号";
  auto again = CreateColdResource(D(), county_, in);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().field, "kind");
  in.name = "冰温库一号";
  in.capacity_tonnes = 45;
  auto kept = UpdateColdResource(D(), county_, c->id, in);
  ASSERT_TRUE(kept.ok()) << kept.error().message;
  EXPECT_EQ(kept->kind, "ice_house");
}

// cold_storage_capacity: tonnes of the active resources registered by the period's end.
TEST_F(ColdChainTest, CapacityIndicator) {
  ASSERT_TRUE(CreateColdResource(D(), county_, Store("符离冷库", 300, -180, -150)).ok());
  ColdResourceInput ca = Store("符离气调库", 120, -10, 40);
  ca.kind = "ca_store";
  ASSERT_TRUE(CreateColdResource(D(), county_, ca).ok());
  ColdResourceInput ll = Store("芦岭冷库", 200, -180, 0);
  ll.region = *RegionCode::Parse("341302101");
  auto l = CreateColdResource(D(), county_, ll);
  ASSERT_TRUE(l.ok());
  CivilDate end(2023, 11, 30), before(2023, 10, 31);  // the clock stands on 2023-11-14
  EXPECT_EQ(Capacity("341302", "", end), 620);
  EXPECT_EQ(Capacity("341302", "cold_store", end), 500);
  EXPECT_EQ(Capacity("341302", "ca_store", end), 120);
  EXPECT_EQ(Capacity("341302100", "", end), 420);
  EXPECT_EQ(Capacity("341302", "", before), 0);  // registered after October
  EXPECT_EQ(Capacity("341302", "frozen", end), std::nullopt);
  // A retired store no longer counts.
  ll.active = false;
  ASSERT_TRUE(UpdateColdResource(D(), county_, l->id, ll).ok());
  EXPECT_EQ(Capacity("341302", "", end), 420);
}

}  // namespace
}  // namespace ruralec::logistics
