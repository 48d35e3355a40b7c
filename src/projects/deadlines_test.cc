// Deadlines on the official calendar (deadlines.h): working days of chinese-days across the 2019
// National Day (make-up workdays 09-29 and 10-12) and the extended 2020 Spring Festival (holidays
// to 02-02, make-up workday 01-19), pauses for 补正, and years the calendar does not know.
#include "projects/deadlines.h"

#include <gtest/gtest.h>

#include "calendar/chinese_days.h"

namespace ruralec::projects {
namespace {

CivilDate D(const char* s) { return *CivilDate::Parse(s); }

class DeadlineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto cal = calendar::ChineseDaysCalendar(std::string(RURALEC_SOURCE_DIR) +
                                             "/node_modules/chinese-days/dist/chinese-days.json");
    ASSERT_TRUE(cal.ok()) << cal.error().message;
    cal_ = std::make_unique<calendar::Calendar>(std::move(cal).value());
  }
  std::string DueText(const char* from, int n, const std::string& pauses = "") {
    Due due = DueAfter(*cal_, D(from), n, ParsePauses(pauses));
    if (due.provisional) return "provisional";
    if (due.paused) return "paused";
    return due.date ? due.date->ToString() : "none";
  }
  std::unique_ptr<calendar::Calendar> cal_;
};

TEST_F(DeadlineTest, WorkingDaysFollowTheOfficialCalendar) {
  const struct {
    const char* from;
    int n;
    const char* pauses;
    const char* want;
  } cases[] = {
      // Review, 5 working days from receipt on Friday 2019-09-27: Sunday 09-29 is a make-up
      // workday, 10-01..10-07 are holidays.
      {"2019-09-27", 5, "", "2019-10-10"},
      {"2019-09-28", 1, "", "2019-09-29"},  // Saturday receipt, Sunday make-up workday
      // Evaluation, 3 working days after an acceptance on 2019-10-10: Saturday 10-12 counts.
      {"2019-10-10", 3, "", "2019-10-14"},
      // The extended 2020 Spring Festival: 01-24..02-02 holidays (02-01 no longer a workday).
      {"2020-01-22", 5, "", "2020-02-06"},
      {"2020-01-23", 1, "", "2020-02-03"},
      {"2020-01-17", 2, "", "2020-01-20"},  // Sunday 01-19 is a make-up workday
      // 补正 from 09-26 to 10-09: 09-26 counted before the pause, then 10-10, 10-11, 10-12, 10-14.
      {"2019-09-25", 5, "2019-09-26/2019-10-09", "2019-10-14"},
      // Two pauses.
      // 09-26 counts, 09-27 paused, Sunday 09-29 (make-up) and 09-30 count, 10-10 and 10-11.
      {"2019-09-25", 5, "2019-09-26/2019-09-27,2019-09-30/2019-10-09", "2019-10-11"},
      // An open pause: no date while the applicant corrects.
      {"2019-09-25", 5, "2019-09-26/", "paused"},
      // Due before the pause began: the pause changes nothing.
      {"2019-09-25", 1, "2019-09-27/", "2019-09-26"},
      // Into 2027, which the package does not know: never guessed.
      {"2026-12-28", 5, "", "provisional"},
      {"2003-06-02", 1, "", "provisional"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(DueText(c.from, c.n, c.pauses), c.want) << c.from << " + " << c.n << " " << c.pauses;
}

TEST_F(DeadlineTest, AProvisionalDeadlineGetsItsDateOnceTheYearIsKnown) {
  EXPECT_EQ(DueText("2026-12-28", 5), "provisional");
  // 2027 loaded (by an admin) with 01-01 a holiday: Mon 12-28 + 5 = 12-29, 12-30, 12-31, 01-04,
  // 01-05.
  std::set<int> years = cal_->years();
  years.insert(2027);
  std::vector<calendar::Day> days = {{D("2027-01-01"), calendar::DayKind::kHoliday, "元旦"}};
  calendar::Calendar more(years, days);
  Due due = DueAfter(more, D("2026-12-28"), 5, {});
  ASSERT_TRUE(due.date.has_value());
  EXPECT_FALSE(due.provisional);
  EXPECT_EQ(due.date->ToString(), "2027-01-05");
}

TEST(DeadlineText, PausesRoundTripAndVersionNamesTheYears) {
  auto p = ParsePauses("2019-09-26/2019-10-09,2019-10-10/");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_FALSE(p[1].to.has_value());
  EXPECT_EQ(FormatPauses(p), "2019-09-26/2019-10-09,2019-10-10/");
  EXPECT_TRUE(ParsePauses("").empty());
  std::string v1 = CalendarVersion({{2019, "chinese-days", 29, 5}, {2020, "chinese-days", 30, 2}});
  std::string v2 = CalendarVersion({{2019, "chinese-days", 29, 5}, {2020, "admin", 30, 2}});
  EXPECT_EQ(v1.substr(0, 10), "2019-2020#");
  EXPECT_NE(v1, v2);
}

}  // namespace
}  // namespace ruralec::projects
