#include "calendar/calendar.h"

#include <gtest/gtest.h>

#include "calendar/chinese_days.h"
#include "storage/testing.h"

namespace ruralec::calendar {
namespace {

std::string JsonPath() {
  return std::string(RURALEC_SOURCE_DIR) + "/node_modules/chinese-days/dist/chinese-days.json";
}

CivilDate D(const char* s) { return *CivilDate::Parse(s); }

class CalendarTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto cal = ChineseDaysCalendar(JsonPath());
    ASSERT_TRUE(cal.ok()) << cal.error().message;
    cal_ = std::make_unique<Calendar>(std::move(cal).value());
  }
  std::unique_ptr<Calendar> cal_;
};

TEST_F(CalendarTest, WorkdaysAfterFollowsTheOfficialCalendar) {
  const struct {
    const char* from;
    int n;
    const char* want;
  } cases[] = {
      {"2019-09-27", 5, "2019-10-10"},  // 09-29 make-up workday, Oct 1-7 holidays
      {"2019-09-27", 1, "2019-09-29"},  // a Sunday that is a working day
      {"2019-09-27", 2, "2019-09-30"}, {"2019-09-30", 1, "2019-10-08"},
      {"2019-10-10", 3, "2019-10-14"},  // 10-12 (Saturday) is a make-up workday
      {"2024-02-09", 1, "2024-02-18"},  // Feb 10-17 holidays, 02-18 make-up workday
      {"2019-09-27", 0, "2019-09-27"},
  };
  for (const auto& c : cases) {
    auto r = cal_->WorkdaysAfter(D(c.from), c.n);
    ASSERT_TRUE(r.ok()) << c.from << ": " << r.error().message;
    EXPECT_EQ(r->ToString(), c.want) << c.from << " + " << c.n;
  }
}

TEST_F(CalendarTest, UnknownYearIsAnErrorNotAGuess) {
  EXPECT_FALSE(cal_->Knows(2027));
  EXPECT_FALSE(cal_->WorkdaysAfter(D("2027-03-01"), 1).ok());
  EXPECT_FALSE(cal_->WorkdaysAfter(D("2026-12-30"), 5).ok());  // runs into 2027
  EXPECT_FALSE(cal_->IsWorkingDay(D("2003-06-02")).ok());
}

TEST(CalendarStoreTest, AdminAddsAYearAndItCounts) {
  storage::testing::TempDatabase tdb;
  auto c = tdb.db().Acquire();
  std::vector<Day> y2027 = {{D("2027-01-01"), DayKind::kHoliday, "元旦"},
                            {D("2027-01-02"), DayKind::kHoliday, "元旦"},
                            {D("2027-01-03"), DayKind::kHoliday, "元旦"},
                            {D("2027-01-09"), DayKind::kWorkday, "元旦"}};
  ASSERT_TRUE(PutYear(*c, 2027, y2027, "admin", 1).ok());
  auto cal = Load(*c);
  ASSERT_TRUE(cal.ok());
  EXPECT_EQ(cal->WorkdaysAfter(D("2027-01-01"), 1)->ToString(), "2027-01-04");
  EXPECT_EQ(cal->WorkdaysAfter(D("2027-01-08"), 1)->ToString(), "2027-01-09");
  auto years = ListYears(*c);
  ASSERT_EQ(years->size(), 1u);
  EXPECT_EQ((*years)[0].holidays, 3);
  EXPECT_EQ((*years)[0].workdays, 1);
  // Replacing the year drops the old days.
  ASSERT_TRUE(PutYear(*c, 2027, {{D("2027-01-01"), DayKind::kHoliday, "元旦"}}, "admin", 2).ok());
  EXPECT_EQ(YearDays(*c, 2027)->size(), 1u);
}

TEST(CalendarStoreTest, InvalidYearDataIsRejectedWithTheField) {
  auto st = ValidateYear(2027, {{D("2026-12-31"), DayKind::kHoliday, "x"}});
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().field, "days[0].date");
  auto dup = ValidateYear(
      2027, {{D("2027-01-01"), DayKind::kHoliday, "x"}, {D("2027-01-01"), DayKind::kWorkday, "x"}});
  EXPECT_EQ(dup.error().field, "days[1].date");
  auto parsed = ParseDaysJson(R"({"days":[{"date":"2027-02-30","kind":"holiday","name":"x"}]})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().field, "days[0].date");
}

}  // namespace
}  // namespace ruralec::calendar
