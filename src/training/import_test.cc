#include "training/import.h"

#include "training/test_fixture.h"

namespace ruralec::training {
namespace {

using testing::kIds;

class ImportTest : public testing::TrainingFixture {
 protected:
  void SetUp() override {
    TrainingFixture::SetUp();
    auto c = CreateCourse(D(), county_, Course("农村电商初级培训"));
    ASSERT_TRUE(c.ok()) << c.error().message;
    auto s = CreateSession(D(), county_, Session(c->id, "第1期", "2023-11-01", "2023-11-03"));
    ASSERT_TRUE(s.ok()) << s.error().message;
    session_ = std::to_string(s->id);
  }
  std::string Sheet(const std::vector<std::string>& rows) {
    std::string out = "班次编号*,身份证号*,姓名*,签到日期*,户籍村区划代码,手机号,人员类别\n";
    for (const auto& r : rows) out += r + "\n";
    return out;
  }
  std::string Row(int id, const std::string& name, const std::string& day,
                  const std::string& village = "341302100201", const std::string& extra = ",") {
    return session_ + "," + kIds[id] + "," + name + "," + day + "," + village + "," + extra;
  }
  Result<imports::ImportReport> Import(const account::Principal& who, const std::string& file,
                                       imports::Mode mode = imports::Mode::kAllOrNothing) {
    return ImportAttendance(Ctx(), who, file, mode);
  }
  std::string session_;
};

TEST_F(ImportTest, SheetRegistersEnrolsAndRecordsAndAReimportAddsNothing) {
  std::string file = WriteFile(
      "a.csv", Sheet({Row(0, "张三", "2023-11-01", "341302100201", "13800138000,建档立卡贫困户"),
                      Row(0, "张三", "2023-11-02"), Row(1, "李芳", "2023-11-01", "341302101203"),
                      Row(1, "李芳", "2023-11-02", "")}));
  auto r = Import(teacher_, file);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows_imported, 4);
  EXPECT_EQ(r->rows_rejected, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_trainees"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_enrolments"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_attendance WHERE source = 'import'"), 4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_trainees WHERE audiences = "
                  "',registered_poor_household,' AND mobile_masked = '138****8000'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'training.attendance.import'"), 1);

  auto again = Import(teacher_, file);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_imported);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_attendance"), 4);

  // A corrected copy (a different file) with one day more: the recorded days are not written
  // again, the new one is.
  std::string more =
      WriteFile("b.csv", Sheet({Row(0, "张三", "2023-11-01"), Row(0, "张三", "2023-11-03")}));
  auto third = Import(teacher_, more);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->rows_imported, 1);
  EXPECT_EQ(third->rows_already_imported, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_attendance"), 5);
}

TEST_F(ImportTest, RejectedRowsNameTheColumnAndAllOrNothingWritesNothing) {
  std::string file = WriteFile(
      "bad.csv",
      Sheet({Row(0, "张三", "2023-11-01"),
             session_ + ",341302199002290013,王五,2023-11-01,341302100201,,",  // no such date
             Row(0, "张三丰", "2023-11-02"),                                   // not the name
             Row(2, "赵六", "2023-11-05"),                                     // outside
             Row(0, "张三", "2023-11-01"),                                     // repeated
             Row(3, "钱七", "2023-11-01", ""),                                 // no village
             "999," + std::string(kIds[4]) + ",孙八,2023-11-01,341302100201,,"}));
  auto r = Import(county_, file);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->rolled_back);
  EXPECT_EQ(r->rows_rejected, 6);
  ASSERT_EQ(r->errors.size(), 6u);
  EXPECT_EQ(r->errors[0].column, "身份证号");
  EXPECT_EQ(r->errors[1].column, "姓名");
  EXPECT_EQ(r->errors[2].column, "签到日期");
  EXPECT_NE(r->errors[3].reason.find("与文件第2行重复"), std::string::npos);
  EXPECT_EQ(r->errors[4].column, "户籍村区划代码");
  EXPECT_EQ(r->errors[5].column, "班次编号");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_trainees"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_attendance"), 0);

  auto valid = Import(county_, file, imports::Mode::kValidOnly);
  ASSERT_TRUE(valid.ok());
  EXPECT_EQ(valid->rows_imported, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_trainees"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_attendance"), 1);
}

TEST_F(ImportTest, AnotherTrainersSessionAndAFullSessionAreRefusedPerRow) {
  std::string file = WriteFile("t.csv", Sheet({Row(0, "张三", "2023-11-01")}));
  auto r = Import(other_, file);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->rows_rejected, 1);
  EXPECT_EQ(r->errors[0].column, "班次编号");

  std::vector<std::string> rows;
  for (int i = 0; i < 4; ++i) rows.push_back(Row(i, "学员" + std::to_string(i), "2023-11-01"));
  auto full = Import(teacher_, WriteFile("full.csv", Sheet(rows)), imports::Mode::kValidOnly);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->rows_imported, 3);  // capacity 3
  ASSERT_EQ(full->rows_rejected, 1);
  EXPECT_NE(full->errors[0].reason.find("班次已满"), std::string::npos);
}

}  // namespace
}  // namespace ruralec::training
