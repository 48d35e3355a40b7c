// Station assessment (assessment.h): the total's rounding, period labels, template rules, the
// pass mark, scope, and the follow-up of a failed assessment (an exit only when confirmed).
#include "station/assessment.h"

#include "station/test_fixture.h"

namespace ruralec::station {
namespace {

TEST(AssessmentTotal, EachItemIsItsShareOfItsWeightRoundedHalfUp) {
  std::vector<TemplateItem> items = {{1, "a", 50, 100}, {2, "b", 30, 7}, {3, "c", 20, 3}};
  // 80/100×50 = 40.00; 5/7×30 = 21.428… → 21.43; 1/3×20 = 6.666… → 6.67
  EXPECT_EQ(TotalCenti(items, {{1, 80}, {2, 5}, {3, 1}}), 4000 + 2143 + 667);
  EXPECT_EQ(TotalCenti(items, {{1, 100}, {2, 7}, {3, 3}}), 10000);
  EXPECT_EQ(TotalCenti(items, {}), 0);
  // half up: 1/8 × 1 point = 0.125 → 0.13
  EXPECT_EQ(TotalCenti({{1, "x", 1, 8}}, {{1, 1}}), 13);
}

TEST(AssessmentPeriod, LabelsFollowTheTemplatesKind) {
  EXPECT_EQ(*PeriodStart(PeriodKind::kYear, "2025"), (CivilDate{2025, 1, 1}));
  EXPECT_EQ(*PeriodStart(PeriodKind::kHalf, "2025-H2"), (CivilDate{2025, 7, 1}));
  EXPECT_EQ(*PeriodStart(PeriodKind::kQuarter, "2025-Q3"), (CivilDate{2025, 7, 1}));
  EXPECT_EQ(*PeriodStart(PeriodKind::kMonth, "2025-06"), (CivilDate{2025, 6, 1}));
  for (auto [k, p] :
       std::vector<std::pair<PeriodKind, const char*>>{{PeriodKind::kYear, "2025-Q1"},
                                                       {PeriodKind::kHalf, "2025-H3"},
                                                       {PeriodKind::kQuarter, "2025-Q5"},
                                                       {PeriodKind::kMonth, "2025-13"},
                                                       {PeriodKind::kMonth, "25-01"},
                                                       {PeriodKind::kYear, "1999"}}) {
    auto r = PeriodStart(k, p);
    ASSERT_FALSE(r.ok()) << p;
    EXPECT_EQ(r.error().field, "period");
  }
}

class AssessmentTest : public testing::StationFixture {
 protected:
  void SetUp() override {
    StationFixture::SetUp();
    auto s = Register(D(), county_, Village("341302101203", "芦岭站"),
                      At(StationStatus::kOperating, "2023-01-01"));
    ASSERT_TRUE(s.ok()) << s.error().message;
    station_ = s->id;
    auto t = CreateTemplate(D(), county_, tpl_input());
    ASSERT_TRUE(t.ok()) << t.error().message;
    tpl_ = *t;
  }
  AssessmentInput Scores(int64_t a, int64_t b, std::string period = "2023") {
    return {tpl_.id,
            std::move(period),
            std::nullopt,
            {{tpl_.items[0].id, a, ""}, {tpl_.items[1].id, b, ""}},
            ""};
  }
  static TemplateInput tpl_input() {
    return {"年度考核", PeriodKind::kYear, 60, {{0, "服务量", 60, 100}, {0, "满意度", 40, 10}}};
  }
  int64_t station_ = 0;
  AssessmentTemplate tpl_;
};

TEST_F(AssessmentTest, TemplatesAreCountySettingsWhoseWeightsSumTo100) {
  TemplateInput bad{"坏", PeriodKind::kYear, 60, {{0, "a", 60, 10}, {0, "b", 30, 10}}};
  EXPECT_EQ(CreateTemplate(D(), county_, bad).error().field, "items");
  bad.items[1].weight = 40;
  bad.items[1].max_score = 0;
  EXPECT_EQ(CreateTemplate(D(), county_, bad).error().field, "items");
  bad.items[1].max_score = 10;
  bad.pass_mark = 101;
  EXPECT_EQ(CreateTemplate(D(), county_, bad).error().field, "pass_mark");
  EXPECT_EQ(CreateTemplate(D(), town_, tpl_input()).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(CreateTemplate(D(), county_, tpl_input()).error().code, ErrorCode::kConflict);
}

TEST_F(AssessmentTest, TotalAndPassAreComputedAndTheTemplateFreezes) {
  auto a = Assess(D(), town_, station_, Scores(50, 8));  // 30 + 32 = 62
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->total_centi, 6200);
  EXPECT_TRUE(a->passed);
  ASSERT_EQ(a->scores.size(), 2u);
  EXPECT_EQ(a->scores[1].item_name, "满意度");
  EXPECT_EQ(Assess(D(), town_, station_, Scores(1, 1)).error().code, ErrorCode::kConflict);
  EXPECT_EQ(Assess(D(), town_, station_, Scores(101, 1, "2022")).error().field, "scores");
  EXPECT_EQ(Assess(D(), town_, station_, Scores(1, 1, "2024")).error().field, "period");
  auto frozen = UpdateTemplate(D(), county_, tpl_.id, tpl_input());
  EXPECT_EQ(frozen.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'station.assessment'"), 1);
}

TEST_F(AssessmentTest, AnotherTownsStaffCannotAssessOrSeeTheStation) {
  account::Principal other = MakePrincipal("341302100", "town_staff");
  EXPECT_EQ(Assess(D(), other, station_, Scores(50, 8)).error().code, ErrorCode::kNotFound);
  account::Principal auditor = MakePrincipal("341302", "auditor");
  EXPECT_EQ(Assess(D(), auditor, station_, Scores(50, 8)).error().code, ErrorCode::kForbidden);
}

TEST_F(AssessmentTest, AFailedAssessmentExitsTheStationOnlyWhenStaffConfirm) {
  auto a = Assess(D(), county_, station_, Scores(10, 1));  // 6 + 4 = 10
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->passed);
  auto p = OpenFollowup(D(), county_, a->id, {Followup::kExit, std::nullopt, "不合格"});
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->followup_status, "proposed");
  EXPECT_EQ(Get(D(), county_, station_)->status, StationStatus::kOperating);
  auto w = DecideExit(D(), county_, a->id, false, {});
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->followup_status, "withdrawn");
  EXPECT_EQ(Get(D(), county_, station_)->status, StationStatus::kOperating);
  EXPECT_EQ(DecideExit(D(), county_, a->id, true, At(StationStatus::kExited, "2023-11-10", "文"))
                .error()
                .code,
            ErrorCode::kConflict);
}

