// Disclosure (disclosure.h, public.h): a snapshot built through the station module with no
// personal data in it, its hash, maker-checker, versions that supersede, withdrawal leaving a
// notice, idempotent moves, no public path to a draft, and the per-address limit.
#include "disclosure/disclosure.h"

#include <gtest/gtest.h>

#include "account/roles.h"
#include "disclosure/module.h"
#include "disclosure/public.h"
#include "entity/module.h"
#include "programme/module.h"
#include "region/region.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "station/module.h"
#include "station/station.h"
#include "storage/testing.h"

namespace ruralec::disclosure {
namespace {

constexpr char kCanaryName[] = "卡纳里甲";
constexpr char kCanaryMobile[] = "13977070005";

// County 341302 (towns 341302100, 341302101), county staff 1 and 2, a town clerk 3; 2023-11-14.
class DisclosureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(runtime::testing::InstallGrants({&entity::ModuleDef(), &programme::ModuleDef(),
                                                 &station::ModuleDef(), &disclosure::ModuleDef()})
                    .ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    maker_ = runtime::testing::PrincipalWithRole("341302", "county_staff", 1);
    checker_ = runtime::testing::PrincipalWithRole("341302", "county_staff", 2);
    town_ = runtime::testing::PrincipalWithRole("341302100", "town_staff", 3);
    AddStation("大庄电商服务站", kCanaryName, kCanaryMobile);
  }
  Deps D() { return {tdb_.db(), audit_, clock_, cipher_, mac_, registry_}; }
  void AddStation(const std::string& name, const std::string& manager, const std::string& mobile) {
    station::StationInput in;
    in.region = *RegionCode::Parse("341302100201");
    in.level = station::Level::kVillage;
    in.name = name;
    in.address = "大庄村委会东侧";
    in.manager_name = manager;
    in.mobile = mobile;
    station::NewStatus op{station::StationStatus::kOperating, *CivilDate::Parse("2023-01-01"),
                          "开业", ""};
    auto s = station::Register({tdb_.db(), audit_, clock_, cipher_}, maker_, in, op);
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  Publication Draft() {
    auto p = CreateDraft(D(), maker_, {Kind::kStations, {}, std::nullopt});
    EXPECT_TRUE(p.ok()) << p.error().message;
    return *p;
  }
  Publication Published() {
    Publication p = Draft();
    EXPECT_TRUE(Submit(D(), maker_, p.id).ok());
    auto out = Publish(D(), checker_, p.id);
    EXPECT_TRUE(out.ok()) << out.error().message;
    return *out;
  }
  int64_t Count(const std::string& sql) {
    auto c = tdb_.db().Acquire();
    return c->QueryOne(sql, {}, "count")->Int(0);
  }
  RegionCode County() { return *RegionCode::Parse("341302"); }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_{1'699'920'000'000};  // 2023-11-14 08:00 Asia/Shanghai
  crypto::FieldCipher cipher_ = crypto::FieldCipher::FromKey({});
  crypto::RecordMac mac_ = crypto::RecordMac::FromKey({});
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  runtime::IndicatorRegistry registry_;
  account::Principal maker_, checker_, town_;
};

TEST_F(DisclosureTest, TheStationDirectoryIsASnapshotWithoutPersonalData) {
  Publication p = Draft();
  EXPECT_EQ(p.status, State::kDraft);
  EXPECT_EQ(p.version, 0);
  EXPECT_EQ(p.county.str(), "341302000000");
  EXPECT_NE(p.content.find("大庄电商服务站"), std::string::npos);
  EXPECT_NE(p.content.find("卡*"), std::string::npos) << p.content;  // masked manager
  EXPECT_EQ(p.content.find(kCanaryName), std::string::npos);
  EXPECT_EQ(p.content.find(kCanaryMobile), std::string::npos);
  EXPECT_EQ(p.content.find("7070005"), std::string::npos);  // not even masked
  EXPECT_EQ(p.content_sha256, crypto::Sha256Hex(p.content));
  auto doc = ParseDocument(p.content);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(DocumentText(*doc), p.content);  // canonical: the round trip is byte-identical
  EXPECT_EQ(doc->as_of, "2023-11-14");
  // Frozen: a station added later is not in the stored draft.
  AddStation("横口服务点", "钱站长", "");
  Publication again = *Get(D(), maker_, p.id);
  EXPECT_EQ(again.content, p.content);
  EXPECT_EQ(Draft().content.find("横口服务点") != std::string::npos, true);
}

TEST_F(DisclosureTest, OnlyCountyStaffDraftForTheirCounty) {
  EXPECT_EQ(CreateDraft(D(), town_, {Kind::kStations, {}, std::nullopt}).error().code,
            ErrorCode::kForbidden);
  auto other = CreateDraft(D(), maker_, {Kind::kStations, *RegionCode::Parse("341303"), {}});
  EXPECT_EQ(other.error().code, ErrorCode::kForbidden);
  auto town = CreateDraft(D(), maker_, {Kind::kStations, *RegionCode::Parse("341302100"), {}});
  EXPECT_EQ(town.error().field, "county_code");
  auto no_source = CreateDraft(D(), maker_, {Kind::kFunds, {}, std::nullopt});
  EXPECT_EQ(no_source.error().field, "source_id");
}

TEST_F(DisclosureTest, ThePublisherIsAnotherUserAndMovesAreIdempotent) {
  Publication p = Draft();
  EXPECT_EQ(Publish(D(), checker_, p.id).error().code, ErrorCode::kConflict);  // not submitted
  auto sub = Submit(D(), maker_, p.id);
  ASSERT_TRUE(sub.ok());
  EXPECT_FALSE(sub->already);
  EXPECT_TRUE(Submit(D(), maker_, p.id)->already);
  auto own = Publish(D(), maker_, p.id);
  EXPECT_EQ(own.error().code, ErrorCode::kForbidden);
  EXPECT_NE(own.error().message.find("另一人"), std::string::npos);
  // A third user who submitted it may not publish it either.
  Publication q = Draft();
  ASSERT_TRUE(Submit(D(), checker_, q.id).ok());
  EXPECT_EQ(Publish(D(), checker_, q.id).error().code, ErrorCode::kForbidden);

  auto pub = Publish(D(), checker_, p.id);
  ASSERT_TRUE(pub.ok()) << pub.error().message;
  EXPECT_EQ(pub->status, State::kPublished);
  EXPECT_EQ(pub->version, 1);
  EXPECT_EQ(pub->published_at.value_or(0), clock_.NowMs());
  auto repeat = Publish(D(), checker_, p.id);
  EXPECT_TRUE(repeat->already);
  EXPECT_EQ(repeat->version, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'disclosure.publish'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'disclosure.submit'"), 2);
}

TEST_F(DisclosureTest, ANewVersionSupersedesTheOld) {
  Publication v1 = Published();
  clock_.Advance(86'400'000);
  AddStation("横口服务点", "钱站长", "");
  Publication v2 = Published();
  EXPECT_EQ(v2.version, 2);
  EXPECT_NE(v2.content_sha256, v1.content_sha256);
  Publication old = *Get(D(), maker_, v1.id);
  EXPECT_EQ(old.status, State::kSuperseded);
  EXPECT_EQ(old.superseded_by.value_or(0), v2.id);

  auto conn = tdb_.db().Acquire();
  auto index = IndexOf(*conn, County());
  ASSERT_TRUE(index.ok());
  ASSERT_EQ(index->items.size(), 1u);
  EXPECT_EQ(index->items[0].id, v2.id);
  auto versions = PublicVersions(*conn, County(), v1.id);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ(versions->at(0).version, 2);
  auto first = PublicGet(*conn, County(), v1.id);  // the superseded version stays readable
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->content_sha256, v1.content_sha256);
}

TEST_F(DisclosureTest, AWithdrawalLeavesANoticeWithoutTheContent) {
  Publication p = Published();
  EXPECT_EQ(Withdraw(D(), checker_, p.id, " ").error().field, "reason");
  EXPECT_EQ(Withdraw(D(), town_, p.id, "数据有误").error().code, ErrorCode::kForbidden);
  auto w = Withdraw(D(), checker_, p.id, "数据有误，核实后重新发布");
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->status, State::kWithdrawn);
  EXPECT_TRUE(Withdraw(D(), checker_, p.id, "再次")->already);
  EXPECT_EQ(Get(D(), maker_, p.id)->withdraw_reason, "数据有误，核实后重新发布");

