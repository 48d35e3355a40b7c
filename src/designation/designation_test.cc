// Demonstration designations (designation.h): subjects checked through their owners, the
// status machine with its dated history, scope, evidence files, the demonstration_units
// indicator, the award reads and the ranking of villages by online sales.
#include "designation/designation.h"

#include <gtest/gtest.h>

#include "account/roles.h"
#include "designation/indicators.h"
#include "designation/module.h"
#include "entity/entity.h"
#include "entity/module.h"
#include "programme/module.h"
#include "region/region.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "station/module.h"
#include "station/station.h"
#include "storage/testing.h"

namespace ruralec::designation {
namespace {

// County 341302; town 341302100 with villages 341302100201, 341302100202 and the residents'
// committee 341302100001; town 341302101 with village 341302101203. Clock 2023-11-15
// (Asia/Shanghai).
class DesignationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(runtime::testing::InstallGrants({&entity::ModuleDef(), &programme::ModuleDef(),
                                                 &station::ModuleDef(), &designation::ModuleDef()})
                    .ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    std::vector<region::Division> more = {
        {*RegionCode::Parse("341302100202"), "大庄村委会"},
        {*RegionCode::Parse("341302100001"), "镇南社区居委会"},
        {*RegionCode::Parse("341302101203"), "芦岭村民委员会"},
    };
    ASSERT_TRUE(region::UpsertDivisions(*c, more).ok());
    county_ = Principal("341302", "county_staff");
    town_ = Principal("341302101", "town_staff");
  }
  static account::Principal Principal(const std::string& region, const std::string& role) {
    account::Principal p;
    p.username = role;
    p.region = *RegionCode::Parse(region);
    p.roles = {role};
    if (const auto* def = account::FindRole(role))
      p.permissions.insert(def->permissions.begin(), def->permissions.end());
    return p;
  }
  static DesignationInput Village(const std::string& code, Level level = Level::kCounty,
                                  int year = 2023) {
    DesignationInput in;
    in.level = level;
    in.kind = Kind::kVillage;
    in.region = *RegionCode::Parse(code);
    in.year = year;
    return in;
  }
  static NewStatus At(State s, const std::string& day, std::string doc = "",
                      std::string reason = "") {
    return {s, *CivilDate::Parse(day), std::move(reason), std::move(doc), ""};
  }
  Deps D() { return {tdb_.db(), audit_, clock_, cipher_, &registry_}; }
  int64_t Count(const std::string& sql) {
    auto c = tdb_.db().Acquire();
    return c->QueryOne(sql, {}, "count")->Int(0);
  }
  Result<runtime::Measurement> Units(const std::string& region, const std::string& level,
                                     const std::string& kind, const std::string& from,
                                     const std::string& to) {
    runtime::IndicatorQuery q{"demonstration_units",
                              *RegionCode::Parse(region),
                              *CivilDate::Parse(from),
                              *CivilDate::Parse(to),
                              {{"level", level}, {"kind", kind}}};
    auto c = tdb_.db().Acquire();
    return indicators::Sources().at(0).fn(*c, q);
  }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;  // 2023-11-15 in Asia/Shanghai
  crypto::FieldCipher cipher_ = crypto::FieldCipher::FromKey({});
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  runtime::IndicatorRegistry registry_;
  account::Principal county_, town_;
};

TEST(DesignationRules, StatusMachineAndNames) {
  EXPECT_TRUE(CanChange(State::kCandidate, State::kApplied));
  EXPECT_TRUE(CanChange(State::kCandidate, State::kRecognised));
  EXPECT_TRUE(CanChange(State::kApplied, State::kRecognised));
  EXPECT_TRUE(CanChange(State::kRecognised, State::kRevoked));
  EXPECT_FALSE(CanChange(State::kRecognised, State::kApplied));
  EXPECT_FALSE(CanChange(State::kRevoked, State::kRecognised));
  EXPECT_EQ(*ParseLevel("district"), Level::kCounty);  // the programme files' word
  EXPECT_EQ(*ParseLevel("省级"), Level::kProvince);
  EXPECT_EQ(*ParseKind("示范村"), Kind::kVillage);
  EXPECT_EQ(ParseKind("示范乡").error().field, "kind");
  EXPECT_EQ(SubjectOf(Kind::kPoint), SubjectType::kStation);
  EXPECT_EQ(SubjectOf(Kind::kEnterprise), SubjectType::kEntity);
}

TEST_F(DesignationTest, RegistersAndMovesThroughDatedStatuses) {
  auto d = Register(D(), county_, Village("341302100201"), std::nullopt);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->subject_name, "R341302100201");
  EXPECT_EQ(d->status, State::kCandidate);
  EXPECT_EQ(d->status_since.ToString(), "2023-11-15");

