#include "matching/purchase_link.h"

#include <algorithm>

#include "matching/agreement_store.h"
#include "matching/matching_store.h"

namespace ruralec::matching {
namespace {

Status CheckAgreement(storage::Connection& conn, households::PurchaseInput& in) {
  if (!in.agreement_id && !in.agreement_no.empty()) {
    ASSIGN_OR_RETURN(auto id, store::AgreementByNo(conn, in.entity_id, in.agreement_no));
    if (!id)
      return Error::Invalid("agreement_id", "收购主体没有编号为“" + in.agreement_no + "”的协议");
    in.agreement_id = *id;
  }
  if (!in.agreement_id) return {};
  if (*in.agreement_id <= 0) return Error::Invalid("agreement_id", "协议编号无效");
  ASSIGN_OR_RETURN(auto a, store::GetAgreement(conn, *in.agreement_id));
  if (!a || a->in.entity_id != in.entity_id)
    return Error::Invalid(
        "agreement_id", "协议 " + std::to_string(*in.agreement_id) + " 不存在或不是收购主体的协议");
  if (in.purchased_on < a->in.valid_from || in.purchased_on > a->in.valid_to)
    return Error::Invalid("agreement_id", "收购日期不在协议有效期（" + a->in.valid_from.ToString() +
                                              " 至 " + a->in.valid_to.ToString() + "）内");
  if (in.seller_kind != households::SellerKind::kHousehold) return {};
  bool names_households = false, names_seller = false;
  for (const auto& p : a->in.parties) {
    if (p.kind != PartyKind::kHousehold) continue;
    names_households = true;
    names_seller = names_seller || p.household_id == in.household_id;
  }
  if (names_households && !names_seller)
    return Error::Invalid("agreement_id", "卖方农户不是该协议的签约农户");
  return {};
}

Status CheckListing(storage::Connection& conn, const households::PurchaseInput& in) {
  if (!in.listing_id) return {};
  std::string which = "信息 " + std::to_string(*in.listing_id);
  ASSIGN_OR_RETURN(auto row, store::GetListing(conn, *in.listing_id));
  if (!row) return Error::Invalid("listing_id", which + " 不存在");
  ASSIGN_OR_RETURN(bool took, store::TookUp(conn, *in.listing_id, in.entity_id));
  if (!took) return Error::Invalid("listing_id", which + " 未由收购主体对接");
  const Listing& l = row->listing;
  if (in.seller_kind == households::SellerKind::kHousehold ? l.household_id != in.household_id
                                                           : !l.village.Contains(in.village))
    return Error::Invalid("listing_id", which + " 的卖方与本笔收购的卖方不同");
  return {};
}

}  // namespace

Status CheckPurchaseLink(storage::Connection& conn, households::PurchaseInput& in) {
  RETURN_IF_ERROR(CheckAgreement(conn, in));
  return CheckListing(conn, in);
}

}  // namespace ruralec::matching
