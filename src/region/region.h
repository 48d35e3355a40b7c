// The region tree (province → city → county → town → village) from the NBS statistical
// divisions, with tags that programme rules read (poverty_county, old_revolutionary_area …).
// Contract: codes are 12-digit; every read or write is limited by the caller to its scope
// (RegionCode::Contains) before these functions are called, except Search, which takes the
// scope and never returns anything outside it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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

// The region cell of an import (issue 26 item 6), read as a clerk writes it: a code (12 digits,
// or the 2/4/6/9 significant ones; returned as parsed: existence and scope stay the caller's
// checks), or the name of the county, a town or a village inside the scope it was loaded for:
// "符离镇" or "符离"; "新庄村", "新庄村委会" or "新庄" when one village of the scope has that
// name; "符离镇/新庄村" (or -, —, ·, >, a space between) or "符离镇新庄村". Anything else is
// kInvalidArgument (field "region") in Chinese: unknown, or ambiguous listing up to five
// candidates with their towns and codes.
class NameResolver {
 public:
  // The county, towns and villages at or below `scope` (one query per level).
  static Result<NameResolver> Load(storage::Connection& conn, const RegionCode& scope);
  Result<RegionCode> Resolve(std::string_view cell) const;

 private:
  struct Entry {
    RegionCode code;
    std::string name;
    RegionLevel level;
  };
  std::vector<size_t> Find(std::string_view key, RegionLevel level, const RegionCode* within) const;
  std::vector<size_t> FindInTown(std::string_view town, std::string_view village) const;
  std::vector<size_t> Candidates(std::string_view cell) const;
  std::string Describe(size_t i) const;
  std::vector<Entry> entries_;
  std::unordered_multimap<std::string, size_t> by_key_;  // every name an entry answers to
};

// A NameResolver for `scope`, loaded on first use: an import's row handler resolves its region
// cells with it, reading the importer's divisions once per run, inside the run's transaction.
// An empty optional cell stays empty (Resolve is not called for it by the importers).
class LazyNameResolver {
 public:
  explicit LazyNameResolver(RegionCode scope) : scope_(std::move(scope)) {}
  Result<RegionCode> Resolve(storage::Connection& conn, std::string_view cell);

 private:
  RegionCode scope_;
  std::optional<NameResolver> loaded_;
};

// Stores divisions (any order; parents are inserted first). Existing codes are renamed in
// place, so re-importing is idempotent. Runs inside the caller's transaction.
Result<int64_t> UpsertDivisions(storage::Connection& conn, std::vector<Division> divisions);

}  // namespace ruralec::region
