// The matching rules, table-driven (rules.h contract).
#include "matching/rules.h"

#include <gtest/gtest.h>

#include <random>

namespace ruralec::matching {
namespace {

CivilDate D(const char* s) { return *CivilDate::Parse(s); }

// 宿州 area: the delivery point and stations at known distances.
constexpr Point kDelivery{33'646'000, 116'964'000};
constexpr Point kNear{33'700'000, 116'964'000};  // ~6.0 km north
constexpr Point kFar{34'646'000, 116'964'000};   // ~111 km north

DemandTerms Demand() {
  return {"酥梨", "斤", 1000, 200, 300, D("2023-09-01"), D("2023-09-30"), kDelivery};
}
Offer Listing(int64_t id) {
  return {id, "酥梨", "斤", 1000, 250, D("2023-09-01"), D("2023-09-30"), kNear};
}

TEST(MatchingRules, HardRulesExclude) {
  struct Case {
    const char* name;
    void (*change)(Offer&);
    bool proposed;
  };
  const Case cases[] = {
      {"same everything", [](Offer&) {}, true},
      {"other product", [](Offer& o) { o.product = "砀山梨"; }, false},
      {"other unit family", [](Offer& o) { o.unit = "箱"; }, false},
      {"mass units compare", [](Offer& o) { o.unit = "公斤"; }, true},
      {"period ends the day before",
       [](Offer& o) {
         o.from = D("2023-08-01");
         o.to = D("2023-08-31");
       },
       false},
      {"period touches one day",
       [](Offer& o) {
         o.from = D("2023-08-01");
         o.to = D("2023-09-01");
       },
       true},
      {"starts after",
       [](Offer& o) {
         o.from = D("2023-10-01");
         o.to = D("2023-10-31");
       },
       false},
      {"nothing left", [](Offer& o) { o.left = 0; }, false},
  };
  for (const Case& c : cases) {
    Offer o = Listing(1);
    c.change(o);
    EXPECT_EQ(Propose(Demand(), o).has_value(), c.proposed) << c.name;
  }
}

TEST(MatchingRules, ScoresEachPartWithItsReason) {
  struct Case {
    const char* name;
    void (*change)(Offer&);
    int quantity, distance, period, price;
    const char* text;  // a fragment of one reason
  };
  const Case cases[] = {
      {"all full, near", [](Offer&) {}, 40, 38, 10, 10, "可全部满足"},
      {"half the quantity", [](Offer& o) { o.left = 500; }, 20, 38, 10, 10, "的 50%"},
      {"kg covers more",
       [](Offer& o) {
         o.unit = "公斤";
         o.left = 500;
       },
       40, 38, 10, 10, "可供 500 公斤"},
      {"far beyond 100 km", [](Offer& o) { o.station = kFar; }, 40, 0, 10, 10, "公里"},
      {"no coordinates", [](Offer& o) { o.station.reset(); }, 40, 0, 10, 10, "站点未登记坐标"},
      {"half the period", [](Offer& o) { o.to = D("2023-09-15"); }, 40, 38, 5, 10, "重叠 15 天"},
      {"price above max", [](Offer& o) { o.price_fen = 301; }, 40, 38, 10, 0, "高于需求最高价"},
      {"price per kg equal",
       [](Offer& o) {
         o.unit = "公斤";
         o.price_fen = 600;
       },
       40, 38, 10, 10, "不高于"},
      {"no price", [](Offer& o) { o.price_fen.reset(); }, 40, 38, 10, 5, "面议"},
  };
  for (const Case& c : cases) {
    Offer o = Listing(1);
    c.change(o);
    auto p = Propose(Demand(), o);
    ASSERT_TRUE(p) << c.name;
    ASSERT_EQ(p->reasons.size(), 4u) << c.name;
    EXPECT_EQ(p->reasons[0].points, c.quantity) << c.name;
    EXPECT_EQ(p->reasons[1].points, c.distance) << c.name;
    EXPECT_EQ(p->reasons[2].points, c.period) << c.name;
    EXPECT_EQ(p->reasons[3].points, c.price) << c.name;
    EXPECT_EQ(p->score, c.quantity + c.distance + c.period + c.price) << c.name;
    bool found = false;
    for (const auto& r : p->reasons) found |= r.text.find(c.text) != std::string::npos;
    EXPECT_TRUE(found) << c.name << ": no reason says " << c.text;
  }
}

TEST(MatchingRules, DemandWithoutDeliveryPointSaysSo) {
  DemandTerms d = Demand();
  d.delivery.reset();
  auto p = Propose(d, Listing(1));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->reasons[1].points, 0);
  EXPECT_NE(p->reasons[1].text.find("需求未填写收货地点"), std::string::npos);
  EXPECT_FALSE(p->distance_m);
}

TEST(MatchingRules, RanksByScoreThenDistanceThenId) {
  Offer small = Listing(1);
  small.left = 100;  // 4 points of quantity
  Offer far = Listing(2);
  far.station = Point{33'746'000, 116'964'000};  // ~11 km: 36 distance points
  Offer near = Listing(3);
  Offer twin = Listing(4);  // same as near: ties broken by id
  Offer excluded = Listing(5);
  excluded.product = "苹果";
  auto ranked = Rank(Demand(), {small, far, near, twin, excluded});
  ASSERT_EQ(ranked.size(), 4u);
  EXPECT_EQ(ranked[0].listing_id, 3);
  EXPECT_EQ(ranked[1].listing_id, 4);
  EXPECT_EQ(ranked[2].listing_id, 2);
  EXPECT_EQ(ranked[3].listing_id, 1);
}

TEST(MatchingRules, UnitsAndDistance) {
  EXPECT_EQ(Convert(3, "吨", "斤"), 6000);
  EXPECT_EQ(Convert(3, "斤", "公斤"), 1);  // rounded down
  EXPECT_TRUE(Comparable("千克", "kg"));
  EXPECT_FALSE(Comparable("箱", "斤"));
  EXPECT_TRUE(Comparable("箱", "箱"));
  int64_t m = DistanceMetres(kDelivery, kNear);
  EXPECT_NEAR(m, 6005, 10);  // 0.054° of latitude
  EXPECT_EQ(DistanceMetres(kNear, kNear), 0);
}

TEST(MatchingRules, ProposedQuantityIsWhatBothHaveLeft) {
  Offer big = Listing(1);
  big.left = 5000;
  EXPECT_EQ(Propose(Demand(), big)->quantity, 1000);
  Offer kg = Listing(2);
  kg.unit = "公斤";
  kg.left = 300;  // 600 斤 of the 1000 wanted
  EXPECT_EQ(Propose(Demand(), kg)->quantity, 300);
}

// A random demand and offers over a few products, mass and other units, periods, prices (some
// 面议), stations (some without coordinates) and repeated points, so scores and distances tie.
struct RandomCase {
  DemandTerms demand;
  std::vector<Offer> offers;
};

RandomCase Random(std::mt19937_64& rng, int n) {
  auto pick = [&](int k) { return static_cast<int>(rng() % static_cast<uint64_t>(k)); };
  const char* products[] = {"酥梨", "苹果", "山药"};
  const char* units[] = {"斤", "公斤", "吨", "箱"};
  auto date = [&](int day) { return CivilDate::FromDays(19358 + day); };  // 2023-01-01
  auto point = [&]() -> std::optional<Point> {
    if (pick(8) == 0) return std::nullopt;
    return Point{33'400'000 + pick(20) * 20'000, 116'700'000 + pick(20) * 20'000};
  };
  RandomCase c;
  int from = pick(300);
  c.demand = {products[pick(2)], units[pick(3)], 1 + pick(5000),        std::nullopt,
              std::nullopt,      date(from),     date(from + pick(90)), point()};
  if (pick(3) > 0) c.demand.price_max_fen = 100 + pick(400);
  for (int i = 0; i < n; ++i) {
    int f = pick(365);
    Offer o{
        i + 1,        products[pick(3)], units[pick(4)],      pick(20) == 0 ? 0 : 1 + pick(3000),
        std::nullopt, date(f),           date(f + pick(120)), point()};
    if (pick(4) > 0) o.price_fen = 100 + pick(400);
    c.offers.push_back(std::move(o));
  }
  return c;
}

TEST(MatchingRules, ScoresWithoutTextsRankAsProposeDoes) {
  std::mt19937_64 rng(20261207);
  for (int round = 0; round < 200; ++round) {
    RandomCase c = Random(rng, 1 + round * 3);
    auto expected = Rank(c.demand, c.offers);
    auto scores = RankScores(c.demand, c.offers);
    ASSERT_EQ(scores.size(), expected.size()) << "round " << round;
    for (size_t i = 0; i < scores.size(); ++i) {
      SCOPED_TRACE("round " + std::to_string(round) + " place " + std::to_string(i));
      const Proposal& want = expected[i];
      EXPECT_EQ(scores[i].listing_id, want.listing_id);
      EXPECT_EQ(scores[i].score, want.score);
      EXPECT_EQ(scores[i].distance_m, want.distance_m);
      Proposal got = Explain(c.demand, c.offers, scores[i]);
      EXPECT_EQ(got.listing_id, want.listing_id);
      EXPECT_EQ(got.score, want.score);
      EXPECT_EQ(got.quantity, want.quantity);
      ASSERT_EQ(got.reasons.size(), want.reasons.size());
      for (size_t r = 0; r < got.reasons.size(); ++r) {
        EXPECT_EQ(got.reasons[r].code, want.reasons[r].code);
        EXPECT_EQ(got.reasons[r].points, want.reasons[r].points);
        EXPECT_EQ(got.reasons[r].text, want.reasons[r].text);
      }
    }
  }
}

}  // namespace
}  // namespace ruralec::matching
