// Edits: the changes in words, the history record and its reads (edits.h contract). The edits
// themselves run in listings.cc (UpdateListing) and agreements.cc (UpdateAgreement), beside the
// rules of their creation.
#include "matching/edits.h"

#include "account/recorders.h"
#include "core/validate.h"
#include "matching/edit_store.h"
#include "matching/internal.h"

namespace ruralec::matching {
namespace {

const std::vector<std::pair<std::string, std::string>>& Labels() {
  static const std::vector<std::pair<std::string, std::string>> k = {{"product", "产品"},
                                                                     {"unit", "单位"},
                                                                     {"quantity", "数量"},
                                                                     {"price_fen", "预期单价"},
                                                                     {"available_from", "供应开始"},
                                                                     {"available_to", "供应截止"},
                                                                     {"note", "备注"},
                                                                     {"agreement_no", "协议编号"},
                                                                     {"title", "协议名称"},
                                                                     {"model", "合作模式"},
                                                                     {"signed_on", "签订日期"},
                                                                     {"valid_from", "有效期起"},
                                                                     {"valid_to", "有效期止"},
                                                                     {"parties", "合作方"},
                                                                     {"products", "合作产品"}};
  return k;
}

std::string LabelOf(const std::string& field) {
  for (const auto& [f, l] : Labels())
    if (f == field) return l;
  return field;
}

void Compare(std::vector<FieldChange>& out, const std::string& field, const std::string& before,
             const std::string& after) {
  if (before != after) out.push_back({field, LabelOf(field), before, after});
}

std::string Price(const std::optional<int64_t>& fen, const std::string& unit) {
  return fen ? Fen{*fen}.ToPlain() + " 元/" + unit : "面议";
}

std::string Parties(const std::vector<Party>& ps) {
  std::string s;
  for (const Party& p : ps)
    s += (s.empty() ? "" : "、") + std::string(PartyKindLabel(p.kind)) + " " + p.name;
  return s;
}

std::string Products(const std::vector<AgreementProduct>& ps) {
  std::string s;
  for (const AgreementProduct& p : ps)
    s += (s.empty() ? "" : "；") + p.product + " " + std::to_string(p.quantity) + p.unit + "，" +
         Price(p.price_fen, p.unit);
  return s;
}

}  // namespace

std::vector<FieldChange> ListingDiff(const Listing& a, const Listing& b) {
  std::vector<FieldChange> out;
  Compare(out, "product", a.product, b.product);
  Compare(out, "unit", a.unit, b.unit);
  Compare(out, "quantity", std::to_string(a.quantity) + a.unit,
          std::to_string(b.quantity) + b.unit);
  Compare(out, "price_fen", Price(a.price_fen, a.unit), Price(b.price_fen, b.unit));
  Compare(out, "available_from", a.available_from.ToString(), b.available_from.ToString());
  Compare(out, "available_to", a.available_to.ToString(), b.available_to.ToString());
  Compare(out, "note", a.note, b.note);
  return out;
}

std::vector<FieldChange> AgreementDiff(const AgreementInput& a, const AgreementInput& b) {
  std::vector<FieldChange> out;
  Compare(out, "agreement_no", a.agreement_no, b.agreement_no);
  Compare(out, "title", a.title, b.title);
  Compare(out, "model", ModelLabel(a.model), ModelLabel(b.model));
  Compare(out, "signed_on", a.signed_on.ToString(), b.signed_on.ToString());
  Compare(out, "valid_from", a.valid_from.ToString(), b.valid_from.ToString());
  Compare(out, "valid_to", a.valid_to.ToString(), b.valid_to.ToString());
  Compare(out, "parties", Parties(a.parties), Parties(b.parties));
  Compare(out, "products", Products(a.products), Products(b.products));
  Compare(out, "note", a.note, b.note);
  return out;
}

namespace internal {

Result<std::string> EditReason(const std::string& reason) {
  return validate::ValidateText(reason, {"reason", "修改原因", 200, true});
}

Result<std::optional<Edit>> RecordEdit(const Deps& d, storage::Connection& conn,
                                       const account::Principal& who, const std::string& kind,
                                       int64_t id, std::vector<FieldChange> changes,
                                       const std::string& reason) {
  if (changes.empty()) return std::optional<Edit>();
  Edit e{0, kind, id, std::move(changes), reason, ActorId(who), who.display_name, d.clock.NowMs()};
  ASSIGN_OR_RETURN(e.id, store::InsertEdit(conn, e));
  std::string fields;
  for (const auto& c : e.changes) fields += (fields.empty() ? "" : ",") + c.field;
  RETURN_IF_ERROR(Audit(d, conn, who, kind + ".update", kind, id,
                        "edit=" + std::to_string(e.id) + " fields=" + fields));
  return std::optional<Edit>(std::move(e));
}

}  // namespace internal

namespace {

Result<Page<Edit>> History(const Deps& d, storage::Connection& conn, const std::string& kind,
                           int64_t id, const PageRequest& page) {
  ASSIGN_OR_RETURN(auto p, store::EditsOf(conn, kind, id, page));
  for (auto& e : p.items)
    for (auto& c : e.changes) c.label = LabelOf(c.field);
  RETURN_IF_ERROR(account::NameRecorders(
      conn, p.items, [](const Edit& e) { return e.edited_by; },
      [](Edit& e) -> std::string& { return e.edited_by_name; }));
  return p;
}

}  // namespace

Result<Page<Edit>> ListingHistory(const Deps& d, const account::Principal& who, int64_t id,
                                  const PageRequest& page) {
  if (!who.Can("listing:read") && !who.Can("listing:read:own"))
    return Error::Forbidden("没有查看供应信息修改记录的权限");
  RETURN_IF_ERROR(GetListing(d, who, id));
  auto conn = d.db.Acquire();
  return History(d, *conn, "listing", id, page);
}

Result<Page<Edit>> AgreementHistory(const Deps& d, const account::Principal& who, int64_t id,
                                    const PageRequest& page) {
  RETURN_IF_ERROR(GetAgreement(d, who, id));
  auto conn = d.db.Acquire();
  return History(d, *conn, "agreement", id, page);
}

}  // namespace ruralec::matching
