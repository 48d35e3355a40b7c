// County parameters of the sales module (参数设置, runtime::Module::params).
#pragma once

#include "settings/settings.h"

namespace ruralec::sales {

// 网销统计默认年份: the year the summary, ranking and over-threshold pages open on when no
// year is asked: the latest year with ledger data in the region (a county whose data is all
// 2019 opens on 2019), or the current year.
inline const settings::ParamDef& DefaultYearParam() {
  static const settings::ParamDef p{"sales.default_year",
                                    "网销统计默认年份",
                                    settings::ParamType::kEnum,
                                    "latest",
                                    {},
                                    {},
                                    {{"latest", "有数据的最近年份"}, {"current", "当年"}},
                                    "网销汇总、排名和达标名单未选年份时显示的年份"};
  return p;
}

}  // namespace ruralec::sales
