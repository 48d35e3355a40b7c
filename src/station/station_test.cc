// The station registry's rules (station.h): fields, coordinates, the status machine with its
// dated history, scope (town, own station), the encrypted mobile, the audit of every change.
#include "station/station.h"

#include "station/test_fixture.h"

namespace ruralec::station {
namespace {

using testing::StationFixture;

TEST(StationRules, StatusMachine) {
  EXPECT_TRUE(CanChange(StationStatus::kPlanned, StationStatus::kBuilding));
  EXPECT_TRUE(CanChange(StationStatus::kBuilding, StationStatus::kOperating));
  EXPECT_TRUE(CanChange(StationStatus::kOperating, StationStatus::kSuspended));
  EXPECT_TRUE(CanChange(StationStatus::kSuspended, StationStatus::kOperating));
  EXPECT_TRUE(CanChange(StationStatus::kSuspended, StationStatus::kExited));
  EXPECT_FALSE(CanChange(StationStatus::kPlanned, StationStatus::kOperating));
  EXPECT_FALSE(CanChange(StationStatus::kExited, StationStatus::kOperating));
  EXPECT_FALSE(CanChange(StationStatus::kOperating, StationStatus::kPlanned));
}

TEST(StationRules, Degrees) {
  EXPECT_EQ(*ParseDegrees("33.812345", 90, "lat"), 33812345);
  EXPECT_EQ(*ParseDegrees("-0.5", 90, "lat"), -500000);
  EXPECT_EQ(*ParseDegrees("180", 180, "lng"), 180000000);
  EXPECT_EQ(FormatDegrees(-500000), "-0.500000");
  EXPECT_EQ(FormatDegrees(116987654), "116.987654");
  for (const char* bad : {"90.000001", "91", "1.2345678", "abc", "", "1.", "1e5", "--1"}) {
    auto r = ParseDegrees(bad, 90, "lat");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "lat");
  }
  EXPECT_FALSE(ParseDegrees("180.5", 180, "lng").ok());
}

TEST_F(StationFixture, RegistersWithHistoryAndMaskedMobile) {
  StationInput in = Village("341302100201", "  大庄电商服务站 ");
  in.point = Point{33812345, 116987654};
  in.mobile = "13800138000";
  in.facilities = {"益农信息社", "village_post"};
  in.services = {"parcel_service"};
  in.carriers = {"邮政", "中通", "邮政"};
  auto s = Register(D(), county_, in, At(StationStatus::kBuilding, "2023-03-01"));
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->name, "大庄电商服务站");
  EXPECT_EQ(s->region_name, "R341302100201");
  EXPECT_EQ(s->mobile_masked, "138****8000");
  EXPECT_EQ(s->facilities, (std::vector<std::string>{"yinong_info_agency", "village_post"}));
  EXPECT_EQ(s->carriers, (std::vector<std::string>{"邮政", "中通"}));
  EXPECT_EQ(s->status, StationStatus::kBuilding);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stations WHERE mobile_enc LIKE '%13800138000%'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'station.create'"), 1);
  auto h = History(D(), county_, s->id);
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->size(), 1u);
  EXPECT_FALSE((*h)[0].from.has_value());
  EXPECT_EQ((*h)[0].changed_on.ToString(), "2023-03-01");
}

TEST_F(StationFixture, RefusesBadFieldsNamingThem) {
  auto field = [&](StationInput in) {
    auto r = Register(D(), county_, in);
    return r.ok() ? std::string("ok") : r.error().field;
  };
  StationInput town_level = Village("341302100", "镇站");  // a town code for a village point
  EXPECT_EQ(field(town_level), "region_code");
  EXPECT_EQ(field(Village("341302100299", "不存在")), "region_code");
  EXPECT_EQ(field(Village("341302100201", "")), "name");
  StationInput bad_mobile = Village("341302100201", "站");
  bad_mobile.mobile = "1380013";
  EXPECT_EQ(field(bad_mobile), "mobile");
  StationInput bad_service = Village("341302100201", "站");
  bad_service.services = {"卖保险"};
  EXPECT_EQ(field(bad_service), "services");
  StationInput bad_dates = Village("341302100201", "站");
  bad_dates.built_on = *CivilDate::Parse("2023-05-01");
  bad_dates.online_on = *CivilDate::Parse("2023-04-01");
  EXPECT_EQ(field(bad_dates), "online_on");
  StationInput future = Village("341302100201", "站");
  future.built_on = *CivilDate::Parse("2030-01-01");
  EXPECT_EQ(field(future), "built_on");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stations"), 0);
  ASSERT_TRUE(Register(D(), county_, Village("341302100201", "站")).ok());
  auto dup = Register(D(), county_, Village("341302100201", "站"));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
}

