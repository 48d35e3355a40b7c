// Spreadsheet import of the household register (the county's 建档立卡 export, csv or xlsx) on
// the imports module's runner (imports/imports.h: headers in any order, all-or-nothing /
// valid-only, error workbook, a file imported before adds nothing; batches are import_batches
// of kind "households", audited "household.import"). One row per household:
//   区划代码* 户主姓名* 户主身份证号* 家庭人口* 户类型* 脱贫年度 有参与意愿 意愿表示日期
//   有参与能力 能力认定日期 生产产品 结对帮扶
// Row rules: those of Register (households.h), the village in the importer's scope. A head
// already registered in the same village counts as already imported (nothing written: changes
// are made on the register page, with the audit of an update); registered in another village
// it is rejected, as is a head repeated in the file. 结对帮扶: "类型:名称" items separated by
// 、 or ；, type 帮扶单位 / 经营主体 / 大户 / 能人 (an entity helper names the entity's
// 统一社会信用代码).
#pragma once

#include <string>

#include "account/account.h"
#include "imports/imports.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::households {

// Needs household:import and household:edit.
Result<imports::ImportReport> ImportHouseholds(const imports::ImportContext& ctx,
                                               const account::Principal& who,
                                               const std::string& path, imports::Mode mode,
                                               const imports::ImportOptions& options = {});

spreadsheet::Sheet HouseholdsTemplate();

}  // namespace ruralec::households
