// Rules of the purchases ledger (purchases.h contract).
#include "households/purchases.h"

#include <algorithm>
#include <mutex>
#include <set>

#include "core/validate.h"
#include "entity/entity.h"
#include "households/purchase_internal.h"
#include "households/purchase_store.h"
#include "region/region.h"

namespace ruralec::households {

const char* SellerKindName(SellerKind k) {
  return k == SellerKind::kVillage ? "village" : "household";
}

Result<SellerKind> ParseSellerKind(std::string_view t, std::string_view field) {
  if (t == "household" || t == "农户" || t == "贫困户") return SellerKind::kHousehold;
  if (t == "village" || t == "贫困村") return SellerKind::kVillage;
  return Error::Invalid(std::string(field), "卖方类型应为 农户 或 贫困村: " + std::string(t));
}

std::string PurchaseKey(const PurchaseInput& in) {
  std::string seller = in.seller_kind == SellerKind::kHousehold
                           ? "h" + std::to_string(in.household_id.value_or(0))
                           : "v" + in.village.str() + ":" + in.seller_name;
  return std::to_string(in.entity_id) + "|" + seller + "|" + in.purchased_on.ToString() + "|" +
         in.product + "|" + in.evidence_no;
}

Status ValidatePurchase(PurchaseInput& in, CivilDate today) {
  if (in.entity_id <= 0) return Error::Invalid("entity_id", "请填写收购主体");
  if (in.seller_kind == SellerKind::kHousehold) {
    if (!in.household_id || *in.household_id <= 0)
      return Error::Invalid("household_id", "请填写卖方农户");
    in.seller_name.clear();
  } else {
    in.household_id.reset();
    ASSIGN_OR_RETURN(in.seller_name,
                     validate::ValidateText(in.seller_name, {"seller_name", "卖方名称", 100}));
  }
  ASSIGN_OR_RETURN(in.product, validate::ValidateText(in.product, {"product", "产品", 30}));
  ASSIGN_OR_RETURN(in.unit, validate::ValidateText(in.unit, {"unit", "单位", 10}));
  if (in.quantity <= 0 || in.quantity > kMaxPurchaseQuantity)
    return Error::Invalid("quantity", "数量应为 1 至 10亿 的整数");
  if (in.amount_fen <= 0 || in.amount_fen > kMaxPurchaseFen)
    return Error::Invalid("amount", "收购金额应大于0，且不超过10亿元");
  RETURN_IF_ERROR(validate::PlausibleDate(in.purchased_on, "purchased_on", today));
  if (in.evidence_kind != "receipt" && in.evidence_kind != "transfer")
    return Error::Invalid("evidence_kind", "凭证类型应为 receipt（收据）或 transfer（转账凭证）");
  ASSIGN_OR_RETURN(in.evidence_no,
                   validate::ValidateText(in.evidence_no, {"evidence_no", "凭证号", 50}));
  return {};
}

namespace internal {

bool SeesPurchasesOf(const account::Principal& who, int64_t entity_id, const RegionCode& region) {
  if (auto own = entity::OwnEntityOnly(who)) return *own == entity_id;
  return who.InScope(region);
}

Result<RegionCode> CheckBuyer(storage::Connection& conn, const account::Principal& who,
                              int64_t entity_id) {
  auto e = entity::Get(conn, entity_id);
  if (!e.ok() || !SeesPurchasesOf(who, entity_id, e->region))
    return Error::Invalid("entity_id", "收购主体不存在或不在您的管辖范围内");
  return e->region;
}

Status CheckSeller(storage::Connection& conn, PurchaseInput& in) {
  if (in.seller_kind == SellerKind::kHousehold) {
    ASSIGN_OR_RETURN(auto h, FindById(conn, *in.household_id));
    if (!h) return Error::Invalid("household_id", "卖方农户未登记");
    in.village = h->region;
    return {};
  }
  if (in.village.empty() || in.village.level() != RegionLevel::kVillage)
    return Error::Invalid("village_code", "卖方村的区划代码应为12位行政村代码");
  auto r = region::Get(conn, in.village);
  if (!r.ok()) return Error::Invalid("village_code", "区划不存在: " + in.village.str());
  if (std::find(r->tags.begin(), r->tags.end(), "poverty_village") == r->tags.end())
    return Error::Invalid("village_code", r->name + " 不是贫困村（区划未标注 poverty_village）");
  return {};
}

namespace {

std::mutex link_mu;
PurchaseLinkCheck& LinkCheck() {
  static PurchaseLinkCheck check;
  return check;
}

}  // namespace

Status CheckLink(storage::Connection& conn, PurchaseInput& in) {
  if (!in.agreement_id && in.agreement_no.empty() && !in.listing_id) return {};
  PurchaseLinkCheck check;
  {
    std::lock_guard lock(link_mu);
    check = LinkCheck();
  }
  if (!check)
    return Error::Invalid(in.listing_id && !in.agreement_id && in.agreement_no.empty()
                              ? "listing_id"
                              : "agreement_id",
                          "未启用产销对接模块，不能关联协议或信息");
  return check(conn, in);
}

}  // namespace internal

void SetPurchaseLinkCheck(PurchaseLinkCheck check) {
  std::lock_guard lock(internal::link_mu);
  internal::LinkCheck() = std::move(check);
}

namespace {

Status FillNames(storage::Connection& conn, std::vector<Purchase>& ps) {
  std::vector<int64_t> entities, households;
  std::vector<std::string> villages;
  for (const auto& p : ps) {
    entities.push_back(p.in.entity_id);
    if (p.in.household_id) households.push_back(*p.in.household_id);
    villages.push_back(p.in.village.str());
  }
  ASSIGN_OR_RETURN(auto en, entity::NamesByIds(conn, entities));
  ASSIGN_OR_RETURN(auto hn, store::MaskedNames(conn, households));
  ASSIGN_OR_RETURN(auto vn, region::NamesOf(conn, villages));
  for (auto& p : ps) {
    if (auto it = en.find(p.in.entity_id); it != en.end()) p.entity_name = it->second.name;
    if (auto it = vn.find(p.in.village.str()); it != vn.end()) p.village_name = it->second;
    if (p.in.household_id)
      if (auto it = hn.find(*p.in.household_id); it != hn.end()) p.seller_label = it->second;
  }
  return {};
}

Result<Purchase> Named(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto p, store::GetPurchase(conn, id));
  if (!p) return Error::NotFound("收购记录 " + std::to_string(id) + " 不存在");
  std::vector<Purchase> one{std::move(*p)};
  RETURN_IF_ERROR(FillNames(conn, one));
  return std::move(one[0]);
}

Result<Purchase> Visible(storage::Connection& conn, const account::Principal& who, int64_t id) {
  if (!who.Can("purchase:read")) return Error::Forbidden("没有查看收购台账的权限");
  ASSIGN_OR_RETURN(auto p, store::GetPurchase(conn, id));
  if (!p || !internal::SeesPurchasesOf(who, p->in.entity_id, p->buyer_region))
    return Error::NotFound("收购记录 " + std::to_string(id) + " 不存在");
  return std::move(*p);
}

std::string Detail(const PurchaseInput& in) {
  return "entity=" + std::to_string(in.entity_id) + " seller=" + SellerKindName(in.seller_kind) +
         " village=" + in.village.str() + " on=" + in.purchased_on.ToString() +
         " amount_fen=" + std::to_string(in.amount_fen) + " evidence=" + in.evidence_no +
         (in.agreement_id ? " agreement=" + std::to_string(*in.agreement_id) : "") +
         (in.listing_id ? " listing=" + std::to_string(*in.listing_id) : "");
}

// Checks and writes `in` (superseding `old` when given); returns the new id.
Result<int64_t> Write(const Deps& d, storage::Connection& conn, const account::Principal& who,
                      PurchaseInput in, const Purchase* old, const std::string& reason) {
  RETURN_IF_ERROR(ValidatePurchase(in, ShanghaiDate(d.clock.NowMs())));
  ASSIGN_OR_RETURN(RegionCode buyer, internal::CheckBuyer(conn, who, in.entity_id));
  RETURN_IF_ERROR(internal::CheckSeller(conn, in));
  RETURN_IF_ERROR(internal::CheckLink(conn, in));
  ASSIGN_OR_RETURN(auto dup, store::CurrentByKey(conn, PurchaseKey(in)));
  if (dup && (!old || dup->id != old->id))
    return Error::Conflict("重复的收购记录（同一收购主体、卖方、日期、产品、凭证号）: 记录 " +
                           std::to_string(dup->id));
  store::NewPurchase n{in, buyer};
  n.created_by = who.id.valid() ? std::optional<int64_t>(who.id.value) : std::nullopt;
  n.created_at = d.clock.NowMs();
  if (old) {
    n.supersedes_id = old->id;
    n.correction_reason = reason;
  }
  ASSIGN_OR_RETURN(int64_t id, store::InsertPurchase(conn, n));
  std::string detail = Detail(in);
  if (old) detail = "supersedes=" + std::to_string(old->id) + " " + detail;
  RETURN_IF_ERROR(
      d.audit.Append(conn, {who.ToActor(), old ? "purchase.correct" : "purchase.create", "purchase",
                            std::to_string(id), audit::Outcome::kSuccess, detail}));
  return id;
}

}  // namespace

