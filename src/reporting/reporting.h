// Reported indicator values (填报, issue 26 item 3; docs/REPORTING.md): what no ledger measures
// (broadband coverage, rural road km, service centres, 三品一标 …) stated by staff with evidence
// and confirmed by a second person, answering the indicator registry where no computation does.
//
// Contract:
//  - Only indicators programme::Reportable names can be reported. A report carries the
//    indicator's parameters (keys it declares; required ones present), a region (county or town,
//    inside the reporter's scope: a town clerk reports for their own town only, county staff for
//    the county and its towns), a quarter "YYYYQn" that has started, and a value in the
//    indicator's base unit (fen, metre, count, person_time; rates in basis points 0–10000).
//  - Submitting needs report:submit. A key (indicator, params, region, period) has numbered
//    versions: a submit while a version is pending replaces that pending version's value, note
//    and reporter (same id, evidence kept); otherwise it makes a new pending version.
//  - Confirming or rejecting needs report:confirm, the region in scope, a pending report and a
//    different person than its reporter (maker-checker; kForbidden). Confirming needs at least
//    one evidence file (kConflict field "file"); rejecting needs a reason. Confirming version n
//    supersedes the key's previously confirmed version.
//  - Only confirmed reports count. ReportedValues answers a query region with the confirmed
//    report of exactly that region and parameters whose quarter overlaps [from, to] and started
//    by `to`, the latest quarter first; reports are never summed across regions or quarters.
//    The registry asks it only where no computation gave a value: computed values win and the
//    reports stay in the list as history.
//  - Reads: report:read; a report outside the caller's scope is kNotFound. Lists are paginated
//    and scope-filtered. Every submit, confirm, reject and evidence upload/download is audited.
// Tables owned: indicator_reports; evidence files are the attachments module's
// ({"reporting", "report", id}, slot "evidence").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "runtime/indicators.h"
#include "storage/db.h"

namespace ruralec::reporting {

inline constexpr int kMaxFiles = 10;
inline constexpr size_t kMaxNote = 500;
inline constexpr size_t kMaxReason = 500;

enum class State { kPending, kConfirmed, kRejected, kSuperseded };
const char* StateName(State s);   // pending | confirmed | rejected | superseded
const char* StateLabel(State s);  // 待确认 | 已确认 | 已退回 | 已被新版本取代
Result<State> ParseState(std::string_view text);

struct ReportInput {
  std::string indicator;
  std::map<std::string, std::string> params;
  RegionCode region;
  std::string period;  // "2023Q3"
  std::optional<int64_t> value;
  std::string note;
};

struct Report {
  int64_t id = 0;
  std::string indicator;
  std::map<std::string, std::string> params;
  RegionCode region;
  std::string region_name;
  std::string period;
  CivilDate period_first, period_last;
  int version = 1;
  int64_t value = 0;
  std::string note;
  State status = State::kPending;
  std::optional<int64_t> reported_by;
  std::string reported_name;
  int64_t reported_at = 0;
  std::optional<int64_t> decided_by;
  std::string decided_name;
  std::optional<int64_t> decided_at;
  std::string reject_reason;
  int64_t file_count = 0;
};

struct File {
  int64_t id = 0;
  std::string filename, content_type, sha256;
  int64_t size = 0;
  std::string uploaded_by;
  int64_t created_at = 0;
};

struct Filter {
  RegionCode region;  // subtree; the caller's region by default
  std::string indicator, period;
  std::optional<State> status;
};

struct Deps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
};

// Canonical text of parameters ("k=v;k=v", keys sorted) and back.
std::string ParamsText(const std::map<std::string, std::string>& params);
std::map<std::string, std::string> ParseParamsText(std::string_view text);

// The rules of one submission without the database (rules.cc): indicator reportable, params,
// region a county or town, period started by `today`, value in range, note. Returns the input
// cleaned (texts trimmed, empty params dropped); kInvalidArgument naming the field.
Result<ReportInput> CheckInput(ReportInput in, const CivilDate& today);
// The first and last day of a quarter "YYYYQn"; kInvalidArgument field "period".
Result<std::pair<CivilDate, CivilDate>> PeriodDays(std::string_view period);

// Submit (see the contract); `replaced` tells whether a pending version was replaced.
struct Submitted {
  Report report;
  bool replaced = false;
};
Result<Submitted> Submit(const Deps& d, const account::Principal& who, const ReportInput& in);
Result<Report> Confirm(const Deps& d, const account::Principal& who, int64_t id);
Result<Report> Reject(const Deps& d, const account::Principal& who, int64_t id,
                      const std::string& reason);

Result<Page<Report>> List(const Deps& d, const account::Principal& who, const Filter& f,
                          const PageRequest& page);
Result<Report> Get(const Deps& d, const account::Principal& who, int64_t id);
// Every version of the report's key, newest first (the history).
Result<std::vector<Report>> Versions(const Deps& d, const account::Principal& who, int64_t id);

// Evidence: add needs report:submit, the region in scope and a pending report.
Result<File> AddFile(const Deps& d, const account::Principal& who, int64_t id,
                     std::string_view filename, std::string_view bytes);
Result<std::vector<File>> Files(const Deps& d, const account::Principal& who, int64_t id);
Result<std::pair<File, std::string>> ReadFile(const Deps& d, const account::Principal& who,
                                              int64_t id, int64_t file_id);

// The registry's reported-values provider (runtime::IndicatorRegistry::SetReported).
Result<std::vector<runtime::Measurements>> ReportedValues(
    storage::Connection& conn, const std::vector<runtime::IndicatorBatch>& batches);

}  // namespace ruralec::reporting