TEST_F(AssessmentTest, ARankingSharesRanksOnEqualTotals) {
  auto s2 = Register(D(), county_, Village("341302101203", "芦岭二站"),
                     At(StationStatus::kOperating, "2023-01-01"));
  auto s3 = Register(D(), county_, Village("341302100201", "沈圩站"),
                     At(StationStatus::kOperating, "2023-01-01"));
  ASSERT_TRUE(s2.ok() && s3.ok());
  ASSERT_TRUE(Assess(D(), county_, station_, Scores(50, 5)).ok());
  ASSERT_TRUE(Assess(D(), county_, s2->id, Scores(50, 5)).ok());
  ASSERT_TRUE(Assess(D(), county_, s3->id, Scores(90, 9)).ok());
  auto county = Ranking(D(), county_, {}, tpl_.id, "2023");
  ASSERT_TRUE(county.ok()) << county.error().message;
  ASSERT_EQ(county->size(), 3u);
  EXPECT_EQ((*county)[0].a.station_id, s3->id);
  EXPECT_EQ((*county)[1].rank, 2);
  EXPECT_EQ((*county)[2].rank, 2);
  auto town = Ranking(D(), town_, {}, tpl_.id, "2023");
  ASSERT_TRUE(town.ok());
  EXPECT_EQ(town->size(), 2u);
}

// The award engine's read (003 R03's data): each station's latest assessment of the year.
TEST_F(AssessmentTest, AssessmentsInYearGiveEachStationsLatestTotal) {
  ASSERT_TRUE(Assess(D(), county_, station_, Scores(50, 5)).ok());  // 30 + 20
  auto c = tdb_.db().Acquire();
  auto rows = AssessmentsInYear(*c, *RegionCode::Parse("341302"), 2023);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].station_id, station_);
  EXPECT_EQ((*rows)[0].total_centi, 5000);
  EXPECT_FALSE((*rows)[0].passed);
  EXPECT_TRUE(AssessmentsInYear(*c, *RegionCode::Parse("341302"), 2022)->empty());
}

}  // namespace
}  // namespace ruralec::station
