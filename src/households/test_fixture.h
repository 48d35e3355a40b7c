// Test fixture of the households tests: a migrated temp database with a small region tree
// (county 341302; town 341302100 with villages 341302100201 and 341302100202 (tagged
// poverty_village); town 341302101 with village 341302101203), two entities (one per town),
// county and town principals with the manifest's grants, and a FakeClock on 2023-11-14.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "account/roles.h"
#include "entity/entity.h"
#include "entity/module.h"
#include "households/households.h"
#include "households/module.h"
#include "imports/imports.h"
#include "region/region.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "storage/testing.h"

namespace ruralec::households::testing {

// Valid 身份证号 (GB 11643 check digits).
inline constexpr const char* kIds[] = {"341302198001011233", "341302197512124569",
                                       "341302199005053216", "34130219660808654X",
                                       "341302200102039876"};

class HouseholdFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(
        runtime::testing::InstallGrants({&entity::ModuleDef(), &households::ModuleDef()}).ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    std::vector<region::Division> more = {{*RegionCode::Parse("341302100202"), "大庄村委会"},
                                          {*RegionCode::Parse("341302101203"), "芦岭村民委员会"}};
    ASSERT_TRUE(region::UpsertDivisions(*c, more).ok());
    ASSERT_TRUE(
        region::SetTags(*c, *RegionCode::Parse("341302100202"), {"poverty_village"}, 1).ok());
    county_ = MakePrincipal("341302", "county_staff");
    town_ = MakePrincipal("341302100", "town_staff");
    other_town_ = MakePrincipal("341302101", "town_staff");
    e1_ = AddEntity(*c, "91341302MA2NAP9013", "符离电商有限公司", "341302100201");
    e2_ = AddEntity(*c, "91341302MA2NAP9026", "芦岭果蔬合作社", "341302101203");
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
  static account::Principal MakePrincipal(const std::string& region, const std::string& role) {
    return runtime::testing::PrincipalWithRole(region, role);
  }
  static HouseholdInput Input(const std::string& village, const std::string& name,
                              const std::string& id, bool willing_and_able = true) {
    HouseholdInput in;
    in.region = *RegionCode::Parse(village);
    in.head_name = name;
    in.id_number = id;
    in.members = 3;
    in.willing = in.able = willing_and_able;
    if (willing_and_able) in.willing_on = in.able_on = *CivilDate::Parse("2023-03-01");
    in.products = {"酥梨"};
    return in;
  }
  std::string WriteFile(const std::string& name, const std::string& content) {
    auto p = tdb_.dir() / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  int64_t Count(const std::string& sql) {
    auto c = tdb_.db().Acquire();
    return c->QueryOne(sql, {}, "count")->Int(0);
  }
  Deps D() { return {tdb_.db(), audit_, clock_, cipher_}; }
  imports::ImportContext Ctx() { return {tdb_.db(), audit_, clock_, cipher_}; }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;  // 2023-11-14
  crypto::FieldCipher cipher_ = crypto::FieldCipher::FromKey({});
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  account::Principal county_, town_, other_town_;
  int64_t e1_ = 0, e2_ = 0;
};

}  // namespace ruralec::households::testing
