// Read models of the HTTP API: filters and scope of the lists, entity updates, correction
// chains, monthly series and the range figures the indicators use.
#include "sales/queries.h"

#include "entity/queries.h"
#include "sales/test_fixture.h"

namespace ruralec::sales {
namespace {

using testing::SalesFixture;

class QueriesTest : public SalesFixture {
 protected:
  int64_t Add(int64_t entity, const std::string& period, int64_t fen, bool agri = false,
              Direction dir = Direction::kUplink, std::optional<int64_t> brand = std::nullopt) {
    SalesInput in;
    in.entity_id = entity;
    in.brand_id = brand;
    in.period = period;
    in.platform = "淘宝";
    in.direction = dir;
    in.agricultural = agri;
    in.amount = Fen{fen};
    auto c = tdb_.db().Acquire();
    auto id = Record(*c, county_, in, {}, 5);
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : 0;
  }
  PageRequest Page(int size = 20, std::string sort = "", bool desc = false) {
    PageRequest p;
    p.page_size = size;
    p.sort = std::move(sort);
    p.descending = desc;
    return p;
  }
  RegionCode Code(const char* c) { return *RegionCode::Parse(c); }
};

TEST_F(QueriesTest, EntityListFiltersByRegionNameUsccYearAndKind) {
  auto c = tdb_.db().Acquire();
  struct Case {
    std::string name;
    entity::queries::EntityFilter f;
    std::vector<int64_t> want;
  };
  std::vector<Case> cases = {
      {"county", {Code("341302"), {}, "", {}}, {a_, b_}},
      {"town 101 only", {Code("341302101"), {}, "", {}}, {b_}},
      {"name part", {Code("341302"), {}, "合作", {}}, {b_}},
      {"uscc prefix", {Code("341302"), {}, "91341302MA2N00001", {}}, {a_}},
      {"uscc middle is not a prefix", {Code("341302"), {}, "MA2N00001", {}}, {}},
      {"percent is literal", {Code("341302"), {}, "%", {}}, {}},
      {"registered 2019", {Code("341302"), {}, "", 2019}, {b_}},
      {"kind", {Code("341302"), entity::Kind::kCooperative, "", {}}, {}},
  };
  for (const auto& tc : cases) {
    auto p = entity::queries::ListEntities(*c, tc.f, Page());
    ASSERT_TRUE(p.ok()) << tc.name << ": " << p.error().message;
    std::vector<int64_t> got;
    for (const auto& r : p->items) got.push_back(r.entity.id);
    EXPECT_EQ(got, tc.want) << tc.name;
    EXPECT_EQ(p->total, static_cast<int64_t>(tc.want.size())) << tc.name;
  }
}

TEST_F(QueriesTest, EntityListPagesSortsAndRefusesUnknownSort) {
  auto c = tdb_.db().Acquire();
  entity::queries::EntityFilter f{Code("341302"), {}, "", {}};
  auto p = entity::queries::ListEntities(*c, f, Page(1, "name", true));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->total, 2);
  ASSERT_EQ(p->items.size(), 1u);
  EXPECT_EQ(p->items[0].entity.name, "甲公司");  // 甲 U+7532 > 乙 U+4E59 in code-point order
  auto bad = entity::queries::ListEntities(*c, f, Page(20, "mobile_enc"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "sort");
}

TEST_F(QueriesTest, UpdateEntityReportsChangedFieldsAndMovesLedgerRows) {
  int64_t s = Add(a_, "2024-03", 100);
  auto c = tdb_.db().Acquire();
  entity::queries::EntityPatch p;
  p.name = "甲公司（新）";
  p.mobile = "13800138000";
  p.region = Code("341302100201");
  p.contract_farming = true;
  auto changed = entity::queries::UpdateEntity(*c, cipher_, a_, p, 9);
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_EQ(*changed, (std::vector<std::string>{"name", "region_code", "linkage.contract_farming",
                                                "mobile"}));
  auto e = entity::queries::GetEntity(*c, a_);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->entity.name, "甲公司（新）");
  EXPECT_EQ(e->entity.mobile_masked.value_or(""), "138****8000");
  EXPECT_EQ(*entity::RevealMobile(*c, cipher_, a_), "13800138000");
  EXPECT_EQ(e->updated_at, 9);
  // The entity's update leaves the ledger alone; the entity route's extension moves its rows.
  EXPECT_EQ(Get(*c, s)->region.str(), "341302100000");
  ASSERT_TRUE(FollowEntityRegion(*c, a_, *p.region, 9).ok());
  EXPECT_EQ(Get(*c, s)->region.str(), "341302100201");
  // The same values again change nothing.
  auto again = entity::queries::UpdateEntity(*c, cipher_, a_, p, 10);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
  entity::queries::EntityPatch bad;
  bad.mobile = "12345";
  auto r = entity::queries::UpdateEntity(*c, cipher_, a_, bad, 11);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "mobile");
}

