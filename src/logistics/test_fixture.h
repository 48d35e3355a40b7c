// Test fixture of the logistics tests: a migrated temp database with a small region tree (county
// 341302; town 341302100 with villages 341302100201 and 341302100202; town 341302101 with
// village 341302101203), principals with the manifests' grants (county staff, staff of town
// 341302100 and of town 341302101, a driver of the county), a FakeClock on 2023-11-14 and the
// network helpers most tests need.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "imports/imports.h"
#include "logistics/module.h"
#include "logistics/network.h"
#include "region/region.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "station/module.h"
#include "storage/testing.h"

namespace ruralec::logistics::testing {

class LogisticsFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(
        runtime::testing::InstallGrants({&station::ModuleDef(), &logistics::ModuleDef()}).ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    std::vector<region::Division> more = {{*RegionCode::Parse("341302100202"), "大庄村委会"},
                                          {*RegionCode::Parse("341302101203"), "芦岭村"}};
    ASSERT_TRUE(region::UpsertDivisions(*c, more).ok());
    county_ = runtime::testing::PrincipalWithRole("341302", "county_staff", 1);
    town_ = runtime::testing::PrincipalWithRole("341302100", "town_staff", 2);
    other_town_ = runtime::testing::PrincipalWithRole("341302101", "town_staff", 3);
    driver_ = runtime::testing::PrincipalWithRole("341302", "driver", 4);
  }

  static NodeInput NodeAt(const std::string& region, NodeLevel level, const std::string& code) {
    NodeInput in;
    in.region = *RegionCode::Parse(region);
    in.level = level;
    in.code = code;
    in.name = "网点" + code;
    return in;
  }
  int64_t MakeNode(const std::string& region, NodeLevel level, const std::string& code) {
    auto n = CreateNode(D(), county_, NodeAt(region, level, code));
    EXPECT_TRUE(n.ok()) << n.error().message;
    return n.ok() ? n->id : 0;
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
  FakeClock clock_{1'699'920'000'000};  // 2023-11-14 08:00 Beijing time
  crypto::FieldCipher cipher_ = crypto::FieldCipher::FromKey({});
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  account::Principal county_, town_, other_town_, driver_;
};

}  // namespace ruralec::logistics::testing
