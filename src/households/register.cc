// The household register's rules (households.h contract): field checks, encryption of the
// personal data, scope, masking, the audited reveal.
#include <algorithm>

#include "core/validate.h"
#include "entity/entity.h"
#include "households/households.h"
#include "households/register_internal.h"
#include "region/region.h"

namespace ruralec::households {
namespace {

constexpr char kNameContext[] = "households.head_name";
constexpr char kIdContext[] = "households.id_number";

struct Named {
  const char* name;
  const char* label;
};
constexpr Named kStatuses[] = {
    {"registered", "建档立卡贫困户"}, {"lifted", "已脱贫"}, {"monitored", "监测户"}};
constexpr Named kHelperKinds[] = {
    {"unit", "帮扶单位"}, {"entity", "经营主体"}, {"grower", "大户"}, {"capable", "能人"}};

template <typename E, size_t N>
Result<E> ParseNamed(const Named (&table)[N], std::string_view text, std::string_view field,
                     const std::string& what) {
  for (size_t i = 0; i < N; ++i)
    if (text == table[i].name || text == table[i].label) return static_cast<E>(i);
  return Error::Invalid(std::string(field), what + "无效: " + std::string(text));
}

std::string UpperId(std::string id) {
  std::transform(id.begin(), id.end(), id.begin(), [](char c) { return c == 'x' ? 'X' : c; });
  return id;
}

Status CheckDate(const std::optional<CivilDate>& d, bool set, std::string_view field,
                 const std::string& what, CivilDate today) {
  if (set && !d) return Error::Invalid(std::string(field), "请填写" + what + "的日期");
  if (d) RETURN_IF_ERROR(validate::PlausibleDate(*d, field, today));
  return {};
}

Status CheckHelpers(std::vector<Helper>& helpers) {
  if (helpers.size() > 20) return Error::Invalid("helpers", "结对帮扶最多20个");
  for (auto& h : helpers) {
    ASSIGN_OR_RETURN(h.name, validate::ValidateText(h.name, {"helpers", "帮扶人或单位名称", 100}));
    if (h.kind == HelperKind::kEntity && !h.entity_id)
      return Error::Invalid("helpers", "经营主体帮扶须填写主体编号");
    if (h.kind != HelperKind::kEntity) h.entity_id.reset();
  }
  return {};
}

}  // namespace

namespace internal {

Status CheckFields(HouseholdInput& in, CivilDate today) {
  ASSIGN_OR_RETURN(in.head_name,
                   validate::ValidateText(in.head_name, {"head_name", "户主姓名", 50}));
  in.id_number = UpperId(in.id_number);
  RETURN_IF_ERROR(validate::IdCard(in.id_number, today, "id_number"));
  if (in.members < 1 || in.members > 30)
    return Error::Invalid("members", "家庭人口应为 1 至 30 人");
  if (in.status == PovertyStatus::kLifted) {
    if (!in.lifted_year) return Error::Invalid("lifted_year", "已脱贫户须填写脱贫年度");
    if (*in.lifted_year < 2014 || *in.lifted_year > today.year())
      return Error::Invalid("lifted_year", "脱贫年度应在 2014 年至今年之间");
  } else {
    in.lifted_year.reset();
  }
  RETURN_IF_ERROR(CheckDate(in.willing_on, in.willing, "willing_on", "参与意愿", today));
  RETURN_IF_ERROR(CheckDate(in.able_on, in.able, "able_on", "参与能力", today));
  if (in.products.size() > 20) return Error::Invalid("products", "产品最多20种");
  for (auto& p : in.products) {
    ASSIGN_OR_RETURN(p, validate::ValidateText(p, {"products", "产品名称", 30}));
    if (p.find(',') != std::string::npos) return Error::Invalid("products", "产品名称不能含逗号");
  }
  return CheckHelpers(in.helpers);
}

Status CheckPlace(storage::Connection& conn, const account::Principal& who,
                  const HouseholdInput& in) {
  if (in.region.empty() || in.region.level() != RegionLevel::kVillage)
    return Error::Invalid("region_code", "区划代码应为农户所在的行政村（12位）");
  ASSIGN_OR_RETURN(bool exists, region::Exists(conn, in.region));
  if (!exists) return Error::Invalid("region_code", "区划不存在: " + in.region.str());
  if (!who.InScope(in.region)) return Error::Forbidden("该村不在您的管辖范围内");
  for (const auto& h : in.helpers) {
    if (!h.entity_id) continue;
    if (!entity::Get(conn, *h.entity_id).ok())
      return Error::Invalid("helpers", "经营主体不存在: " + std::to_string(*h.entity_id));
  }
  return {};
}

store::Row RowOf(const crypto::FieldCipher& cipher, const account::Principal& who,
                 const HouseholdInput& in, int64_t now) {
  store::Row r;
  r.in = in;
  r.head_name_enc = cipher.Encrypt(in.head_name, kNameContext);
  r.head_name_masked = MaskName(in.head_name);
  r.id_enc = cipher.Encrypt(in.id_number, kIdContext);
  r.id_bidx = cipher.BlindIndex(in.id_number, kIdContext);
  r.id_masked = crypto::MaskIdNumber(in.id_number);
  r.created_by = who.id.valid() ? std::optional<int64_t>(who.id.value) : std::nullopt;
  r.now = now;
  return r;
}

// The household as `who` sees it: the name unmasked for the village's town and below.
Household Shown(const Deps& d, const account::Principal& who, store::Stored s) {
  if (SeesNames(who, s.h.region)) {
    if (auto name = d.cipher.Decrypt(s.head_name_enc, kNameContext); name.ok()) {
      s.h.head_name = *name;
      s.h.name_masked = false;
    }
  }
  return std::move(s.h);
}

Status FillRegionNames(storage::Connection& conn, std::vector<Household>& hs) {
  std::vector<std::string> codes;
  for (const auto& h : hs) codes.push_back(h.region.str());
  ASSIGN_OR_RETURN(auto names, region::NamesOf(conn, codes));
  for (auto& h : hs)
    if (auto it = names.find(h.region.str()); it != names.end()) h.region_name = it->second;
  return {};
}

// The stored household if `who` may read it, else "not found".
Result<store::Stored> Visible(storage::Connection& conn, const account::Principal& who,
                              int64_t id) {
  if (!who.Can("household:read")) return Error::Forbidden("没有查看贫困户信息的权限");
  ASSIGN_OR_RETURN(auto s, store::Get(conn, id));
  if (!s || !who.InScope(s->h.region))
    return Error::NotFound("农户 " + std::to_string(id) + " 不存在");
  return std::move(*s);
}

}  // namespace internal

namespace {

using internal::CheckFields;
using internal::CheckPlace;
using internal::FillRegionNames;
using internal::Shown;
using internal::Visible;

store::Row RowOf(const Deps& d, const account::Principal& who, const HouseholdInput& in) {
  return internal::RowOf(d.cipher, who, in, d.clock.NowMs());
}

Result<Household> Load(const Deps& d, storage::Connection& conn, const account::Principal& who,
                       int64_t id) {
  ASSIGN_OR_RETURN(store::Stored s, Visible(conn, who, id));
  std::vector<Household> one{Shown(d, who, std::move(s))};
  RETURN_IF_ERROR(FillRegionNames(conn, one));
  return std::move(one[0]);
}

Status Audit(const Deps& d, storage::Connection& conn, const account::Principal& who,
             const std::string& action, int64_t id, const HouseholdInput& in) {
  std::string detail = "region=" + in.region.str() + " status=" + StatusName(in.status) +
                       " willing=" + (in.willing ? "1" : "0") + " able=" + (in.able ? "1" : "0");
  return d.audit.Append(conn, {who.ToActor(), action, "household", std::to_string(id),
                               audit::Outcome::kSuccess, detail});
}

}  // namespace

const char* StatusName(PovertyStatus s) { return kStatuses[static_cast<int>(s)].name; }
const char* StatusLabel(PovertyStatus s) { return kStatuses[static_cast<int>(s)].label; }
Result<PovertyStatus> ParseStatus(std::string_view text, std::string_view field) {
  return ParseNamed<PovertyStatus>(kStatuses, text, field, "贫困户状态");
}
const char* HelperKindName(HelperKind k) { return kHelperKinds[static_cast<int>(k)].name; }
const char* HelperKindLabel(HelperKind k) { return kHelperKinds[static_cast<int>(k)].label; }
Result<HelperKind> ParseHelperKind(std::string_view text, std::string_view field) {
  return ParseNamed<HelperKind>(kHelperKinds, text, field, "帮扶类型");
}

std::string MaskName(std::string_view name) {
  if (name.empty()) return "";
  size_t first = 1;
  auto c = static_cast<unsigned char>(name[0]);
  if (c >= 0xF0)
    first = 4;
  else if (c >= 0xE0)
    first = 3;
  else if (c >= 0xC0)
    first = 2;
  std::string out(name.substr(0, std::min(first, name.size())));
  for (size_t i = first; i < name.size(); ++i)
    if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80) out += "*";
  return out;
}

