// Local settings written into a programme file (local_settings.h): the `local:` block the console
// writes reads back as the same values, replaces an existing block, leaves the rest of the plan
// as it was, and a value the checker refuses names the request field.
#include "programme/local_settings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "programme/check.h"
#include "programme/cli/programme_json.h"

namespace ruralec::programme {
namespace {

std::string Seed(const std::string& file) {
  std::ifstream in(std::string(RURALEC_SOURCE_DIR) + "/programmes/" + file);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
std::string Seed002() { return Seed("002_yongqiao_2019_upgrade.yaml"); }

// Parsed and checked (regions not resolved); fails the test on any issue.
Programme Parsed(const std::string& text) {
  auto parsed = ParseProgramme(text, "t");
  EXPECT_TRUE(parsed.issues.empty()) << FormatIssue(parsed.issues.front());
  auto issues = Check(parsed.programme, "t", nullptr);
  EXPECT_TRUE(issues.empty()) << FormatIssue(issues.front());
  return parsed.programme;
}

const AwardRule& Rule(const Programme& p, const std::string& id) {
  for (const auto& r : p.award_rules)
    if (r.id == id) return r;
  throw std::runtime_error("no rule " + id);
}

LocalEdit R02Tiers(const std::string& top_amount) {
  LocalEdit e;
  e.rule_id = "R02";
  e.set_by = "埇桥区商务局、区财政局";
  e.decided_on = "2020-03-02";
  e.reference = "埇商〔2020〕8号";
  e.tiers = {{"1000万元", "3000万元", "50万元"}, {"3000万元", "", top_amount}};
  return e;
}

TEST(LocalItems, Seed002ListsEveryOpenPartWithTheSeedsCap) {
  Programme p = Parsed(Seed002());
  auto items = LocalItems(p);
  ASSERT_EQ(items.size(), 9u);  // R02 R03 R06×2 R07 R09 R10 R11, and the fund without amount
  EXPECT_EQ(items[0].item_id, "R02");
  EXPECT_EQ(items[0].field, "tiers");
  EXPECT_TRUE(items[0].settable);
  ASSERT_TRUE(items[0].cap);
  EXPECT_EQ(items[0].cap->text + items[0].cap->unit, "100万元");
  EXPECT_EQ(items[4].item_id, "R07");
  EXPECT_EQ(items[4].field, "percent");
  EXPECT_EQ(items[8].kind, "fund");
  EXPECT_FALSE(items[8].settable);
}

TEST(ApplyLocalEdits, WritesTheLocalBlockAndChangesNothingElse) {
  std::string text = Seed002();
  Programme before = Parsed(text);
  auto sp = ApplyLocalEdits(text, before, {R02Tiers("100万元")});
  ASSERT_TRUE(sp.ok()) << sp.error().message;
  Programme after = Parsed(sp->text);
  const auto& local = Rule(after, "R02").local;
  ASSERT_TRUE(local);
  EXPECT_EQ(local->set_by, "埇桥区商务局、区财政局");
  EXPECT_EQ(local->reference, "埇商〔2020〕8号");
  EXPECT_EQ(local->decided_on->ToString(), "2020-03-02");
  ASSERT_EQ(local->tiers.size(), 2u);
  EXPECT_EQ(*local->tiers[0].to->normalized, 3000'0000'00);
  EXPECT_FALSE(local->tiers[1].to);
  EXPECT_EQ(*local->tiers[1].amount.normalized, 100'0000'00);
  // The rest of the plan is the same (line numbers aside): only R02 gained `local`.
  auto a = ToJson(before), b = ToJson(after);
  b["award_rules"][1]["local"] = nullptr;
  EXPECT_EQ(a.dump(), b.dump());
}

TEST(ApplyLocalEdits, ReplacesAnExistingBlockAndKeepsOthers) {
  std::string text = Seed002();
  LocalEdit r07;
  r07.rule_id = "R07";
  r07.set_by = "区商务局";
  r07.decided_on = "2020-03-02";
  r07.reference = "埇商〔2020〕8号";
  r07.percent = "3%";
  auto first = ApplyLocalEdits(text, Parsed(text), {R02Tiers("80万元"), r07});
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto second = ApplyLocalEdits(first->text, Parsed(first->text), {R02Tiers("100万元")});
  ASSERT_TRUE(second.ok()) << second.error().message;
  auto direct = ApplyLocalEdits(text, Parsed(text), {R02Tiers("100万元"), r07});
  ASSERT_TRUE(direct.ok());
  EXPECT_EQ(second->text, direct->text);  // one `local:` per rule, the newer values
  Programme p = Parsed(second->text);
  EXPECT_EQ(*Rule(p, "R07").local->percent->normalized, 300);
}

TEST(ApplyLocalEdits, UserTextCannotEscapeItsScalar) {
  std::string text = Seed002();
  LocalEdit e = R02Tiers("50万元");
  e.set_by = "区商务局\"\n    flags: [cooperative]\n  - id: X \\ #";
  auto sp = ApplyLocalEdits(text, Parsed(text), {e});
  ASSERT_TRUE(sp.ok());
  Programme p = Parsed(sp->text);
  EXPECT_EQ(Rule(p, "R02").local->set_by, e.set_by);
  EXPECT_EQ(Rule(p, "R02").flags, std::vector<std::string>{"enterprise"});
  EXPECT_EQ(p.award_rules.size(), 11u);
}

TEST(ApplyLocalEdits, CheckerRefusalNamesTheRequestField) {
  std::string text = Seed002();
  auto sp = ApplyLocalEdits(text, Parsed(text), {R02Tiers("150万元")});
  ASSERT_TRUE(sp.ok());
  auto parsed = ParseProgramme(sp->text, "t");
  auto issues = Check(parsed.programme, "t", nullptr);
  auto mapped = MapIssues(*sp, issues);
  ASSERT_EQ(mapped.size(), 1u);
  EXPECT_EQ(mapped[0].field, "values[0].tiers[1]");
  EXPECT_EQ(mapped[0].message, "R02 第2档：local.tier.amount 150万元 超过方案上限 100万元");
}

TEST(ApplyLocalEdits, RefusesWhatIsNotLeftOpenOrLacksItsDocument) {
  std::string text = Seed002();
  Programme p = Parsed(text);
  LocalEdit e = R02Tiers("50万元");
  e.percent = "3%";
  auto r = ApplyLocalEdits(text, p, {e});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "values[0].percent");
  e = R02Tiers("50万元");
  e.reference = " ";
  r = ApplyLocalEdits(text, p, {e});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "values[0].reference");
  e = R02Tiers("50万元");
  e.rule_id = "R04";  // fixed 15万元: nothing left open
  r = ApplyLocalEdits(text, p, {e});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "values[0].rule_id");
}

