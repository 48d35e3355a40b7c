// Spreadsheet import of the other help records (issue 19 item 6) on the imports module's runner
// (headers in any order, all-or-nothing / valid-only, error workbook, a file imported before
// adds nothing). The household is found by its head's 身份证号 (blind index) and must be in the
// importer's scope; the entity by its 统一社会信用代码. Row rules: those of AddEmployment /
// AddShop (help.h).
//  - Employment (batch kind "household_employments", audited "household.employment.import"):
//      户主身份证号* 成员姓名* 用工主体信用代码* 岗位 入职日期* 离职日期
//    A row whose household already has an employment of the same member (name), entity and
//    start date counts as already imported; the same row twice in the file is rejected.
//  - Shops (batch kind "household_shops", audited "household.shop.import"):
//      户主身份证号* 平台* 店铺名称* 店铺编号或网址 经营主体信用代码 开店日期* 关店日期
//    A row whose household already has a shop of the same platform and name counts as already
//    imported.
#pragma once

#include <string>

#include "account/account.h"
#include "imports/imports.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::households {

// Both need household:import and household:edit.
Result<imports::ImportReport> ImportEmployments(const imports::ImportContext& ctx,
                                                const account::Principal& who,
                                                const std::string& path, imports::Mode mode,
                                                const imports::ImportOptions& options = {});
Result<imports::ImportReport> ImportShops(const imports::ImportContext& ctx,
                                          const account::Principal& who, const std::string& path,
                                          imports::Mode mode,
                                          const imports::ImportOptions& options = {});

spreadsheet::Sheet EmploymentsTemplate();
spreadsheet::Sheet ShopsTemplate();

}  // namespace ruralec::households
