#include "settings/settings.h"

#include <gtest/gtest.h>

#include "storage/testing.h"

namespace ruralec::settings {
namespace {

const RegionCode kCounty = *RegionCode::Parse("341302000000");
const RegionCode kOther = *RegionCode::Parse("341321000000");

ParamDef Days() {
  return {"training.reminder_days", "跟踪提醒天数", ParamType::kInt, "30", 1, 730};
}

// The rules of a parameter value are data: one row per (definition, input) with the canonical
// text it becomes or the words of the refusal.
TEST(CheckValueTest, EachTypeAcceptsItsCanonicalFormAndNamesTheFieldOtherwise) {
  ParamDef days = Days();
  ParamDef fen{"award.min_fen", "最低金额", ParamType::kFen, "0", 0, 100000000};
  ParamDef flag{"sales.strict", "严格校验", ParamType::kBool, "false"};
  ParamDef mode{"sales.year_mode",
                "默认年份",
                ParamType::kEnum,
                "latest",
                {},
                {},
                {{"latest", "有数据的最近年份"}, {"current", "当年"}}};
  ParamDef date{"programme.start", "起算日期", ParamType::kDate, "2019-01-01"};
  ParamDef url{"products.trace_base_url", "溯源码域名", ParamType::kUrl, ""};
  struct Case {
    const ParamDef* def;
    const char* input;
    const char* want;     // canonical text, "" = refused
    const char* message;  // part of the refusal
  };
  const Case cases[] = {
      {&days, "30", "30", ""},
      {&days, "1", "1", ""},
      {&days, "0", "", "跟踪提醒天数不能小于1"},
      {&days, "731", "", "跟踪提醒天数不能大于730"},
      {&days, "3.5", "", "跟踪提醒天数应为整数"},
      {&days, "", "", "应为整数"},
      {&days, "12x", "", "应为整数"},
      {&days, "99999999999999999999", "", "应为整数"},
      {&fen, "150", "150", ""},
      {&fen, "100000001", "", "最低金额不能大于1000000元"},
      {&fen, "-1", "", "最低金额不能小于0元"},
      {&flag, "1", "true", ""},
      {&flag, "false", "false", ""},
      {&flag, "yes", "", "严格校验应为“是”或“否”"},
      {&mode, "current", "current", ""},
      {&mode, "当年", "current", ""},
      {&mode, "next", "", "默认年份不是可选的值"},
      {&date, "2020-02-29", "2020-02-29", ""},
      {&date, "2019-02-29", "", "起算日期应为日期"},
      {&url, "https://Trace.Example.gov.cn/", "https://trace.example.gov.cn", ""},
      {&url, "http://localhost:8080", "http://localhost:8080", ""},
      {&url, "trace.example.gov.cn", "", "溯源码域名应为 https://域名"},
      {&url, "https://trace.example.gov.cn/t", "", "不含路径"},
      {&url, "https://trace.example.gov.cn:80a", "", "溯源码域名"},
      {&url, "javascript:alert(1)", "", "溯源码域名"},
  };
  for (const Case& c : cases) {
    auto r = CheckValue(*c.def, c.input);
    if (*c.want) {
      ASSERT_TRUE(r.ok()) << c.input << ": " << r.error().message;
      EXPECT_EQ(*r, c.want) << c.input;
      continue;
    }
    ASSERT_FALSE(r.ok()) << c.def->name << " " << c.input;
    EXPECT_EQ(r.error().field, c.def->name);
    EXPECT_NE(r.error().message.find(c.message), std::string::npos) << r.error().message;
  }
  EXPECT_EQ(*CheckValue(url, ""), "");  // a url may be left unset
}

TEST(ParamStoreTest, ACountyReadsItsOwnValueElseTheDefault) {
  storage::testing::TempDatabase t;
  auto conn = t.db().Acquire();
  ParamDef days = Days();
  EXPECT_EQ(*IntParam(*conn, kCounty, days), 30);
  ASSERT_TRUE(PutParam(*conn, kCounty, days.name, "45", {7, 1000}).ok());
  ASSERT_TRUE(PutParam(*conn, kCounty, days.name, "60", {7, 2000}).ok());
  EXPECT_EQ(*IntParam(*conn, kCounty, days), 60);
  EXPECT_EQ(*IntParam(*conn, *RegionCode::Parse("341302100000"), days), 60);  // a town of it
  EXPECT_EQ(*IntParam(*conn, kOther, days), 30);
  days.max = 50;  // bounds narrowed after the value was stored: the default, not 60
  EXPECT_EQ(*IntParam(*conn, kCounty, days), 30);
}

TEST(CountyEntryTest, AddsDisablesAndKeepsCountiesApart) {
  storage::testing::TempDatabase t;
  auto conn = t.db().Acquire();
  CountyEntry e{"", " 小红书 "};
  ASSERT_TRUE(CheckNewEntry(e).ok());
  EXPECT_EQ(e.value, "小红书");
  EXPECT_EQ(e.label, "小红书");
  ASSERT_TRUE(AddCountyEntry(*conn, kCounty, "platforms", e, {1, 5}).ok());
  auto list = CountyEntries(*conn, kCounty, "platforms");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_FALSE((*list)[0].disabled);
  EXPECT_TRUE(CountyEntries(*conn, kOther, "platforms")->empty());
  ASSERT_TRUE(SetCountyEntryDisabled(*conn, kCounty, "platforms", "小红书", true, {1, 6}).ok());
  EXPECT_TRUE((*CountyEntries(*conn, kCounty, "platforms"))[0].disabled);
  auto missing = SetCountyEntryDisabled(*conn, kOther, "platforms", "小红书", true, {1, 6});
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(CheckUnique(*list, e).error().field, "value");
  CountyEntry bad{"a,b", "甲"};
  EXPECT_EQ(CheckNewEntry(bad).error().field, "value");
  CountyEntry slash{"", "1688/阿里"};
  EXPECT_EQ(CheckNewEntry(slash).error().field, "value");
  CountyEntry empty{"x", " "};
  EXPECT_EQ(CheckNewEntry(empty).error().field, "label");
}

}  // namespace
}  // namespace ruralec::settings
