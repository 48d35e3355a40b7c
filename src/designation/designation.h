// Demonstration designations (示范创建): 示范县/镇/村/点/企业/强镇·园区 recognised by a national,
// provincial, city or county body, their status history and their evidence files (创建成果档案).
//
// Contract:
//  - A designation has a level (national / province / city / county — the programme files say
//    `district` for the county level, accepted as an alias), a kind, a subject and a year:
//      kind county  → a region at county level       kind town → a region at town level
//      kind village → a region at village level      kind park → a region (town or county)
//      kind point   → a station (station module)     kind enterprise → an entity (entity module)
//    The subject must exist and lie in the editor's scope (station and entity through their
//    owners' public APIs). One designation per (level, kind, subject, year).
//  - Status moves candidate → applied → recognised, candidate → recognised (a county selecting
//    from its own ranking), and any non-revoked status → revoked; revoked is final. Every change
//    is a dated row (never before the previous change nor after today) with a reason and a
//    document number; recognising needs the document number (认定文件文号), revoking a reason.
//    The designation keeps the recognising document, body and date (recognised_on).
//  - Scope: holders of designation:read see designations whose region (the subject's region)
//    lies in their region's subtree; writes need designation:edit and the region in scope (town
//    staff: their town). A designation outside the caller's view is "not found".
//  - Evidence files (创建成果档案) are the attachments module's (attachments.h: type sniffed from
//    the bytes, at most 5 MiB; owner {"designation", "designation", id}, slot "evidence"), at
//    most kMaxFiles per designation.
//  - Counted (indicator demonstration_units, award subject `demonstration`): a designation
//    recognised on a day of the period and still recognised at the end of it.
//  - Service functions check permission, scope and rules and write the audit entry in the same
//    transaction as the change; the store (designation_store.h) only runs SQL.
// Tables owned: designations, designation_status_changes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "crypto/crypto.h"
#include "runtime/indicators.h"
#include "settings/settings.h"
#include "storage/db.h"
#include "storage/status_history.h"

namespace ruralec::designation {

enum class Level { kNational, kProvince, kCity, kCounty };
enum class Kind { kCounty, kTown, kVillage, kPoint, kEnterprise, kPark };
enum class State { kCandidate, kApplied, kRecognised, kRevoked };
enum class SubjectType { kRegion, kStation, kEntity };

const char* LevelName(Level l);   // national | province | city | county
const char* LevelLabel(Level l);  // 国家级 …
const char* KindName(Kind k);     // county | town | village | point | enterprise | park
const char* KindLabel(Kind k);    // 示范县 …
const char* StatusName(State s);  // candidate | applied | recognised | revoked
const char* StatusLabel(State s);
const char* SubjectTypeName(SubjectType t);  // region | station | entity
// Accept the code name or the Chinese label (and `district`/区级/县级 for the county level).
Result<Level> ParseLevel(std::string_view text, std::string_view field = "level");
Result<Kind> ParseKind(std::string_view text, std::string_view field = "kind");
Result<State> ParseStatus(std::string_view text, std::string_view field = "status");
bool CanChange(State from, State to);
// The subject a kind designates.
SubjectType SubjectOf(Kind k);

inline constexpr int kMaxFiles = 10;

// What a registration or an update carries. The subject: `region` for region kinds,
// `subject_id` (station or entity id) for point / enterprise.
struct DesignationInput {
  Level level = Level::kCounty;
  Kind kind = Kind::kVillage;
  RegionCode region;
  std::optional<int64_t> subject_id;
  int year = 0;
  std::string issuing_body, document_no, note;
};

struct Designation {
  int64_t id = 0;
  Level level = Level::kCounty;
  Kind kind = Kind::kVillage;
  SubjectType subject_type = SubjectType::kRegion;
  std::optional<int64_t> subject_id;
  std::string subject_name;  // the region / station / entity name when it was registered
  RegionCode region;         // the subject's region
  std::string region_name;
  int year = 0;
  std::string issuing_body, document_no, note;
  State status = State::kCandidate;
  CivilDate status_since;
  std::optional<CivilDate> recognised_on;
  int64_t file_count = 0;
  int64_t created_at = 0, updated_at = 0;
};

// The dated status history (storage/status_history.h): registration is the first row.
using StatusChange = storage::StatusChange<State>;
// A change; recognising may also name the issuing body (认定机关).
struct NewStatus : storage::NewStatus<State> {
  std::string issuing_body;
};

struct File {
  int64_t id = 0;
  std::string filename, content_type, sha256;
  int64_t size = 0;
  std::string uploaded_by;
  int64_t created_at = 0;
};

struct Filter {
  RegionCode region;  // subtree; defaults to the caller's region
  std::optional<Level> level;
  std::optional<Kind> kind;
  std::optional<State> status;
  std::optional<int> year;
  std::string q;  // subject name, document number or issuing body contains
};

struct Deps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
  const crypto::FieldCipher& cipher;                       // station reads
  const runtime::IndicatorRegistry* indicators = nullptr;  // the ranking's sales figures
};

