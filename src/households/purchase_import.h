// Spreadsheet import of purchases (csv, xlsx) on the imports module's runner (batches of kind
// "purchases", audited "purchase.import"; all-or-nothing / valid-only, error workbook, a file
// imported before adds nothing). One row per purchase:
//   收购主体信用代码* 卖方类型* 卖方身份证号 卖方村区划代码 卖方名称 产品* 数量* 单位* 金额(元)*
//   收购日期* 凭证类型 凭证号*
// 卖方类型 农户: the household by its head's 身份证号 (blind index); 贫困村: the village code
// (tagged poverty_village) and the seller's name. Row rules: those of RecordPurchase
// (purchases.h). A row whose natural key has a current purchase counts as already imported when
// quantity, unit and amount are the same (re-importing a partly accepted file writes nothing
// twice) and is rejected when they differ (corrections are made on the purchase, keeping
// history); a key repeated in the file is rejected.
#pragma once

#include <string>

#include "account/account.h"
#include "imports/imports.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::households {

// Needs purchase:import and purchase:edit.
Result<imports::ImportReport> ImportPurchases(const imports::ImportContext& ctx,
                                              const account::Principal& who,
                                              const std::string& path, imports::Mode mode,
                                              const imports::ImportOptions& options = {});

spreadsheet::Sheet PurchasesTemplate();

}  // namespace ruralec::households
