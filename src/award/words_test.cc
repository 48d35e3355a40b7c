// Words of award exports (docs/AWARDS.md "Exports"), table-driven.
#include "award/words.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace ruralec::award {
namespace {

TEST(Words, EveryMetricAndSubjectOfTheSeedsHasALabel) {
  std::set<std::string> metrics, subjects;
  const std::regex metric(R"(metric: ([a-z_]+))"), subject(R"(subject: ([a-z_]+))");
  for (const auto& f :
       std::filesystem::directory_iterator(std::string(RURALEC_SOURCE_DIR) + "/programmes")) {
    if (f.path().extension() != ".yaml") continue;
    std::ifstream in(f.path());
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    for (std::sregex_iterator it(s.begin(), s.end(), metric), end; it != end; ++it)
      metrics.insert((*it)[1]);
    for (std::sregex_iterator it(s.begin(), s.end(), subject), end; it != end; ++it)
      subjects.insert((*it)[1]);
  }
  ASSERT_GE(metrics.size(), 10u);
  for (const auto& m : metrics) EXPECT_NE(MetricLabel(m), m) << m << " has no label";
  for (const auto& s : subjects) EXPECT_NE(SubjectLabel(s), s) << s << " has no label";
  EXPECT_EQ(MetricLabel("not_a_metric"), "not_a_metric");
}

TEST(Words, QuantitiesReadAsAPersonWritesThem) {
  struct Case {
    int64_t value;
    const char* unit;
    const char* words;
  };
  const Case cases[] = {
      {1500000000, "fen", "15,000,000.00元"},
      {5, "fen", "0.05元"},
      {-123456, "fen", "-1,234.56元"},
      {100000, "us_cent", "1,000.00美元"},
      {35, "count", "35次"},
      {999, "fen", "9.99元"},
  };
  for (const auto& c : cases) EXPECT_EQ(QuantityWords(c.value, c.unit), c.words) << c.value;
  EXPECT_EQ(ComparatorWords(">="), "不少于");
  EXPECT_EQ(ComparatorWords(">"), "超过");
  EXPECT_EQ(ListStatusLabel("approved"), "已核定");
  EXPECT_EQ(RuleStatusLabel(RuleStatus::kNoDataSource), "暂无数据来源");
}

Explanation TieredLine() {
  Explanation ex;
  ex.metrics.push_back(
      {"uplink_online_sales", 1500000000, "fen", ">", 1000000000, false, {11, 12}});
  ex.tier = TierUse{1, 1000000000, 2000000000, 50000000};
  ex.multipliers = {{"poverty_county", 2000, true}, {"old_revolutionary_area", 1000, false}};
  ex.set_locally = true;
  ex.set_by = "区商务局";
  ex.local_reference = "测〔2019〕3号";
  return ex;
}

TEST(Words, BasisNamesMetricTierUpliftAndLocalDecision) {
  const std::map<std::string, std::string> tags{{"poverty_county", "贫困县"}};
  EXPECT_EQ(BasisWords(TieredLine(), tags, false),
            "农产品上行网络销售额 15,000,000.00元（条件：超过 10,000,000.00元）；第1档；"
            "贫困县上浮20%；地方设定（区商务局 测〔2019〕3号）");
  EXPECT_EQ(BasisWords(TieredLine(), tags, true),
            "农产品上行网络销售额 15,000,000.00元（条件：超过 10,000,000.00元），依据台账记录2条；"
            "第1档；贫困县上浮20%；地方设定（区商务局 测〔2019〕3号）");
  Explanation pct;
  pct.percent_bp = 1000;
  pct.percent_of = "purchase_from_poor";
  pct.percent_base = 12345600;
  pct.cap_applied = true;
  EXPECT_EQ(BasisWords(pct, tags, false),
            "按采购贫困村、贫困户农产品金额 123,456.00元的10%计；按上限封顶");
  pct.percent_bp = 250;
  EXPECT_NE(BasisWords(pct, tags, false).find("的2.5%计"), std::string::npos);
  pct.percent_bp = 5;
  EXPECT_NE(BasisWords(pct, tags, false).find("的0.05%计"), std::string::npos);
}

}  // namespace
}  // namespace ruralec::award
