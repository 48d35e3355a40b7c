// Test fixture of the matching tests: a migrated temp database with a small region tree
// (county 341302; town 341302100 with villages 341302100201 and 341302100202; town 341302101
// with village 341302101203), two entities (one per town), two stations with coordinates (沈圩
// in 341302100201, 芦岭 in 341302101203), a registered household in 341302100201, principals
// (county, town, a station operator bound to 沈圩, an entity account bound to entity 1) and a
// FakeClock on 2023-11-14.
#pragma once

#include <gtest/gtest.h>

#include "entity/entity.h"
#include "entity/module.h"
#include "households/households.h"
#include "households/module.h"
#include "matching/agreements.h"
#include "matching/matching.h"
#include "matching/module.h"
#include "programme/module.h"
#include "region/region.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "station/module.h"
#include "station/station.h"
#include "storage/testing.h"

namespace ruralec::matching::testing {

class MatchingFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(runtime::testing::InstallGrants({&entity::ModuleDef(), &programme::ModuleDef(),
                                                 &station::ModuleDef(), &households::ModuleDef(),
                                                 &matching::ModuleDef()})
                    .ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    std::vector<region::Division> more = {{*RegionCode::Parse("341302100202"), "大庄村委会"},
                                          {*RegionCode::Parse("341302101203"), "芦岭村民委员会"}};
    ASSERT_TRUE(region::UpsertDivisions(*c, more).ok());
    county_ = P("341302", "county_staff");
    town_ = P("341302100", "town_staff");
    other_town_ = P("341302101", "town_staff");
    e1_ = AddEntity(*c, "91341302MA2NAP9013", "符离电商有限公司", "341302100201");
    e2_ = AddEntity(*c, "91341302MA2NAP9026", "芦岭果蔬合作社", "341302101203");
    s1_ = AddStation("341302100201", "沈圩村电商服务站", {33'700'000, 116'964'000});
    s2_ = AddStation("341302101203", "芦岭村电商服务站", {33'746'000, 116'964'000});
    households::Deps hd{tdb_.db(), audit_, clock_, cipher_};
    households::HouseholdInput h;
    h.region = *RegionCode::Parse("341302100201");
    h.head_name = "张三";
    h.id_number = "341302198001011233";
    auto reg = households::Register(hd, county_, h);
    ASSERT_TRUE(reg.ok()) << reg.error().message;
    h1_ = reg->id;
    operator_ = P("341302100201", "station_operator");
    operator_.binding = account::Binding{"station", s1_};
    entity_ = P("341302100201", "entity");
    entity_.binding = account::Binding{"entity", e1_};
  }
  static account::Principal P(const std::string& region, const std::string& role) {
    return runtime::testing::PrincipalWithRole(region, role);
  }
  int64_t AddEntity(storage::Connection& c, const std::string& uscc, const std::string& name,
                    const std::string& region) {
    entity::NewEntity e;
    e.uscc = uscc;
    e.name = name;
    e.region = *RegionCode::Parse(region);
    auto id = entity::Insert(c, cipher_, county_, e, clock_.NowMs());
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : 0;
  }
  int64_t AddStation(const std::string& village, const std::string& name, station::Point pt) {
    station::StationInput in;
    in.region = *RegionCode::Parse(village);
    in.level = station::Level::kVillage;
    in.name = name;
    in.point = pt;
    auto s = station::Register({tdb_.db(), audit_, clock_, cipher_}, county_, in);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
    return s.ok() ? s->id : 0;
  }
  static CivilDate D(const char* s) { return *CivilDate::Parse(s); }
  ListingInput Pears(int64_t station, const std::string& village, int64_t quantity) {
    ListingInput in;
    in.station_id = station;
    in.village = *RegionCode::Parse(village);
    in.seller_name = "李四";
    in.contact = "13800138000";
    in.product = "酥梨";
    in.unit = "斤";
    in.quantity = quantity;
    in.price_fen = 250;
    in.available_from = D("2023-11-10");
    in.available_to = D("2023-12-31");
    return in;
  }
  DemandInput Wanted(int64_t quantity) {
    DemandInput in;
    in.entity_id = e1_;
    in.product = "酥梨";
    in.unit = "斤";
    in.quantity = quantity;
    in.price_max_fen = 300;
    in.wanted_from = D("2023-11-15");
    in.wanted_to = D("2023-12-15");
    in.delivery = Point{33'646'000, 116'964'000};
    return in;
  }
  int64_t Count(const std::string& sql) {
    auto c = tdb_.db().Acquire();
    return c->QueryOne(sql, {}, "count")->Int(0);
  }
  Deps Dp() { return {tdb_.db(), audit_, clock_, cipher_}; }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;  // 2023-11-14
  crypto::FieldCipher cipher_ = crypto::FieldCipher::FromKey({});
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  account::Principal county_, town_, other_town_, operator_, entity_;
  int64_t e1_ = 0, e2_ = 0, s1_ = 0, s2_ = 0, h1_ = 0;
};

}  // namespace ruralec::matching::testing
