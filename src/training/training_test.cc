#include "training/training.h"

#include "households/households.h"
#include "training/test_fixture.h"

namespace ruralec::training {
namespace {

using testing::kIds;

class TrainingTest : public testing::TrainingFixture {
 protected:
  // A county course with one session (2023-11-01..03) taught by "teacher".
  void SetUpSession() {
    auto c = CreateCourse(D(), county_, Course("农村电商初级培训"));
    ASSERT_TRUE(c.ok()) << c.error().message;
    course_ = c->id;
    auto s = CreateSession(D(), county_, Session(course_, "第1期", "2023-11-01", "2023-11-03"));
    ASSERT_TRUE(s.ok()) << s.error().message;
    session_ = s->id;
  }
  int64_t Register(int i, const std::string& name, const std::string& village) {
    auto r = RegisterTrainee(D(), county_, Person(i, name, village));
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r->trainee.id : 0;
  }
  int64_t course_ = 0, session_ = 0;
};

TEST_F(TrainingTest, CourseNormalizesDictionariesAndNamesFieldsInErrors) {
  auto c = CreateCourse(D(), county_, Course("直播带货初级班"));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->level, "beginner");
  EXPECT_EQ(c->level_label, "初级班");
  EXPECT_EQ(c->tags, (std::vector<std::string>{"shop_operation", "livestream_selling"}));
  EXPECT_EQ(c->organiser_name, "埇桥区人社局");

  CourseInput bad = Course("另一门课", "博士班");
  auto r = CreateCourse(D(), county_, bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "level");
  bad = Course("另一门课");
  bad.organiser_name = "";
  r = CreateCourse(D(), county_, bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "organiser_name");
  r = CreateCourse(D(), county_, Course("直播带货初级班"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'training.course.create'"), 1);
}

TEST_F(TrainingTest, CountyAddedLevelIsAcceptedOnlyInThatCounty) {
  ASSERT_TRUE(AddDictValue(D(), county_, "training_levels", {"master", "高级研修班", false}).ok());
  auto c = CreateCourse(D(), county_, Course("研修", "高级研修班"));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->level, "master");
  EXPECT_FALSE(AddDictValue(D(), town_, "training_levels", {"x", "某班", false}).ok());
}

TEST_F(TrainingTest, SessionNeedsTrainerAccountsAndSaneDates) {
  SetUpSession();
  auto s = GetSession(D(), county_, session_);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->trainers.size(), 1u);
  EXPECT_EQ(s->trainers[0].username, "teacher");

  auto bad = CreateSession(D(), county_, Session(course_, "第2期", "2023-11-05", "2023-11-04"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "ends_on");
  bad = CreateSession(D(), county_,
                      Session(course_, "第2期", "2023-11-05", "2023-11-06", {"county_staff"}));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "trainers");
  bad = CreateSession(D(), county_, Session(course_, "第1期", "2023-11-05", "2023-11-06"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kConflict);
}

TEST_F(TrainingTest, OnePersonIsOneTraineeWithFactsFromTheIdAndNothingInClear) {
  auto a = RegisterTrainee(D(), county_, Person(1, "李芳", "341302100201"));
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_TRUE(a->created);
  EXPECT_EQ(a->trainee.gender, "f");
  EXPECT_EQ(a->trainee.birth_date, CivilDate(1985, 12, 12));
  EXPECT_EQ(a->trainee.id_masked, "341302********0028");
  // The same ID again (another session, another year): the same trainee, nothing added.
  auto again = RegisterTrainee(D(), county_, Person(1, "李芳", "341302100201"));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->trainee.id, a->trainee.id);
  auto other_name = RegisterTrainee(D(), county_, Person(1, "王五", "341302100201"));
  ASSERT_FALSE(other_name.ok());
  EXPECT_EQ(other_name.error().field, "name");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_trainees"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_trainees WHERE id_enc LIKE '%1985%'"), 0);

  TraineeInput bad = Person(0, "张三", "341302100201");
  bad.id_number = "341302199002290013";  // 1990-02-29 does not exist
  auto r = RegisterTrainee(D(), county_, bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "id_number");
  auto plain = RevealIdNumber(D(), county_, a->trainee.id);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, kIds[1]);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'pii.view'"), 1);
}