  auto conn = tdb_.db().Acquire();
  auto shown = PublicGet(*conn, County(), p.id);
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->status, State::kWithdrawn);
  EXPECT_TRUE(shown->content.empty());
  auto index = IndexOf(*conn, County());
  ASSERT_EQ(index->items.size(), 1u);
  EXPECT_EQ(index->items[0].status, State::kWithdrawn);
  // A submitted draft the checker refuses is withdrawn (discarded): never public, no version.
  Publication draft = Draft();
  ASSERT_TRUE(Submit(D(), maker_, draft.id).ok());
  auto discarded = Withdraw(D(), checker_, draft.id, "名录不全，请补充后重新编制");
  ASSERT_TRUE(discarded.ok()) << discarded.error().message;
  EXPECT_EQ(discarded->status, State::kWithdrawn);
  EXPECT_EQ(discarded->version, 0);
  EXPECT_EQ(Publish(D(), checker_, draft.id).error().code, ErrorCode::kConflict);
  EXPECT_EQ(PublicGet(*conn, County(), draft.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(IndexOf(*conn, County())->items.size(), 1u);
}

TEST_F(DisclosureTest, NoPublicPathLeadsToADraftOrAnotherCounty) {
  Publication draft = Draft();
  Publication submitted = Draft();
  ASSERT_TRUE(Submit(D(), maker_, submitted.id).ok());
  auto conn = tdb_.db().Acquire();
  for (int64_t id : {draft.id, submitted.id, int64_t{999}}) {
    EXPECT_EQ(PublicGet(*conn, County(), id).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(PublicVersions(*conn, County(), id).error().code, ErrorCode::kNotFound);
  }
  EXPECT_TRUE(IndexOf(*conn, County())->items.empty());
  Publication p = Published();
  EXPECT_TRUE(PublicGet(*conn, County(), p.id).ok());
  ASSERT_TRUE(region::UpsertDivisions(*conn, {{*RegionCode::Parse("341303"), "R341303"}}).ok());
  EXPECT_EQ(PublicGet(*conn, *RegionCode::Parse("341303"), p.id).error().code,
            ErrorCode::kNotFound);
  EXPECT_TRUE(PublicCounty(*conn, "341302").ok());
  EXPECT_TRUE(PublicCounty(*conn, "341302000000").ok());
  for (const char* bad : {"341302100", "3413", "34130", "341399", "34130x"})
    EXPECT_EQ(PublicCounty(*conn, bad).error().code, ErrorCode::kNotFound) << bad;
}

TEST(DisclosureGateTest, AnAddressIsLimitedPerWindow) {
  FakeClock clock;
  Gate gate(clock);
  for (int i = 0; i < kPublicRequests; ++i) ASSERT_TRUE(gate.Admit("10.0.0.1").ok()) << i;
  auto over = gate.Admit("10.0.0.1");
  EXPECT_EQ(over.error().code, ErrorCode::kUnavailable);
  EXPECT_TRUE(gate.Admit("10.0.0.2").ok());  // another address has its own count
  clock.Advance(kPublicWindowMs);
  EXPECT_TRUE(gate.Admit("10.0.0.1").ok());
}

}  // namespace
}  // namespace ruralec::disclosure
