// Completion and certificates (results.cc): the course's rule decides, the code verifies the
// certificate with the name masked, and a person is paid once per level.
#include "storage/db.h"
#include "training/test_fixture.h"
#include "training/training.h"

namespace ruralec::training {
namespace {

class ResultsTest : public testing::TrainingFixture {
 protected:
  // A course (80% attendance, min score 60) with a 2023-11-01..05 session; a and c attend all
  // five days, b three.
  void SetUp() override {
    TrainingFixture::SetUp();
    CourseInput in = Course("农村电商初级培训");
    in.min_score = 60;
    auto c = CreateCourse(D(), county_, in);
    ASSERT_TRUE(c.ok()) << c.error().message;
    course_ = c->id;
    session_ = NewSession("第1期", "2023-11-01", "2023-11-05");
    for (int i = 0; i < 3; ++i) {
      auto t = RegisterTrainee(
          D(), county_, Person(i, i == 0 ? "张三" : "学员" + std::to_string(i), "341302100201"));
      ASSERT_TRUE(t.ok());
      ids_.push_back(t->trainee.id);
    }
    ASSERT_TRUE(Enrol(D(), county_, session_, ids_).ok());
    Attend(session_, "2023-11-01", 3, ids_);
    Attend(session_, "2023-11-04", 2, {ids_[0], ids_[2]});
  }
  int64_t NewSession(const std::string& name, const std::string& from, const std::string& to) {
    SessionInput s = Session(course_, name, from, to);
    s.capacity = 10;
    auto r = CreateSession(D(), county_, s);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r->id : 0;
  }
  void Attend(int64_t session, const std::string& from, int days, std::vector<int64_t> who) {
    CivilDate d = *CivilDate::Parse(from);
    for (int i = 0; i < days; ++i)
      ASSERT_TRUE(RecordDay(D(), county_, session, d.AddDays(i), who).ok());
  }
  std::string CodeOf(int64_t trainee) {
    auto rows = SessionAttendance(D(), county_, session_, {});
    for (const auto& r : rows->items)
      if (r.trainee_id == trainee) return r.certificate_code;
    return "";
  }
  int64_t course_ = 0, session_ = 0;
  std::vector<int64_t> ids_;
};

TEST_F(ResultsTest, AttendanceShareAndScoreDecideAndTheCodeVerifies) {
  auto r = Assess(D(), teacher_, session_, {{ids_[0], 75}, {ids_[1], 90}, {ids_[2], 59}});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->assessed, 3);
  EXPECT_EQ(r->qualified, 1);  // b attended 3/5 < 80%, c scored 59 < 60
  std::string code = CodeOf(ids_[0]);
  ASSERT_EQ(code.size(), 12u);
  EXPECT_EQ(code.find_first_not_of("ABCDEFGHJKLMNPQRSTUVWXYZ23456789"), std::string::npos);
  EXPECT_EQ(CodeOf(ids_[1]), "");

  auto c = tdb_.db().Acquire();
  auto cert = VerifyCertificate(*c, code);
  ASSERT_TRUE(cert.ok()) << cert.error().message;
  EXPECT_EQ(cert->name_masked, "张*");
  EXPECT_EQ(cert->level_label, "初级班");
  EXPECT_EQ(cert->organiser_name, "埇桥区人社局");
  EXPECT_EQ(cert->qualified_on, CivilDate(2023, 11, 15));
  EXPECT_EQ(VerifyCertificate(*c, "NOSUCHCODE23").error().code, ErrorCode::kNotFound);

  // Re-assessing keeps the code of one still qualified; a new score can qualify c.
  ASSERT_TRUE(Assess(D(), county_, session_, {{ids_[2], 60}}).ok());
  EXPECT_EQ(CodeOf(ids_[0]), code);
  EXPECT_NE(CodeOf(ids_[2]), "");
  EXPECT_EQ(Assess(D(), other_, session_, {}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'training.assess'"), 2);
}

TEST_F(ResultsTest, NoAssessmentBeforeTheLastDay) {
  int64_t later = NewSession("第2期", "2023-11-10", "2023-11-20");
  auto r = Assess(D(), county_, later, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
}

TEST_F(ResultsTest, APersonIsPaidOncePerLevelAcrossSessionsAndYears) {
  ASSERT_TRUE(Assess(D(), county_, session_, {{ids_[0], 80}, {ids_[2], 80}}).ok());
  // a qualifies again at the same level in another session: not a second payment.
  int64_t again = NewSession("第2期", "2023-11-06", "2023-11-07");
  ASSERT_TRUE(Enrol(D(), county_, again, {ids_[0]}).ok());
  Attend(again, "2023-11-06", 2, {ids_[0]});
  ASSERT_TRUE(Assess(D(), county_, again, {{ids_[0], 90}}).ok());
  auto c = tdb_.db().Acquire();
  auto q = FirstQualificationsIn(*c, *RegionCode::Parse("341302"), 2023);
  ASSERT_TRUE(q.ok()) << q.error().message;
  ASSERT_EQ(q->size(), 2u);
  EXPECT_EQ((*q)[0].trainee_id, ids_[0]);
  EXPECT_EQ((*q)[0].session_id, session_);
  EXPECT_EQ((*q)[0].level, "beginner");
  EXPECT_FALSE((*q)[0].certificate_code.empty());
  EXPECT_TRUE(FirstQualificationsIn(*c, *RegionCode::Parse("341302"), 2024)->empty());
  EXPECT_TRUE(FirstQualificationsIn(*c, *RegionCode::Parse("341302101"), 2023)->empty());
}

}  // namespace
}  // namespace ruralec::training