Result<Purchase> RecordPurchase(const Deps& d, const account::Principal& who,
                                const PurchaseInput& in) {
  if (!who.Can("purchase:edit")) return Error::Forbidden("没有登记收购记录的权限");
  auto conn = d.db.Acquire();
  return storage::InTransaction<Purchase>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Purchase> {
        ASSIGN_OR_RETURN(int64_t id, Write(d, *conn, who, in, nullptr, ""));
        return Named(*conn, id);
      });
}

Result<Purchase> CorrectPurchase(const Deps& d, const account::Principal& who, int64_t id,
                                 const PurchaseInput& in, const std::string& raw_reason) {
  if (!who.Can("purchase:edit")) return Error::Forbidden("没有更正收购记录的权限");
  ASSIGN_OR_RETURN(std::string reason,
                   validate::ValidateText(raw_reason, {"reason", "更正原因", 500}));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Purchase>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Purchase> {
        ASSIGN_OR_RETURN(Purchase old, Visible(*conn, who, id));
        if (!old.current) return Error::Conflict("该收购记录已被更正，请更正其最新记录", "id");
        ASSIGN_OR_RETURN(int64_t nid, Write(d, *conn, who, in, &old, reason));
        return Named(*conn, nid);
      });
}

Result<Purchase> GetPurchase(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  RETURN_IF_ERROR(Visible(*conn, who, id));
  return Named(*conn, id);
}

