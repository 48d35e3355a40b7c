#include "sales/sales.h"

#include "sales/test_fixture.h"

namespace ruralec::sales {
namespace {

using testing::SalesFixture;

TEST(Period, ParsesCommonSpellings) {
  struct Case {
    const char* text;
    const char* want;  // nullptr: rejected
  };
  for (const Case& c : std::vector<Case>{{"2024-03", "2024-03"},
                                         {"2024-3", "2024-03"},
                                         {"2024/03", "2024-03"},
                                         {"2024年3月", "2024-03"},
                                         {"202403", "2024-03"},
                                         {"2024-13", nullptr},
                                         {"2024-03-01", nullptr},
                                         {"1999-12", nullptr},
                                         {"三月", nullptr},
                                         {"", nullptr}}) {
    auto p = ParsePeriod(c.text);
    if (c.want) {
      ASSERT_TRUE(p.ok()) << c.text;
      EXPECT_EQ(*p, c.want);
    } else {
      EXPECT_FALSE(p.ok()) << c.text;
    }
  }
  EXPECT_EQ(*ParseDirection("上行"), Direction::kUplink);
  EXPECT_EQ(*ParseDirection("工业品下行"), Direction::kDownlink);
  EXPECT_FALSE(ParseDirection("横行").ok());
}

class LedgerTest : public SalesFixture {
 protected:
  SalesInput In(int64_t entity, const std::string& period, int64_t fen,
                Direction d = Direction::kUplink) {
    SalesInput in;
    in.entity_id = entity;
    in.period = period;
    in.platform = "淘宝";
    in.direction = d;
    in.agricultural = true;
    in.amount = Fen{fen};
    return in;
  }
};

TEST_F(LedgerTest, SecondRowForTheSameKeyConflictsAndCorrectionKeepsHistory) {
  auto c = tdb_.db().Acquire();
  auto id = Record(*c, county_, In(a_, "2024-01", 100), {}, 10);
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(Record(*c, county_, In(a_, "2024-01", 200), {}, 11).error().code, ErrorCode::kConflict);
  EXPECT_FALSE(Correct(*c, county_, *id, In(a_, "2024-01", 300), "", 12).ok());
  auto fixed = Correct(*c, county_, *id, In(a_, "2024-01", 300), "报送数据有误", 12);
  ASSERT_TRUE(fixed.ok()) << fixed.error().message;
  EXPECT_EQ(Correct(*c, county_, *id, In(a_, "2024-01", 400), "再改", 13).error().code,
            ErrorCode::kConflict);  // only the current row can be corrected
  auto hist = History(*c, a_);
  ASSERT_TRUE(hist.ok());
  ASSERT_EQ(hist->size(), 2u);
  EXPECT_TRUE((*hist)[0].is_current);
  EXPECT_EQ((*hist)[0].in.amount.value, 300);
  EXPECT_EQ((*hist)[0].supersedes_id.value_or(0), *id);
  EXPECT_EQ((*hist)[0].correction_reason, "报送数据有误");
  EXPECT_FALSE((*hist)[1].is_current);
}

TEST_F(LedgerTest, ScopeAndValidation) {
  auto c = tdb_.db().Acquire();
  EXPECT_EQ(Record(*c, town_, In(a_, "2024-01", 1), {}, 1).error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(Record(*c, town_, In(b_, "2024-01", 1), {}, 1).ok());
  EXPECT_EQ(Record(*c, county_, In(a_, "2024-01", -1), {}, 1).error().field, "amount");
  EXPECT_EQ(Record(*c, county_, In(a_, "24-1", 1), {}, 1).error().field, "period");
}

TEST_F(LedgerTest, YearFiguresUseCurrentUplinkRowsAndAThresholdPassedIn) {
  auto c = tdb_.db().Acquire();
  int64_t wan = 1'000'000;  // 1万元 in fen
  ASSERT_TRUE(Record(*c, county_, In(a_, "2024-01", 600 * wan), {}, 1).ok());
  ASSERT_TRUE(Record(*c, county_, In(a_, "2024-12", 500 * wan), {}, 1).ok());
  ASSERT_TRUE(Record(*c, county_, In(a_, "2025-01", 900 * wan), {}, 1).ok());
  ASSERT_TRUE(Record(*c, county_, In(a_, "2024-02", 900 * wan, Direction::kDownlink), {}, 1).ok());
  auto b1 = Record(*c, county_, In(b_, "2024-03", 2000 * wan), {}, 1);
  ASSERT_TRUE(Correct(*c, county_, *b1, In(b_, "2024-03", 800 * wan), "更正", 2).ok());
  auto county = *RegionCode::Parse("341302");
  auto over = EntitiesOver(*c, county, 2024, Fen{1000 * wan});
  ASSERT_TRUE(over.ok()) << over.error().message;
  ASSERT_EQ(over->size(), 1u);  // a_: 1100万; b_ corrected down to 800万
  EXPECT_EQ((*over)[0].id, a_);
  EXPECT_EQ((*over)[0].amount.value, 1100 * wan);
  EXPECT_EQ(EntitiesOver(*c, county, 2024, Fen{100 * wan})->size(), 2u);
  auto rank = Ranking(*c, county, 2024, 10);
  ASSERT_EQ(rank->size(), 2u);
  EXPECT_EQ((*rank)[1].id, b_);
  EXPECT_EQ(EntitiesOver(*c, *RegionCode::Parse("341302101"), 2024, Fen{0})->size(), 1u);
  EXPECT_EQ(*NewEntities(*c, county, 2024), 1);
  auto sum = Summary(*c, county, 2024);
  EXPECT_EQ(sum->uplink.value, 1900 * wan);
  EXPECT_EQ(sum->downlink.value, 900 * wan);
  EXPECT_EQ(sum->agricultural_uplink.value, 1900 * wan);
}

TEST_F(LedgerTest, BrandsOverTheirThreshold) {
  auto c = tdb_.db().Acquire();
  auto brand = entity::AddBrand(*c, {0, a_, "砀山酥梨", "", {"水果"}, true}, 1);
  ASSERT_TRUE(brand.ok());
  auto in = In(a_, "2024-06", 150'000'000);
  in.brand_id = *brand;
  ASSERT_TRUE(Record(*c, county_, in, {}, 1).ok());
  auto over = BrandsOver(*c, *RegionCode::Parse("341302"), 2024, Fen{100'000'000});
  ASSERT_EQ(over->size(), 1u);
  EXPECT_EQ((*over)[0].name, "砀山酥梨");
}

// The summary table's one-pass-per-figure path must agree with Figures() child by child: sums
// by direction and flag, counts over both thresholds (a correction moving an entity below one),
// new entities, a village row counted in its town, and children of different levels at once.
TEST_F(LedgerTest, FiguresOfChildrenEqualFiguresOfEachChild) {
  auto c = tdb_.db().Acquire();
  const int64_t wan = 1'000'000;
  int64_t v = AddEntity(*c, testing::kUsccC, "丙村电商", "341302100201", "2024-02-01");
  auto brand = entity::AddBrand(*c, {0, a_, "砀山酥梨", "", {"水果"}, true}, 1);
  ASSERT_TRUE(brand.ok());
  auto branded = In(a_, "2024-06", 700 * wan);
  branded.brand_id = *brand;
  branded.export_usd_cents = 12345;
  ASSERT_TRUE(Record(*c, county_, branded, {}, 1).ok());
  ASSERT_TRUE(Record(*c, county_, In(a_, "2024-07", 400 * wan), {}, 1).ok());
  ASSERT_TRUE(Record(*c, county_, In(a_, "2024-07", 50 * wan, Direction::kDownlink), {}, 1).ok());
  ASSERT_TRUE(Record(*c, county_, In(v, "2024-03", 1200 * wan), {}, 1).ok());
  ASSERT_TRUE(Record(*c, county_, In(a_, "2023-07", 9000 * wan), {}, 1).ok());  // other year
  auto b1 = Record(*c, county_, In(b_, "2024-03", 2000 * wan), {}, 1);
  ASSERT_TRUE(Correct(*c, county_, *b1, In(b_, "2024-03", 800 * wan), "更正", 2).ok());

  auto county = *RegionCode::Parse("341302");
  const std::vector<std::string> codes = {"341302100000", "341302101000", "341302100201"};
  std::vector<RegionCode> children;
  for (const auto& code : codes) children.push_back(*RegionCode::Parse(code));
  for (auto te : {std::optional<Fen>{}, std::optional<Fen>{Fen{1000 * wan}}}) {
    for (auto tb : {std::optional<Fen>{}, std::optional<Fen>{Fen{500 * wan}}}) {
      auto all = FiguresOfChildren(*c, county, children, 2024, te, tb);
      ASSERT_TRUE(all.ok()) << all.error().message;
      ASSERT_EQ(all->size(), codes.size());
      for (const auto& code : codes) {
        auto one = Figures(*c, *RegionCode::Parse(code), 2024, te, tb);
        ASSERT_TRUE(one.ok());
        const RegionFigures& got = all->at(code);
        EXPECT_EQ(got.sum.uplink, one->sum.uplink) << code;
        EXPECT_EQ(got.sum.downlink, one->sum.downlink) << code;
        EXPECT_EQ(got.sum.agricultural_uplink, one->sum.agricultural_uplink) << code;
        EXPECT_EQ(got.sum.export_usd_cents, one->sum.export_usd_cents) << code;
        EXPECT_EQ(got.entities_over, one->entities_over) << code;
        EXPECT_EQ(got.brands_over, one->brands_over) << code;
        EXPECT_EQ(got.new_entities, one->new_entities) << code;
      }
    }
  }
  // The values themselves, with both thresholds.
  auto all = FiguresOfChildren(*c, county, children, 2024, Fen{1000 * wan}, Fen{500 * wan});
  const RegionFigures& t = all->at("341302100000");
  EXPECT_EQ(t.sum.uplink.value, 2300 * wan);  // 700 + 400 + the village's 1200
  EXPECT_EQ(t.sum.downlink.value, 50 * wan);
  EXPECT_EQ(t.sum.export_usd_cents, 12345);
  EXPECT_EQ(t.entities_over, 2);  // a_ 1100万, the village entity 1200万
  EXPECT_EQ(t.brands_over, 1);
  EXPECT_EQ(t.new_entities, 2);  // a_ and the village entity registered in 2024
  EXPECT_EQ(all->at("341302101000").entities_over, 0);  // b_ corrected down to 800万
  EXPECT_EQ(all->at("341302100201").sum.uplink.value, 1200 * wan);
  // A child without rows gets zeros and 0 counts; no children, no figures.
  auto quiet = FiguresOfChildren(*c, county, children, 2019, Fen{1}, std::nullopt);
  EXPECT_EQ(quiet->at("341302101000").sum.uplink.value, 0);
  EXPECT_EQ(quiet->at("341302101000").entities_over, 0);
  EXPECT_FALSE(quiet->at("341302101000").brands_over.has_value());
  EXPECT_TRUE(FiguresOfChildren(*c, county, {}, 2024, {}, {})->empty());
}

}  // namespace
}  // namespace ruralec::sales
