#include "core/types.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace ruralec {
namespace {

TEST(FenTest, ParsesTheFormsSpreadsheetsUse) {
  const struct {
    const char* text;
    int64_t fen;
  } cases[] = {
      {"1,234.56元", 123456}, {"123.4万元", 123400000}, {"6.5亿元", 65000000000},
      {"12.5万元", 12500000}, {"125000.00", 12500000},  {"125000", 12500000},
      {"¥12", 1200},          {"-3.5万", -3500000},     {"0.01", 1},
      {"0.000001万元", 1},    {"0.0000000001亿元", 1},  {" 65 亿元 ", 650000000000},
  };
  for (const auto& c : cases) {
    auto r = Fen::Parse(c.text);
    ASSERT_TRUE(r.ok()) << c.text << ": " << r.error().message;
    EXPECT_EQ(r->value, c.fen) << c.text;
  }
}

TEST(FenTest, RejectsWhatIsNotExactMoney) {
  for (const char* bad :
       {"", "元", "1.234", "0.0000001万元", "1.2.3", "12a", "abc", "99999999999999999999", "1e5"}) {
    auto r = Fen::Parse(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.error().field, "amount");
    }
  }
}

TEST(FenTest, PrintsYuanAndWan) {
  EXPECT_EQ(Fen{123456}.ToYuan(), "1,234.56元");
  EXPECT_EQ(Fen{123400000}.ToWan(), "123.4万元");
  EXPECT_EQ(Fen{-5}.ToYuan(), "-0.05元");
  EXPECT_EQ(Fen{0}.ToWan(), "0万元");
  EXPECT_EQ(Fen{12500000}.ToPlain(), "125000.00");
}

// Money sums never wrap (issue 15 item 7): 103 rows of 9e16 fen leave int64.
TEST(FenTest, CheckedAdditionRefusesToWrap) {
  EXPECT_EQ(Fen{1}.CheckedAdd(Fen{2}), Fen{3});
  EXPECT_EQ(Fen{INT64_MAX}.CheckedAdd(Fen{1}), std::nullopt);
  EXPECT_EQ(Fen{INT64_MIN}.CheckedAdd(Fen{-1}), std::nullopt);
  int64_t sum = 0;
  int added = 0;
  while (added < 103 && AddMoney(&sum, 90'000'000'000'000'000)) ++added;
  EXPECT_EQ(added, 102);
  EXPECT_EQ(sum, 102 * 90'000'000'000'000'000);  // unchanged by the refused addition
  Error e = MoneyOverflow("上行网络零售额");
  EXPECT_EQ(e.code, ErrorCode::kConflict);
  EXPECT_NE(e.message.find("上行网络零售额合计超出可计算范围"), std::string::npos);
}

TEST(RegionCodeTest, PadsAndDerivesLevel) {
  auto c = RegionCode::Parse("341302");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->str(), "341302000000");
  EXPECT_EQ(c->level(), RegionLevel::kCounty);
  EXPECT_EQ(RegionCode::Parse("341302100")->level(), RegionLevel::kTown);
  EXPECT_EQ(RegionCode::Parse("341302100201")->level(), RegionLevel::kVillage);
  EXPECT_EQ(RegionCode::Parse("3413")->level(), RegionLevel::kCity);
  EXPECT_EQ(RegionCode::Parse("34")->level(), RegionLevel::kProvince);
  EXPECT_FALSE(RegionCode::Parse("3413021").ok());
  EXPECT_FALSE(RegionCode::Parse("34130a").ok());
}

TEST(RegionCodeTest, SubtreeContainmentIsByPrefix) {
  RegionCode county = *RegionCode::Parse("341302");
  RegionCode town = *RegionCode::Parse("341302100");
  RegionCode village = *RegionCode::Parse("341302100201");
  RegionCode sibling_town = *RegionCode::Parse("341302101");
  EXPECT_TRUE(county.Contains(village));
  EXPECT_TRUE(town.Contains(village));
  EXPECT_TRUE(town.Contains(town));
  EXPECT_FALSE(sibling_town.Contains(village));
  EXPECT_FALSE(village.Contains(town));
  EXPECT_EQ(village.parent(), town);
  EXPECT_EQ(village.county(), county);
  EXPECT_EQ(town.parent(), county);
}

TEST(IdTest, DistinctTypes) {
  UserId a{3};
  EXPECT_TRUE(a.valid());
  EXPECT_FALSE(UserId{}.valid());
  static_assert(!std::is_convertible_v<UserId, Id<SessionTag>>);
}

}  // namespace
}  // namespace ruralec
