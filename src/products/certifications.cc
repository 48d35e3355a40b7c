// Certifications of products and producers (三品一标, 食用农产品达标合格证): record, correct, list,
// the expiry list; a certificate counts only inside its validity (products.h contract).
#include "account/stamp.h"
#include "core/validate.h"
#include "entity/entity.h"
#include "products/products.h"
#include "products/products_store.h"
#include "products/service_internal.h"

namespace ruralec::products {
namespace internal {

void DateStatus(Certification& c, CivilDate today) {
  c.status = today < c.valid_from ? "not_yet_valid" : today > c.valid_to ? "expired" : "valid";
  c.days_left = c.valid_to.DaysSinceEpoch() - today.DaysSinceEpoch();
}

Status NameCerts(storage::Connection& conn, std::vector<Certification>& items, CivilDate today) {
  std::vector<int64_t> ids;
  for (const auto& c : items) ids.push_back(c.entity_id);
  ASSIGN_OR_RETURN(auto names, entity::NamesByIds(conn, ids));
  for (auto& c : items) {
    const Entry* k = FindCertificationKind(c.kind);
    c.kind_label = k ? k->label : c.kind;
    if (names.contains(c.entity_id)) c.entity_name = names[c.entity_id].name;
    DateStatus(c, today);
  }
  return {};
}

}  // namespace internal

namespace {

using internal::Text;

Status CheckFields(CertificationInput& in, Certification& c) {
  const Entry* kind = FindCertificationKind(in.kind);
  if (!kind) return Error::Invalid("kind", "未知的认证类别: " + in.kind);
  c.kind = kind->value;
  ASSIGN_OR_RETURN(c.number, Text(in.number, "number", "证书编号", 60, false));
  ASSIGN_OR_RETURN(c.issuer, Text(in.issuer, "issuer", "发证机构", 60, false));
  ASSIGN_OR_RETURN(c.note, Text(in.note, "note", "备注", 200, true));
  if (!in.valid_from) return Error::Invalid("valid_from", "请填写有效期起始日");
  if (!in.valid_to) return Error::Invalid("valid_to", "请填写有效期截止日");
  RETURN_IF_ERROR(validate::PlausibleDate(*in.valid_from, "valid_from"));
  RETURN_IF_ERROR(validate::PlausibleDate(*in.valid_to, "valid_to"));
  if (*in.valid_to < *in.valid_from)
    return Error::Invalid("valid_to", "有效期截止日不能早于起始日");
  c.valid_from = *in.valid_from;
  c.valid_to = *in.valid_to;
  return {};
}

// The holder (a product, or a producer) the caller may write for.
Status Holder(storage::Connection& conn, const account::Principal& who,
              const CertificationInput& in, Certification& c) {
  if (in.product_id.has_value() == in.entity_id.has_value())
    return Error::Invalid("product_id", "请指明认证的产品或经营主体（二者选一）");
  if (in.product_id) {
    auto p = VisibleProduct(conn, who, *in.product_id);
    if (!p.ok()) return Error::Invalid("product_id", "产品不存在或不在您的管辖范围内");
    c.product_id = p->id;
    c.entity_id = p->entity_id;
    c.region = p->region;
    c.county_code = p->county_code;
    return {};
  }
  auto own = internal::Owner(who);
  auto e = entity::Get(conn, *in.entity_id);
  if (!e.ok() || (own ? *own != e->id : !who.InScope(e->region)))
    return Error::Invalid("entity_id", "经营主体不存在或不在您的管辖范围内");
  c.entity_id = e->id;
  c.region = e->region;
  c.county_code = e->region.county().str();
  return {};
}

std::string AuditText(const Certification& c) {
  return "kind=" + c.kind + " number=" + c.number +
         (c.product_id ? " product=" + std::to_string(*c.product_id)
                       : " entity=" + std::to_string(c.entity_id)) +
         " valid=" + c.valid_from.ToString() + "/" + c.valid_to.ToString();
}

Result<Certification> Stored(storage::Connection& conn, int64_t id, CivilDate today) {
  ASSIGN_OR_RETURN(auto c, store::GetCertification(conn, id));
  std::vector<Certification> one = {*c};
  RETURN_IF_ERROR(internal::NameCerts(conn, one, today));
  return one[0];
}

}  // namespace

Result<std::string> CertificateFileAccess(storage::Connection& conn, const account::Principal& who,
                                          int64_t id, bool write) {
  RETURN_IF_ERROR(internal::NeedRead(who));
  ASSIGN_OR_RETURN(auto c, store::GetCertification(conn, id));
  if (!c || !internal::Sees(who, c->region, c->entity_id))
    return Error::NotFound("认证证书不存在或不在您的管辖范围内");
  if (write && (!who.Can("products:edit") || !internal::MayWrite(who, c->region, c->entity_id)))
    return Error::Forbidden("没有为该证书上传文件的权限");
  return c->county_code;
}

Result<Certification> AddCertification(const Deps& d, const account::Principal& who,
                                       CertificationInput in) {
  if (!who.Can("products:edit")) return Error::Forbidden("没有登记认证证书的权限");
  Certification c;
  RETURN_IF_ERROR(CheckFields(in, c));
  auto conn = d.db.Acquire();
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  return storage::InTransaction<Certification>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Certification> {
        RETURN_IF_ERROR(Holder(*conn, who, in, c));
        ASSIGN_OR_RETURN(bool taken, store::CertificationTaken(*conn, c));
        if (taken) return Error::Conflict("该证书已登记", "number");
        ASSIGN_OR_RETURN(
            c.id, store::InsertCertification(*conn, c, account::StampOf(who, d.clock.NowMs())));
        RETURN_IF_ERROR(
            d.audit.Append(*conn, account::AuditOf(who, "products.cert.create",
                                                   "product_certification", c.id, AuditText(c))));
        return Stored(*conn, c.id, today);
      });
}