TEST_F(StationFixture, StatusChangesAreDatedDocumentedAndFinalAtExit) {
  auto s = Register(D(), county_, Village("341302100201", "站"),
                    At(StationStatus::kPlanned, "2023-01-10"));
  ASSERT_TRUE(s.ok());
  auto skip = ChangeStatus(D(), county_, s->id, At(StationStatus::kOperating, "2023-02-01", "文1"));
  ASSERT_FALSE(skip.ok());
  EXPECT_EQ(skip.error().code, ErrorCode::kConflict);
  auto no_doc = ChangeStatus(D(), county_, s->id, At(StationStatus::kBuilding, "2023-02-01", ""));
  ASSERT_FALSE(no_doc.ok());
  EXPECT_EQ(no_doc.error().field, "document_no");
  auto earlier =
      ChangeStatus(D(), county_, s->id, At(StationStatus::kBuilding, "2023-01-01", "文1"));
  ASSERT_FALSE(earlier.ok());
  EXPECT_EQ(earlier.error().field, "date");
  auto future =
      ChangeStatus(D(), county_, s->id, At(StationStatus::kBuilding, "2023-12-01", "文1"));
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().field, "date");
  ASSERT_TRUE(
      ChangeStatus(D(), county_, s->id, At(StationStatus::kBuilding, "2023-02-01", "文1")).ok());
  ASSERT_TRUE(
      ChangeStatus(D(), county_, s->id, At(StationStatus::kOperating, "2023-05-01", "文2")).ok());
  auto exited = ChangeStatus(D(), county_, s->id, At(StationStatus::kExited, "2023-10-01", "文3"));
  ASSERT_TRUE(exited.ok());
  EXPECT_EQ(exited->status_since.ToString(), "2023-10-01");
  EXPECT_FALSE(
      ChangeStatus(D(), county_, s->id, At(StationStatus::kOperating, "2023-11-01", "文4")).ok());
  auto h = History(D(), county_, s->id);
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->size(), 4u);
  EXPECT_EQ((*h)[3].document_no, "文3");
  EXPECT_EQ((*h)[3].from, StationStatus::kOperating);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'station.status'"), 3);
  EXPECT_TRUE(Get(D(), county_, s->id).ok());  // an exited station keeps its record
}

