#include "core/validate.h"

#include <gtest/gtest.h>

namespace ruralec::validate {
namespace {

const CivilDate kToday(2026, 11, 24);

struct Case {
  const char* value;
  bool valid;
  const char* why;
};

TEST(ValidateTest, Uscc) {
  const Case cases[] = {
      {"91350100M000100Y43", true, "published example"},
      {"91110000802100433B", true, "check letter B"},
      {"91341302MA2N0XXX0D", true, "埇桥区 code"},
      {"91350100M000100Y44", false, "wrong check character"},
      {"91350100M000100Y4", false, "17 characters"},
      {"91350100M000I00Y43", false, "I is not in the set"},
      {"913501A0M000100Y43", false, "division code not digits"},
  };
  for (const auto& c : cases) {
    Status st = Uscc(c.value);
    EXPECT_EQ(st.ok(), c.valid) << c.value << ": " << c.why;
    if (!st.ok()) {
      EXPECT_EQ(st.error().field, "uscc");
    }
  }
}

TEST(ValidateTest, IdCard) {
  const Case cases[] = {
      {"11010519491231002X", true, "GB 11643 example"},
      {"11010519491231002x", true, "lower-case x"},
      {"341302200002290019", true, "2000-02-29 exists"},
      {"11010519491231002Y", false, "bad check"},
      {"341302199002290013", false, "1990-02-29 does not exist"},
      {"341302203001010015", false, "born in the future"},
      {"1101051949123100", false, "too short"},
  };
  for (const auto& c : cases) {
    std::string v = c.value;
    EXPECT_EQ(IdCard(v, kToday).ok(), c.valid) << c.value << ": " << c.why;
  }
}

TEST(ValidateTest, IdCardRejectsFutureAndNonexistentDatesWithReason) {
  Status st = IdCard("341302199002290013", kToday, "trainee.id_number");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().field, "trainee.id_number");
}

TEST(ValidateTest, Mobile) {
  EXPECT_TRUE(Mobile("13800138000").ok());
  EXPECT_TRUE(Mobile("19912345678").ok());
  EXPECT_FALSE(Mobile("12800138000").ok());
  EXPECT_FALSE(Mobile("1380013800").ok());
  EXPECT_FALSE(Mobile("1380013800a").ok());
}

TEST(ValidateTest, Gtin) {
  const Case cases[] = {
      {"4006381333931", true, "EAN-13"},
      {"96385074", true, "GTIN-8"},
      {"036000291452", true, "UPC-A"},
      {"10614141000415", true, "GTIN-14"},
      {"4006381333932", false, "wrong check digit"},
      {"400638133393", false, "12 digits with wrong check"},
      {"40063813339A1", false, "letter"},
  };
  for (const auto& c : cases) EXPECT_EQ(Gtin(c.value).ok(), c.valid) << c.value << ": " << c.why;
}

}  // namespace
}  // namespace ruralec::validate