Result<Certification> UpdateCertification(const Deps& d, const account::Principal& who, int64_t id,
                                          CertificationInput in) {
  if (!who.Can("products:edit")) return Error::Forbidden("没有修改认证证书的权限");
  auto conn = d.db.Acquire();
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  return storage::InTransaction<Certification>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Certification> {
        RETURN_IF_ERROR(internal::NeedRead(who));
        ASSIGN_OR_RETURN(auto stored, store::GetCertification(*conn, id));
        if (!stored || !internal::Sees(who, stored->region, stored->entity_id))
          return Error::NotFound("认证证书不存在或不在您的管辖范围内");
        Certification c = *stored;
        RETURN_IF_ERROR(CheckFields(in, c));
        ASSIGN_OR_RETURN(bool taken, store::CertificationTaken(*conn, c));
        if (taken) return Error::Conflict("该证书已登记", "number");
        RETURN_IF_ERROR(store::UpdateCertification(*conn, c, d.clock.NowMs()));
        RETURN_IF_ERROR(
            d.audit.Append(*conn, account::AuditOf(who, "products.cert.update",
                                                   "product_certification", c.id, AuditText(c))));
        return Stored(*conn, c.id, today);
      });
}

Result<Page<Certification>> ListCertifications(const Deps& d, const account::Principal& who,
                                               CertFilter f, const PageRequest& page) {
  RETURN_IF_ERROR(internal::NeedRead(who));
  if (f.region.empty()) f.region = who.region;
  if (!who.InScope(f.region))
    return Error::Forbidden("区划 " + f.region.str() + " 不在您的管辖范围内");
  if (!f.status.empty() && f.status != "valid" && f.status != "expired")
    return Error::Invalid("status", "状态应为 valid 或 expired");
  if (f.expiring && (*f.expiring < 0 || *f.expiring > 366))
    return Error::Invalid("days", "天数应在 0 到 366 之间");
  auto conn = d.db.Acquire();
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  ASSIGN_OR_RETURN(auto out,
                   store::ListCertifications(*conn, f, internal::Owner(who), today, page));
  RETURN_IF_ERROR(internal::NameCerts(*conn, out.items, today));
  return out;
}

}  // namespace ruralec::products
