// Demands and their proposals (matching.h contract; ranking: rules.h).
#include "core/validate.h"
#include "entity/entity.h"
#include "matching/demand_internal.h"
#include "matching/internal.h"
#include "region/region.h"

namespace ruralec::matching {

const char* DemandStatusName(DemandStatus s) {
  switch (s) {
    case DemandStatus::kFilled:
      return "filled";
    case DemandStatus::kClosed:
      return "closed";
    default:
      return "open";
  }
}
const char* DemandStatusLabel(DemandStatus s) {
  switch (s) {
    case DemandStatus::kFilled:
      return "已满足";
    case DemandStatus::kClosed:
      return "已关闭";
    default:
      return "求购中";
  }
}

namespace internal {

Result<Demand> VisibleDemand(storage::Connection& conn, const account::Principal& who, int64_t id) {
  if (!who.Can("demand:read")) return Error::Forbidden("没有查看采购需求的权限");
  ASSIGN_OR_RETURN(auto d, store::GetDemand(conn, id));
  bool ok = d.has_value();
  if (ok) {
    if (auto own = entity::OwnEntityOnly(who))
      ok = *own == d->in.entity_id;
    else
      ok = who.CanSee(d->in.region);
  }
  if (!ok) return Error::NotFound("采购需求 " + std::to_string(id) + " 不存在");
  return std::move(*d);
}

DemandTerms TermsOf(const Demand& d) {
  return {d.in.product,       d.in.unit,          d.in.quantity - d.matched_quantity,
          d.in.price_min_fen, d.in.price_max_fen, d.in.wanted_from,
          d.in.wanted_to,     d.in.delivery};
}

Offer OfferOf(const Listing& l) {
  return {l.id,        l.product,        l.unit,         l.quantity - l.matched_quantity,
          l.price_fen, l.available_from, l.available_to, l.point};
}

Status FillDemandNames(storage::Connection& conn, std::vector<Demand>& ds) {
  std::vector<int64_t> entities;
  std::vector<std::string> regions;
  for (const auto& d : ds) {
    entities.push_back(d.in.entity_id);
    regions.push_back(d.in.region.str());
  }
  ASSIGN_OR_RETURN(auto en, entity::NamesByIds(conn, entities));
  ASSIGN_OR_RETURN(auto rn, region::NamesOf(conn, regions));
  for (auto& d : ds) {
    if (auto it = en.find(d.in.entity_id); it != en.end()) d.entity_name = it->second.name;
    if (auto it = rn.find(d.in.region.str()); it != rn.end()) d.region_name = it->second;
  }
  return {};
}

}  // namespace internal

namespace {

Status ValidateDemand(DemandInput& in, CivilDate today) {
  ASSIGN_OR_RETURN(in.product, validate::ValidateText(in.product, {"product", "产品", 30}));
  ASSIGN_OR_RETURN(in.unit, validate::ValidateText(in.unit, {"unit", "单位", 10}));
  if (in.quantity <= 0 || in.quantity > kMaxQuantity)
    return Error::Invalid("quantity", "数量应为 1 至 10亿 的整数");
  for (auto [v, field] :
       {std::pair{in.price_min_fen, "price_min_fen"}, {in.price_max_fen, "price_max_fen"}})
    if (v && (*v <= 0 || *v > kMaxUnitPriceFen))
      return Error::Invalid(field, "单价应大于0，且不超过100万元");
  if (in.price_min_fen && in.price_max_fen && *in.price_max_fen < *in.price_min_fen)
    return Error::Invalid("price_max_fen", "最高价不能低于最低价");
  RETURN_IF_ERROR(validate::PlausibleDate(in.wanted_from, "wanted_from"));
  RETURN_IF_ERROR(validate::PlausibleDate(in.wanted_to, "wanted_to"));
  if (in.wanted_to < in.wanted_from)
    return Error::Invalid("wanted_to", "需求截止日期不能早于开始日期");
  if (in.wanted_to < today) return Error::Invalid("wanted_to", "需求截止日期已过");
  ASSIGN_OR_RETURN(in.note, validate::ValidateText(in.note, {"note", "备注", 200, true}));
  return {};
}

// The region a demand buys in: the entity's county by default; an entity account inside its
// own county, staff a region they CanSee.
Status CheckRegion(storage::Connection& conn, const account::Principal& who,
                   const RegionCode& entity_region, DemandInput& in) {
  if (in.region.empty()) in.region = entity_region.county();
  bool ok =
      entity::OwnEntityOnly(who) ? who.region.county().Contains(in.region) : who.CanSee(in.region);
  if (!ok || !region::Get(conn, in.region).ok())
    return Error::Invalid("region_code", "采购区域不存在或不在您的范围内");
  return {};
}

Result<Demand> Named(storage::Connection& conn, Demand d) {
  std::vector<Demand> one{std::move(d)};
  RETURN_IF_ERROR(internal::FillDemandNames(conn, one));
  return std::move(one[0]);
}

}  // namespace

Result<Demand> CreateDemand(const Deps& d, const account::Principal& who, DemandInput in) {
  if (!who.Can("demand:edit")) return Error::Forbidden("没有发布采购需求的权限");
  if (auto own = entity::OwnEntityOnly(who); own && in.entity_id == 0) in.entity_id = *own;
  RETURN_IF_ERROR(ValidateDemand(in, ShanghaiDate(d.clock.NowMs())));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Demand>(*conn, storage::TxMode::kWrite, [&]() -> Result<Demand> {
    ASSIGN_OR_RETURN(RegionCode er, internal::CheckEntity(*conn, who, in.entity_id));
    RETURN_IF_ERROR(CheckRegion(*conn, who, er, in));
    ASSIGN_OR_RETURN(int64_t id,
                     store::InsertDemand(*conn, {in, internal::ActorId(who), d.clock.NowMs()}));
    RETURN_IF_ERROR(internal::Audit(d, *conn, who, "demand.create", "demand", id,
                                    "entity=" + std::to_string(in.entity_id) +
                                        " region=" + in.region.str() + " product=" + in.product));
    ASSIGN_OR_RETURN(auto got, store::GetDemand(*conn, id));
    return Named(*conn, std::move(*got));
  });
}

Result<Demand> CloseDemand(const Deps& d, const account::Principal& who, int64_t id) {
  if (!who.Can("demand:edit")) return Error::Forbidden("没有关闭采购需求的权限");
  auto conn = d.db.Acquire();
  return storage::InTransaction<Demand>(*conn, storage::TxMode::kWrite, [&]() -> Result<Demand> {
    ASSIGN_OR_RETURN(Demand cur, internal::VisibleDemand(*conn, who, id));
    RETURN_IF_ERROR(internal::CheckEntity(*conn, who, cur.in.entity_id));
    if (cur.status != DemandStatus::kOpen)
      return Error::Conflict("只有求购中的需求可以关闭", "status");
    RETURN_IF_ERROR(store::SetDemandStatus(*conn, id, DemandStatus::kClosed, d.clock.NowMs()));
    RETURN_IF_ERROR(internal::Audit(d, *conn, who, "demand.close", "demand", id, ""));
    ASSIGN_OR_RETURN(auto got, store::GetDemand(*conn, id));
    return Named(*conn, std::move(*got));
  });
}

Result<Demand> GetDemand(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Demand cur, internal::VisibleDemand(*conn, who, id));
  return Named(*conn, std::move(cur));
}

