// Submitting, confirming and rejecting reports, their evidence and reads (reporting.h).
#include <algorithm>

#include "account/stamp.h"
#include "attachments/attachments.h"
#include "core/validate.h"
#include "crypto/crypto.h"
#include "region/region.h"
#include "reporting/report_store.h"
#include "reporting/reporting.h"

namespace ruralec::reporting {
namespace {

Status Need(const account::Principal& who, const char* perm, const char* what) {
  if (!who.Can(perm)) return Error::Forbidden(std::string("没有") + what + "的权限");
  return {};
}

std::optional<int64_t> IdOf(const account::Principal& who) {
  return who.id.valid() ? std::optional<int64_t>(who.id.value) : std::nullopt;
}

std::string NameOf(const account::Principal& who) {
  return who.display_name.empty() ? who.username : who.display_name;
}

// The report if the caller may read it: outside their scope it does not exist for them.
Result<Report> Visible(storage::Connection& conn, const account::Principal& who, int64_t id) {
  RETURN_IF_ERROR(Need(who, "report:read", "查看填报"));
  auto found = store::Get(conn, id);
  if (!found.ok() || !who.InScope(found->region))
    return Error::NotFound("填报记录 " + std::to_string(id) + " 不存在");
  return found;
}

Status Name(storage::Connection& conn, std::vector<Report*> items) {
  std::vector<std::string> codes;
  for (auto* r : items) codes.push_back(r->region.str());
  ASSIGN_OR_RETURN(auto names, region::NamesOf(conn, codes));
  for (auto* r : items) {
    auto it = names.find(r->region.str());
    if (it != names.end()) r->region_name = it->second;
  }
  return {};
}

std::string Detail(const Report& r) {
  return "indicator=" + r.indicator + " params=" + ParamsText(r.params) +
         " region=" + r.region.str() + " period=" + r.period +
         " version=" + std::to_string(r.version) + " value=" + std::to_string(r.value);
}

// The report after a write in the same transaction, its region named.
Result<Report> Reload(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(Report r, store::Get(conn, id));
  RETURN_IF_ERROR(Name(conn, {&r}));
  return r;
}

Result<Submitted> Write(const Deps& d, storage::Connection& conn, const account::Principal& who,
                        Report r) {
  ASSIGN_OR_RETURN(auto versions, store::Versions(conn, store::KeyOf(r)));
  Submitted out;
  if (!versions.empty() && versions[0].status == State::kPending) {
    r.id = versions[0].id;
    r.version = versions[0].version;
    RETURN_IF_ERROR(store::Replace(conn, r));
    out.replaced = true;
  } else {
    r.version = versions.empty() ? 1 : versions[0].version + 1;
    ASSIGN_OR_RETURN(r.id, store::Insert(conn, r));
  }
  RETURN_IF_ERROR(d.audit.Append(
      conn, account::AuditOf(who, "report.submit", "indicator_report", r.id,
                             Detail(r) + (out.replaced ? " replaced=pending" : ""))));
  ASSIGN_OR_RETURN(out.report, Reload(conn, r.id));
  return out;
}

// A pending report in the caller's scope they may decide on: not their own.
Result<Report> Decidable(storage::Connection& conn, const account::Principal& who, int64_t id) {
  RETURN_IF_ERROR(Need(who, "report:confirm", "确认填报"));
  ASSIGN_OR_RETURN(Report r, Visible(conn, who, id));
  if (r.status != State::kPending)
    return Error::Conflict("该填报" + std::string(StateLabel(r.status)) + "，不能再处理", "id");
  if (r.reported_by && IdOf(who) == r.reported_by)
    return Error::Forbidden("不能确认或退回自己提交的填报（须由另一人确认）");
  return r;
}

Result<Report> Decide(const Deps& d, const account::Principal& who, int64_t id, State to,
                      const std::string& reason) {
  auto conn = d.db.Acquire();
  return storage::InTransaction<Report>(*conn, storage::TxMode::kWrite, [&]() -> Result<Report> {
    ASSIGN_OR_RETURN(Report r, Decidable(*conn, who, id));
    if (to == State::kConfirmed && r.file_count == 0)
      return Error::Conflict("请先上传佐证材料再确认", "file");
    r.status = to;
    r.decided_by = IdOf(who);
    r.decided_name = NameOf(who);
    r.decided_at = d.clock.NowMs();
    r.reject_reason = reason;
    RETURN_IF_ERROR(store::Decide(*conn, r));
    if (to == State::kConfirmed) RETURN_IF_ERROR(store::Supersede(*conn, store::KeyOf(r), r.id));
    const char* action = to == State::kConfirmed ? "report.confirm" : "report.reject";
    RETURN_IF_ERROR(d.audit.Append(
        *conn, account::AuditOf(who, action, "indicator_report", r.id,
                                Detail(r) + (reason.empty() ? "" : " reason=" + reason))));
    return Reload(*conn, r.id);
  });
}

}  // namespace

Result<Submitted> Submit(const Deps& d, const account::Principal& who, const ReportInput& input) {
  RETURN_IF_ERROR(Need(who, "report:submit", "填报"));
  ASSIGN_OR_RETURN(ReportInput in, CheckInput(input, ShanghaiDate(d.clock.NowMs())));
  if (!who.InScope(in.region))
    return Error::Forbidden("区划 " + in.region.str() + " 不在您的管辖范围内");
  ASSIGN_OR_RETURN(auto days, PeriodDays(in.period));
  Report r;
  r.indicator = in.indicator;
  r.params = in.params;
  r.region = in.region;
  r.period = in.period;
  r.period_first = days.first;
  r.period_last = days.second;
  r.value = *in.value;
  r.note = in.note;
  r.reported_by = IdOf(who);
  r.reported_name = NameOf(who);
  r.reported_at = d.clock.NowMs();
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(bool exists, region::Exists(*conn, in.region));
  if (!exists) return Error::Invalid("region_code", "区划 " + in.region.str() + " 不存在");
  return storage::InTransaction<Submitted>(
      *conn, storage::TxMode::kWrite,
      [&]() -> Result<Submitted> { return Write(d, *conn, who, r); });
}

Result<Report> Confirm(const Deps& d, const account::Principal& who, int64_t id) {
  return Decide(d, who, id, State::kConfirmed, "");
}

Result<Report> Reject(const Deps& d, const account::Principal& who, int64_t id,
                      const std::string& reason) {
  ASSIGN_OR_RETURN(std::string why,
                   validate::ValidateText(reason, {"reason", "退回原因", kMaxReason, false}));
  return Decide(d, who, id, State::kRejected, why);
}

Result<Page<Report>> List(const Deps& d, const account::Principal& who, const Filter& f,
                          const PageRequest& page) {
  RETURN_IF_ERROR(Need(who, "report:read", "查看填报"));
  Filter mine = f;
  if (mine.region.empty()) mine.region = who.region;
  if (!who.InScope(mine.region))
    return Error::Forbidden("区划 " + mine.region.str() + " 不在您的管辖范围内");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Page<Report> p, store::List(*conn, mine, page));
  std::vector<Report*> items;
  for (auto& r : p.items) items.push_back(&r);
  RETURN_IF_ERROR(Name(*conn, items));
  return p;
}

