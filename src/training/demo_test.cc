// The demo generator (demo.h): labelled, valid ID numbers, attendance and certificates.
#include "training/demo.h"

#include "core/validate.h"
#include "training/test_fixture.h"

namespace ruralec::training {
namespace {

class DemoTest : public testing::TrainingFixture {};

TEST_F(DemoTest, FictitiousIdNumbersPassTheCheck) {
  for (int seq : {0, 7, 999}) {
    std::string id = FictitiousIdNumber("341302", CivilDate(1988, 2, 29), seq);
    EXPECT_TRUE(validate::IdCard(id, CivilDate(2023, 1, 1)).ok()) << id;
  }
}

TEST_F(DemoTest, GeneratesLabelledTrainingData) {
  {
    account::Accounts accounts(tdb_.db(), clock_, cipher_, audit_);
    ASSERT_TRUE(accounts.CreateUser(nullptr, {"ann", "ann", {"county_staff"}, "341302"}).ok());
  }
  auto sum = GenerateDemo(D(), {*RegionCode::Parse("341302"), "ann", "teacher", 4, 6});
  ASSERT_TRUE(sum.ok()) << sum.error().message;
  EXPECT_EQ(sum->courses, 4);
  EXPECT_EQ(sum->sessions, 4);
  EXPECT_GT(sum->attendance, 0);
  EXPECT_EQ(
      Count("SELECT COUNT(*) FROM training_courses WHERE title NOT LIKE '%演示数据（生成）%'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_trainees WHERE name NOT LIKE '演示学员%'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_attendance WHERE source <> 'generated'"), 0);
  EXPECT_EQ(ListSessions(D(), teacher_, {}, {})->total, 4);
}

}  // namespace
}  // namespace ruralec::training
