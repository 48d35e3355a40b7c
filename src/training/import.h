// Sign-in-sheet import (签到表; csv and xlsx) on the imports module's runner (imports/imports.h:
// template headers, all-or-nothing / valid-only, error workbook, a file imported before adds
// nothing; batches are import_batches of kind "training_attendance", audited
// "training.attendance.import"). One row per trainee per session day:
//   班次编号* 身份证号* 姓名* 签到日期* 户籍村区划代码 手机号 人员类别
// Row rules (the same as the console's): the session visible to the importer and writable by
// them (a trainer of it, or training:edit in scope); the ID number valid (GB 11643); a person
// already registered must carry the registered name, a new one needs the home village (and may
// carry a mobile and audience categories, 、 or , separated; for a registered person these two
// columns are ignored); the day within the session's dates and not in the future; the session's
// capacity for a trainee not yet enrolled (enrolled by the import). A row repeating (session,
// person, day) of an earlier row is rejected; one whose attendance is already recorded counts
// as already imported (nothing written), so re-importing a corrected sheet is harmless.
// All checks run before anything of the row is written.
#pragma once

#include <string>

#include "account/account.h"
#include "imports/imports.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::training {

// Needs training:import and training:attend (or training:edit).
Result<imports::ImportReport> ImportAttendance(const imports::ImportContext& ctx,
                                               const account::Principal& who,
                                               const std::string& path, imports::Mode mode,
                                               const imports::ImportOptions& options = {});

spreadsheet::Sheet AttendanceTemplate();

}  // namespace ruralec::training