  auto no_doc = ChangeStatus(D(), county_, d->id, At(State::kRecognised, "2023-11-01"));
  ASSERT_FALSE(no_doc.ok());
  EXPECT_EQ(no_doc.error().field, "document_no");
  auto applied = ChangeStatus(D(), county_, d->id, At(State::kApplied, "2023-11-15"));
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  auto early =
      ChangeStatus(D(), county_, d->id, At(State::kRecognised, "2023-11-01", "埇商〔2023〕9号"));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().field, "date");
  NewStatus rec = At(State::kRecognised, "2023-11-15", "埇商〔2023〕9号");
  rec.issuing_body = "埇桥区商务局";
  auto done = ChangeStatus(D(), county_, d->id, rec);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->recognised_on->ToString(), "2023-11-15");
  EXPECT_EQ(done->document_no, "埇商〔2023〕9号");
  EXPECT_EQ(done->issuing_body, "埇桥区商务局");
  auto back = ChangeStatus(D(), county_, d->id, At(State::kApplied, "2023-11-15"));
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().code, ErrorCode::kConflict);
  auto history = History(D(), county_, d->id);
  ASSERT_EQ(history->size(), 3u);
  EXPECT_FALSE((*history)[0].from.has_value());
  EXPECT_EQ((*history)[2].document_no, "埇商〔2023〕9号");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'designation.status'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'designation.create'"), 1);
}

TEST_F(DesignationTest, SubjectMustExistAtTheKindsLevel) {
  auto town_code = Register(D(), county_, Village("341302100"), std::nullopt);
  ASSERT_FALSE(town_code.ok());
  EXPECT_EQ(town_code.error().field, "region_code");
  auto missing = Register(D(), county_, Village("341302100299"), std::nullopt);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "region_code");
  DesignationInput point;
  point.level = Level::kProvince;
  point.kind = Kind::kPoint;
  point.subject_id = 42;
  point.year = 2023;
  auto no_station = Register(D(), county_, point, std::nullopt);
  ASSERT_FALSE(no_station.ok());
  EXPECT_EQ(no_station.error().field, "subject_id");
  DesignationInput ent = point;
  ent.kind = Kind::kEnterprise;
  auto no_entity = Register(D(), county_, ent, std::nullopt);
  ASSERT_FALSE(no_entity.ok());
  EXPECT_EQ(no_entity.error().field, "subject_id");
  ASSERT_TRUE(Register(D(), county_, Village("341302100201"), std::nullopt).ok());
  auto dup = Register(D(), county_, Village("341302100201"), std::nullopt);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(Register(D(), county_, Village("341302100201", Level::kProvince), std::nullopt).ok());
}

TEST_F(DesignationTest, PointDesignatesAStationThroughTheStationModule) {
  station::StationInput s;
  s.region = *RegionCode::Parse("341302100202");
  s.level = station::Level::kVillage;
  s.name = "大庄电商服务站";
  auto st = station::Register({tdb_.db(), audit_, clock_, cipher_}, county_, s);
  ASSERT_TRUE(st.ok()) << st.error().message;
  DesignationInput in;
  in.level = Level::kProvince;
  in.kind = Kind::kPoint;
  in.subject_id = st->id;
  in.year = 2023;
  auto d = Register(D(), county_, in, std::nullopt);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->subject_name, "大庄电商服务站");
  EXPECT_EQ(d->region.str(), "341302100202");
  EXPECT_EQ(d->subject_type, SubjectType::kStation);
}

