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

TEST(ValidateTest, IdCardFactsGiveBirthDateAndGender) {
  IdCardFacts f = IdCardFactsOf("11010519491231002X");  // digit 17 = 2: female
  EXPECT_EQ(f.birth, CivilDate(1949, 12, 31));
  EXPECT_TRUE(f.female);
  IdCardFacts m = IdCardFactsOf("341302200002290019");  // digit 17 = 1: male
  EXPECT_EQ(m.birth, CivilDate(2000, 2, 29));
  EXPECT_FALSE(m.female);
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

TEST(ValidateTest, TextIsTrimmedAndBounded) {
  const TextRule rule{"display_name", "姓名", 10};
  EXPECT_EQ(*ValidateText("  张三\t", rule), "张三");
  EXPECT_EQ(*ValidateText("\xE3\x80\x80李四\xC2\xA0", rule), "李四");  // U+3000, U+00A0
  EXPECT_EQ(*ValidateText("Mary Ann", rule), "Mary Ann");              // inner space kept
  EXPECT_EQ(*ValidateText("一二三四五六七八九十", rule), "一二三四五六七八九十");  // 10 chars
  auto longer = ValidateText("一二三四五六七八九十一", rule);
  ASSERT_FALSE(longer.ok());
  EXPECT_EQ(longer.error().field, "display_name");
  EXPECT_NE(longer.error().message.find("姓名"), std::string::npos);
  EXPECT_FALSE(ValidateText(std::string(1 << 20, 'a'), rule).ok());  // 1 MB
}

TEST(ValidateTest, TextRefusesControlsBidiAndBlank) {
  const TextRule rule{"name", "名称", 50};
  const char* bad[] = {
      "",                // empty
      "   ",             // whitespace only
      "\xE3\x80\x80\t",  // ideographic space and tab only
      "a\x01"
      "b",  // C0
      "a\x7F"
      "b",  // DEL
      "a\xC2\x85"
      "b",     // C1 NEL inside
      "a\nb",  // line break inside
      "invoice\xE2\x80\xAE"
      "fdp.exe",  // U+202E RIGHT-TO-LEFT OVERRIDE
      "a\xE2\x80\xAA"
      "b",  // U+202A
      "a\xE2\x81\xA6"
      "b",  // U+2066 isolate
      "a\xE2\x81\xA9"
      "b",  // U+2069
      "a\xE2\x80\x8F"
      "b",             // U+200F RLM
      "\xFF\xFE",      // not UTF-8
      "\xC0\xAF",      // overlong
      "\xED\xA0\x80",  // surrogate
  };
  for (const char* v : bad) EXPECT_FALSE(ValidateText(v, rule).ok()) << v;
  std::string with_nul("ab\0cd", 5);
  auto nul = ValidateText(with_nul, rule);
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.error().field, "name");
  EXPECT_EQ(*ValidateText("", {"label", "显示名称", 10, true}), "");
  EXPECT_EQ(*ValidateText(" \t ", {"label", "显示名称", 10, true}), "");
}

TEST(ValidateTest, SafeTextHasNoControls) {
  EXPECT_TRUE(IsSafeText("Sturdy-Passw0rd! 中文"));
  EXPECT_FALSE(IsSafeText(std::string("pass\0word", 9)));
  EXPECT_FALSE(IsSafeText("pass\x1Bword"));
  EXPECT_FALSE(IsSafeText("pass\xE2\x80\xAEword"));
  EXPECT_FALSE(IsSafeText("\xFF"));
}

TEST(ValidateTest, RemoveUnsafeKeepsTheRest) {
  EXPECT_EQ(RemoveUnsafe("invoice\xE2\x80\xAE"
                         "fdp.exe"),
            "invoicefdp.exe");
  EXPECT_EQ(RemoveUnsafe("验收\x01报告\xE2\x81\xA6.pdf"), "验收报告.pdf");
  EXPECT_EQ(RemoveUnsafe("\xFF.txt"), "");
}

TEST(ValidateTest, PlausibleDates) {
  EXPECT_TRUE(PlausibleDate(CivilDate(2015, 6, 1), "registered_on").ok());
  EXPECT_TRUE(PlausibleDate(CivilDate(1900, 1, 1), "registered_on").ok());
  EXPECT_TRUE(PlausibleDate(CivilDate(2099, 12, 31), "d").ok());
  auto far = PlausibleDate(CivilDate(9999, 12, 31), "registered_on");
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.error().field, "registered_on");
  EXPECT_FALSE(PlausibleDate(CivilDate(1800, 1, 1), "registered_on").ok());
  EXPECT_FALSE(PlausibleDate(CivilDate(1899, 12, 31), "d").ok());
  EXPECT_TRUE(PlausibleDate(kToday, "d", kToday).ok());
  EXPECT_FALSE(PlausibleDate(kToday.AddDays(1), "d", kToday).ok());
}

}  // namespace
}  // namespace ruralec::validate
