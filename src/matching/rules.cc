#include "matching/rules.h"

#include <algorithm>
#include <cmath>

#include "core/types.h"

namespace ruralec::matching {
namespace {

constexpr int kQuantityPoints = 40, kDistancePoints = 40, kPeriodPoints = 10, kPricePoints = 10;
constexpr int64_t kDistanceHorizonM = 100'000;  // beyond 100 km distance earns nothing

// round(points × num ÷ den), half up; 0 ≤ num ≤ den, den > 0.
int Share(int points, int64_t num, int64_t den) {
  return static_cast<int>((2 * points * num + den) / (2 * den));
}

std::string Price(int64_t fen, const std::string& unit) {
  return Fen{fen}.ToPlain() + " 元/" + unit;
}

// The points of each reason, shared by the reasons (Propose) and the scores (ScoreOf).
int QuantityPoints(const DemandTerms& d, int64_t offered) {
  return Share(kQuantityPoints, std::min(offered, d.left), d.left);
}

int DistancePoints(int64_t metres) {
  return Share(kDistancePoints, std::max<int64_t>(0, kDistanceHorizonM - metres),
               kDistanceHorizonM);
}

int64_t DemandDays(const DemandTerms& d) {
  return d.to.DaysSinceEpoch() - d.from.DaysSinceEpoch() + 1;
}

int64_t OverlapDays(const DemandTerms& d, const Offer& o) {
  return std::min(d.to, o.to).DaysSinceEpoch() - std::max(d.from, o.from).DaysSinceEpoch() + 1;
}

// Whether the listed price is above the demand's maximum, compared per gram (or per unit) so
// 元/斤 and 元/公斤 agree; both are set.
bool AboveMaximum(const DemandTerms& d, const Offer& o) {
  int64_t os = ScaleOf(o.unit).size, ds = ScaleOf(d.unit).size;
  __int128 lhs = static_cast<__int128>(*o.price_fen) * ds;
  __int128 rhs = static_cast<__int128>(*d.price_max_fen) * os;
  return lhs > rhs;
}

int PricePoints(const DemandTerms& d, const Offer& o) {
  if (!o.price_fen) return kPricePoints / 2;
  if (!d.price_max_fen) return kPricePoints;
  return AboveMaximum(d, o) ? 0 : kPricePoints;
}

bool Excluded(const DemandTerms& d, const Offer& o) {
  if (o.product != d.product || !Comparable(o.unit, d.unit)) return true;
  return o.to < d.from || d.to < o.from || o.left <= 0 || d.left <= 0;
}

Reason QuantityReason(const DemandTerms& d, const Offer& o, int64_t offered) {
  int64_t covered = std::min(offered, d.left);
  Reason r{"quantity", QuantityPoints(d, offered), ""};
  std::string have = std::to_string(o.left) + " " + o.unit;
  if (offered >= d.left)
    r.text = "可供 " + have + "，可全部满足尚需的 " + std::to_string(d.left) + " " + d.unit;
  else
    r.text = "可供 " + have + "，满足尚需 " + std::to_string(d.left) + " " + d.unit + " 的 " +
             std::to_string(covered * 100 / d.left) + "%";
  return r;
}

Reason DistanceReason(const DemandTerms& d, const Offer& o, std::optional<int64_t>& metres) {
  if (!o.station) return {"distance", 0, "站点未登记坐标，不计距离分"};
  if (!d.delivery) return {"distance", 0, "需求未填写收货地点，不计距离分"};
  metres = DistanceMetres(*o.station, *d.delivery);
  char km[32];
  std::snprintf(km, sizeof km, "%.1f", static_cast<double>(*metres) / 1000.0);
  return {"distance", DistancePoints(*metres), std::string("站点距收货地点约 ") + km + " 公里"};
}

Reason PeriodReason(const DemandTerms& d, const Offer& o) {
  int64_t days = DemandDays(d), overlap = OverlapDays(d, o);
  return {"period", Share(kPeriodPoints, overlap, days),
          "供应期与需求期重叠 " + std::to_string(overlap) + " 天（需求期 " + std::to_string(days) +
              " 天）"};
}

Reason PriceReason(const DemandTerms& d, const Offer& o) {
  if (!o.price_fen) return {"price", kPricePoints / 2, "未报价（面议）"};
  std::string offered = "报价 " + Price(*o.price_fen, o.unit);
  if (!d.price_max_fen) return {"price", kPricePoints, offered + "，需求未限定最高价"};
  if (AboveMaximum(d, o))
    return {"price", 0, offered + "，高于需求最高价 " + Price(*d.price_max_fen, d.unit)};
  return {"price", kPricePoints, offered + "，不高于需求最高价 " + Price(*d.price_max_fen, d.unit)};
}

// The ranking's order: score, then distance (unknown last), then listing id.
template <typename T>
bool Better(const T& a, const T& b) {
  if (a.score != b.score) return a.score > b.score;
  int64_t da = a.distance_m.value_or(INT64_MAX), db = b.distance_m.value_or(INT64_MAX);
  if (da != db) return da < db;
  return a.listing_id < b.listing_id;
}

}  // namespace

int64_t DistanceMetres(Point a, Point b) {
  constexpr double kRad = M_PI / 180.0 / 1e6, kEarth = 6'371'008.8;
  double la1 = a.lat_e6 * kRad, la2 = b.lat_e6 * kRad;
  double dla = la2 - la1, dlo = (b.lng_e6 - a.lng_e6) * kRad;
  double h = std::sin(dla / 2) * std::sin(dla / 2) +
             std::cos(la1) * std::cos(la2) * std::sin(dlo / 2) * std::sin(dlo / 2);
  return std::llround(2 * kEarth * std::asin(std::min(1.0, std::sqrt(h))));
}

UnitScale ScaleOf(std::string_view unit) {
  if (unit == "斤") return {"g", 500};
  if (unit == "公斤" || unit == "千克" || unit == "kg" || unit == "KG") return {"g", 1000};
  if (unit == "吨" || unit == "t") return {"g", 1'000'000};
  if (unit == "克" || unit == "g") return {"g", 1};
  return {std::string(unit), 1};
}

bool Comparable(std::string_view a, std::string_view b) {
  return ScaleOf(a).family == ScaleOf(b).family;
}

int64_t Convert(int64_t quantity, std::string_view from, std::string_view to) {
  __int128 base = static_cast<__int128>(quantity) * ScaleOf(from).size;
  return static_cast<int64_t>(base / ScaleOf(to).size);
}

std::optional<Proposal> Propose(const DemandTerms& d, const Offer& o) {
  if (Excluded(d, o)) return std::nullopt;
  int64_t offered = Convert(o.left, o.unit, d.unit);  // in the demand's unit
  Proposal p{o.listing_id};
  p.reasons.push_back(QuantityReason(d, o, offered));
  p.reasons.push_back(DistanceReason(d, o, p.distance_m));
  p.reasons.push_back(PeriodReason(d, o));
  p.reasons.push_back(PriceReason(d, o));
  for (const Reason& r : p.reasons) p.score += r.points;
  // What can be matched now, in the listing's unit: the listing's rest or the demand's rest.
  int64_t wanted = Convert(d.left, d.unit, o.unit);
  p.quantity = std::max<int64_t>(1, std::min(o.left, wanted));
  return p;
}

std::vector<Proposal> Rank(const DemandTerms& d, const std::vector<Offer>& offers) {
  std::vector<Proposal> out;
  for (const Offer& o : offers)
    if (auto p = Propose(d, o)) out.push_back(std::move(*p));
  std::sort(out.begin(), out.end(), Better<Proposal>);
  return out;
}

std::optional<Score> ScoreOf(const DemandTerms& d, const Offer& o) {
  if (Excluded(d, o)) return std::nullopt;
  Score s{0, o.listing_id};
  s.score = QuantityPoints(d, Convert(o.left, o.unit, d.unit)) + PricePoints(d, o) +
            Share(kPeriodPoints, OverlapDays(d, o), DemandDays(d));
  if (o.station && d.delivery) {
    s.distance_m = DistanceMetres(*o.station, *d.delivery);
    s.score += DistancePoints(*s.distance_m);
  }
  return s;
}

std::vector<Score> RankScores(const DemandTerms& d, const std::vector<Offer>& offers) {
  std::vector<Score> out;
  out.reserve(offers.size());
  for (size_t i = 0; i < offers.size(); ++i)
    if (auto s = ScoreOf(d, offers[i])) {
      s->offer = i;
      out.push_back(*s);
    }
  std::sort(out.begin(), out.end(), Better<Score>);
  return out;
}

Proposal Explain(const DemandTerms& d, const std::vector<Offer>& offers, const Score& s) {
  return *Propose(d, offers[s.offer]);
}

}  // namespace ruralec::matching
