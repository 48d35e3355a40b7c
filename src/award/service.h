// Evaluation of a stored programme for a period and region scope, with the diff against the
// last approved list, and the xlsx exports. Shared by the CLI and the HTTP API.
#pragma once

#include <optional>
#include <string>

#include "account/account.h"
#include "award/award.h"
#include "award/lists.h"
#include "programme/progress_store.h"
#include "storage/db.h"

namespace ruralec::award {

// "12" → programme id 12; "yongqiao_2019_upgrade" → the latest version of that key.
Result<int64_t> ResolveProgramme(storage::Connection& conn, const std::string& text);

// The region subtree evaluated: the programme region, or the caller's region when it lies
// inside the programme region (a county inside a city plan). kForbidden when neither contains
// the other. `caller` null: the programme region (command line).
Result<RegionCode> EvaluationScope(const std::string& programme_region,
                                   const account::Principal* caller);

struct ProgrammeEvaluation {
  programme::StoredProgramme stored;
  programme::Programme programme;
  RegionCode scope;
  Evaluation evaluation;
  std::optional<ListInfo> approved;  // last approved list of this programme, scope, period
  Diff diff;                         // against `approved` (everything added when none)
};

Result<ProgrammeEvaluation> EvaluateProgramme(storage::Database& db, Lists& lists,
                                              int64_t programme_id, const std::string& period,
                                              const account::Principal* caller,
                                              const std::string& division_dir);

// Lines of a stored list as an xlsx workbook, in words (docs/AWARDS.md "Exports"): town names
// from the region tree, metrics and tags by their labels, amounts as numbers. `publish`: the
// 公示 table — 序号 / 单位名称 / 所在乡镇 / 奖补项目 / 依据 / 金额, payable lines only, names of
// natural persons masked, no internal ids, codes or explanation JSON.
// The 公示 table itself, as text cells (what ExportXlsx(…, publish = true) writes, and what the
// disclosure portal publishes): payable lines only, natural persons' names masked, amounts in
// 元, and the notes below it.
struct PublicTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> notes;
};
Result<PublicTable> PublicTableOf(storage::Connection& conn, const ListInfo& list,
                                  const std::vector<StoredLine>& lines);

Result<std::string> ExportXlsx(storage::Connection& conn, const ListInfo& list,
                               const std::vector<StoredLine>& lines,
                               const std::string& programme_name, bool publish);

}  // namespace ruralec::award
