// Employment, shops and the coverage of willing-and-able households
// (willing_poor_household_coverage_rate): what counts as help, in which period, per town, and
// the uncovered list as the register shows it.
#include "households/help.h"

#include "households/indicators.h"
#include "households/purchases.h"
#include "households/test_fixture.h"

namespace ruralec::households {
namespace {

using testing::kIds;

class Help : public testing::HouseholdFixture {
 protected:
  int64_t Add(const std::string& village, int i, bool willing_and_able = true) {
    auto h = Register(D(), county_,
                      Input(village, "户主" + std::to_string(i), kIds[i], willing_and_able));
    EXPECT_TRUE(h.ok()) << (h.ok() ? "" : h.error().message);
    return h.ok() ? h->id : 0;
  }
  static CivilDate Day(const std::string& s) { return *CivilDate::Parse(s); }
  Result<runtime::Measurement> Rate(const std::string& region, const std::string& from,
                                    const std::string& to) {
    auto sources = indicators::Sources();
    runtime::IndicatorQuery q{
        "willing_poor_household_coverage_rate", *RegionCode::Parse(region), Day(from), Day(to), {}};
    auto c = tdb_.db().Acquire();
    return sources.at(0).fn(*c, q);
  }
};

TEST_F(Help, EmploymentAndShopsAreCheckedScopedAndAudited) {
  int64_t h = Add("341302100201", 0);
  EmploymentInput e{e1_, "张小明", "打包员", Day("2023-04-01"), Day("2023-03-01")};
  EXPECT_EQ(AddEmployment(D(), town_, h, e).error().field, "until");
  e.until.reset();
  e.entity_id = 999;
  EXPECT_EQ(AddEmployment(D(), town_, h, e).error().field, "entity_id");
  e.entity_id = e1_;
  EXPECT_EQ(AddEmployment(D(), other_town_, h, e).error().code, ErrorCode::kNotFound);
  auto added = AddEmployment(D(), town_, h, e);
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added->in.member_name, "张小明");  // the town sees names
  EXPECT_EQ(Count("SELECT COUNT(*) FROM household_employments WHERE member_name_enc LIKE "
                  "'%张小明%'"),
            0);
  ShopInput s{"淘宝",       "张家酥梨店",      "https://shop.example/1",
              std::nullopt, Day("2023-06-01"), std::nullopt};
  ASSERT_TRUE(AddShop(D(), town_, h, s).ok());
  s.opened_on = Day("2023-12-01");  // in the future
  EXPECT_EQ(AddShop(D(), town_, h, s).error().field, "opened_on");
  auto help = HelpOf(D(), county_, h);
  ASSERT_TRUE(help.ok());
  ASSERT_EQ(help->employments.size(), 1u);
  EXPECT_EQ(help->employments[0].in.member_name, "张**");  // masked above the town
  EXPECT_EQ(help->employments[0].entity_name, "符离电商有限公司");
  EXPECT_EQ(help->shops.size(), 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action IN "
                  "('household.employment.add', 'household.shop.add')"),
            2);
}

// Four households in town 341302100 (one not willing-and-able) and one in town 341302101:
// a purchase, an employment overlapping the year and a shop open in it cover three; a
// purchase of another year, an employment that ended before it and a village seller's
// purchase cover nothing.
TEST_F(Help, CoverageCountsWillingAndAbleHouseholdsWithHelpInThePeriod) {
  int64_t bought = Add("341302100201", 0);
  int64_t employed = Add("341302100201", 1);
  int64_t shop = Add("341302100202", 2);
  int64_t unwilling = Add("341302100202", 3, false);
  int64_t other = Add("341302101203", 4);
  PurchaseInput p;
  p.entity_id = e1_;
  p.household_id = bought;
  p.product = "酥梨";
  p.quantity = 1;
  p.unit = "斤";
  p.amount_fen = 100;
  p.purchased_on = Day("2023-05-01");
  p.evidence_no = "R1";
  ASSERT_TRUE(RecordPurchase(D(), county_, p).ok());
  p.household_id = other;
  p.purchased_on = Day("2022-05-01");  // another year
  ASSERT_TRUE(RecordPurchase(D(), county_, p).ok());
  p.household_id = unwilling;  // helped but not in the denominator
  p.purchased_on = Day("2023-05-01");
  ASSERT_TRUE(RecordPurchase(D(), county_, p).ok());
  ASSERT_TRUE(
      AddEmployment(D(), county_, employed, {e1_, "李工", "", Day("2022-01-01"), Day("2023-01-31")})
          .ok());
  ASSERT_TRUE(
      AddEmployment(D(), county_, other, {e1_, "王工", "", Day("2021-01-01"), Day("2022-12-31")})
          .ok());
  ASSERT_TRUE(
      AddShop(D(), county_, shop, {"微店", "店", "", std::nullopt, Day("2020-01-01"), std::nullopt})
          .ok());
  auto m = Rate("341302", "2023-01-01", "2023-12-31");
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->status, runtime::Measurement::Status::kOk);
  EXPECT_EQ(m->numerator, 3);
  EXPECT_EQ(m->denominator, 4);
  EXPECT_EQ(m->value, 7500);
  auto c =
      CoverageFor(D(), county_, *RegionCode::Parse("341302"), Day("2023-01-01"), Day("2023-12-31"));
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->towns.size(), 2u);
  EXPECT_EQ(c->towns[0].region.str(), "341302100000");
  EXPECT_EQ(c->towns[0].covered, 3);
  EXPECT_EQ(c->towns[0].eligible, 3);
  EXPECT_EQ(c->towns[1].covered, 0);
  // The uncovered list: only the other town's household, masked for the county.
  auto u = Uncovered(D(), county_, *RegionCode::Parse("341302"), Day("2023-01-01"),
                     Day("2023-12-31"), {});
  ASSERT_TRUE(u.ok());
  ASSERT_EQ(u->total, 1);
  EXPECT_EQ(u->items[0].id, other);
  EXPECT_EQ(u->items[0].head_name, "户**");
  EXPECT_EQ(Uncovered(D(), town_, *RegionCode::Parse("341302101"), Day("2023-01-01"),
                      Day("2023-12-31"), {})
                .error()
                .code,
            ErrorCode::kForbidden);
  // Willingness declared after the period does not count; a town without any: no data.
  EXPECT_EQ(Rate("341302", "2022-01-01", "2022-12-31")->status,
            runtime::Measurement::Status::kNoDataSource);
}

}  // namespace
}  // namespace ruralec::households
