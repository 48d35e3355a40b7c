// The region tree (province → city → county → town → village) from the NBS statistical
// divisions, with tags that programme rules read (poverty_county, old_revolutionary_area …).
// Contract: codes are 12-digit; every read or write is limited by the caller to its scope
// (RegionCode::Contains) before these functions are called, except Search, which takes the
// scope and never returns anything outside it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::region {

struct Region {
  RegionCode code;
  std::string name;
  RegionLevel level = RegionLevel::kProvince;
  RegionCode parent;  // empty for a province
  std::vector<std::string> tags;
  int64_t child_count = 0;
};

struct TagDef {
  std::string name;   // snake_case, e.g. poverty_village
  std::string label;  // Chinese label for the UI
  bool builtin = false;
};

// One division as read from the reference data, before it is stored.
struct Division {
  RegionCode code;
  std::string name;
};

Result<Region> Get(storage::Connection& conn, const RegionCode& code);
// Whether the region is stored (one indexed lookup; Get also loads its tags).
Result<bool> Exists(storage::Connection& conn, const RegionCode& code);
// The names of the stored regions among `codes` (12-digit), by code; unknown codes are absent.
// One query per 500 codes: the read other modules use to name a page of rows.
Result<std::map<std::string, std::string>> NamesOf(storage::Connection& conn,
                                                   std::vector<std::string> codes);
Result<Page<Region>> Children(storage::Connection& conn, const RegionCode& code,
                              const PageRequest& page);
// From the top-most stored ancestor down to `code`.
Result<std::vector<Region>> Path(storage::Connection& conn, const RegionCode& code);
// Name contains `query` (two characters such as 金寨 match), limited to `scope`'s subtree.
Result<Page<Region>> Search(storage::Connection& conn, const RegionCode& scope,
                            const std::string& query, const PageRequest& page);

// Replaces the tags of a region; every tag must be defined. Returns the tags before.
Result<std::vector<std::string>> SetTags(storage::Connection& conn, const RegionCode& code,
                                         const std::vector<std::string>& tags, int64_t now_ms);
Result<std::vector<TagDef>> ListTagDefs(storage::Connection& conn);
Status AddTagDef(storage::Connection& conn, const TagDef& def, int64_t now_ms);
// Regions in `scope` carrying `tag` (for rules: "all poverty villages of this county").
Result<std::vector<RegionCode>> TaggedIn(storage::Connection& conn, const RegionCode& scope,
                                         const std::string& tag);

// Tags of every region inside `scope` and of each of its ancestors (what a rule on a subject
// of the subtree may need: a town's own tags and its county's), keyed by 12-digit code;
// regions without tags are absent. Not scoped: the caller has checked `scope`.
Result<std::map<std::string, std::vector<std::string>>> TagsInAndAbove(storage::Connection& conn,
                                                                       const RegionCode& scope);

// The divisions of `level` inside `scope`'s subtree (code and name), by code. Not scoped
// further: the caller has checked `scope`.
Result<std::vector<Division>> AtLevelIn(storage::Connection& conn, const RegionCode& scope,
                                        RegionLevel level);

// Whether a village-level division is an administrative village (行政村, 村民委员会) rather
// than an urban residents' committee (社区居委会). The NBS division names say which: a name
// containing 居委会 or 居民委员会, or ending in 社区 (possibly followed by a closing bracket),
// is a residents' committee; every other village-level name (…村委会, …村民委员会, …村,
// …嘎查, …管理区, …生活区) counts as an administrative village. Denominator of the
// "行政村覆盖率" indicators (docs/STATIONS.md).
bool IsVillageCommittee(std::string_view name);

// Stores divisions (any order; parents are inserted first). Existing codes are renamed in
// place, so re-importing is idempotent. Runs inside the caller's transaction.
Result<int64_t> UpsertDivisions(storage::Connection& conn, std::vector<Division> divisions);

}  // namespace ruralec::region