TEST_F(TrainingTest, TownStaffSeeTheirTownsTraineesTrainersTheirSessionsAuditorsOnlyRead) {
  SetUpSession();
  int64_t fuli = Register(0, "张三", "341302100201");
  int64_t luling = Register(1, "李芳", "341302101203");
  ASSERT_TRUE(Enrol(D(), county_, session_, {fuli, luling}).ok());

  auto town = ListTrainees(D(), town_, {}, {});
  ASSERT_TRUE(town.ok());
  ASSERT_EQ(town->total, 1);
  EXPECT_EQ(town->items[0].id, luling);
  EXPECT_EQ(GetTrainee(D(), town_, fuli).error().code, ErrorCode::kNotFound);

  auto mine = ListSessions(D(), teacher_, {}, {});
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->total, 1);
  EXPECT_EQ(ListSessions(D(), other_, {}, {})->total, 0);
  EXPECT_EQ(ListCourses(D(), other_, {}, {})->total, 0);
  EXPECT_EQ(GetSession(D(), other_, session_).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(ListTrainees(D(), teacher_, {}, {})->total, 2);
  EXPECT_EQ(ListTrainees(D(), other_, {}, {})->total, 0);

  // Town staff see the county's session, only their town's rows of it.
  auto rows = SessionAttendance(D(), town_, session_, {});
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->total, 1);
  EXPECT_EQ(rows->items[0].trainee_id, luling);
  EXPECT_EQ(SessionAttendance(D(), teacher_, session_, {})->total, 2);

  EXPECT_EQ(ListCourses(D(), auditor_, {}, {})->total, 1);
  EXPECT_EQ(CreateCourse(D(), auditor_, Course("审计不能建")).error().code, ErrorCode::kForbidden);
  auto day = RecordDay(D(), auditor_, session_, CivilDate(2023, 11, 1), {fuli});
  EXPECT_EQ(day.error().code, ErrorCode::kForbidden);
}

TEST_F(TrainingTest, AttendanceIsOneRowPerTraineePerDayWithinTheSessionAndCapacityHolds) {
  SetUpSession();
  std::vector<int64_t> ids;
  for (int i = 0; i < 4; ++i)
    ids.push_back(Register(i, "学员" + std::to_string(i), "341302100201"));
  auto full = Enrol(D(), county_, session_, ids);
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.error().code, ErrorCode::kConflict);  // capacity 3
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_enrolments"), 0);
  ASSERT_TRUE(Enrol(D(), county_, session_, {ids[0], ids[1]}).ok());

  auto d1 = RecordDay(D(), teacher_, session_, CivilDate(2023, 11, 1), {ids[0], ids[1]});
  ASSERT_TRUE(d1.ok()) << d1.error().message;
  EXPECT_EQ(d1->added, 2);
  auto again = RecordDay(D(), teacher_, session_, CivilDate(2023, 11, 1), {ids[0]});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->added, 0);
  EXPECT_EQ(again->removed, 1);
  ASSERT_TRUE(RecordDay(D(), teacher_, session_, CivilDate(2023, 11, 2), {ids[0]}).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_attendance WHERE source = 'phone'"), 2);

  auto outside = RecordDay(D(), teacher_, session_, CivilDate(2023, 11, 4), {ids[0]});
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().field, "day");
  auto stranger = RecordDay(D(), teacher_, session_, CivilDate(2023, 11, 3), {ids[2]});
  ASSERT_FALSE(stranger.ok());
  EXPECT_EQ(stranger.error().field, "present");
  EXPECT_EQ(RecordDay(D(), other_, session_, CivilDate(2023, 11, 3), {ids[0]}).error().code,
            ErrorCode::kNotFound);

  auto rows = SessionAttendance(D(), teacher_, session_, {});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->items.size(), 2u);
  EXPECT_EQ(rows->items[0].days, (std::vector<std::string>{"2023-11-01", "2023-11-02"}));
  EXPECT_TRUE(rows->items[1].days.empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'training.attendance'"), 3);
}

// Training counts as help for the household its trainee heads (households' coverage): a trainee
// registered before the household is linked by the keyed link command, once; others are not.
TEST_F(TrainingTest, TraineesRegisteredBeforeTheirHouseholdAreLinkedByTheCommand) {
  int64_t zhang = Register(0, "张三", "341302100201");
  int64_t li = Register(1, "李芳", "341302100201");
  account::Principal clerk = county_;
  clerk.permissions.insert({"household:edit", "household:read"});
  households::HouseholdInput h;
  h.region = *RegionCode::Parse("341302100201");
  h.head_name = "张三";
  h.id_number = kIds[0];
  auto hh = households::Register({tdb_.db(), audit_, clock_, cipher_}, clerk, h);
  ASSERT_TRUE(hh.ok()) << hh.error().message;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_trainees WHERE household_id IS NOT NULL"), 0);

  auto rep = LinkTraineesToHouseholds(D());
  ASSERT_TRUE(rep.ok()) << rep.error().message;
  EXPECT_EQ(rep->checked, 2);
  EXPECT_EQ(rep->linked, 1);
  EXPECT_EQ(GetTrainee(D(), county_, zhang)->household_id, hh->id);
  EXPECT_FALSE(GetTrainee(D(), county_, li)->household_id);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'training.trainee.link'"), 1);
  auto again = LinkTraineesToHouseholds(D());  // only the unlinked one is looked at again
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->checked, 1);
  EXPECT_EQ(again->linked, 0);
}

}  // namespace
}  // namespace ruralec::training