LocalEdit Rectification(const std::string& days) {
  LocalEdit e;
  e.stage = "rectification";
  e.set_by = "六安市商务局";
  e.decided_on = "2019-06-01";
  e.reference = "六商〔2019〕12号";
  e.working_days = days;
  return e;
}

TEST(ApplyLocalEdits, SetsTheRectificationDeadlineInsideTheOneLineStage) {
  std::string text = Seed("000_luan_2019_measures.yaml");
  Programme before = Parsed(text);
  auto items = LocalItems(before);
  auto it = std::find_if(items.begin(), items.end(),
                         [](const LocalItem& i) { return i.item_id == "rectification"; });
  ASSERT_NE(it, items.end());
  EXPECT_TRUE(it->settable);
  EXPECT_EQ(it->field, "working_days");
  auto first = ApplyLocalEdits(text, before, {Rectification("15")});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(std::count(first->text.begin(), first->text.end(), '\n'),
            std::count(text.begin(), text.end(), '\n'));  // written inside the `{…}` line
  Programme after = Parsed(first->text);
  const auto& stage = after.workflow.stages.back();
  ASSERT_EQ(stage.stage, "rectification");
  ASSERT_TRUE(stage.local);
  EXPECT_EQ(*stage.local->working_days, 15);
  EXPECT_EQ(stage.local->reference, "六商〔2019〕12号");
  auto a = ToJson(before), b = ToJson(after);
  b["workflow"]["stages"][2]["local"] = nullptr;
  EXPECT_EQ(a.dump(), b.dump());
  // Set again: the block is replaced, not added twice.
  auto second = ApplyLocalEdits(first->text, after, {Rectification("10")});
  auto direct = ApplyLocalEdits(text, before, {Rectification("10")});
  ASSERT_TRUE(second.ok() && direct.ok());
  EXPECT_EQ(second->text, direct->text);
}

TEST(ApplyLocalEdits, StageDeadlineOnlyWhereThePlanLeftItOpen) {
  std::string text = Seed("000_luan_2019_measures.yaml");
  Programme p = Parsed(text);
  auto r = ApplyLocalEdits(text, p, {Rectification("400")});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "values[0].working_days");
  LocalEdit e = Rectification("15");
  e.stage = "review";  // not in this plan
  r = ApplyLocalEdits(text, p, {e});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "values[0].stage");
}

}  // namespace
}  // namespace ruralec::programme
