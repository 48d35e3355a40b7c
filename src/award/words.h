// Words for the codes an award list carries, for the people who read its exports and the public
// 公示 table: metric names, subject kinds, list and rule statuses, quantities with their unit,
// and a line's basis in one sentence. An unknown code comes back as it is, so a metric added
// later shows its code rather than nothing (and a test of the seeds' metrics catches it).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "award/award.h"

namespace ruralec::award {

// Every metric and subject kind the award rules know, with its label: the module's dictionaries
// award_metrics and award_subjects (the console reads them), and the lookups below.
const std::vector<std::pair<std::string, std::string>>& MetricLabels();
const std::vector<std::pair<std::string, std::string>>& SubjectLabels();

std::string MetricLabel(std::string_view metric);  // uplink_online_sales → 农产品上行网络销售额
std::string SubjectLabel(std::string_view kind);       // station → 服务站点
std::string ListStatusLabel(std::string_view status);  // approved → 已核定
std::string RuleStatusLabel(RuleStatus s);             // kNoDataSource → 暂无数据来源
std::string ComparatorWords(std::string_view cmp);     // ">=" → 不少于
// A value in its base unit as a person reads it: fen → "12,345.67元", us_cent → "1,234.00美元",
// count → "35次".
std::string QuantityWords(int64_t value, std::string_view unit);

// The data behind a line: each metric with its value and threshold, the tier, the rate and its
// base, the uplift (region tags by their labels, `tag_labels`), cap, floor and local settings.
// `with_records` adds the number of ledger records behind each metric (internal lists only).
std::string BasisWords(const Explanation& ex, const std::map<std::string, std::string>& tag_labels,
                       bool with_records);

}  // namespace ruralec::award
