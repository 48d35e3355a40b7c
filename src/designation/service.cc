// The designation rules (designation.h contract): permission and scope, the subject checked
// through its owner's public API, the status machine, the audit entry in the same transaction
// as each change.
#include "account/recorders.h"
#include "account/stamp.h"
#include "attachments/attachments.h"
#include "core/validate.h"
#include "designation/designation.h"
#include "designation/designation_store.h"
#include "designation/service_internal.h"
#include "entity/entity.h"
#include "region/region.h"
#include "station/station.h"

namespace ruralec::designation {
namespace {

constexpr size_t kMaxBody = 100, kMaxDoc = 100, kMaxNote = 500, kMaxReason = 500;

Result<std::string> Text(std::string_view v, std::string_view field, std::string_view label,
                         size_t max, bool optional) {
  return validate::ValidateText(v, {field, label, max, optional});
}

Status NeedRead(const account::Principal& who) {
  if (!who.Can("designation:read")) return Error::Forbidden("没有查看示范创建的权限");
  return {};
}

Status NeedEdit(const account::Principal& who) {
  if (!who.Can("designation:edit")) return Error::Forbidden("没有登记和修改示范创建的权限");
  return {};
}

// A region subject: it exists at the level the kind names.
Status RegionSubject(storage::Connection& conn, store::NewRow& r) {
  const RegionCode& code = r.in.region;
  if (code.empty()) return Error::Invalid("region_code", "请填写被认定的区划代码");
  RegionLevel l = code.level();
  bool ok = false;
  switch (r.in.kind) {
    case Kind::kCounty:
      ok = l == RegionLevel::kCounty;
      break;
    case Kind::kTown:
      ok = l == RegionLevel::kTown;
      break;
    case Kind::kVillage:
      ok = l == RegionLevel::kVillage;
      break;
    default:
      ok = l == RegionLevel::kTown || l == RegionLevel::kCounty;
  }
  if (!ok)
    return Error::Invalid("region_code", std::string(KindLabel(r.in.kind)) + "的区划级别不符（" +
                                             RegionLevelName(l) + "）");
  auto reg = region::Get(conn, code);
  if (!reg.ok()) return Error::Invalid("region_code", "区划 " + code.str() + " 不存在");
  r.subject_key = "region:" + code.str();
  r.subject_name = reg->name;
  return {};
}

// Resolves the subject of `in` (station and entity through their modules) into `r`.
Status Resolve(const Deps& d, const account::Principal& who, store::NewRow& r) {
  r.subject_type = SubjectOf(r.in.kind);
  if (r.subject_type == SubjectType::kRegion) {
    if (r.in.subject_id) return Error::Invalid("subject_id", "区划类示范不填写 subject_id");
    auto conn = d.db.Acquire();
    return RegionSubject(*conn, r);
  }
  if (!r.in.subject_id)
    return Error::Invalid("subject_id", r.subject_type == SubjectType::kStation
                                            ? "请选择被认定的服务站点"
                                            : "请选择被认定的经营主体");
  int64_t id = *r.in.subject_id;
  if (r.subject_type == SubjectType::kStation) {
    auto s = station::Get({d.db, d.audit, d.clock, d.cipher}, who, id);
    if (!s.ok()) return Error::Invalid("subject_id", "服务站点 " + std::to_string(id) + " 不存在");
    r.in.region = s->region;
    r.subject_name = s->name;
    r.subject_key = "station:" + std::to_string(id);
    return {};
  }
  auto conn = d.db.Acquire();
  auto e = entity::Get(*conn, id);
  if (!e.ok() || !who.CanSee(e->region))
    return Error::Invalid("subject_id", "经营主体 " + std::to_string(id) + " 不存在");
  r.in.region = e->region;
  r.subject_name = e->name;
  r.subject_key = "entity:" + std::to_string(id);
  return {};
}

// Field rules that need no database.
Status CleanFields(DesignationInput& in) {
  if (in.year < 2000 || in.year > 2100) return Error::Invalid("year", "年度应在 2000 到 2100 之间");
  ASSIGN_OR_RETURN(in.issuing_body,
                   Text(in.issuing_body, "issuing_body", "认定机关", kMaxBody, true));
  ASSIGN_OR_RETURN(in.document_no,
                   Text(in.document_no, "document_no", "认定文件文号", kMaxDoc, true));
  ASSIGN_OR_RETURN(in.note, Text(in.note, "note", "备注", kMaxNote, true));
  return {};
}

Result<NewStatus> CleanChange(NewStatus c, CivilDate today) {
  ASSIGN_OR_RETURN(c.reason, Text(c.reason, "reason", "变更原因", kMaxReason, true));
  ASSIGN_OR_RETURN(c.document_no, Text(c.document_no, "document_no", "文件文号", kMaxDoc, true));
  ASSIGN_OR_RETURN(c.issuing_body,
                   Text(c.issuing_body, "issuing_body", "认定机关", kMaxBody, true));
  RETURN_IF_ERROR(validate::PlausibleDate(c.on, "date", today));
  if (c.to == State::kRecognised && c.document_no.empty())
    return Error::Invalid("document_no", "认定须填写认定文件文号");
  if (c.to == State::kRevoked && c.reason.empty())
    return Error::Invalid("reason", "撤销须填写原因");
  return c;
}

Result<Designation> Visible(storage::Connection& conn, const account::Principal& who, int64_t id) {
  RETURN_IF_ERROR(NeedRead(who));
  auto found = store::Get(conn, id);
  if (!found.ok() || !who.region.Contains(found->region))
    return Error::NotFound("示范创建记录 " + std::to_string(id) + " 不存在");
  return found;
}

Status Decorate(storage::Connection& conn, std::vector<Designation*> items) {
  std::vector<std::string> codes;
  for (auto* d : items) codes.push_back(d->region.str());
  ASSIGN_OR_RETURN(auto names, region::NamesOf(conn, codes));
  for (auto* d : items) {
    if (auto it = names.find(d->region.str()); it != names.end()) d->region_name = it->second;
  }
  return {};
}

Result<Designation> Reload(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(Designation out, store::Get(conn, id));
  RETURN_IF_ERROR(Decorate(conn, {&out}));
  return out;
}

}  // namespace

namespace internal {

Result<int64_t> RegisterIn(storage::Connection& conn, const Deps& d, const account::Principal& who,
                           const store::NewRow& row, const NewStatus& first, bool audit) {
  ASSIGN_OR_RETURN(auto dup,
                   store::Find(conn, row.in.level, row.in.kind, row.subject_key, row.in.year));
  if (dup)
    return Error::Conflict(row.subject_name + " 已有 " + std::to_string(row.in.year) + " 年度" +
                               LevelLabel(row.in.level) + KindLabel(row.in.kind) + "记录",
                           "subject");
  ASSIGN_OR_RETURN(int64_t id, store::Insert(conn, row, first, StampOf(who, d.clock.NowMs())));
  if (!audit) return id;
  RETURN_IF_ERROR(d.audit.Append(
      conn, AuditOf(who, "designation.create", "designation", id,
                    std::string("level=") + LevelName(row.in.level) + " kind=" +
                        KindName(row.in.kind) + " subject=" + row.subject_key + " year=" +
                        std::to_string(row.in.year) + " status=" + StatusName(first.to))));
  return id;
}

Result<store::NewRow> Prepare(const Deps& d, const account::Principal& who,
                              const DesignationInput& input, std::optional<NewStatus>& initial) {
  RETURN_IF_ERROR(NeedEdit(who));
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  store::NewRow row;
  row.in = input;
  RETURN_IF_ERROR(CleanFields(row.in));
  RETURN_IF_ERROR(Resolve(d, who, row));
  if (!who.InScope(row.in.region))
    return Error::Forbidden("区划 " + row.in.region.str() + " 不在您的管辖范围内");
  NewStatus first = initial.value_or(NewStatus{State::kCandidate, today, "", "", ""});
  if (first.to == State::kRevoked) return Error::Invalid("status", "不能登记已撤销的示范");
  if (first.to == State::kRecognised && first.document_no.empty())
    first.document_no = row.in.document_no;
  if (first.issuing_body.empty()) first.issuing_body = row.in.issuing_body;
  ASSIGN_OR_RETURN(first, CleanChange(first, today));
  if (first.to == State::kRecognised) {
    row.in.document_no = first.document_no;
    row.in.issuing_body = first.issuing_body;
  }
  initial = first;
  return row;
}

}  // namespace internal

Result<Designation> Register(const Deps& d, const account::Principal& who,
                             const DesignationInput& input, std::optional<NewStatus> initial) {
  ASSIGN_OR_RETURN(store::NewRow row, internal::Prepare(d, who, input, initial));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Designation>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Designation> {
        ASSIGN_OR_RETURN(int64_t id, internal::RegisterIn(*conn, d, who, row, *initial, true));
        return Reload(*conn, id);
      });
}

