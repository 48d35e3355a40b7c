// Follow-up settings and reminders (followup.h), the conversion rate reading the county's
// settings and a target's params, and person-times by child region and level (matrix.h). The
// clock stands at 2023-11-15.
#include "training/followup.h"

#include "programme/indicators.h"
#include "training/indicators.h"
#include "training/matrix.h"
#include "training/test_fixture.h"

namespace ruralec::training {
namespace {

class FollowUpTest : public testing::TrainingFixture {
 protected:
  void SetUp() override {
    TrainingFixture::SetUp();
    for (const auto& s : indicators::Sources())
      ASSERT_TRUE(registry_.Register(s.indicator, s.source, s.fn).ok());
    auto c = CreateCourse(D(), county_, Course("网店运营培训"));
    ASSERT_TRUE(c.ok()) << c.error().message;
    course_ = c->id;
  }
  // A session of the course with trainees `people` (index into kIds, all of 341302101203 when
  // `far`, else 341302100201), every one present on its first day.
  int64_t Held(const std::string& name, const std::string& from, const std::string& to,
               std::vector<int> people, bool far = false) {
    auto s = CreateSession(D(), county_, Session(course_, name, from, to));
    EXPECT_TRUE(s.ok()) << s.error().message;
    std::vector<int64_t> ids;
    for (int i : people) {
      auto t = RegisterTrainee(
          D(), county_,
          Person(i, "学员" + std::to_string(i), far ? "341302101203" : "341302100201"));
      EXPECT_TRUE(t.ok()) << t.error().message;
      ids.push_back(t->trainee.id);
      trainee_[i] = t->trainee.id;
    }
    EXPECT_TRUE(Enrol(D(), county_, s->id, ids).ok());
    EXPECT_TRUE(RecordDay(D(), county_, s->id, *CivilDate::Parse(from), ids).ok());
    return s->id;
  }
  runtime::Measurement Rate(std::map<std::string, std::string> params = {}) {
    auto c = tdb_.db().Acquire();
    auto m =
        registry_.Compute(*c, {"training_conversion_rate", *RegionCode::Parse("341302"),
                               CivilDate(2023, 1, 1), CivilDate(2023, 12, 31), std::move(params)});
    EXPECT_TRUE(m.ok()) << m.error().message;
    return m.ok() ? *m : runtime::Measurement{};
  }
  ConversionSettings Settings(std::vector<std::string> kinds, int months, int days) {
    ConversionSettings s;
    s.county = *RegionCode::Parse("341302");
    s.kinds = std::move(kinds);
    s.months = months;
    s.reminder_days = days;
    s.reference = "埇人社〔2023〕5号";
    return s;
  }
  int64_t course_ = 0;
  std::map<int, int64_t> trainee_;
  runtime::IndicatorRegistry registry_{programme::PlannedSource, programme::BaseUnitOf};
};

TEST_F(FollowUpTest, CountySettingsDecideWhatCountsAndTargetParamsOverrideThem) {
  Held("第1期", "2023-03-01", "2023-03-02", {0, 1});
  ASSERT_TRUE(
      RecordOutcome(D(), county_, trainee_[0], {"开设网店", CivilDate(2023, 8, 1), {}, ""}).ok());
  ASSERT_TRUE(
      RecordOutcome(D(), county_, trainee_[1], {"leader", CivilDate(2023, 8, 1), {}, ""}).ok());
  auto def = GetSettings(D(), town_, *RegionCode::Parse("341302"));
  ASSERT_TRUE(def.ok()) << def.error().message;
  EXPECT_TRUE(def->is_default);
  EXPECT_EQ(def->months, 12);
  EXPECT_EQ(Rate().numerator, 1);  // the defaults: a shop counts, a leader does not

  // The county counts 带头人 too, within 6 months.
  EXPECT_EQ(SetSettings(D(), town_, Settings({"leader"}, 6, 60)).error().code,
            ErrorCode::kForbidden);  // town staff do not set the county's rule
  EXPECT_EQ(SetSettings(D(), county_, Settings({"开店"}, 6, 60)).error().field, "kinds");
  EXPECT_EQ(SetSettings(D(), county_, Settings({"leader"}, 61, 60)).error().field, "months");
  auto set = SetSettings(D(), county_, Settings({"opened_shop", "认定为电商带头人"}, 6, 60));
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_FALSE(set->is_default);
  EXPECT_EQ(set->kinds, (std::vector<std::string>{"opened_shop", "leader"}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'training.settings'"), 1);
  EXPECT_EQ(Rate().numerator, 2);
  EXPECT_EQ(Rate().value, 10000);
  // A programme's target states its own rule: only shops, within 3 months (none).
  EXPECT_EQ(Rate({{"kinds", "开设网店"}}).numerator, 1);
  EXPECT_EQ(Rate({{"kinds", "opened_shop"}, {"months", "3"}}).numerator, 0);
  EXPECT_EQ(Rate({{"kinds", "开店"}}).status, runtime::Measurement::Status::kNoDataSource);
}

TEST_F(FollowUpTest, TrainersAndTownStaffSeeWhoIsDueForAFollowUp) {
  // Ended 2023-06-02 (166 days before 2023-11-15), 2023-10-02 (44 days), 2022-09-02 (outside
  // the 12-month window).
  Held("第1期", "2023-06-01", "2023-06-02", {0, 1});
  Held("第2期", "2023-10-01", "2023-10-02", {2});
  Held("第0期", "2022-09-01", "2022-09-02", {3}, true);
  Held("第3期", "2023-05-01", "2023-05-02", {4}, true);
  ASSERT_TRUE(
      RecordOutcome(D(), county_, trainee_[1], {"employed", CivilDate(2023, 7, 1), {}, ""}).ok());
  auto due = DueForFollowUp(D(), county_, std::nullopt, std::nullopt, {1, 20});
  ASSERT_TRUE(due.ok()) << due.error().message;
  ASSERT_EQ(due->total, 2);  // 学员4 (第3期) and 学员0 (第1期): 90 days and more, no outcome
  EXPECT_EQ(due->items[0].name, "学员4");
  EXPECT_EQ(due->items[0].region_name, "芦岭村民委员会");
  EXPECT_EQ(due->items[1].trainee_id, trainee_[0]);
  EXPECT_EQ(due->items[1].days_since_end, 166);
  EXPECT_EQ(due->items[1].session_name, "第1期");
  // The town sees its own trainee only; the trainer of the sessions sees theirs; "other" none.
  auto town = DueForFollowUp(D(), town_, std::nullopt, std::nullopt, {1, 20});
  ASSERT_TRUE(town.ok());
  ASSERT_EQ(town->total, 1);
  EXPECT_EQ(town->items[0].name, "学员4");
  EXPECT_EQ(DueForFollowUp(D(), teacher_, std::nullopt, std::nullopt, {1, 20})->total, 2);
  EXPECT_EQ(DueForFollowUp(D(), other_, std::nullopt, std::nullopt, {1, 20})->total, 0);
  // A shorter reminder brings 第2期 in; the county's setting does the same.
  EXPECT_EQ(DueForFollowUp(D(), county_, std::nullopt, 30, {1, 20})->total, 3);
  ASSERT_TRUE(SetSettings(D(), county_, Settings({"opened_shop"}, 12, 30)).ok());
  EXPECT_EQ(DueForFollowUp(D(), county_, std::nullopt, std::nullopt, {1, 20})->total, 3);
}

TEST_F(FollowUpTest, PersonTimesByTownAndLevel) {
  Held("第1期", "2023-06-01", "2023-06-02", {0, 1});
  Held("第2期", "2023-07-01", "2023-07-02", {0, 4}, true);  // 学员0 again: a second person-time
  auto elite = CreateCourse(D(), county_, Course("精英班培训", "精英班"));
  ASSERT_TRUE(elite.ok());
  course_ = elite->id;
  Held("精英1期", "2023-08-01", "2023-08-01", {2});
  Held("去年", "2022-08-01", "2022-08-01", {3});
  auto m = PersonTimesByChild(D(), county_, *RegionCode::Parse("341302"), 2023);
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->rows.size(), 2u);  // the county's two towns
  EXPECT_EQ(m->rows[0].region_code, "341302100000");
  EXPECT_EQ(m->rows[0].by_level.at("beginner"), 3);  // 学员0 twice, 学员1
  EXPECT_EQ(m->rows[0].by_level.at("elite"), 1);
  EXPECT_EQ(m->rows[0].total, 4);
  EXPECT_EQ(m->rows[1].by_level.at("beginner"), 1);  // 学员4
  EXPECT_EQ(m->total, 5);
  EXPECT_EQ(m->levels.at(0).value, "awareness");
  EXPECT_EQ(PersonTimesByChild(D(), teacher_, *RegionCode::Parse("341302"), 2023).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(
      PersonTimesByChild(D(), county_, *RegionCode::Parse("341302100201"), 2023).error().field,
      "region_code");
}

}  // namespace
}  // namespace ruralec::training
