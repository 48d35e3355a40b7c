// County parameters of the imports module (参数设置, runtime::Module::params).
#pragma once

#include "settings/settings.h"

namespace ruralec::imports {

// 单次导入最多行数: a file with more data rows is refused whole (nothing written), naming the
// limit; bounded above by what one import can hold in memory and time. The default takes a
// county's year of ledger rows (the 1,000,000-row benchmarks and the kill -9 / disk-full tests
// import that many); a county lowers it for its clerks.
inline const settings::ParamDef& MaxRowsParam() {
  static const settings::ParamDef p{"imports.max_rows",
                                    "单次导入最多行数",
                                    settings::ParamType::kInt,
                                    "1000000",
                                    100,
                                    10000000,
                                    {},
                                    "一个导入文件最多可含的数据行数，超过时整个文件不导入"};
  return p;
}

}  // namespace ruralec::imports
