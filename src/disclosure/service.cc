// Drafts, maker-checker publication, withdrawal and the console's reads (disclosure.h).
#include "account/stamp.h"
#include "core/validate.h"
#include "disclosure/disclosure.h"
#include "disclosure/publication_store.h"
#include "disclosure/snapshot.h"
#include "region/region.h"

namespace ruralec::disclosure {
namespace {

constexpr const char* kType = "disclosure_publication";

Status Need(const account::Principal& who, const char* perm, const char* what) {
  if (!who.Can(perm))
    return Error::Forbidden(std::string("没有") + what + "的权限（" + perm + "）");
  return {};
}

std::optional<int64_t> IdOf(const account::Principal& who) {
  return who.id.valid() ? std::optional<int64_t>(who.id.value) : std::nullopt;
}

std::string NameOf(const account::Principal& who) {
  return who.display_name.empty() ? who.username : who.display_name;
}

std::string Detail(const Publication& p) {
  return "county=" + p.county.str() + " kind=" + KindName(p.kind) + " subject=" + p.subject +
         " version=" + std::to_string(p.version) + " sha256=" + p.content_sha256;
}

Status Audit(const Deps& d, storage::Connection& conn, const account::Principal& who,
             const char* action, const Publication& p, const std::string& extra = "") {
  return d.audit.Append(conn, account::AuditOf(who, action, kType, p.id, Detail(p) + extra));
}

// The publication if the caller may read it: outside their scope it does not exist for them.
Result<Publication> Visible(storage::Connection& conn, const account::Principal& who, int64_t id) {
  auto found = store::Get(conn, id);
  if (!found.ok() || !who.InScope(found->county))
    return Error::NotFound("公开信息 " + std::to_string(id) + " 不存在");
  return found;
}

// For a move: readable, and the county in the caller's writable scope.
Result<Publication> Movable(storage::Connection& conn, const account::Principal& who, int64_t id) {
  ASSIGN_OR_RETURN(Publication p, Visible(conn, who, id));
  if (!who.InScope(p.county))
    return Error::Forbidden("区县 " + p.county.str() + " 不在您的管辖范围内");
  return p;
}

Result<RegionCode> CountyOf(const account::Principal& who, const RegionCode& asked) {
  RegionCode c = asked.empty() ? who.region : asked;
  if (c.level() != RegionLevel::kCounty)
    return Error::Invalid("county_code", "信息公开按区县发布，请选择一个区县（county_code）");
  if (!who.InScope(c)) return Error::Forbidden("区县 " + c.str() + " 不在您的管辖范围内");
  return c;
}

template <typename Fn>
Result<Publication> Move(const Deps& d, int64_t id, Fn fn) {
  auto conn = d.db.Acquire();
  return storage::InTransaction<Publication>(*conn, storage::TxMode::kWrite,
                                             [&]() -> Result<Publication> { return fn(*conn); });
}

// Marks the slot's published version superseded by `p`, which takes the next version.
Status TakeNextVersion(storage::Connection& conn, Publication& p, int64_t now) {
  ASSIGN_OR_RETURN(auto versions, store::SlotVersions(conn, p));
  p.version = versions.empty() ? 1 : versions[0].version + 1;
  for (const auto& v : versions)
    if (v.status == State::kPublished)
      RETURN_IF_ERROR(store::MarkSuperseded(conn, v.id, p.id, now));
  return {};
}

}  // namespace

Result<Publication> CreateDraft(const Deps& d, const account::Principal& who, DraftInput in) {
  RETURN_IF_ERROR(Need(who, "disclosure:edit", "编制公开信息"));
  ASSIGN_OR_RETURN(in.county, CountyOf(who, in.county));
  if (std::string(SourceOf(in.kind)).empty()) in.source_id.reset();
  if (!std::string(SourceOf(in.kind)).empty() && !in.source_id)
    return Error::Invalid("source_id", std::string("请选择要公开的") +
                                           (in.kind == Kind::kProgramme ? "实施方案"
                                            : in.kind == Kind::kFunds   ? "专项资金"
                                                                        : "奖补清单") +
                                           "（source_id）");
  {
    auto conn = d.db.Acquire();
    ASSIGN_OR_RETURN(bool exists, region::Exists(*conn, in.county));
    if (!exists) return Error::Invalid("county_code", "区县 " + in.county.str() + " 不存在");
  }
  ASSIGN_OR_RETURN(Snapshot snap, BuildSnapshot(d, who, in.kind, in.county, in.source_id));
  Publication p;
  p.county = in.county;
  p.kind = in.kind;
  p.source_id = in.source_id;
  p.subject = snap.subject;
  p.title = snap.doc.title;
  p.summary = snap.doc.summary;
  p.content = DocumentText(snap.doc);
  p.content_sha256 = ContentHash(p.content);
  p.created_by = IdOf(who);
  p.created_name = NameOf(who);
  p.created_at = d.clock.NowMs();
  return Move(d, 0, [&](storage::Connection& conn) -> Result<Publication> {
    ASSIGN_OR_RETURN(p.id, store::Insert(conn, p));
    RETURN_IF_ERROR(Audit(d, conn, who, "disclosure.draft", p));
    return store::Get(conn, p.id);
  });
}

Result<Publication> Submit(const Deps& d, const account::Principal& who, int64_t id) {
  RETURN_IF_ERROR(Need(who, "disclosure:edit", "提交公开信息"));
  return Move(d, id, [&](storage::Connection& conn) -> Result<Publication> {
    ASSIGN_OR_RETURN(Publication p, Movable(conn, who, id));
    if (p.status != State::kDraft) {
      if (p.status == State::kWithdrawn)
        return Error::Conflict("该公开信息已撤回，不能再提交", "id");
      p.already = true;  // submitted before (and maybe published since): nothing to do
      return p;
    }
    p.submitted_by = IdOf(who);
    p.submitted_name = NameOf(who);
    p.submitted_at = d.clock.NowMs();
    RETURN_IF_ERROR(store::MarkSubmitted(conn, p));
    RETURN_IF_ERROR(Audit(d, conn, who, "disclosure.submit", p));
    return store::Get(conn, id);
  });
}

Result<Publication> Publish(const Deps& d, const account::Principal& who, int64_t id) {
  RETURN_IF_ERROR(Need(who, "disclosure:approve", "发布公开信息"));
  return Move(d, id, [&](storage::Connection& conn) -> Result<Publication> {
    ASSIGN_OR_RETURN(Publication p, Movable(conn, who, id));
    if (p.status == State::kPublished || p.status == State::kSuperseded) {
      p.already = true;
      return p;
    }
    if (p.status == State::kWithdrawn)
      return Error::Conflict("该公开信息已撤回，不能发布（请重新编制草稿）", "id");
    if (p.status != State::kSubmitted) return Error::Conflict("草稿须先提交才能发布", "id");
    auto me = IdOf(who);
    if (me && (me == p.created_by || me == p.submitted_by))
      return Error::Forbidden("不能发布自己编制或提交的公开信息（须由另一人审核发布）");
    p.published_by = me;
    p.published_name = NameOf(who);
    p.published_at = d.clock.NowMs();
    RETURN_IF_ERROR(TakeNextVersion(conn, p, *p.published_at));
    RETURN_IF_ERROR(store::MarkPublished(conn, p));
    RETURN_IF_ERROR(Audit(d, conn, who, "disclosure.publish", p));
    return store::Get(conn, id);
  });
}

Result<Publication> Withdraw(const Deps& d, const account::Principal& who, int64_t id,
                             const std::string& reason) {
  RETURN_IF_ERROR(Need(who, "disclosure:approve", "撤回公开信息"));
  ASSIGN_OR_RETURN(std::string why,
                   validate::ValidateText(reason, {"reason", "撤回原因", kMaxReason, false}));
  return Move(d, id, [&](storage::Connection& conn) -> Result<Publication> {
    ASSIGN_OR_RETURN(Publication p, Movable(conn, who, id));
    if (p.status == State::kWithdrawn) {
      p.already = true;
      return p;
    }
    p.withdrawn_by = IdOf(who);
    p.withdrawn_name = NameOf(who);
    p.withdrawn_at = d.clock.NowMs();
    p.withdraw_reason = why;
    RETURN_IF_ERROR(store::MarkWithdrawn(conn, p));
    RETURN_IF_ERROR(Audit(d, conn, who, "disclosure.withdraw", p, " reason=" + why));
    return store::Get(conn, id);
  });
}

Result<Publication> Get(const Deps& d, const account::Principal& who, int64_t id) {
  RETURN_IF_ERROR(Need(who, "disclosure:read", "查看公开信息"));
  auto conn = d.db.Acquire();
  return Visible(*conn, who, id);
}

Result<Page<Publication>> List(const Deps& d, const account::Principal& who, Filter f,
                               const PageRequest& page) {
  RETURN_IF_ERROR(Need(who, "disclosure:read", "查看公开信息"));
  if (f.region.empty()) f.region = who.region;
  if (!who.InScope(f.region))
    return Error::Forbidden("区划 " + f.region.str() + " 不在您的管辖范围内");
  auto conn = d.db.Acquire();
  return store::List(*conn, f, page);
}

Result<std::vector<Publication>> Versions(const Deps& d, const account::Principal& who,
                                          int64_t id) {
  RETURN_IF_ERROR(Need(who, "disclosure:read", "查看公开信息"));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Publication p, Visible(*conn, who, id));
  return store::SlotVersions(*conn, p);
}

}  // namespace ruralec::disclosure