TEST_F(DesignationTest, TownStaffSeeAndEditOnlyTheirTown) {
  auto other = Register(D(), town_, Village("341302100201"), std::nullopt);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kForbidden);
  auto theirs = Register(D(), town_, Village("341302101203"), std::nullopt);
  ASSERT_TRUE(theirs.ok()) << theirs.error().message;
  auto county_one = Register(D(), county_, Village("341302100201"), std::nullopt);
  ASSERT_TRUE(county_one.ok());
  auto hidden = Get(D(), town_, county_one->id);
  ASSERT_FALSE(hidden.ok());
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  auto page = List(D(), town_, {}, PageRequest{});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 1);
  EXPECT_EQ(List(D(), county_, {}, PageRequest{})->total, 2);
  auto auditor = Principal("341302", "auditor");
  EXPECT_TRUE(Get(D(), auditor, county_one->id).ok());
  auto write = ChangeStatus(D(), auditor, county_one->id, At(State::kApplied, "2023-11-15"));
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.error().code, ErrorCode::kForbidden);
}

TEST_F(DesignationTest, EvidenceFilesAreSniffedAndKept) {
  auto d = Register(D(), county_, Village("341302100201"), std::nullopt);
  ASSERT_TRUE(d.ok());
  auto bad = AddFile(D(), county_, d->id, "成果.pdf", "not a pdf");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "file");
  std::string pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
  auto f = AddFile(D(), county_, d->id, "创建成果档案.pdf", pdf);
  ASSERT_TRUE(f.ok()) << f.error().message;
  EXPECT_EQ(f->content_type, "application/pdf");
  auto back = ReadFile(D(), county_, d->id, f->id);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->second, pdf);
  EXPECT_EQ(Get(D(), county_, d->id)->file_count, 1);
}

TEST_F(DesignationTest, UnitsCountRecognisedInThePeriodAndNotRevoked) {
  auto a = Register(D(), county_, Village("341302100201"),
                    At(State::kRecognised, "2023-03-01", "埇商〔2023〕1号"));
  ASSERT_TRUE(a.ok()) << a.error().message;
  auto b = Register(D(), county_, Village("341302100202"),
                    At(State::kRecognised, "2023-03-01", "埇商〔2023〕1号"));
  ASSERT_TRUE(b.ok());
  ASSERT_TRUE(
      ChangeStatus(D(), county_, b->id, At(State::kRevoked, "2023-09-01", "", "网销额下滑")).ok());
  auto c = Register(D(), county_, Village("341302101203", Level::kProvince), std::nullopt);
  ASSERT_TRUE(c.ok());  // a candidate: not counted
  EXPECT_EQ(Units("341302", "district", "village", "2023-01-01", "2023-12-31")->value, 1);
  EXPECT_EQ(Units("341302", "county", "village", "2023-01-01", "2023-08-31")->value, 2);
  EXPECT_EQ(Units("341302100", "any", "village", "2023-01-01", "2023-12-31")->value, 1);
  EXPECT_EQ(Units("341302101", "any", "village", "2023-01-01", "2023-12-31")->value, 0);
  EXPECT_EQ(Units("341302", "county", "village", "2023-04-01", "2023-12-31")->value, 0);
  EXPECT_EQ(Units("341302", "province", "village", "2023-01-01", "2023-12-31")->value, 0);
  EXPECT_EQ(Units("341302", "county", "town", "2023-01-01", "2023-12-31")->value, 0);
  auto unknown = Units("341302", "planet", "village", "2023-01-01", "2023-12-31");
  EXPECT_EQ(unknown->status, runtime::Measurement::Status::kNoDataSource);
  auto c2 = tdb_.db().Acquire();
  auto award = RecognisedIn(*c2, *RegionCode::Parse("341302"), 2023);
  ASSERT_EQ(award->size(), 1u);
  EXPECT_EQ((*award)[0].document_no, "埇商〔2023〕1号");
  EXPECT_TRUE(RecognisedIn(*c2, *RegionCode::Parse("341302"), 2022)->empty());
}