Result<Report> Get(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Report r, Visible(*conn, who, id));
  RETURN_IF_ERROR(Name(*conn, {&r}));
  return r;
}

Result<std::vector<Report>> Versions(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Report r, Visible(*conn, who, id));
  ASSIGN_OR_RETURN(auto versions, store::Versions(*conn, store::KeyOf(r)));
  std::vector<Report*> items;
  for (auto& v : versions) items.push_back(&v);
  RETURN_IF_ERROR(Name(*conn, items));
  return versions;
}

Result<File> AddFile(const Deps& d, const account::Principal& who, int64_t id,
                     std::string_view filename, std::string_view bytes) {
  RETURN_IF_ERROR(Need(who, "report:submit", "上传佐证材料"));
  ASSIGN_OR_RETURN(attachments::CheckedFile checked, attachments::CheckAttachment(filename, bytes));
  auto conn = d.db.Acquire();
  return storage::InTransaction<File>(*conn, storage::TxMode::kWrite, [&]() -> Result<File> {
    ASSIGN_OR_RETURN(Report r, Visible(*conn, who, id));
    if (r.status != State::kPending)
      return Error::Conflict("只能为待确认的填报上传佐证材料", "file");
    if (r.file_count >= kMaxFiles)
      return Error::Conflict("每条填报最多 " + std::to_string(kMaxFiles) + " 个佐证材料", "file");
    File f{0,
           checked.filename,
           checked.content_type,
           crypto::Sha256Hex(bytes),
           static_cast<int64_t>(bytes.size()),
           NameOf(who),
           d.clock.NowMs()};
    ASSIGN_OR_RETURN(f.id, store::AddFile(*conn, r, f, std::string(bytes), IdOf(who)));
    RETURN_IF_ERROR(d.audit.Append(
        *conn, account::AuditOf(who, "report.file.add", "indicator_report", id,
                                "file=" + std::to_string(f.id) + " sha256=" + f.sha256)));
    return f;
  });
}

Result<std::vector<File>> Files(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Report r, Visible(*conn, who, id));
  return store::Files(*conn, r.id);
}

Result<std::pair<File, std::string>> ReadFile(const Deps& d, const account::Principal& who,
                                              int64_t id, int64_t file_id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Report r, Visible(*conn, who, id));
  return store::ReadFile(*conn, r.id, file_id);
}

}  // namespace ruralec::reporting