bool SeesNames(const account::Principal& who, const RegionCode& village) {
  return !who.region.empty() && who.region.level() >= RegionLevel::kTown &&
         who.region.Contains(village);
}

Status Validate(const HouseholdInput& in, CivilDate today) {
  HouseholdInput copy = in;
  return CheckFields(copy, today);
}

Result<Household> Register(const Deps& d, const account::Principal& who,
                           const HouseholdInput& raw) {
  if (!who.Can("household:edit")) return Error::Forbidden("没有登记贫困户的权限");
  HouseholdInput in = raw;
  RETURN_IF_ERROR(CheckFields(in, ShanghaiDate(d.clock.NowMs())));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Household>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Household> {
        RETURN_IF_ERROR(CheckPlace(*conn, who, in));
        store::Row r = RowOf(d, who, in);
        ASSIGN_OR_RETURN(auto dup, store::FindByBlindIndex(*conn, r.id_bidx));
        if (dup) return Error::Conflict("该户主身份证号已登记", "id_number");
        ASSIGN_OR_RETURN(int64_t id, store::Insert(*conn, r));
        RETURN_IF_ERROR(Audit(d, *conn, who, "household.create", id, in));
        return Load(d, *conn, who, id);
      });
}

namespace {

// An update that leaves the head's name or ID number out keeps the stored one: the console's
// edit form shows them masked and cannot send them back (the clerk retypes them only to change
// them). Decrypted here only to re-encrypt; nothing is shown, so no pii.view entry.
Status KeepIdentity(storage::Connection& conn, const crypto::FieldCipher& cipher, int64_t id,
                    HouseholdInput& in) {
  if (!in.head_name.empty() && !in.id_number.empty()) return {};
  ASSIGN_OR_RETURN(auto secrets, store::Secrets(conn, id));
  if (in.head_name.empty()) {
    ASSIGN_OR_RETURN(in.head_name, cipher.Decrypt(secrets.first, kNameContext));
  }
  if (in.id_number.empty()) {
    ASSIGN_OR_RETURN(in.id_number, cipher.Decrypt(secrets.second, kIdContext));
  }
  return {};
}

}  // namespace

