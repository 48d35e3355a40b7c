// Test fixture of the station tests: a migrated temp database with a small region tree
// (county 341302; town 341302100 with villages 341302100201 and 341302100202 (tagged
// poverty_village) and the residents' committee 341302100001 镇南社区居委会; town 341302101
// with village 341302101203), county and town principals with the manifest's grants, and a
// FakeClock on 2023-11-14.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "account/roles.h"
#include "entity/module.h"
#include "imports/imports.h"
#include "programme/module.h"
#include "region/region.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "station/module.h"
#include "station/station.h"
#include "storage/testing.h"

namespace ruralec::station::testing {

class StationFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(runtime::testing::InstallGrants(
                    {&entity::ModuleDef(), &programme::ModuleDef(), &station::ModuleDef()})
                    .ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    std::vector<region::Division> more = {
        {*RegionCode::Parse("341302100202"), "大庄村委会"},
        {*RegionCode::Parse("341302100001"), "镇南社区居委会"},
        {*RegionCode::Parse("341302101203"), "芦岭村民委员会"},
    };
    ASSERT_TRUE(region::UpsertDivisions(*c, more).ok());
    ASSERT_TRUE(
        region::SetTags(*c, *RegionCode::Parse("341302100202"), {"poverty_village"}, 1).ok());
    county_ = MakePrincipal("341302", "county_staff");
    town_ = MakePrincipal("341302101", "town_staff");
  }
  static account::Principal MakePrincipal(const std::string& region, const std::string& role,
                                          int64_t id = 0) {
    account::Principal p;
    p.id = UserId{id};
    p.username = role;
    p.region = *RegionCode::Parse(region);
    p.roles = {role};
    if (const auto* def = account::FindRole(role))
      p.permissions.insert(def->permissions.begin(), def->permissions.end());
    return p;
  }
  static StationInput Village(const std::string& code, const std::string& name) {
    StationInput in;
    in.region = *RegionCode::Parse(code);
    in.level = Level::kVillage;
    in.name = name;
    return in;
  }
  static NewStatus At(StationStatus s, const std::string& day, std::string doc = "") {
    return {s, *CivilDate::Parse(day), "原因", std::move(doc)};
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
  account::Principal county_, town_;
};

}  // namespace ruralec::station::testing
