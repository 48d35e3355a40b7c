// 产销对接 events: accepting a proposal, taking a listing up, the list (matching.h contract).
#include "entity/entity.h"
#include "matching/demand_internal.h"
#include "region/region.h"

namespace ruralec::matching {
namespace {

std::string Joined(const std::vector<Reason>& reasons) {
  std::string out;
  for (const Reason& r : reasons) out += (out.empty() ? "" : "；") + r.text;
  return out;
}

Status CheckTerms(const Listing& l, std::optional<int64_t>& quantity,
                  std::optional<int64_t> price_fen, int64_t suggested) {
  int64_t left = l.quantity - l.matched_quantity;
  if (!quantity) quantity = suggested;
  if (*quantity <= 0 || *quantity > left)
    return Error::Invalid("quantity", "对接数量应为 1 至 " + std::to_string(left) + " " + l.unit +
                                          "（该供应信息的剩余数量）");
  if (price_fen && (*price_fen <= 0 || *price_fen > kMaxUnitPriceFen))
    return Error::Invalid("price_fen", "成交单价应大于0，且不超过100万元");
  return {};
}

Status FillNames(storage::Connection& conn, std::vector<Match>& ms) {
  std::vector<int64_t> entities;
  std::vector<std::string> villages;
  for (const auto& m : ms) {
    entities.push_back(m.entity_id);
    villages.push_back(m.village.str());
  }
  ASSIGN_OR_RETURN(auto en, entity::NamesByIds(conn, entities));
  ASSIGN_OR_RETURN(auto vn, region::NamesOf(conn, villages));
  for (auto& m : ms) {
    if (auto it = en.find(m.entity_id); it != en.end()) m.entity_name = it->second.name;
    if (auto it = vn.find(m.village.str()); it != vn.end()) m.village_name = it->second;
  }
  return {};
}

// Writes the match and moves both quantities; audited `action`.
Result<Match> Record(const Deps& d, storage::Connection& conn, const account::Principal& who,
                     Match m, const std::string& action, const std::optional<Demand>& dm) {
  m.matched_on = ShanghaiDate(d.clock.NowMs());
  m.created_at = d.clock.NowMs();
  ASSIGN_OR_RETURN(m.id, store::InsertMatch(conn, {m, internal::ActorId(who)}));
  RETURN_IF_ERROR(store::AddListingMatched(conn, m.listing_id, m.quantity, m.created_at));
  if (dm)
    RETURN_IF_ERROR(store::AddDemandMatched(conn, dm->id, Convert(m.quantity, m.unit, dm->in.unit),
                                            m.created_at));
  RETURN_IF_ERROR(internal::Audit(d, conn, who, action, "match", m.id,
                                  "listing=" + std::to_string(m.listing_id) +
                                      (dm ? " demand=" + std::to_string(dm->id) : std::string()) +
                                      " entity=" + std::to_string(m.entity_id) +
                                      " quantity=" + std::to_string(m.quantity)));
  std::vector<Match> one{std::move(m)};
  RETURN_IF_ERROR(FillNames(conn, one));
  return std::move(one[0]);
}

Result<store::ListingRow> OpenListing(storage::Connection& conn, const internal::ListingView& v,
                                      int64_t id) {
  ASSIGN_OR_RETURN(auto row, store::GetListing(conn, id));
  if (!row || !internal::Sees(v, row->listing))
    return Error::NotFound("供应信息 " + std::to_string(id) + " 不存在");
  if (row->listing.status != ListingStatus::kOpen)
    return Error::Conflict("该供应信息已对接完毕或已撤回", "listing_id");
  return std::move(*row);
}

Match MatchOf(const Listing& l, int64_t entity_id, int64_t quantity,
              std::optional<int64_t> price_fen) {
  Match m;
  m.listing_id = l.id;
  m.entity_id = entity_id;
  m.village = l.village;
  m.product = l.product;
  m.quantity = quantity;
  m.unit = l.unit;
  m.price_fen = price_fen ? price_fen : l.price_fen;
  return m;
}

}  // namespace

Result<Match> AcceptProposal(const Deps& d, const account::Principal& who, int64_t demand_id,
                             int64_t listing_id, std::optional<int64_t> quantity,
                             std::optional<int64_t> price_fen) {
  if (!who.Can("match:accept")) return Error::Forbidden("没有确认产销对接的权限");
  ASSIGN_OR_RETURN(internal::ListingView v, internal::ListingViewOf(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Match>(*conn, storage::TxMode::kWrite, [&]() -> Result<Match> {
    ASSIGN_OR_RETURN(Demand dm, internal::VisibleDemand(*conn, who, demand_id));
    if (dm.status != DemandStatus::kOpen)
      return Error::Conflict("该采购需求已满足或已关闭", "demand_id");
    ASSIGN_OR_RETURN(store::ListingRow row, OpenListing(*conn, v, listing_id));
    auto p = Propose(internal::TermsOf(dm), internal::OfferOf(row.listing));
    if (!p)
      return Error::Invalid("listing_id", "该供应信息不符合此需求的匹配条件（产品、单位或供应期）");
    RETURN_IF_ERROR(CheckTerms(row.listing, quantity, price_fen, p->quantity));
    Match m = MatchOf(row.listing, dm.in.entity_id, *quantity, price_fen);
    m.demand_id = dm.id;
    m.score = p->score;
    m.reasons = Joined(p->reasons);
    return Record(d, *conn, who, std::move(m), "match.accept", dm);
  });
}

Result<Match> TakeListing(const Deps& d, const account::Principal& who, int64_t listing_id,
                          int64_t entity_id, std::optional<int64_t> quantity,
                          std::optional<int64_t> price_fen) {
  if (!who.Can("match:accept")) return Error::Forbidden("没有确认产销对接的权限");
  ASSIGN_OR_RETURN(internal::ListingView v, internal::ListingViewOf(who));
  if (auto own = entity::OwnEntityOnly(who); own && entity_id == 0) entity_id = *own;
  auto conn = d.db.Acquire();
  return storage::InTransaction<Match>(*conn, storage::TxMode::kWrite, [&]() -> Result<Match> {
    RETURN_IF_ERROR(internal::CheckEntity(*conn, who, entity_id));
    ASSIGN_OR_RETURN(store::ListingRow row, OpenListing(*conn, v, listing_id));
    int64_t left = row.listing.quantity - row.listing.matched_quantity;
    RETURN_IF_ERROR(CheckTerms(row.listing, quantity, price_fen, left));
    return Record(d, *conn, who, MatchOf(row.listing, entity_id, *quantity, price_fen),
                  "match.take", std::nullopt);
  });
}

Result<Page<Match>> ListMatches(const Deps& d, const account::Principal& who, MatchFilter f,
                                const PageRequest& page) {
  if (!who.Can("match:read")) return Error::Forbidden("没有查看产销对接记录的权限");
  if (auto own = entity::OwnEntityOnly(who)) {
    if (f.entity_id && *f.entity_id != *own)
      f.entity_id = 0;  // matches nothing
    else
      f.entity_id = *own;
    if (!f.region.empty() && !who.region.county().Contains(f.region))
      return Error::Forbidden("该区划不在您的范围内");
  } else {
    if (f.region.empty()) f.region = who.region;
    if (!who.InScope(f.region)) return Error::Forbidden("该区划不在您的管辖范围内");
  }
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto p, store::ListMatches(*conn, f, page));
  RETURN_IF_ERROR(FillNames(*conn, p.items));
  return p;
}

}  // namespace ruralec::matching
