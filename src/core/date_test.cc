#include "core/date.h"

#include <gtest/gtest.h>

namespace ruralec {
namespace {

TEST(CivilDateTest, ParsesOnlyRealDates) {
  EXPECT_TRUE(CivilDate::Parse("2019-09-27").ok());
  EXPECT_TRUE(CivilDate::Parse("2020-02-29").ok());
  for (const char* bad : {"2019-02-29", "2019-13-01", "2019-9-27", "20190927", "2019-09-27x", ""}) {
    auto r = CivilDate::Parse(bad, "deadline");
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.error().field, "deadline");
    }
  }
}

TEST(CivilDateTest, DayArithmeticAndWeekday) {
  CivilDate d(2019, 9, 27);
  EXPECT_EQ(d.Weekday(), 5);  // Friday
  EXPECT_EQ(d.AddDays(2).ToString(), "2019-09-29");
  EXPECT_EQ(d.AddDays(2).Weekday(), 7);
  EXPECT_EQ(CivilDate(2020, 2, 28).AddDays(1).ToString(), "2020-02-29");
  EXPECT_EQ(CivilDate(1970, 1, 1).DaysSinceEpoch(), 0);
  EXPECT_EQ(CivilDate::FromDays(CivilDate(2026, 11, 24).DaysSinceEpoch()).ToString(), "2026-11-24");
}

TEST(TimeTest, UtcFormattingAndShanghaiDate) {
  EXPECT_EQ(FormatUtc(0), "1970-01-01T00:00:00.000Z");
  // 2026-11-23T16:30:00Z is already 2026-11-24 00:30 in Shanghai.
  int64_t ms = CivilDate(2026, 11, 23).DaysSinceEpoch() * 86'400'000 + (16 * 3600 + 1800) * 1000LL;
  EXPECT_EQ(FormatUtc(ms), "2026-11-23T16:30:00.000Z");
  EXPECT_EQ(ShanghaiDate(ms).ToString(), "2026-11-24");
}

}  // namespace
}  // namespace ruralec