TEST_F(QueriesTest, ChainListsEveryVersionNewestFirst) {
  int64_t first = Add(a_, "2024-03", 100);
  auto c = tdb_.db().Acquire();
  SalesInput in = Get(*c, first)->in;
  in.amount = Fen{200};
  int64_t second = *Correct(*c, county_, first, in, "录入错误", 6);
  in.amount = Fen{300};
  int64_t third = *Correct(*c, county_, second, in, "再次核实", 7);
  auto chain = queries::Chain(*c, second);
  ASSERT_TRUE(chain.ok());
  ASSERT_EQ(chain->size(), 3u);
  EXPECT_EQ((*chain)[0].record.id, third);
  EXPECT_EQ((*chain)[0].record.correction_reason, "再次核实");
  EXPECT_TRUE((*chain)[0].record.is_current);
  EXPECT_EQ((*chain)[1].record.id, second);
  EXPECT_FALSE((*chain)[1].record.is_current);
  EXPECT_EQ((*chain)[2].record.id, first);
  // The ledger list shows current rows unless history is asked for.
  queries::SalesFilter f;
  f.region = Code("341302");
  EXPECT_EQ(queries::ListSales(*c, f, Page())->total, 1);
  f.history = true;
  EXPECT_EQ(queries::ListSales(*c, f, Page())->total, 3);
}

TEST_F(QueriesTest, SalesListFilters) {
  Add(a_, "2024-01", 100, true);
  Add(a_, "2024-02", 200, false, Direction::kDownlink);
  Add(b_, "2024-03", 300, true);
  auto c = tdb_.db().Acquire();
  auto total = [&](queries::SalesFilter f) { return queries::ListSales(*c, f, Page())->total; };
  queries::SalesFilter f;
  f.region = Code("341302");
  EXPECT_EQ(total(f), 3);
  auto g = f;
  g.region = Code("341302101");
  EXPECT_EQ(total(g), 1);
  g = f;
  g.from = "2024-02";
  g.to = "2024-02";
  EXPECT_EQ(total(g), 1);
  g = f;
  g.direction = Direction::kUplink;
  EXPECT_EQ(total(g), 2);
  g = f;
  g.agricultural = false;
  EXPECT_EQ(total(g), 1);
  g = f;
  g.entity_id = a_;
  EXPECT_EQ(total(g), 2);
  g = f;
  g.platform = "京东";
  EXPECT_EQ(total(g), 0);
}

TEST_F(QueriesTest, MonthlySeriesHasTwelveMonths) {
  Add(a_, "2024-01", 100, true);
  Add(a_, "2024-01", 50, false, Direction::kDownlink);
  Add(a_, "2024-12", 7);
  Add(a_, "2023-12", 1000);
  auto c = tdb_.db().Acquire();
  auto m = queries::Monthly(*c, a_, 2024);
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->size(), 12u);
  EXPECT_EQ((*m)[0].period, "2024-01");
  EXPECT_EQ((*m)[0].uplink_fen, 100);
  EXPECT_EQ((*m)[0].downlink_fen, 50);
  EXPECT_EQ((*m)[0].agricultural_uplink_fen, 100);
  EXPECT_EQ((*m)[5].uplink_fen, 0);
  EXPECT_EQ((*m)[11].uplink_fen, 7);
}

