// Agreements (agreements.h contract).
#include "matching/agreements.h"

#include <algorithm>

#include "core/validate.h"
#include "entity/entity.h"
#include "households/households.h"
#include "matching/agreement_store.h"
#include "matching/edit_store.h"
#include "matching/internal.h"

namespace ruralec::matching {

const std::vector<Model>& Models() {
  static const std::vector<Model> m = {
      {"ecommerce_base_coop_farmer", "电商企业+基地+专业合作社+农户"},
      {"you_grow_we_sell", "你种我销"},
      {"you_raise_we_sell", "你养我卖"},
      {"order_farming", "订单农业"},
      {"commissioned", "委托生产"},
      {"direct_purchase", "直采"},
      {"other", "其他"}};
  return m;
}

Result<std::string> ParseModel(std::string_view text, std::string_view field) {
  for (const Model& m : Models())
    if (text == m.code || text == m.label) return std::string(m.code);
  return Error::Invalid(std::string(field), "合作模式不在字典中: " + std::string(text));
}

const char* ModelLabel(std::string_view code) {
  for (const Model& m : Models())
    if (code == m.code) return m.label;
  return "";
}

namespace {
constexpr std::pair<PartyKind, std::pair<const char*, const char*>> kKinds[] = {
    {PartyKind::kHousehold, {"household", "农户"}},
    {PartyKind::kCoop, {"coop", "专业合作社"}},
    {PartyKind::kBase, {"base", "基地"}},
    {PartyKind::kVillage, {"village", "村集体"}},
    {PartyKind::kEntity, {"entity", "经营主体"}}};
}  // namespace

const char* PartyKindName(PartyKind k) {
  for (const auto& [kind, names] : kKinds)
    if (kind == k) return names.first;
  return "coop";
}
const char* PartyKindLabel(PartyKind k) {
  for (const auto& [kind, names] : kKinds)
    if (kind == k) return names.second;
  return "专业合作社";
}
Result<PartyKind> ParsePartyKind(std::string_view text, std::string_view field) {
  for (const auto& [kind, names] : kKinds)
    if (text == names.first || text == names.second) return kind;
  return Error::Invalid(std::string(field),
                        "合作方类型应为 农户、专业合作社、基地、村集体 或 经营主体");
}

namespace {

Status ValidateProducts(std::vector<AgreementProduct>& ps) {
  if (ps.empty() || ps.size() > 20) return Error::Invalid("products", "请填写 1 至 20 个合作产品");
  for (AgreementProduct& p : ps) {
    ASSIGN_OR_RETURN(p.product, validate::ValidateText(p.product, {"products", "产品", 30}));
    ASSIGN_OR_RETURN(p.unit, validate::ValidateText(p.unit, {"products", "产品单位", 10}));
    if (p.quantity <= 0 || p.quantity > kMaxQuantity)
      return Error::Invalid("products", "约定数量应为 1 至 10亿 的整数: " + p.product);
    if (p.price_fen && (*p.price_fen <= 0 || *p.price_fen > kMaxUnitPriceFen))
      return Error::Invalid("products", "约定单价应大于0，且不超过100万元: " + p.product);
  }
  return {};
}

Status ValidateAgreement(AgreementInput& in, CivilDate today) {
  ASSIGN_OR_RETURN(in.agreement_no,
                   validate::ValidateText(in.agreement_no, {"agreement_no", "协议编号", 50}));
  ASSIGN_OR_RETURN(in.title, validate::ValidateText(in.title, {"title", "协议名称", 100}));
  ASSIGN_OR_RETURN(in.model, ParseModel(in.model));
  RETURN_IF_ERROR(validate::PlausibleDate(in.signed_on, "signed_on", today));
  RETURN_IF_ERROR(validate::PlausibleDate(in.valid_from, "valid_from"));
  RETURN_IF_ERROR(validate::PlausibleDate(in.valid_to, "valid_to"));
  if (in.valid_to < in.valid_from)
    return Error::Invalid("valid_to", "协议截止日期不能早于开始日期");
  ASSIGN_OR_RETURN(in.note, validate::ValidateText(in.note, {"note", "备注", 500, true}));
  if (in.parties.empty() || in.parties.size() > 50)
    return Error::Invalid("parties", "请填写 1 至 50 个合作方");
  for (Party& p : in.parties) {
    ASSIGN_OR_RETURN(p.name, validate::ValidateText(p.name, {"parties", "合作方名称", 100}));
  }
  return ValidateProducts(in.products);
}

// Households and entities named as parties exist; a household's name is kept masked.
Status CheckParties(storage::Connection& conn, AgreementInput& in) {
  for (Party& p : in.parties) {
    if (p.kind == PartyKind::kHousehold) {
      if (!p.household_id) return Error::Invalid("parties", "农户合作方应选择已登记的贫困户");
      ASSIGN_OR_RETURN(auto h, households::FindById(conn, *p.household_id));
      if (!h)
        return Error::Invalid("parties", "合作方农户未登记: " + std::to_string(*p.household_id));
      p.name = households::MaskName(p.name);
    } else {
      p.household_id.reset();
    }
    if (p.kind == PartyKind::kEntity) {
      if (!p.entity_id || !entity::Get(conn, *p.entity_id).ok())
        return Error::Invalid("parties", "合作方经营主体不存在");
    } else {
      p.entity_id.reset();
    }
  }
  return {};
}

bool SeesAgreement(const account::Principal& who, const Agreement& a) {
  if (auto own = entity::OwnEntityOnly(who)) return *own == a.in.entity_id;
  return who.InScope(a.region);
}

Result<Agreement> Visible(storage::Connection& conn, const account::Principal& who, int64_t id) {
  if (!who.Can("agreement:read")) return Error::Forbidden("没有查看合作协议的权限");
  ASSIGN_OR_RETURN(auto a, store::GetAgreement(conn, id));
  if (!a || !SeesAgreement(who, *a))
    return Error::NotFound("合作协议 " + std::to_string(id) + " 不存在");
  return std::move(*a);
}

Result<Agreement> Editable(storage::Connection& conn, const account::Principal& who, int64_t id) {
  if (!who.Can("agreement:edit")) return Error::Forbidden("没有维护合作协议的权限");
  return Visible(conn, who, id);
}

Result<Agreement> Named(storage::Connection& conn, Agreement a) {
  ASSIGN_OR_RETURN(auto names, entity::NamesByIds(conn, {a.in.entity_id}));
  if (auto it = names.find(a.in.entity_id); it != names.end()) a.entity_name = it->second.name;
  return a;
}

}  // namespace

Result<Agreement> CreateAgreement(const Deps& d, const account::Principal& who, AgreementInput in) {
  if (!who.Can("agreement:edit")) return Error::Forbidden("没有维护合作协议的权限");
  if (auto own = entity::OwnEntityOnly(who); own && in.entity_id == 0) in.entity_id = *own;
  RETURN_IF_ERROR(ValidateAgreement(in, ShanghaiDate(d.clock.NowMs())));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Agreement>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Agreement> {
        ASSIGN_OR_RETURN(RegionCode region, internal::CheckEntity(*conn, who, in.entity_id));
        RETURN_IF_ERROR(CheckParties(*conn, in));
        ASSIGN_OR_RETURN(auto dup, store::AgreementByNo(*conn, in.entity_id, in.agreement_no));
        if (dup)
          return Error::Conflict("该经营主体已登记协议编号 " + in.agreement_no, "agreement_no");
        ASSIGN_OR_RETURN(
            int64_t id,
            store::InsertAgreement(*conn, in, region, internal::ActorId(who), d.clock.NowMs()));
        RETURN_IF_ERROR(internal::Audit(d, *conn, who, "agreement.create", "agreement", id,
                                        "entity=" + std::to_string(in.entity_id) +
                                            " no=" + in.agreement_no + " model=" + in.model));
        ASSIGN_OR_RETURN(auto a, store::GetAgreement(*conn, id));
        return Named(*conn, std::move(*a));
      });
}