Result<std::vector<Purchase>> PurchaseHistory(const Deps& d, const account::Principal& who,
                                              int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Purchase p, Visible(*conn, who, id));
  std::vector<Purchase> out{p};
  std::set<int64_t> seen{p.id};
  while (out.back().supersedes_id && seen.insert(*out.back().supersedes_id).second) {
    ASSIGN_OR_RETURN(auto prev, store::GetPurchase(*conn, *out.back().supersedes_id));
    if (!prev) break;
    out.push_back(std::move(*prev));
  }
  RETURN_IF_ERROR(FillNames(*conn, out));
  return out;
}

Result<Page<Purchase>> ListPurchases(const Deps& d, const account::Principal& who, PurchaseFilter f,
                                     const PageRequest& page) {
  if (!who.Can("purchase:read")) return Error::Forbidden("没有查看收购台账的权限");
  if (f.region.empty()) f.region = who.region;
  if (!who.InScope(f.region)) return Error::Forbidden("该区划不在您的管辖范围内");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto p, store::ListPurchases(*conn, f, entity::OwnEntityOnly(who), page));
  RETURN_IF_ERROR(FillNames(*conn, p.items));
  return p;
}

Result<std::vector<BuyerYear>> PurchasesOfYear(storage::Connection& conn, const RegionCode& scope,
                                               int year) {
  std::vector<BuyerYear> out;
  std::string y = std::to_string(year);
  RETURN_IF_ERROR(store::ScanCurrent(
      conn, scope, y + "-01-01", y + "-12-31",
      [&](int64_t entity, SellerKind kind, int64_t fen, int64_t id) {
        if (out.empty() || out.back().entity_id != entity) out.push_back({entity});
        BuyerYear& b = out.back();
        b.amount_fen += fen;  // ≤ 10亿元 a row: int64 holds ~92 million rows
        (kind == SellerKind::kHousehold ? b.from_households_fen : b.from_villages_fen) += fen;
        b.purchase_ids.push_back(id);
      }));
  return out;
}

}  // namespace ruralec::households