TEST_F(QueriesTest, RangeFiguresCountMonthsOverlappingTheRange) {
  Add(a_, "2023-12", 100);
  Add(a_, "2024-01", 200, true);
  Add(a_, "2024-06", 400, false, Direction::kDownlink);
  auto c = tdb_.db().Acquire();
  auto r = queries::MonthsOf(*CivilDate::Parse("2024-01-15"), *CivilDate::Parse("2024-06-01"));
  EXPECT_EQ(r.from_period, "2024-01");
  EXPECT_EQ(r.to_period, "2024-06");
  EXPECT_EQ(*queries::SumFen(*c, Code("341302"), r, {}), 200);
  EXPECT_EQ(*queries::SumFen(*c, Code("341302"), r, {false, false}), 600);
  EXPECT_EQ(*queries::SumFen(*c, Code("341302"), r, {true, true}), 200);
  EXPECT_EQ(*queries::SumFen(*c, Code("341302101"), r, {}), 0);
}

TEST_F(QueriesTest, CountOverIsPerCalendarYearAndStrictlyGreater) {
  const Fen kTenMillionYuan{1'000'000'000};
  Add(a_, "2023-12", 600'000'000);  // 600万 + 600万 across two years: never over in one year
  Add(a_, "2024-01", 600'000'000);
  Add(b_, "2024-02", 1'000'000'000);  // exactly 1000万: not over
  auto c = tdb_.db().Acquire();
  auto range = queries::MonthsOf(*CivilDate::Parse("2023-01-01"), *CivilDate::Parse("2024-12-31"));
  EXPECT_EQ(
      *queries::CountOver(*c, Code("341302"), range, kTenMillionYuan, queries::Over::kEntities), 0);
  Add(b_, "2024-03", 1);
  EXPECT_EQ(
      *queries::CountOver(*c, Code("341302"), range, kTenMillionYuan, queries::Over::kEntities), 1);
  EXPECT_EQ(*queries::CountOver(*c, Code("341302"), range, kTenMillionYuan, queries::Over::kTowns),
            1);
  EXPECT_EQ(
      *queries::CountOver(*c, Code("341302100"), range, kTenMillionYuan, queries::Over::kEntities),
      0);
  EXPECT_EQ(*queries::CountOver(*c, Code("341302"), range, kTenMillionYuan, queries::Over::kBrands),
            0);
}

TEST_F(QueriesTest, NewEntitiesCountsRegistrationDatesInsideTheRange) {
  auto c = tdb_.db().Acquire();
  auto r = [](const char* f, const char* t) {
    return queries::MonthsOf(*CivilDate::Parse(f), *CivilDate::Parse(t));
  };
  EXPECT_EQ(*queries::CountNewEntities(*c, Code("341302"), r("2024-01-01", "2024-12-31")), 1);
  EXPECT_EQ(*queries::CountNewEntities(*c, Code("341302"), r("2024-05-02", "2024-12-31")), 0);
  EXPECT_EQ(*queries::CountNewEntities(*c, Code("341302"), r("2019-01-01", "2024-05-01")), 2);
}

// Issue 15 item 7: sums over cells that each fit int64 but not together (two entities of one
// town, rows from before the per-row cap) are an error, never a wrapped negative figure.
TEST(RangeCells, SumsBeyondInt64AreRefused) {
  const int64_t big = 5'000'000'000'000'000'000;
  std::vector<queries::LedgerCell> cells = {
      {"341302100001", 1, std::nullopt, 2023, {{big, big, 0}}},
      {"341302100002", 2, std::nullopt, 2023, {{big, big, 0}}},
  };
  auto town = *RegionCode::Parse("341302100");
  auto sum = queries::SumIn(cells, town, 0, {});
  ASSERT_FALSE(sum.ok()) << *sum;
  EXPECT_EQ(sum.error().code, ErrorCode::kConflict);
  auto one = queries::SumIn(cells, *RegionCode::Parse("341302100001"), 0, {});
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(*one, big);
  cells[1].entity_id = 1;  // one entity's total across two villages
  auto over = queries::CountOverIn(cells, town, 0, Fen{0}, queries::Over::kEntities);
  ASSERT_FALSE(over.ok()) << *over;
  EXPECT_EQ(over.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace ruralec::sales
