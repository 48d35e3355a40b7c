#include "entity/entity.h"

#include <gtest/gtest.h>

#include "entity/queries.h"
#include "region/region.h"
#include "region/testing.h"
#include "storage/figure_changes.h"
#include "storage/testing.h"

namespace ruralec::entity {
namespace {

constexpr char kUscc1[] = "91341302MA2N00001C";
constexpr char kUscc2[] = "91341302MA2N00002F";

class EntityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    county_.region = *RegionCode::Parse("341302");
    town_.region = *RegionCode::Parse("341302101");
  }
  NewEntity Sample(const std::string& uscc, const std::string& region) {
    NewEntity e;
    e.uscc = uscc;
    e.name = "砀山梨业有限公司";
    e.region = *RegionCode::Parse(region);
    e.registered_on = CivilDate(2019, 3, 1);
    e.contact_name = "张三";
    e.mobile = "13800138000";
    return e;
  }
  storage::testing::TempDatabase tdb_;
  crypto::FieldCipher cipher_ = crypto::FieldCipher::FromKey({});
  account::Principal county_, town_;
};

TEST(EntityRules, KindsAndFlagsParseFromCodeOrChinese) {
  struct Case {
    const char* text;
    bool ok;
    Kind kind;
  };
  for (const Case& c : std::vector<Case>{{"企业", true, Kind::kEnterprise},
                                         {"cooperative", true, Kind::kCooperative},
                                         {"农民专业合作社", true, Kind::kCooperative},
                                         {"家庭农场", true, Kind::kFamilyFarm},
                                         {"个体户", true, Kind::kIndividualBusiness},
                                         {"运营服务商", true, Kind::kOperator},
                                         {"公司", false, Kind::kEnterprise}}) {
    auto k = ParseKind(c.text);
    EXPECT_EQ(k.ok(), c.ok) << c.text;
    if (k.ok()) {
      EXPECT_EQ(*k, c.kind) << c.text;
    }
  }
  EXPECT_TRUE(*ParseFlag("是", "f"));
  EXPECT_FALSE(*ParseFlag("", "f"));
  EXPECT_FALSE(ParseFlag("也许", "f").ok());
}

TEST_F(EntityTest, InsertStoresMobileEncryptedAndMasked) {
  auto c = tdb_.db().Acquire();
  auto id = Insert(*c, cipher_, county_, Sample(kUscc1, "341302100201"), 1000);
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto e = Get(*c, *id);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->mobile_masked.value_or(""), "138****8000");
  EXPECT_EQ(e->region.str(), "341302100201");
  auto raw = c->QueryOne("SELECT mobile_enc FROM entities WHERE id = ?", {*id}, "x");
  EXPECT_EQ(raw->Text(0).find("13800138000"), std::string::npos);
  EXPECT_EQ(*RevealMobile(*c, cipher_, *id), "13800138000");
}