// Registers a designation with its initial status (default candidate) dated `initial.on`.
// Needs designation:edit; kInvalidArgument naming the field, kConflict for a duplicate,
// kForbidden outside scope. Audited "designation.create".
Result<Designation> Register(const Deps& d, const account::Principal& who,
                             const DesignationInput& in, std::optional<NewStatus> initial);
// Replaces year, issuing body, document number and note (level, kind and subject are fixed).
// Audited "designation.update".
Result<Designation> Update(const Deps& d, const account::Principal& who, int64_t id,
                           const DesignationInput& in);
// Audited "designation.status".
Result<Designation> ChangeStatus(const Deps& d, const account::Principal& who, int64_t id,
                                 const NewStatus& change);
Result<Designation> Get(const Deps& d, const account::Principal& who, int64_t id);
Result<std::vector<StatusChange>> History(const Deps& d, const account::Principal& who, int64_t id);
Result<Page<Designation>> List(const Deps& d, const account::Principal& who, Filter f,
                               const PageRequest& page);

// Evidence files. Add needs designation:edit (audited "designation.file.add"); a download is
// audited "designation.file.download" by the route.
Result<File> AddFile(const Deps& d, const account::Principal& who, int64_t id,
                     std::string_view filename, std::string_view bytes);
Result<std::vector<File>> Files(const Deps& d, const account::Principal& who, int64_t id);
Result<std::pair<File, std::string>> ReadFile(const Deps& d, const account::Principal& who,
                                              int64_t id, int64_t file_id);

// 002 l.89 "区级示范村按照网销额择优评定": the administrative villages (村民委员会) of `region`
// ranked by their online sales of `year` (indicator rural_online_sales, direction all,
// 1 January – 31 December), highest first (ties by code); each with the designation of
// (`level`, `kind` village, `year`) it already has, if any. Staff select from it.
struct RankedVillage {
  int rank = 0;  // equal sales share a rank (1, 2, 2, 4); 0: no sales figure, not ranked
  RegionCode region;
  std::string name, town_name;
  std::optional<int64_t> online_sales_fen;  // nullopt: the sales ledger gave no figure
  std::optional<int64_t> designation_id;
  std::optional<State> designation_status;
  bool proposed = false;  // inside the quota: the system proposes it (staff decide)
  std::string reason;     // why it is proposed or not, in words
};
struct Ranking {
  int year = 0;
  RegionCode region;
  std::string source;  // which computation answered, or why none did
  int quota = 0;       // 择优名额 applied (0: none set, nothing proposed)
  std::vector<RankedVillage> items;
};
// The ranking of the administrative villages of `region` by online sales of `year`, with the
// 择优名额: `quota` when given (a try by staff), else the county's parameter
// designation.village_quota (VillageQuotaParam, 0 = not set).
Result<Ranking> RankVillages(const Deps& d, const account::Principal& who, RegionCode region,
                             int year, Level level, std::optional<int> quota = std::nullopt);
// Ranks `items` (sorted by sales, highest first) and proposes the top `quota`: a village with
// sales above zero whose rank is within the quota and whose equals all fit in it is proposed;
// villages tied across the cut are none of them proposed (the reason says the tie, staff
// decide); the others say their rank and the quota; no quota proposes nothing. Pure.
void ProposeByQuota(std::vector<RankedVillage>& items, int quota);
// 区级示范村择优名额 (002 l.89 gives none: a county setting, 参数设置).
const settings::ParamDef& VillageQuotaParam();

// ---- reads for other modules ----
// Designations recognised in `year` and still recognised on 31 December of it, inside `scope`
// (the award engine's `demonstration` subjects). No permission check: the caller has one.
Result<std::vector<Designation>> RecognisedIn(storage::Connection& conn, const RegionCode& scope,
                                              int year);

}  // namespace ruralec::designation
