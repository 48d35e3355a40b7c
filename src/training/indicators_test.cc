// The training indicators (indicators.h): 人次 = attended (session, trainee) pairs, persons
// counted once, the poor-household subset through the audience, the trainee's home region.
#include "training/indicators.h"

#include "programme/indicators.h"
#include "training/test_fixture.h"

namespace ruralec::training {
namespace {

class TrainingIndicators : public testing::TrainingFixture {
 protected:
  void SetUp() override {
    TrainingFixture::SetUp();
    for (const auto& s : indicators::Sources())
      ASSERT_TRUE(registry_.Register(s.indicator, s.source, s.fn).ok());
  }
  runtime::Measurement Ask(const std::string& id, const std::string& region,
                           const std::string& from, const std::string& to,
                           std::map<std::string, std::string> params = {}) {
    auto c = tdb_.db().Acquire();
    auto m = registry_.Compute(*c, {id, *RegionCode::Parse(region), *CivilDate::Parse(from),
                                    *CivilDate::Parse(to), std::move(params)});
    EXPECT_TRUE(m.ok()) << m.error().message;
    return m.ok() ? *m : runtime::Measurement{};
  }
  int64_t NewSession(int64_t course, const std::string& name, const std::string& from,
                     const std::string& to) {
    auto s = CreateSession(D(), county_, Session(course, name, from, to));
    EXPECT_TRUE(s.ok()) << s.error().message;
    return s.ok() ? s->id : 0;
  }
  runtime::IndicatorRegistry registry_{programme::PlannedSource, programme::BaseUnitOf};
};

TEST_F(TrainingIndicators, PersonTimesCountAttendedSessionsNotDaysAndPersonsOnce) {
  auto c = CreateCourse(D(), county_, Course("农村电商培训"));
  ASSERT_TRUE(c.ok());
  int64_t s1 = NewSession(c->id, "第1期", "2023-03-01", "2023-03-03");
  int64_t s2 = NewSession(c->id, "第2期", "2023-09-01", "2023-09-02");
  TraineeInput poor = Person(0, "张三", "341302100201");
  poor.audiences = {"建档立卡贫困户"};
  auto a = RegisterTrainee(D(), county_, poor);
  auto b = RegisterTrainee(D(), county_, Person(1, "李芳", "341302101203"));
  auto e = RegisterTrainee(D(), county_, Person(2, "王五", "341302101203"));  // never attends
  ASSERT_TRUE(a.ok() && b.ok() && e.ok());
  int64_t ia = a->trainee.id, ib = b->trainee.id, ie = e->trainee.id;
  ASSERT_TRUE(Enrol(D(), county_, s1, {ia, ib, ie}).ok());
  ASSERT_TRUE(Enrol(D(), county_, s2, {ia}).ok());
  for (const char* day : {"2023-03-01", "2023-03-02", "2023-03-03"})
    ASSERT_TRUE(RecordDay(D(), county_, s1, *CivilDate::Parse(day), {ia, ib}).ok());
  ASSERT_TRUE(RecordDay(D(), county_, s2, CivilDate(2023, 9, 1), {ia}).ok());

  // Six attendance rows, three person-times (a at s1 and s2, b at s1), two persons.
  EXPECT_EQ(Ask("training_person_times", "341302", "2023-01-01", "2023-12-31").value, 3);
  EXPECT_EQ(Ask("training_trainees", "341302", "2023-01-01", "2023-12-31").value, 2);
  EXPECT_EQ(Ask("training_person_times", "341302", "2023-01-01", "2023-06-30").value, 2);
  // Home region: a lives in 符离镇 (341302100), b in 芦岭镇 (341302101).
  EXPECT_EQ(Ask("training_person_times", "341302100", "2023-01-01", "2023-12-31").value, 2);
  EXPECT_EQ(Ask("training_person_times", "341302101", "2023-01-01", "2023-12-31").value, 1);
  EXPECT_EQ(Ask("training_person_times", "341302", "2023-01-01", "2023-12-31",
                {{"audience", "registered_poor_household"}})
                .value,
            2);
  EXPECT_EQ(Ask("training_trainees", "341302", "2023-01-01", "2023-12-31",
                {{"audience", "建档立卡贫困户"}})
                .value,
            1);
  auto unknown =
      Ask("training_person_times", "341302", "2023-01-01", "2023-12-31", {{"audience", "外星人"}});
  EXPECT_EQ(unknown.status, runtime::Measurement::Status::kNoDataSource);
}

TEST_F(TrainingIndicators, LeadersAreTraineesWithALeaderOutcomeInThePeriod) {
  auto a = RegisterTrainee(D(), county_, Person(0, "张三", "341302100201"));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(Ask("ecommerce_leaders", "341302", "2023-01-01", "2023-12-31").value, 0);
  for (const char* day : {"2023-05-01", "2023-06-01"}) {
    auto o = RecordOutcome(D(), county_, a->trainee.id,
                           {"认定为电商带头人", *CivilDate::Parse(day), std::nullopt, "认定文件"});
    ASSERT_TRUE(o.ok()) << o.error().message;
  }
  EXPECT_EQ(RecordOutcome(D(), town_, a->trainee.id, {"leader", CivilDate(2023, 5, 1), {}, ""})
                .error()
                .code,
            ErrorCode::kNotFound);  // another town's trainee
  EXPECT_EQ(Ask("ecommerce_leaders", "341302", "2023-01-01", "2023-12-31").value, 1);
  EXPECT_EQ(Ask("ecommerce_leaders", "341302101", "2023-01-01", "2023-12-31").value, 0);
}

TEST_F(TrainingIndicators, ConversionCountsBusinessOutcomesWithinTheWindow) {
  auto c = CreateCourse(D(), county_, Course("网店运营培训"));
  ASSERT_TRUE(c.ok());
  int64_t s1 = NewSession(c->id, "第1期", "2023-03-01", "2023-03-03");
  std::vector<int64_t> ids;
  for (int i = 0; i < 2; ++i) {
    auto t = RegisterTrainee(D(), county_, Person(i, "学员" + std::to_string(i), "341302100201"));
    ASSERT_TRUE(t.ok());
    ids.push_back(t->trainee.id);
  }
  ASSERT_TRUE(Enrol(D(), county_, s1, ids).ok());
  ASSERT_TRUE(RecordDay(D(), county_, s1, CivilDate(2023, 3, 3), ids).ok());
  auto none = Ask("training_conversion_rate", "341302101", "2023-01-01", "2023-12-31");
  EXPECT_EQ(none.status, runtime::Measurement::Status::kNoDataSource);
  // 学员0 opened a shop five months after the course; 学员1 only became a leader.
  ASSERT_TRUE(
      RecordOutcome(D(), county_, ids[0], {"开设网店", CivilDate(2023, 8, 1), std::nullopt, ""})
          .ok());
  ASSERT_TRUE(
      RecordOutcome(D(), county_, ids[1], {"leader", CivilDate(2023, 8, 1), std::nullopt, ""})
          .ok());
  auto m = Ask("training_conversion_rate", "341302", "2023-01-01", "2023-12-31");
  EXPECT_EQ(m.value, 5000);
  EXPECT_EQ(m.numerator, 1);
  EXPECT_EQ(m.denominator, 2);
  EXPECT_EQ(Ask("training_conversion_rate", "341302", "2023-01-01", "2023-12-31", {{"months", "3"}})
                .value,
            0);
}

}  // namespace
}  // namespace ruralec::training
