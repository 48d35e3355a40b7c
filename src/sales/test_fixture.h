// Test fixture shared by the sales tests: a migrated temp database with a small region tree
// (county 341302, towns 341302100/101, a village), a county principal with every sales
// permission, a town principal, and two registered entities.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "account/roles.h"
#include "entity/entity.h"
#include "entity/module.h"
#include "region/region.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "sales/import.h"
#include "sales/module.h"
#include "sales/sales.h"
#include "storage/testing.h"

namespace ruralec::sales::testing {

inline constexpr char kUsccA[] = "91341302MA2N00001C";  // town 341302100
inline constexpr char kUsccB[] = "91341302MA2N00002F";  // town 341302101
inline constexpr char kUsccC[] = "93341302MA2N00003C";  // not registered

class SalesFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(runtime::testing::InstallGrants({&entity::ModuleDef(), &sales::ModuleDef()}).ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    county_ = MakePrincipal("341302", "county_staff");
    town_ = MakePrincipal("341302101", "town_staff");
    a_ = AddEntity(*c, kUsccA, "甲公司", "341302100", "2024-05-01");
    b_ = AddEntity(*c, kUsccB, "乙合作社", "341302101", "2019-01-01");
  }
  account::Principal MakePrincipal(const std::string& region, const std::string& role) {
    account::Principal p;
    p.id = UserId{0};
    p.username = role;
    p.region = *RegionCode::Parse(region);
    p.roles = {role};
    if (const auto* def = account::FindRole(role))
      p.permissions.insert(def->permissions.begin(), def->permissions.end());
    return p;
  }
  int64_t AddEntity(storage::Connection& c, const std::string& uscc, const std::string& name,
                    const std::string& region, const std::string& reg) {
    entity::NewEntity e{uscc,
                        name,
                        entity::Kind::kEnterprise,
                        *RegionCode::Parse(region),
                        *CivilDate::Parse(reg),
                        "",
                        "",
                        {}};
    auto id = entity::Insert(c, cipher_, county_, e, 1);
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : 0;
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
  ImportContext Ctx() { return {tdb_.db(), audit_, clock_, cipher_}; }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  crypto::FieldCipher cipher_ = crypto::FieldCipher::FromKey({});
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  account::Principal county_, town_;
  int64_t a_ = 0, b_ = 0;
};

}  // namespace ruralec::sales::testing