Result<Designation> Update(const Deps& d, const account::Principal& who, int64_t id,
                           const DesignationInput& input) {
  RETURN_IF_ERROR(NeedEdit(who));
  DesignationInput in = input;
  RETURN_IF_ERROR(CleanFields(in));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Designation>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Designation> {
        ASSIGN_OR_RETURN(Designation cur, Visible(*conn, who, id));
        if (!who.InScope(cur.region))
          return Error::Forbidden("区划 " + cur.region.str() + " 不在您的管辖范围内");
        if (in.year != cur.year) {
          std::string key = cur.subject_type == SubjectType::kRegion
                                ? "region:" + cur.region.str()
                                : std::string(SubjectTypeName(cur.subject_type)) + ":" +
                                      std::to_string(cur.subject_id.value_or(0));
          ASSIGN_OR_RETURN(auto dup, store::Find(*conn, cur.level, cur.kind, key, in.year));
          if (dup) return Error::Conflict("该对象在该年度已有同级同类示范记录", "year");
        }
        ASSIGN_OR_RETURN(auto changed,
                         store::Update(*conn, cur, in, StampOf(who, d.clock.NowMs())));
        if (!changed.empty()) {
          std::string detail = "changed=";
          for (size_t i = 0; i < changed.size(); ++i) detail += (i ? "," : "") + changed[i];
          RETURN_IF_ERROR(
              d.audit.Append(*conn, AuditOf(who, "designation.update", "designation", id, detail)));
        }
        return Reload(*conn, id);
      });
}

