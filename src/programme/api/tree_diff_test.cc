// The version history's item-by-item difference, table-driven: each case a before and after
// tree and the changes a reviewer should see.
#include "programme/api/tree_diff.h"

#include <gtest/gtest.h>

namespace ruralec::programme::api {
namespace {

using http::Json;

struct Case {
  const char* name;
  const char* before;
  const char* after;
  std::vector<std::string> expected;  // "op path"
};

std::vector<std::string> Ops(const Json& a, const Json& b) {
  std::vector<std::string> out;
  for (const auto& c : DiffTrees(a, b)) out.push_back(c.op + " " + c.path);
  return out;
}

TEST(DiffTrees, Cases) {
  const std::vector<Case> cases = {
      {"same",
       R"({"id":"p","targets":[{"id":"T01","value":"3"}]})",
       R"({"id":"p","targets":[{"id":"T01","value":"3"}]})",
       {}},
      {"value of a target by id, even when reordered",
       R"({"targets":[{"id":"T01","value":"3"},{"id":"T02","value":"5"}]})",
       R"({"targets":[{"id":"T02","value":"6"},{"id":"T01","value":"3"}]})",
       {"changed targets[T02].value"}},
      {"a target added and one removed",
       R"({"targets":[{"id":"T01","value":"3"},{"id":"T02","value":"5"}]})",
       R"({"targets":[{"id":"T01","value":"3"},{"id":"T03","value":"1"}]})",
       {"added targets[T03]", "removed targets[T02]"}},
      {"tasks by number, a lead unit list compared whole",
       R"({"tasks":[{"number":"1","lead_units":["区商务局"]}]})",
       R"({"tasks":[{"number":"1","lead_units":["区商务局","区财政局"]}]})",
       {"changed tasks[1].lead_units"}},
      {"phases without a key: by position",
       R"({"phases":[{"text":"a"},{"text":"b"}]})",
       R"({"phases":[{"text":"a"},{"text":"c"}]})",
       {"changed phases[#2].text"}},
      {"a header field set, one cleared",
       R"({"name":"x","document_number":"埇政〔2019〕1号"})",
       R"({"name":"x","issued_on":"2019-10-12","document_number":""})",
       {"removed document_number", "added issued_on"}},
      {"nested: a tier amount inside a rule",
       R"({"award_rules":[{"id":"R01","amount":{"tiers":[{"from":"1","amount":"2"}]}}]})",
       R"({"award_rules":[{"id":"R01","amount":{"tiers":[{"from":"1","amount":"3"}]}}]})",
       {"changed award_rules[R01].amount.tiers[#1].amount"}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Ops(Json::parse(c.before), Json::parse(c.after)), c.expected) << c.name;
  }
}

TEST(DiffTrees, CarriesBeforeAndAfter) {
  auto changes = DiffTrees(Json::parse(R"({"targets":[{"id":"T01","value":"3"}]})"),
                           Json::parse(R"({"targets":[{"id":"T01","value":"4"}]})"));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].before, "3");
  EXPECT_EQ(changes[0].after, "4");
}

}  // namespace
}  // namespace ruralec::programme::api