namespace {

bool HasCoopOrBase(const std::vector<Party>& ps) {
  return std::any_of(ps.begin(), ps.end(), [](const Party& p) {
    return p.kind == PartyKind::kCoop || p.kind == PartyKind::kBase;
  });
}

// What the attributed sales of `a` need from its new terms `in`: every month with a figure
// inside the validity, and a co-op or base party kept (002 R07 reads only such agreements).
Status KeepsAttributedSales(storage::Connection& conn, const Agreement& a,
                            const AgreementInput& in) {
  ASSIGN_OR_RETURN(auto months, store::SalesMonths(conn, a.id));
  if (months.empty()) return {};
  std::string from = in.valid_from.ToString().substr(0, 7),
              to = in.valid_to.ToString().substr(0, 7);
  for (const std::string& m : months) {
    if (m < from)
      return Error::Conflict("已填报 " + m + " 的协议带动销售额，有效期须包含该月", "valid_from");
    if (m > to)
      return Error::Conflict("已填报 " + m + " 的协议带动销售额，有效期须包含该月", "valid_to");
  }
  if (HasCoopOrBase(a.in.parties) && !HasCoopOrBase(in.parties))
    return Error::Conflict(
        "已填报协议带动销售额（稳定购销协作奖励的基数），合作方须保留专业合作社或基地", "parties");
  return {};
}

}  // namespace

