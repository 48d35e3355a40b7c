// The required materials of a project type, set per programme (issue 21 item 6: the 28 items of
// 004 附件2 "configurable per programme"; docs/PROJECTS.md "Materials per programme").
//
// Contract:
//  - The set in force for a project: the newest set of its county for the programme of its fund
//    (funds::GetFund's programme_id), else the newest set of its county without a programme,
//    else the built-in list of its type (Types()). It is read whenever the checklist is shown
//    and when an application is submitted (missing materials refuse the submission), so a new
//    set applies to applications not yet submitted; submitted ones keep the files they have.
//  - A set: 1–30 materials, each a code and a label (≤ 100 characters), and the reason for the
//    change (≤ 200, required). The code is the attachment slot its files go to, so it is one of
//    the 28 built-in codes (of any type) or extra_1 … extra_10 (ExtraMaterialSlots: a material
//    the programme adds), unique in the set. A set is never edited: a change writes a new one
//    (history kept).
//  - Setting one needs projects:review at county level, for the caller's county (and a
//    programme of it, when named: checked by the caller through the programme's county);
//    audited "projects.materials" in the same transaction. Reading needs projects:read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "projects/projects.h"

namespace ruralec::projects {

struct MaterialSet {
  std::string county_code, type;
  std::optional<int64_t> programme_id;
  std::string source;  // builtin | county | programme
  std::vector<Material> materials;
  std::optional<int64_t> id;  // the set's row (none for the built-in list)
  std::optional<int64_t> created_by;
  std::string reason, created_by_name;
  int64_t created_at = 0;
};

struct MaterialSetInput {
  std::string type;
  std::optional<int64_t> programme_id;
  std::vector<Material> materials;
  std::string reason;
};

// Field rules (no database); kInvalidArgument naming type, materials or reason.
Status CheckMaterialSet(MaterialSetInput& in);

// The set in force for (county, programme, type) and the sets it replaced, newest first.
struct MaterialSets {
  MaterialSet current;
  std::vector<MaterialSet> history;
};
Result<MaterialSets> GetMaterialSets(const Deps& d, const account::Principal& who,
                                     const std::string& type, std::optional<int64_t> programme_id);
Result<MaterialSet> SetMaterials(const Deps& d, const account::Principal& who, MaterialSetInput in);

namespace internal {
// The set in force for project `p` (contract above), inside the caller's transaction.
Result<MaterialSet> MaterialsInForce(storage::Connection& conn, const Project& p);
}  // namespace internal

}  // namespace ruralec::projects