Result<Household> Update(const Deps& d, const account::Principal& who, int64_t id,
                         const HouseholdInput& raw) {
  if (!who.Can("household:edit")) return Error::Forbidden("没有修改贫困户信息的权限");
  HouseholdInput in = raw;
  auto conn = d.db.Acquire();
  return storage::InTransaction<Household>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Household> {
        RETURN_IF_ERROR(Visible(*conn, who, id));
        RETURN_IF_ERROR(KeepIdentity(*conn, d.cipher, id, in));
        RETURN_IF_ERROR(CheckFields(in, ShanghaiDate(d.clock.NowMs())));
        RETURN_IF_ERROR(CheckPlace(*conn, who, in));
        store::Row r = RowOf(d, who, in);
        ASSIGN_OR_RETURN(auto dup, store::FindByBlindIndex(*conn, r.id_bidx));
        if (dup && dup->id != id) return Error::Conflict("该户主身份证号已登记", "id_number");
        RETURN_IF_ERROR(store::Update(*conn, id, r));
        RETURN_IF_ERROR(Audit(d, *conn, who, "household.update", id, in));
        return Load(d, *conn, who, id);
      });
}

Result<Household> Get(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  return Load(d, *conn, who, id);
}

Result<Page<Household>> List(const Deps& d, const account::Principal& who, Filter f,
                             const PageRequest& page) {
  if (!who.Can("household:read")) return Error::Forbidden("没有查看贫困户信息的权限");
  if (f.region.empty()) f.region = who.region;
  if (!who.InScope(f.region)) return Error::Forbidden("该区划不在您的管辖范围内");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto stored, store::List(*conn, f, page));
  Page<Household> out;
  out.page = stored.page;
  out.page_size = stored.page_size;
  out.total = stored.total;
  for (auto& s : stored.items) out.items.push_back(Shown(d, who, std::move(s)));
  RETURN_IF_ERROR(FillRegionNames(*conn, out.items));
  return out;
}

Result<Revealed> Reveal(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  return storage::InTransaction<Revealed>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Revealed> {
        ASSIGN_OR_RETURN(store::Stored s, Visible(*conn, who, id));
        if (!who.Can("household:pii"))
          return Error::NotFound("农户 " + std::to_string(id) + " 不存在");
        ASSIGN_OR_RETURN(auto secrets, store::Secrets(*conn, id));
        Revealed r;
        ASSIGN_OR_RETURN(r.head_name, d.cipher.Decrypt(secrets.first, kNameContext));
        ASSIGN_OR_RETURN(r.id_number, d.cipher.Decrypt(secrets.second, kIdContext));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, {who.ToActor(), "pii.view", "household.id_number", std::to_string(id),
                    audit::Outcome::kSuccess, "viewed unmasked head name and id number"}));
        return r;
      });
}

Result<std::optional<HouseholdRef>> FindByIdNumber(storage::Connection& conn,
                                                   const crypto::FieldCipher& cipher,
                                                   std::string_view id_number) {
  return store::FindByBlindIndex(conn,
                                 cipher.BlindIndex(UpperId(std::string(id_number)), kIdContext));
}

Result<std::optional<HouseholdRef>> FindById(storage::Connection& conn, int64_t id) {
  return store::FindRef(conn, id);
}

}  // namespace ruralec::households
