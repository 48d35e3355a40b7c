// The rules of a report without the database (rules.cc): each row one submission and the field
// its error names ("" = accepted). Today is 2023-11-15.
#include <gtest/gtest.h>

#include "reporting/reporting.h"

namespace ruralec::reporting {
namespace {

struct Case {
  const char* name;
  const char* indicator;
  std::map<std::string, std::string> params;
  const char* region;
  const char* period;
  std::optional<int64_t> value;
  const char* field;  // "" = accepted
};

TEST(ReportRulesTest, CheckInputNamesTheField) {
  const Case cases[] = {
      {"road km in a town", "rural_road_km", {}, "341302100", "2023Q3", 12'500, ""},
      {"road km with scope", "rural_road_km", {{"scope", "new"}}, "341302", "2023Q4", 0, ""},
      {"coverage 100%", "broadband_village_coverage_rate", {}, "341302", "2023Q1", 10'000, ""},
      {"coverage over 100%",
       "broadband_village_coverage_rate",
       {},
       "341302",
       "2023Q1",
       10'001,
       "value"},
      {"negative", "service_centres", {}, "341302", "2023Q1", -1, "value"},
      {"no value", "service_centres", {}, "341302", "2023Q1", std::nullopt, "value"},
      {"huge", "service_centres", {}, "341302", "2023Q1", int64_t{9'000'000'000'000'001}, "value"},
      {"no indicator", "", {}, "341302", "2023Q1", 1, "indicator"},
      {"unknown indicator", "nope", {}, "341302", "2023Q1", 1, "indicator"},
      {"computed indicator", "rural_online_sales", {}, "341302", "2023Q1", 1, "indicator"},
      {"required param missing", "facilities", {}, "341302", "2023Q1", 1, "params"},
      {"required param given",
       "facilities",
       {{"kind", "livestream_base"}},
       "341302",
       "2023Q1",
       1,
       ""},
      {"undeclared param", "rural_road_km", {{"colour", "red"}}, "341302", "2023Q1", 1, "params"},
      {"demonstration level in words of the plan",
       "demonstration_units",
       {{"level", "district"}, {"kind", "village"}},
       "341302",
       "2023Q1",
       2,
       ""},
      {"demonstration level unknown",
       "demonstration_units",
       {{"level", "planet"}, {"kind", "village"}},
       "341302",
       "2023Q1",
       2,
       "params"},
      {"param with ;", "facilities", {{"kind", "a;b"}}, "341302", "2023Q1", 1, "params"},
      {"village", "rural_road_km", {}, "341302100201", "2023Q1", 1, "region_code"},
      {"no region", "rural_road_km", {}, "", "2023Q1", 1, "region_code"},
      {"no period", "rural_road_km", {}, "341302", "", 1, "period"},
      {"bad period", "rural_road_km", {}, "341302", "2023-09", 1, "period"},
      {"quarter not started", "rural_road_km", {}, "341302", "2024Q1", 1, "period"},
      {"current quarter", "rural_road_km", {}, "341302", "2023q4", 1, ""},
  };
  const CivilDate today(2023, 11, 15);
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ReportInput in;
    in.indicator = c.indicator;
    in.params = c.params;
    if (*c.region) in.region = *RegionCode::Parse(c.region);
    in.period = c.period;
    in.value = c.value;
    auto r = CheckInput(in, today);
    if (std::string(c.field).empty()) {
      EXPECT_TRUE(r.ok()) << r.error().message;
    } else {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().field, c.field) << r.error().message;
      EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    }
  }
}

TEST(ReportRulesTest, CleansInputAndKeepsParamsCanonical) {
  ReportInput in;
  in.indicator = "service_centres";
  in.params = {{"scope", " new "}, {"level", ""}};
  in.region = *RegionCode::Parse("341302");
  in.period = "2023q2";
  in.value = 3;
  in.note = "  县级中心  ";
  auto r = CheckInput(in, CivilDate(2023, 11, 15));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->period, "2023Q2");
  EXPECT_EQ(r->note, "县级中心");
  EXPECT_EQ(ParamsText(r->params), "scope=new");  // empty values dropped, text trimmed
  std::map<std::string, std::string> two = {{"level", "town"}, {"scope", "new"}};
  EXPECT_EQ(ParamsText(two), "level=town;scope=new");
  EXPECT_EQ(ParseParamsText("level=town;scope=new"), two);
  EXPECT_TRUE(ParseParamsText("").empty());
}

TEST(ReportRulesTest, StatesReadByNameOrLabel) {
  for (State s : {State::kPending, State::kConfirmed, State::kRejected, State::kSuperseded}) {
    EXPECT_EQ(*ParseState(StateName(s)), s);
    EXPECT_EQ(*ParseState(StateLabel(s)), s);
  }
  EXPECT_EQ(ParseState("done").error().field, "status");
}

}  // namespace
}  // namespace ruralec::reporting