Result<Page<Demand>> ListDemands(const Deps& d, const account::Principal& who, DemandFilter f,
                                 const PageRequest& page) {
  if (!who.Can("demand:read")) return Error::Forbidden("没有查看采购需求的权限");
  if (f.region.empty()) f.region = who.region;
  if (!who.InScope(f.region)) return Error::Forbidden("该区划不在您的管辖范围内");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto p, store::ListDemands(*conn, f, entity::OwnEntityOnly(who), page));
  RETURN_IF_ERROR(internal::FillDemandNames(*conn, p.items));
  return p;
}

Result<internal::Ranking> internal::RankFor(storage::Connection& conn, const ListingView& v,
                                            const Demand& dm) {
  ASSIGN_OR_RETURN(auto candidates, store::OpenCandidates(conn, dm.in.region, dm.in.product,
                                                          dm.in.wanted_from, dm.in.wanted_to));
  Ranking r{TermsOf(dm), {}, {}};
  r.offers.reserve(candidates.size());
  for (const auto& l : candidates)
    if (Sees(v, l)) r.offers.push_back(OfferOf(l));
  r.scores = RankScores(r.terms, r.offers);
  return r;
}

Result<Page<ProposalView>> Proposals(const Deps& d, const account::Principal& who,
                                     int64_t demand_id, const PageRequest& page) {
  ASSIGN_OR_RETURN(internal::ListingView v, internal::ListingViewOf(who));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Demand dm, internal::VisibleDemand(*conn, who, demand_id));
  ASSIGN_OR_RETURN(auto ranked, internal::RankFor(*conn, v, dm));
  const auto& scores = ranked.scores;
  Page<ProposalView> out{{}, static_cast<int64_t>(scores.size()), page.page, page.page_size};
  std::vector<int64_t> ids;
  for (int64_t i = page.offset(); i < out.total && i < page.offset() + page.page_size; ++i)
    ids.push_back(scores[static_cast<size_t>(i)].listing_id);
  ASSIGN_OR_RETURN(auto rows, store::ListingsByIds(*conn, ids));
  ASSIGN_OR_RETURN(auto listings, internal::Present(d, *conn, v, std::move(rows)));
  for (size_t i = 0; i < listings.size(); ++i) {
    const Score& s = scores[static_cast<size_t>(page.offset()) + i];
    out.items.push_back({Explain(ranked.terms, ranked.offers, s), std::move(listings[i])});
  }
  return out;
}

}  // namespace ruralec::matching
