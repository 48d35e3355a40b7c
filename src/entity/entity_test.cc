#include "entity/entity.h"

#include <gtest/gtest.h>

#include "region/region.h"
#include "region/testing.h"
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

}  // namespace
}  // namespace ruralec::entity