Result<Designation> ChangeStatus(const Deps& d, const account::Principal& who, int64_t id,
                                 const NewStatus& input) {
  RETURN_IF_ERROR(NeedEdit(who));
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  auto conn = d.db.Acquire();
  return storage::InTransaction<Designation>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Designation> {
        ASSIGN_OR_RETURN(Designation cur, Visible(*conn, who, id));
        if (!who.InScope(cur.region))
          return Error::Forbidden("区划 " + cur.region.str() + " 不在您的管辖范围内");
        if (!CanChange(cur.status, input.to))
          return Error::Conflict(std::string("状态不能从“") + StatusLabel(cur.status) + "”改为“" +
                                     StatusLabel(input.to) + "”",
                                 "status");
        NewStatus c = input;
        if (c.to == State::kRecognised && c.document_no.empty()) c.document_no = cur.document_no;
        ASSIGN_OR_RETURN(c, CleanChange(c, today));
        if (c.on < cur.status_since)
          return Error::Invalid(
              "date", "变更日期不能早于上一次状态变更（" + cur.status_since.ToString() + "）");
        RETURN_IF_ERROR(store::AddChange(*conn, cur, c, StampOf(who, d.clock.NowMs())));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, AuditOf(who, "designation.status", "designation", id,
                           std::string("from=") + StatusName(cur.status) +
                               " to=" + StatusName(c.to) + " on=" + c.on.ToString() +
                               (c.document_no.empty() ? "" : " document=" + c.document_no))));
        return Reload(*conn, id);
      });
}

Result<Designation> Get(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Designation out, Visible(*conn, who, id));
  RETURN_IF_ERROR(Decorate(*conn, {&out}));
  return out;
}

Result<std::vector<StatusChange>> History(const Deps& d, const account::Principal& who,
                                          int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Designation cur, Visible(*conn, who, id));
  ASSIGN_OR_RETURN(auto changes, store::Changes(*conn, cur.id));
  RETURN_IF_ERROR(account::NameRecorders(*conn, changes));
  return changes;
}

Result<Page<Designation>> List(const Deps& d, const account::Principal& who, Filter f,
                               const PageRequest& page) {
  RETURN_IF_ERROR(NeedRead(who));
  if (f.region.empty()) f.region = who.region;
  if (!who.region.Contains(f.region))
    return Error::Forbidden("区划 " + f.region.str() + " 不在您的管辖范围内");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Page<Designation> p, store::List(*conn, f, page));
  std::vector<Designation*> items;
  for (auto& x : p.items) items.push_back(&x);
  RETURN_IF_ERROR(Decorate(*conn, items));
  return p;
}

Result<File> AddFile(const Deps& d, const account::Principal& who, int64_t id,
                     std::string_view filename, std::string_view bytes) {
  RETURN_IF_ERROR(NeedEdit(who));
  ASSIGN_OR_RETURN(attachments::CheckedFile checked, attachments::CheckAttachment(filename, bytes));
  auto conn = d.db.Acquire();
  return storage::InTransaction<File>(*conn, storage::TxMode::kWrite, [&]() -> Result<File> {
    ASSIGN_OR_RETURN(Designation cur, Visible(*conn, who, id));
    if (!who.InScope(cur.region))
      return Error::Forbidden("区划 " + cur.region.str() + " 不在您的管辖范围内");
    if (cur.file_count >= kMaxFiles)
      return Error::Conflict("每条示范记录最多 " + std::to_string(kMaxFiles) + " 个档案文件",
                             "file");
    File f{0,
           checked.filename,
           checked.content_type,
           crypto::Sha256Hex(bytes),
           static_cast<int64_t>(bytes.size()),
           who.username,
           d.clock.NowMs()};
    ASSIGN_OR_RETURN(
        f.id, store::AddFile(*conn, cur, f, std::string(bytes), StampOf(who, d.clock.NowMs()).by));
    RETURN_IF_ERROR(
        d.audit.Append(*conn, AuditOf(who, "designation.file.add", "designation", id,
                                      "file=" + std::to_string(f.id) + " sha256=" + f.sha256)));
    return f;
  });
}

Result<std::vector<File>> Files(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Designation cur, Visible(*conn, who, id));
  return store::Files(*conn, cur.id);
}

Result<std::pair<File, std::string>> ReadFile(const Deps& d, const account::Principal& who,
                                              int64_t id, int64_t file_id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Designation cur, Visible(*conn, who, id));
  return store::ReadFile(*conn, cur.id, file_id);
}

}  // namespace ruralec::designation