Result<Edited<Agreement>> UpdateAgreement(const Deps& d, const account::Principal& who, int64_t id,
                                          AgreementInput in, std::string reason) {
  ASSIGN_OR_RETURN(reason, internal::EditReason(reason));
  RETURN_IF_ERROR(ValidateAgreement(in, ShanghaiDate(d.clock.NowMs())));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Edited<Agreement>>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Edited<Agreement>> {
        ASSIGN_OR_RETURN(Agreement a, Editable(*conn, who, id));
        if (in.entity_id != 0 && in.entity_id != a.in.entity_id)
          return Error::Invalid("entity_id", "协议所属经营主体不能修改");
        in.entity_id = a.in.entity_id;
        RETURN_IF_ERROR(CheckParties(*conn, in));
        ASSIGN_OR_RETURN(auto dup, store::AgreementByNo(*conn, in.entity_id, in.agreement_no));
        if (dup && *dup != id)
          return Error::Conflict("该经营主体已登记协议编号 " + in.agreement_no, "agreement_no");
        RETURN_IF_ERROR(KeepsAttributedSales(*conn, a, in));
        auto changes = AgreementDiff(a.in, in);
        if (!changes.empty())
          RETURN_IF_ERROR(store::ReplaceAgreement(*conn, id, in, d.clock.NowMs()));
        ASSIGN_OR_RETURN(auto edit, internal::RecordEdit(d, *conn, who, "agreement", id,
                                                         std::move(changes), reason));
        ASSIGN_OR_RETURN(auto now, store::GetAgreement(*conn, id));
        ASSIGN_OR_RETURN(Agreement named, Named(*conn, std::move(*now)));
        return Edited<Agreement>{std::move(named), std::move(edit)};
      });
}

Result<Agreement> GetAgreement(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Agreement a, Visible(*conn, who, id));
  return Named(*conn, std::move(a));
}

Result<Page<Agreement>> ListAgreements(const Deps& d, const account::Principal& who,
                                       AgreementFilter f, const PageRequest& page) {
  if (!who.Can("agreement:read")) return Error::Forbidden("没有查看合作协议的权限");
  if (f.region.empty()) f.region = who.region;
  if (!who.InScope(f.region)) return Error::Forbidden("该区划不在您的管辖范围内");
  if (!f.model.empty()) {
    ASSIGN_OR_RETURN(f.model, ParseModel(f.model));
  }
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto p, store::ListAgreements(*conn, f, entity::OwnEntityOnly(who), page));
  std::vector<int64_t> ids;
  for (const auto& a : p.items) ids.push_back(a.in.entity_id);
  ASSIGN_OR_RETURN(auto names, entity::NamesByIds(*conn, ids));
  for (auto& a : p.items)
    if (auto it = names.find(a.in.entity_id); it != names.end()) a.entity_name = it->second.name;
  return p;
}

