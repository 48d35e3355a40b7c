// Reported values (reporting.h): scope, replace-or-version, maker-checker, evidence, and what the
// registry's provider answers (only confirmed reports, exact region and params, the quarter).
#include "reporting/reporting.h"

#include <gtest/gtest.h>

#include "account/roles.h"
#include "programme/module.h"
#include "region/region.h"
#include "region/testing.h"
#include "reporting/module.h"
#include "runtime/testing.h"
#include "storage/testing.h"

namespace ruralec::reporting {
namespace {

constexpr char kPdf[] = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\ntrailer\n%%EOF\n";

// County 341302 with towns 341302100 and 341302101. Clock 2023-11-15 (Asia/Shanghai).
class ReportingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(
        runtime::testing::InstallGrants({&programme::ModuleDef(), &reporting::ModuleDef()}).ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    county_ = runtime::testing::PrincipalWithRole("341302", "county_staff", 1);
    county2_ = runtime::testing::PrincipalWithRole("341302", "county_staff", 2);
    town_ = runtime::testing::PrincipalWithRole("341302100", "town_staff", 3);
    other_town_ = runtime::testing::PrincipalWithRole("341302101", "town_staff", 4);
  }
  Deps D() { return {tdb_.db(), audit_, clock_}; }
  static ReportInput Road(const std::string& region, int64_t metres,
                          const std::string& period = "2023Q3") {
    ReportInput in;
    in.indicator = "rural_road_km";
    in.region = *RegionCode::Parse(region);
    in.period = period;
    in.value = metres;
    return in;
  }
  int64_t Count(const std::string& sql) {
    auto c = tdb_.db().Acquire();
    return c->QueryOne(sql, {}, "count")->Int(0);
  }
  // Submits, attaches evidence and confirms by `checker`.
  Report Confirmed(const ReportInput& in, const account::Principal& maker,
                   const account::Principal& checker) {
    auto s = Submit(D(), maker, in);
    EXPECT_TRUE(s.ok()) << s.error().message;
    EXPECT_TRUE(AddFile(D(), maker, s->report.id, "证明.pdf", kPdf).ok());
    auto r = Confirm(D(), checker, s->report.id);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return *r;
  }
  // What the registry's provider answers for rural_road_km over [from, to].
  runtime::Measurement Answer(const std::string& region, const std::string& from,
                              const std::string& to,
                              const std::string& indicator = "rural_road_km") {
    auto c = tdb_.db().Acquire();
    auto all = ReportedValues(*c, {{indicator,
                                    {*RegionCode::Parse(region)},
                                    *CivilDate::Parse(from),
                                    *CivilDate::Parse(to),
                                    {}}});
    EXPECT_TRUE(all.ok());
    return all->at(0).at(0);
  }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  account::Principal county_, county2_, town_, other_town_;
};

TEST_F(ReportingTest, ATownClerkReportsForTheirOwnTownOnly) {
  EXPECT_TRUE(Submit(D(), town_, Road("341302100", 1500)).ok());
  EXPECT_EQ(Submit(D(), town_, Road("341302101", 1500)).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(Submit(D(), town_, Road("341302", 1500)).error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(Submit(D(), county_, Road("341302101", 800)).ok());
  EXPECT_EQ(Submit(D(), county_, Road("341302102", 800)).error().field, "region_code");
  // The other town's clerk neither sees nor decides town 100's report.
  auto page = List(D(), other_town_, {}, PageRequest{});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 1);  // their own town's (entered by the county)
  EXPECT_EQ(Get(D(), other_town_, 1).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Confirm(D(), other_town_, 1).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'report.submit'"), 2);
}

TEST_F(ReportingTest, ResubmitReplacesThePendingVersionElseMakesANewOne) {
  auto a = Submit(D(), town_, Road("341302100", 1500));
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->replaced);
  auto b = Submit(D(), county_, Road("341302100", 1600));
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b->replaced);
  EXPECT_EQ(b->report.id, a->report.id);
  EXPECT_EQ(b->report.value, 1600);
  EXPECT_EQ(b->report.reported_by, county_.id.value);
  Report c = Confirmed(Road("341302100", 1700), town_, county_);  // replaces, then confirmed
  EXPECT_EQ(c.id, a->report.id);
  EXPECT_EQ(c.version, 1);
  Report d = Confirmed(Road("341302100", 2100), town_, county2_);  // a new version
  EXPECT_EQ(d.version, 2);
  auto old = Get(D(), county_, c.id);
  EXPECT_EQ(old->status, State::kSuperseded);
  EXPECT_EQ(Answer("341302100", "2023-01-01", "2023-11-15").value, 2100);
  auto versions = Versions(D(), county_, c.id);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ(versions->at(0).version, 2);
}

TEST_F(ReportingTest, MakerCheckerEvidenceAndReasons) {
  auto s = Submit(D(), town_, Road("341302100", 1500));
  ASSERT_TRUE(s.ok());
  int64_t id = s->report.id;
  EXPECT_EQ(Confirm(D(), county_, id).error().field, "file");  // no evidence yet
  EXPECT_EQ(AddFile(D(), town_, id, "照片.pdf", "not a pdf").error().field, "file");
  ASSERT_TRUE(AddFile(D(), town_, id, "证明.pdf", kPdf).ok());
  EXPECT_EQ(Confirm(D(), town_, id).error().code, ErrorCode::kForbidden);  // own report
  EXPECT_EQ(Reject(D(), town_, id, "写错了").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(Reject(D(), county_, id, "  ").error().field, "reason");
  auto rejected = Reject(D(), county_, id, "里程与台账不符");
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->status, State::kRejected);
  EXPECT_EQ(rejected->decided_name, "county_staff");
  EXPECT_EQ(Confirm(D(), county2_, id).error().code, ErrorCode::kConflict);  // decided
  EXPECT_EQ(Answer("341302100", "2023-01-01", "2023-11-15").status,
            runtime::Measurement::Status::kNoDataSource);
  auto again = Submit(D(), town_, Road("341302100", 1400));
  EXPECT_EQ(again->report.version, 2);  // a rejected version stays; the new one is pending
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'report.reject'"), 1);
}

TEST_F(ReportingTest, OnlyConfirmedReportsOfTheRegionAndPeriodAnswer) {
  auto pending = Submit(D(), town_, Road("341302100", 999, "2023Q4"));
  ASSERT_TRUE(pending.ok());
  Confirmed(Road("341302100", 1200, "2023Q2"), town_, county_);
  Confirmed(Road("341302100", 1500, "2023Q3"), town_, county_);
  struct Want {
    const char* region;
    const char* from;
    const char* to;
    std::optional<int64_t> value;
  };
  const Want wants[] = {
      {"341302100", "2023-01-01", "2023-11-15", 1500},          // Q4 pending: the latest confirmed
      {"341302100", "2023-01-01", "2023-06-30", 1200},          // as of Q2's end
      {"341302100", "2023-01-01", "2023-03-31", std::nullopt},  // nothing reported for Q1
      {"341302100", "2023-08-01", "2023-08-31", 1500},          // a range inside Q3
      {"341302", "2023-01-01", "2023-11-15", std::nullopt},     // never summed over towns
      {"341302101", "2023-01-01", "2023-11-15", std::nullopt},  // another town
  };
  for (const Want& w : wants) {
    SCOPED_TRACE(std::string(w.region) + " " + w.from + ".." + w.to);
    runtime::Measurement m = Answer(w.region, w.from, w.to);
    EXPECT_EQ(m.value, w.value);
    if (w.value) {
      ASSERT_TRUE(m.reported);
      EXPECT_EQ(m.reported->reported_by, "town_staff");
      EXPECT_EQ(m.reported->confirmed_by, "county_staff");
    } else {
      EXPECT_FALSE(m.reason.empty());
    }
  }
  // Not reportable: no answer and no reason (the computation's reason stays).
  runtime::Measurement sales =
      Answer("341302100", "2023-01-01", "2023-11-15", "rural_online_sales");
  EXPECT_FALSE(sales.value);
  EXPECT_TRUE(sales.reason.empty());
}

TEST_F(ReportingTest, ParamsMustMatchTheQuery) {
  ReportInput in = Road("341302", 3000);
  in.params = {{"scope", "new"}};
  Confirmed(in, county_, county2_);
  auto c = tdb_.db().Acquire();
  auto ask = [&](std::map<std::string, std::string> params) {
    auto all = ReportedValues(*c, {{"rural_road_km",
                                    {*RegionCode::Parse("341302")},
                                    CivilDate(2023, 1, 1),
                                    CivilDate(2023, 11, 15),
                                    std::move(params)}});
    return all->at(0).at(0).value;
  };
  EXPECT_EQ(ask({{"scope", "new"}}), 3000);
  EXPECT_EQ(ask({{"scope", "new"}, {"extra", ""}}), 3000);  // empty values are no params
  EXPECT_EQ(ask({}), std::nullopt);
  EXPECT_EQ(ask({{"scope", "upgraded"}}), std::nullopt);
}

}  // namespace
}  // namespace ruralec::reporting
