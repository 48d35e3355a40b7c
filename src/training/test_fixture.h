// Test fixture of the training tests: a migrated temp database with a small region tree
// (county 341302; town 341302100 with villages 341302100201 and 341302100202; town 341302101
// with village 341302101203), county and town principals with the manifest's grants, a trainer
// account "teacher" (and "other" who teaches nothing), a FakeClock on 2023-11-15 (Asia/Shanghai)
// and valid ID numbers (GB 11643 check digits) for the trainees.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "account/roles.h"
#include "entity/module.h"
#include "imports/imports.h"
#include "region/region.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "storage/testing.h"
#include "training/module.h"
#include "training/training.h"

namespace ruralec::training::testing {

// Born 1990-01-01 male, 1985-12-12 female, 2000-05-05 male, 1978-03-03 female, 1995-07-07 male.
inline constexpr const char* kIds[] = {"341302199001010016", "341302198512120028",
                                       "341302200005050037", "341302197803030044",
                                       "341302199507070059"};

class TrainingFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(
        runtime::testing::InstallGrants({&entity::ModuleDef(), &training::ModuleDef()}).ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    std::vector<region::Division> more = {
        {*RegionCode::Parse("341302100202"), "大庄村委会"},
        {*RegionCode::Parse("341302101203"), "芦岭村民委员会"},
    };
    ASSERT_TRUE(region::UpsertDivisions(*c, more).ok());
    account::Accounts accounts(tdb_.db(), clock_, cipher_, audit_);
    ASSERT_TRUE(accounts.Bootstrap().ok());
    for (const char* name : {"teacher", "other"}) {
      auto u = accounts.CreateUser(nullptr, {name, name, {"trainer"}, "341302"});
      ASSERT_TRUE(u.ok()) << u.error().message;
    }
    teacher_ = MakePrincipal("341302", "trainer", UserIdOf("teacher"));
    other_ = MakePrincipal("341302", "trainer", UserIdOf("other"));
    county_ = MakePrincipal("341302", "county_staff", 900);
    town_ = MakePrincipal("341302101", "town_staff", 901);
    auditor_ = MakePrincipal("341302", "auditor", 902);
  }
  int64_t UserIdOf(const std::string& name) {
    auto c = tdb_.db().Acquire();
    return c->QueryOne("SELECT id FROM users WHERE username = ?", {name}, "user")->Int(0);
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
  CourseInput Course(const std::string& title, const std::string& level = "初级班") {
    CourseInput in;
    in.region = *RegionCode::Parse("341302");
    in.title = title;
    in.level = level;
    in.tags = {"网店运营", "livestream_selling"};
    in.organiser_name = "埇桥区人社局";
    in.funding = "人社就业技能培训资金";
    return in;
  }
  SessionInput Session(int64_t course, const std::string& name, const std::string& from,
                       const std::string& to, std::vector<std::string> trainers = {"teacher"}) {
    SessionInput in;
    in.course_id = course;
    in.name = name;
    in.starts_on = *CivilDate::Parse(from);
    in.ends_on = *CivilDate::Parse(to);
    in.place = "区电商公共服务中心";
    in.capacity = 3;
    in.trainers = std::move(trainers);
    return in;
  }
  TraineeInput Person(int i, const std::string& name, const std::string& village) {
    TraineeInput in;
    in.id_number = kIds[i];
    in.name = name;
    in.region = *RegionCode::Parse(village);
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
  FakeClock clock_;  // 2023-11-15 in Asia/Shanghai
  crypto::FieldCipher cipher_ = crypto::FieldCipher::FromKey({});
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  account::Principal county_, town_, teacher_, other_, auditor_;
};

}  // namespace ruralec::training::testing