Result<File> AddAgreementFile(const Deps& d, const account::Principal& who, int64_t id,
                              std::string_view filename, std::string_view bytes) {
  auto conn = d.db.Acquire();
  return storage::InTransaction<File>(*conn, storage::TxMode::kWrite, [&]() -> Result<File> {
    ASSIGN_OR_RETURN(Agreement a, Editable(*conn, who, id));
    if (a.file_count >= 10) return Error::Conflict("每份协议最多 10 个文件", "file");
    ASSIGN_OR_RETURN(File f, internal::StoreFile(d, *conn, who, "agreement", id,
                                                 a.region.county().str(), filename, bytes));
    RETURN_IF_ERROR(internal::Audit(d, *conn, who, "agreement.file.add", "agreement", id,
                                    "file=" + std::to_string(f.id) + " sha256=" + f.sha256));
    return f;
  });
}

Result<std::vector<File>> AgreementFiles(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  RETURN_IF_ERROR(Visible(*conn, who, id));
  return store::Files(*conn, "agreement", id);
}

Result<std::pair<File, std::string>> AgreementFile(const Deps& d, const account::Principal& who,
                                                   int64_t id, int64_t file_id) {
  auto conn = d.db.Acquire();
  RETURN_IF_ERROR(Visible(*conn, who, id));
  return store::ReadFile(*conn, "agreement", id, file_id);
}

namespace {

Status ValidateSales(const Agreement& a, AttributedSales& s, CivilDate today) {
  auto first = CivilDate::Parse(s.month + "-01");
  if (s.month.size() != 7 || !first.ok()) return Error::Invalid("month", "月份格式应为 YYYY-MM");
  CivilDate last = first->AddDays(31);
  last = last.AddDays(-last.day());  // the month's last day
  if (last < a.in.valid_from || a.in.valid_to < *first)
    return Error::Invalid("month", "月份不在协议有效期内");
  if (today < *first) return Error::Invalid("month", "不能填报未来月份的销售额");
  if (s.amount_fen < 0 || s.amount_fen > kMaxMonthlySalesFen)
    return Error::Invalid("amount_fen", "销售额应为 0 至 10亿元");
  ASSIGN_OR_RETURN(s.evidence, validate::ValidateText(s.evidence, {"evidence", "销售凭据", 200}));
  return {};
}

}  // namespace

Result<AttributedSales> RecordSales(const Deps& d, const account::Principal& who, int64_t id,
                                    AttributedSales s) {
  auto conn = d.db.Acquire();
  return storage::InTransaction<AttributedSales>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<AttributedSales> {
        ASSIGN_OR_RETURN(Agreement a, Editable(*conn, who, id));
        RETURN_IF_ERROR(ValidateSales(a, s, ShanghaiDate(d.clock.NowMs())));
        s.created_at = d.clock.NowMs();
        ASSIGN_OR_RETURN(s.id, store::PutSales(*conn, a, s, internal::ActorId(who)));
        RETURN_IF_ERROR(
            internal::Audit(d, *conn, who, "agreement.sales", "agreement", id,
                            "month=" + s.month + " amount_fen=" + std::to_string(s.amount_fen)));
        return s;
      });
}

Result<std::vector<AttributedSales>> SalesOf(const Deps& d, const account::Principal& who,
                                             int64_t id) {
  auto conn = d.db.Acquire();
  RETURN_IF_ERROR(Visible(*conn, who, id));
  return store::Sales(*conn, id);
}

Result<std::vector<EntityAttributed>> AttributedOfYear(storage::Connection& conn,
                                                       const RegionCode& scope, int year) {
  ASSIGN_OR_RETURN(auto rows, store::SalesOfYear(conn, scope, year));
  std::vector<EntityAttributed> out;
  for (const auto& [entity_id, agreement_id, fen] : rows) {
    if (out.empty() || out.back().entity_id != entity_id) out.push_back({entity_id});
    EntityAttributed& e = out.back();
    e.amount_fen += fen;
    if (e.agreement_ids.empty() || e.agreement_ids.back() != agreement_id)
      e.agreement_ids.push_back(agreement_id);
  }
  return out;
}

Result<std::vector<CooperationMonth>> CooperationSalesOfYear(storage::Connection& conn,
                                                             const RegionCode& scope, int year) {
  return store::CooperationSalesOfYear(conn, scope, year);
}

}  // namespace ruralec::matching