TEST_F(StationFixture, TownStaffSeeAndEditOnlyTheirTown) {
  auto mine = Register(D(), town_, Village("341302101203", "芦岭站"));
  ASSERT_TRUE(mine.ok()) << mine.error().message;
  auto other = Register(D(), town_, Village("341302100201", "越界"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kForbidden);
  auto theirs = Register(D(), county_, Village("341302100201", "符离站"));
  ASSERT_TRUE(theirs.ok());
  auto list = List(D(), town_, {}, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->total, 1);
  EXPECT_EQ(list->items[0].name, "芦岭站");
  EXPECT_EQ(Get(D(), town_, theirs->id).error().code, ErrorCode::kNotFound);
  auto edit = Update(D(), town_, theirs->id, Village("341302100201", "改名"));
  EXPECT_EQ(edit.error().code, ErrorCode::kNotFound);
  Filter f;
  f.region = *RegionCode::Parse("341302100");
  EXPECT_EQ(List(D(), town_, f, {}).error().code, ErrorCode::kForbidden);
  account::Principal auditor = MakePrincipal("341302", "auditor");
  EXPECT_EQ(List(D(), auditor, {}, {})->total, 2);
  EXPECT_EQ(Register(D(), auditor, Village("341302100201", "x")).error().code,
            ErrorCode::kForbidden);
}

TEST_F(StationFixture, OperatorSeesOnlyTheStationTheirAccountIsBoundTo) {
  account::Principal op = MakePrincipal("341302100201", "station_operator", 77);
  auto s = Register(D(), county_, Village("341302100201", "站A"));
  ASSERT_TRUE(s.ok());
  auto other = Register(D(), county_, Village("341302100201", "站B"));
  ASSERT_TRUE(other.ok());
  // Unbound: fails closed (nothing visible).
  EXPECT_EQ(List(D(), op, {}, {})->total, 0);
  EXPECT_EQ(Get(D(), op, s->id).error().code, ErrorCode::kNotFound);
  op.binding = account::Binding{"station", s->id};
  auto list = List(D(), op, {}, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->total, 1);
  EXPECT_EQ(list->items[0].id, s->id);
  EXPECT_TRUE(Get(D(), op, s->id).ok());
  EXPECT_EQ(Get(D(), op, other->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(
      ChangeStatus(D(), op, s->id, At(StationStatus::kBuilding, "2023-11-01", "x")).error().code,
      ErrorCode::kForbidden);
}

TEST_F(StationFixture, OperatorCompanySeesTheStationsItHasAgreementsFor) {
  account::Principal company = MakePrincipal("341302100", "entity", 88);
  StationInput a = Village("341302101203", "承办站");  // another town of the county
  a.operator_entity_id = std::nullopt;
  auto s1 = Register(D(), county_, a);
  auto s2 = Register(D(), county_, Village("341302100201", "别家站"));
  ASSERT_TRUE(s1.ok() && s2.ok());
  {
    auto c = tdb_.db().Acquire();  // the agreement (an entity of the county, id 5)
    ASSERT_TRUE(c->Exec("UPDATE stations SET operator_entity_id = 5 WHERE id = ?", {s1->id}).ok());
  }
  EXPECT_EQ(List(D(), company, {}, {})->total, 0);  // unbound: nothing
  company.binding = account::Binding{"entity", 5};
  auto list = List(D(), company, {}, {});
  ASSERT_TRUE(list.ok()) << list.error().message;
  ASSERT_EQ(list->total, 1);
  EXPECT_EQ(list->items[0].id, s1->id);
  EXPECT_EQ(Get(D(), company, s2->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Update(D(), company, s1->id, a).error().code, ErrorCode::kForbidden);
}

TEST_F(StationFixture, UpdateAuditsChangedFieldsOnly) {
  StationInput in = Village("341302100201", "站");
  in.mobile = "13800138000";
  auto s = Register(D(), county_, in);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(Update(D(), county_, s->id, in).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'station.update'"), 0);
  in.mobile = "13900139000";
  in.address = "村部";
  auto u = Update(D(), county_, s->id, in);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->mobile_masked, "139****9000");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'station.update' AND "
                  "detail = 'changed=address,mobile'"),
            1);
}

TEST_F(StationFixture, CountyExtendsDictionaries) {
  account::Principal county = county_;
  county.region = *RegionCode::Parse("341302");
  DictValue v{"e_bank", "助农取款点", false};
  ASSERT_TRUE(AddDictValue(D(), county, "station_facilities", v).ok());
  EXPECT_EQ(AddDictValue(D(), county, "station_facilities", v).error().code, ErrorCode::kConflict);
  EXPECT_EQ(AddDictValue(D(), town_, "station_facilities", {"x", "y"}).error().code,
            ErrorCode::kForbidden);
  StationInput in = Village("341302100201", "站");
  in.facilities = {"助农取款点"};
  auto s = Register(D(), county_, in);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->facilities, (std::vector<std::string>{"e_bank"}));
}

TEST_F(StationFixture, ListFiltersAndPages) {
  StationInput a = Village("341302100201", "甲站");
  a.services = {"bill_payment"};
  ASSERT_TRUE(Register(D(), county_, a).ok());
  ASSERT_TRUE(Register(D(), county_, Village("341302100202", "乙站")).ok());
  StationInput t;
  t.region = *RegionCode::Parse("341302101");
  t.level = Level::kTown;
  t.name = "芦岭镇综合服务站";
  ASSERT_TRUE(Register(D(), county_, t).ok());
  Filter f;
  f.service = "bill_payment";
  EXPECT_EQ(List(D(), county_, f, {})->total, 1);
  Filter lv;
  lv.level = Level::kTown;
  EXPECT_EQ(List(D(), county_, lv, {})->items.at(0).name, "芦岭镇综合服务站");
  PageRequest p{2, 2, "name", false};
  auto page = List(D(), county_, {}, p);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 3);
  EXPECT_EQ(page->items.size(), 1u);
  EXPECT_FALSE(List(D(), county_, {}, {1, 20, "mobile_enc", false}).ok());
}

}  // namespace
}  // namespace ruralec::station
