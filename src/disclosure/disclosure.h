// Disclosure (信息公开, issue 25 item 5; docs/DISCLOSURE.md): what a county publishes to the
// public — the programme with its targets and progress, fund use, project schedule, review and
// evaluation conclusions, award lists (the masked 公示 table), the specialty product list and the
// station directory — as frozen, versioned, hashed snapshots made through maker-checker, served
// without login under /public/{county}/… (docs/API.md "Public disclosure").
//
// Contract:
//  - A publication is one kind for one county (and, for programme, funds and awards, one source:
//    a programme version, a fund, an approved award list). Its content is a Document built when
//    the draft is made, through the owning modules' C++ APIs with the maker's rights (no table of
//    another module is read), stored as canonical JSON with its SHA-256; it never changes after.
//  - draft → submitted → published → superseded | withdrawn. Making and submitting need
//    disclosure:edit, publishing and withdrawing disclosure:approve; all need the county inside
//    the caller's region. The publisher must differ from the maker and the submitter
//    (kForbidden). Publishing gives the next version number of its slot (county, kind, subject)
//    and supersedes the slot's published version. A withdrawal (reason required) keeps the row:
//    the public sees a notice with the date and reason instead of the content. Withdrawing a
//    draft or a submitted one discards it (the checker sends it away with the reason); having
//    no version, it never becomes public.
//  - Moves are idempotent: repeating a move already made returns the publication (already =
//    true) and writes nothing. Every change is audited in its transaction.
//  - Public reads (public.h) see only published, superseded and withdrawn publications of the
//    county named in the path; drafts and submitted ones do not exist for them.
// Tables owned: disclosure_publications.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "crypto/crypto.h"
#include "disclosure/document.h"
#include "runtime/indicators.h"
#include "storage/db.h"

namespace ruralec::disclosure {

inline constexpr size_t kMaxReason = 500;

enum class Kind { kProgramme, kFunds, kProjects, kConclusions, kAwards, kProducts, kStations };
const char* KindName(Kind k);   // programme | funds | projects | conclusions | awards | …
const char* KindLabel(Kind k);  // 实施方案与目标进度 | 资金使用情况 | …
Result<Kind> ParseKind(std::string_view text);
std::vector<Kind> AllKinds();
// What `source_id` names for the kind: "programme", "fund", "award_list", or "" (none).
const char* SourceOf(Kind k);

enum class State { kDraft, kSubmitted, kPublished, kSuperseded, kWithdrawn };
const char* StateName(State s);  // draft | submitted | published | superseded | withdrawn
const char* StateLabel(State s);  // 草稿 | 待发布 | 已发布 | 已被新版本取代 | 已撤回
Result<State> ParseState(std::string_view text);

struct Publication {
  int64_t id = 0;
  RegionCode county;
  Kind kind = Kind::kProgramme;
  std::optional<int64_t> source_id;
  std::string subject;  // the slot inside (county, kind): programme key, fund id, list key
  std::string title, summary;
  int version = 0;  // 0 until published
  State status = State::kDraft;
  std::string content;  // the Document as canonical JSON (document.h)
  std::string content_sha256;
  std::optional<int64_t> created_by, submitted_by, published_by, withdrawn_by;
  std::string created_name, submitted_name, published_name, withdrawn_name;
  int64_t created_at = 0;
  std::optional<int64_t> submitted_at, published_at, superseded_at, withdrawn_at;
  std::optional<int64_t> superseded_by;  // the publication that replaced it
  std::string withdraw_reason;
  bool already = false;  // the move had been made before this call: nothing written
};

struct Deps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
  const crypto::FieldCipher& cipher;             // station reads
  const crypto::RecordMac& mac;                  // fund reads
  const runtime::IndicatorRegistry& indicators;  // programme progress
};

struct DraftInput {
  Kind kind = Kind::kProgramme;
  RegionCode county;  // default the caller's county
  std::optional<int64_t> source_id;
};

struct Filter {
  RegionCode region;  // counties inside it; default the caller's region
  std::optional<Kind> kind;
  std::optional<State> status;
};

Result<Publication> CreateDraft(const Deps& d, const account::Principal& who, DraftInput in);
Result<Publication> Submit(const Deps& d, const account::Principal& who, int64_t id);
Result<Publication> Publish(const Deps& d, const account::Principal& who, int64_t id);
Result<Publication> Withdraw(const Deps& d, const account::Principal& who, int64_t id,
                             const std::string& reason);
// What a draft of `kind` may name as its source in `county` (the programmes of the county, its
// funds, its approved award lists), through the owning modules; empty for a kind without one.
struct SourceOption {
  int64_t id = 0;
  std::string label;
};
Result<std::vector<SourceOption>> Sources(const Deps& d, const account::Principal& who, Kind kind,
                                          RegionCode county);

// Needs disclosure:read and the county inside the caller's region (else kNotFound).
Result<Publication> Get(const Deps& d, const account::Principal& who, int64_t id);
// Without content (the list's rows); newest first.
Result<Page<Publication>> List(const Deps& d, const account::Principal& who, Filter f,
                               const PageRequest& page);
// The publications of the same slot that were published (any later state), newest first.
Result<std::vector<Publication>> Versions(const Deps& d, const account::Principal& who, int64_t id);

}  // namespace ruralec::disclosure
