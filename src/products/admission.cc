// Admission to the library (准入): one command moves a product along AdmissionRules(),
// idempotently, with its history row and audit entry in one transaction (products.h).
#include <algorithm>

#include "account/stamp.h"
#include "core/validate.h"
#include "products/products.h"
#include "products/products_store.h"
#include "products/service_internal.h"

namespace ruralec::products {
namespace {

std::string Fingerprint(const AdmissionCommand& c) {
  std::vector<std::string> ticked = c.checklist;
  std::sort(ticked.begin(), ticked.end());
  std::string out =
      std::string(AdmissionName(c.to)) + "|" + (c.on ? c.on->ToString() : "") + "|" + c.note + "|";
  for (const auto& t : ticked) out += t + ",";
  return out;
}

Status CheckChecklist(const AdmissionRule& r, AdmissionCommand& c) {
  for (const auto& code : c.checklist) {
    bool known = std::any_of(ChecklistItems().begin(), ChecklistItems().end(),
                             [&](const ChecklistItem& i) { return i.code == code; });
    if (!known) return Error::Invalid("checklist", "未知的审核项: " + code);
  }
  if (!r.checklist) return {};
  std::string missing;
  for (const auto& item : ChecklistItems())
    if (std::find(c.checklist.begin(), c.checklist.end(), item.code) == c.checklist.end())
      missing += (missing.empty() ? "" : "；") + item.label;
  if (!missing.empty())
    return Error::Invalid("checklist", "准予入库须审核项全部符合，未勾选：" + missing);
  return {};
}

Status CheckCommand(const AdmissionRule& r, const Product& p, AdmissionCommand& c,
                    CivilDate today) {
  ASSIGN_OR_RETURN(c.note, validate::ValidateText(c.note, {"note", "说明", 1000, true}));
  if (r.reason && c.note.empty())
    return Error::Invalid("note", std::string(r.label) + "须填写原因");
  RETURN_IF_ERROR(CheckChecklist(r, c));
  CivilDate on = c.on.value_or(today);
  RETURN_IF_ERROR(validate::PlausibleDate(on, "on", today));
  if (p.admission_on && on < *p.admission_on)
    return Error::Invalid("on", "日期不能早于上一步（" + p.admission_on->ToString() + "）");
  c.on = on;
  return {};
}

Result<AdmissionMove> Record(storage::Connection& conn, const Deps& d,
                             const account::Principal& who, const Product& p,
                             const AdmissionCommand& c, const std::string& fp) {
  ASSIGN_OR_RETURN(auto history, store::History(conn, p.id));
  AdmissionMove m;
  m.product_id = p.id;
  m.seq = static_cast<int>(history.size()) + 1;
  m.from = p.admission;
  m.to = c.to;
  m.on = *c.on;
  m.idempotency_key = c.idempotency_key;
  m.note = c.note;
  m.checklist = c.checklist;
  std::sort(m.checklist.begin(), m.checklist.end());
  if (who.id.valid()) m.actor_id = who.id.value;
  m.actor_name = internal::ActorName(who);
  m.created_at = d.clock.NowMs();
  ASSIGN_OR_RETURN(m.id, store::InsertMove(conn, m, fp));
  RETURN_IF_ERROR(store::SetAdmission(conn, p.id, m.to, m.on, m.created_at));
  RETURN_IF_ERROR(d.audit.Append(
      conn, account::AuditOf(who, "products.admission", "product", p.id,
                             std::string(AdmissionName(m.from)) + "->" + AdmissionName(m.to) +
                                 " on=" + m.on.ToString() + " key=" + m.idempotency_key +
                                 (m.note.empty() ? "" : " note=" + m.note))));
  return m;
}

Result<AdmissionMove> ApplyIn(storage::Connection& conn, const Deps& d,
                              const account::Principal& who, const Product& p, AdmissionCommand c) {
  ASSIGN_OR_RETURN(c.idempotency_key,
                   validate::ValidateText(c.idempotency_key, {"idempotency_key", "幂等键", 100}));
  std::string fp = Fingerprint(c), stored;
  ASSIGN_OR_RETURN(auto prior, store::FindMove(conn, p.id, c.idempotency_key, &stored));
  if (prior) {
    if (stored != fp)
      return Error::Conflict("幂等键 " + c.idempotency_key + " 已用于该产品的另一次操作",
                             "idempotency_key");
    prior->repeated = true;
    return *prior;
  }
  const AdmissionRule* r = FindAdmissionRule(p.admission, c.to);
  if (!r)
    return Error::Conflict(std::string("产品准入状态为“") + AdmissionLabel(p.admission) +
                               "”，不能转为“" + AdmissionLabel(c.to) + "”",
                           "to");
  if (!who.Can(r->permission)) return Error::Forbidden(std::string("没有“") + r->label + "”的权限");
  RETURN_IF_ERROR(CheckCommand(*r, p, c, ShanghaiDate(d.clock.NowMs())));
  return Record(conn, d, who, p, c, fp);
}

}  // namespace

Result<std::pair<AdmissionMove, Detail>> Apply(const Deps& d, const account::Principal& who,
                                               int64_t id, AdmissionCommand c) {
  auto conn = d.db.Acquire();
  using Out = std::pair<AdmissionMove, Detail>;
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  return storage::InTransaction<Out>(*conn, storage::TxMode::kWrite, [&]() -> Result<Out> {
    ASSIGN_OR_RETURN(Product p, VisibleProduct(*conn, who, id));
    if (!internal::MayWrite(who, p.region, p.entity_id))
      return Error::Forbidden("该产品不在您的管辖范围内");
    ASSIGN_OR_RETURN(AdmissionMove m, ApplyIn(*conn, d, who, p, c));
    ASSIGN_OR_RETURN(Product now, VisibleProduct(*conn, who, id));
    ASSIGN_OR_RETURN(Detail detail, internal::DetailOf(*conn, who, now, today));
    return Out{m, detail};
  });
}

}  // namespace ruralec::products