TEST_F(DesignationTest, RanksAdministrativeVillagesBySales) {
  ASSERT_TRUE(registry_
                  .Register("rural_online_sales", "test ledger",
                            [](storage::Connection&, const runtime::IndicatorQuery& q) {
                              runtime::Measurement m;
                              m.status = runtime::Measurement::Status::kOk;
                              m.value = q.region.str() == "341302100202" ? 500 : 100;
                              EXPECT_EQ(q.params.at("direction"), "all");
                              EXPECT_EQ(q.from.ToString(), "2023-01-01");
                              return Result<runtime::Measurement>(m);
                            })
                  .ok());
  auto held = Register(D(), county_, Village("341302100201"), std::nullopt);
  ASSERT_TRUE(held.ok());
  auto r = RankVillages(D(), county_, *RegionCode::Parse("341302100"), 2023, Level::kCounty);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->items.size(), 2u);  // the residents' committee is not a village
  EXPECT_EQ(r->items[0].region.str(), "341302100202");
  EXPECT_EQ(r->items[0].online_sales_fen, 500);
  EXPECT_EQ(r->items[0].rank, 1);
  EXPECT_EQ(r->items[1].designation_id, held->id);
  EXPECT_EQ(r->items[1].designation_status, State::kCandidate);
  EXPECT_EQ(r->quota, 0);  // the county set no 名额: ranked, nothing proposed
  EXPECT_FALSE(r->items[0].proposed);
  EXPECT_EQ(r->items[0].reason, "第1名（年网销额5.00元）；未设择优名额");
  {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(settings::PutParam(*c, *RegionCode::Parse("341302"), "designation.village_quota",
                                   "1", {1, 0})
                    .ok());
  }
  auto one = RankVillages(D(), county_, *RegionCode::Parse("341302100"), 2023, Level::kCounty);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->quota, 1);
  EXPECT_TRUE(one->items[0].proposed);
  EXPECT_FALSE(one->items[1].proposed);
  EXPECT_EQ(one->items[1].reason, "第2名（年网销额1.00元），超出1个名额");
  auto tried = RankVillages(D(), county_, *RegionCode::Parse("341302100"), 2023, Level::kCounty, 2);
  EXPECT_TRUE(tried->items[1].proposed);  // a quota given by staff overrides the parameter
  auto out = RankVillages(D(), town_, *RegionCode::Parse("341302100"), 2023, Level::kCounty);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, ErrorCode::kForbidden);
}

// 择优名额 (002 l.89): who is proposed for each quota, ties at the cut left to staff.
TEST(ProposeByQuota, TopNWithTiesAndVillagesWithoutSales) {
  struct Case {
    std::vector<std::optional<int64_t>> sales;  // sorted, highest first
    int quota;
    std::string proposed;  // one letter per village: y proposed, n not
    std::vector<int> ranks;
  };
  const std::vector<Case> cases = {
      {{900, 500, 100}, 2, "yyn", {1, 2, 3}},
      {{900, 500, 100}, 0, "nnn", {1, 2, 3}},           // no quota set: nothing proposed
      {{900, 500, 100}, 5, "yyy", {1, 2, 3}},           // a quota above the villages
      {{900, 500, 500, 100}, 2, "ynnn", {1, 2, 2, 4}},  // a tie across the cut: staff decide
      {{900, 500, 500, 100}, 3, "yyyn", {1, 2, 2, 4}},  // the tie fits
      {{900, 0, std::nullopt}, 3, "ynn", {1, 0, 0}},    // no sales: not ranked, not proposed
  };
  for (const auto& c : cases) {
    std::vector<RankedVillage> items;
    for (const auto& s : c.sales) {
      RankedVillage v;
      v.online_sales_fen = s;
      items.push_back(v);
    }
    ProposeByQuota(items, c.quota);
    std::string got;
    std::vector<int> ranks;
    for (const auto& v : items) {
      got += v.proposed ? 'y' : 'n';
      ranks.push_back(v.rank);
      EXPECT_FALSE(v.reason.empty());
    }
    EXPECT_EQ(got, c.proposed) << "quota " << c.quota;
    EXPECT_EQ(ranks, c.ranks) << "quota " << c.quota;
  }
  std::vector<RankedVillage> tie(3);
  tie[0].online_sales_fen = 900;
  tie[1].online_sales_fen = tie[2].online_sales_fen = 500;
  ProposeByQuota(tie, 2);
  EXPECT_EQ(tie[1].reason, "并列第2名（年网销额5.00元），2个村并列争剩余1个名额，请人工决定");
}

}  // namespace
}  // namespace ruralec::designation