TEST_F(EntityTest, RejectsDuplicateBadCodeWrongLevelAndOutOfScope) {
  auto c = tdb_.db().Acquire();
  ASSERT_TRUE(Insert(*c, cipher_, county_, Sample(kUscc1, "341302100"), 1).ok());
  EXPECT_EQ(Insert(*c, cipher_, county_, Sample(kUscc1, "341302100"), 1).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(
      Insert(*c, cipher_, county_, Sample("91341302MA2N00001D", "341302100"), 1).error().field,
      "uscc");
  EXPECT_EQ(Insert(*c, cipher_, county_, Sample(kUscc2, "341302"), 1).error().field, "region_code");
  EXPECT_EQ(Insert(*c, cipher_, town_, Sample(kUscc2, "341302100"), 1).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(Insert(*c, cipher_, county_, Sample(kUscc2, "341302102"), 1).error().field,
            "region_code");  // does not exist
}

TEST_F(EntityTest, ShopsAndBrands) {
  auto c = tdb_.db().Acquire();
  int64_t id = *Insert(*c, cipher_, county_, Sample(kUscc1, "341302100"), 1);
  ASSERT_TRUE(AddShop(*c, {0, id, "淘宝", "砀山梨旗舰店", "shop123"}, 2).ok());
  EXPECT_EQ(AddShop(*c, {0, id, "淘宝", "", "shop123"}, 2).error().code, ErrorCode::kConflict);
  ASSERT_TRUE(AddBrand(*c, {0, id, "砀山酥梨", "TM-1", {"水果"}, true}, 3).ok());
  auto b = FindBrand(*c, id, "砀山酥梨");
  ASSERT_TRUE(b.ok() && b->has_value());
  EXPECT_TRUE((*b)->regional_brand);
  EXPECT_TRUE(FindShop(*c, id, "shop123")->has_value());
}

TEST(EntityRules, PositionIsBothCoordinatesInsideChina) {
  auto p = ParsePoint(" 33.6452 ", "116.9644");
  ASSERT_TRUE(p.ok() && p->has_value()) << p.error().message;
  EXPECT_EQ((*p)->lat_e6, 33'645'200);
  EXPECT_EQ((*p)->lng_e6, 116'964'400);
  EXPECT_EQ(FormatDegrees((*p)->lng_e6), "116.964400");
  EXPECT_FALSE(ParsePoint("", "")->has_value());  // optional
  struct Bad {
    const char *lat, *lng, *field, *says;
  };
  for (const Bad& b : std::vector<Bad>{
           {"33.6", "", "lng", "同时填写"},
           {"", "116.9", "lat", "同时填写"},
           {"116.9644", "33.6452", "lat", "中国境内"},  // swapped: latitude 116 is none
           {"33.6452", "33.6452", "lng", "中国境内"},   // longitude 33 is west of China
           {"-33.6", "116.9", "lat", "中国境内"},
           {"33.6", "16.9", "lng", "中国境内"},
           {"33.1234567", "116.9", "lat", "最多6位小数"},
           {"北纬33", "116.9", "lat", "十进制度数"},
       }) {
    auto r = ParsePoint(b.lat, b.lng);
    ASSERT_FALSE(r.ok()) << b.lat << "," << b.lng;
    EXPECT_EQ(r.error().field, b.field) << b.lat << "," << b.lng;
    EXPECT_NE(r.error().message.find(b.says), std::string::npos) << r.error().message;
  }
}

TEST_F(EntityTest, PositionIsStoredUpdatedClearedAndFiltered) {
  auto c = tdb_.db().Acquire();
  NewEntity e = Sample(kUscc1, "341302100201");
  e.point = Point{33'645'200, 116'964'400};
  int64_t with = *Insert(*c, cipher_, county_, e, 1);
  int64_t without = *Insert(*c, cipher_, county_, Sample(kUscc2, "341302100"), 1);
  EXPECT_EQ(Get(*c, with)->point, (Point{33'645'200, 116'964'400}));
  EXPECT_FALSE(Get(*c, without)->point.has_value());
  e.uscc = "91341302MA2N00003J";
  e.point = Point{116'964'400, 33'645'200};  // swapped: latitude 116 is no latitude
  EXPECT_EQ(Insert(*c, cipher_, county_, e, 1).error().field, "lat");

  queries::EntityFilter f;
  f.region = *RegionCode::Parse("341302");
  f.located = true;
  PageRequest page;
  auto located = queries::ListEntities(*c, f, page);
  ASSERT_TRUE(located.ok());
  ASSERT_EQ(located->items.size(), 1u);
  EXPECT_EQ(located->items[0].entity.id, with);
  f.located = false;
  EXPECT_EQ(queries::ListEntities(*c, f, page)->items.at(0).entity.id, without);

  queries::EntityPatch set;
  set.point = std::optional<Point>(Point{33'700'000, 117'000'000});
  auto changed = queries::UpdateEntity(*c, cipher_, without, set, 2);
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_EQ(*changed, std::vector<std::string>{"location"});
  EXPECT_EQ(Get(*c, without)->point, (Point{33'700'000, 117'000'000}));
  queries::EntityPatch clear;
  clear.point = std::optional<Point>();
  ASSERT_TRUE(queries::UpdateEntity(*c, cipher_, without, clear, 3).ok());
  EXPECT_FALSE(Get(*c, without)->point.has_value());
  queries::EntityPatch abroad;
  abroad.point = std::optional<Point>(Point{48'850'000, 2'350'000});  // Paris
  EXPECT_EQ(queries::UpdateEntity(*c, cipher_, without, abroad, 4).error().field, "lng");
}

// `new_entities` is stored per county and month on the screen: a registration, a changed
// registration date and an import undone mark the county from the month they change.
TEST_F(EntityTest, RegistrationsMarkTheirCountyAndMonth) {
  auto c = tdb_.db().Acquire();
  auto marks = [&] { return *storage::PendingFigureChanges(*c); };
  NewEntity undated = Sample(kUscc2, "341302100");
  undated.registered_on.reset();
  int64_t id = *Insert(*c, cipher_, county_, undated, 1);
  EXPECT_TRUE(marks().empty());  // counted in no month
  queries::EntityPatch name;
  name.name = "改名后的公司";
  ASSERT_TRUE(queries::UpdateEntity(*c, cipher_, id, name, 2).ok());
  EXPECT_TRUE(marks().empty());  // a name is no figure

  ASSERT_TRUE(Insert(*c, cipher_, county_, Sample(kUscc1, "341302100201"), 3).ok());
  ASSERT_EQ(marks().size(), 1u);
  EXPECT_EQ(marks()[0].county, "341302000000");
  EXPECT_EQ(marks()[0].from_month, "2019-03");
  ASSERT_TRUE(storage::ClearFigureChange(*c, marks()[0]).ok());

  queries::EntityPatch dated;
  dated.registered_on = std::optional<CivilDate>(CivilDate(2018, 11, 5));
  ASSERT_TRUE(queries::UpdateEntity(*c, cipher_, id, dated, 4).ok());
  ASSERT_EQ(marks().size(), 1u);
  EXPECT_EQ(marks()[0].from_month, "2018-11");
}

}  // namespace
}  // namespace ruralec::entity
