// The matching rules (docs/MATCHING.md "Proposals"): which open listings a demand is proposed
// and how they rank. Pure functions on plain values (no database), table-tested in
// rules_test.cc.
//
// Contract:
//  - A listing is proposed for a demand when all hold: the same product (trimmed, exact), a
//    comparable unit (the same unit, or both units of mass: 斤, 公斤/千克/kg, 吨/t, 克/g),
//    periods that overlap (inclusive civil dates), and something left on both sides.
//  - Its score (0–100) is the sum of four parts, each a Reason with its points and a Chinese
//    sentence saying why:
//      quantity  40 × min(1, what the listing has left ÷ what the demand has left)
//      distance  40 × max(0, 1 − km ÷ 100) between the listing's station and the demand's
//                delivery point (0 with the reason when either has no coordinates)
//      period    10 × overlapping days ÷ the demand's days
//      price     10 when the listed price is at or below the demand's maximum or either has no
//                price bound (5 when the listing has no price: 面议), 0 above the maximum
//    Points are rounded half up. Ranking: score, then distance (unknown last), then listing id.
//  - Quantities compare in grams for mass units (1 斤 = 500 g), else in the unit itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace ruralec::matching {

// WGS-84 point in micro-degrees (as the station registry stores it).
struct Point {
  int64_t lat_e6 = 0, lng_e6 = 0;
};
// Great-circle distance in metres (haversine, mean Earth radius 6,371,008.8 m).
int64_t DistanceMetres(Point a, Point b);

// A unit's family ("g" for mass; otherwise the unit itself) and its size in that family.
struct UnitScale {
  std::string family;
  int64_t size = 1;
};
UnitScale ScaleOf(std::string_view unit);
bool Comparable(std::string_view a, std::string_view b);
// `quantity` of unit `from` expressed in unit `to` (rounded down); the units are comparable.
int64_t Convert(int64_t quantity, std::string_view from, std::string_view to);

struct DemandTerms {
  std::string product, unit;
  int64_t left = 0;  // quantity still wanted, in `unit`
  std::optional<int64_t> price_min_fen, price_max_fen;
  CivilDate from, to;
  std::optional<Point> delivery;
};

struct Offer {
  int64_t listing_id = 0;
  std::string product, unit;
  int64_t left = 0;  // quantity still offered, in `unit`
  std::optional<int64_t> price_fen;
  CivilDate from, to;
  std::optional<Point> station;
};

struct Reason {
  std::string code;  // quantity | distance | period | price
  int points = 0;
  std::string text;
};

struct Proposal {
  int64_t listing_id = 0;
  int score = 0;
  std::optional<int64_t> distance_m;
  int64_t quantity = 0;  // what can be matched now, in the listing's unit
  std::vector<Reason> reasons;
};

// The proposal of `o` for `d`, or nullopt when a hard rule excludes it.
std::optional<Proposal> Propose(const DemandTerms& d, const Offer& o);
// Every proposal, best first.
std::vector<Proposal> Rank(const DemandTerms& d, const std::vector<Offer>& offers);

// The ranking without the reasons' texts (issue 19's measure: building four sentences per
// candidate was most of the time at 33,333 candidates). A Score carries what the order reads;
// Explain gives the page's Proposals. RankScores(d, offers) in order, each Explained, equals
// Rank(d, offers) (rules_test.cc checks it on random data).
struct Score {
  size_t offer = 0;  // index in the offers given to RankScores
  int64_t listing_id = 0;
  int score = 0;
  std::optional<int64_t> distance_m;
};
// The score of `o` for `d` (numbers only), or nullopt when a hard rule excludes it.
std::optional<Score> ScoreOf(const DemandTerms& d, const Offer& o);
// Every score, best first (the order of Rank).
std::vector<Score> RankScores(const DemandTerms& d, const std::vector<Offer>& offers);
// The proposal, with its reasons, of a scored offer.
Proposal Explain(const DemandTerms& d, const std::vector<Offer>& offers, const Score& s);

}  // namespace ruralec::matching
