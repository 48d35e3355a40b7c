#include "award/words.h"

#include <array>
#include <sstream>
#include <utility>

namespace ruralec::award {
namespace {

template <typename Table>
std::string Lookup(const Table& table, std::string_view code) {
  for (const auto& [k, v] : table)
    if (k == code) return std::string(v);
  return std::string(code);
}

// 1234567 → "1,234,567"
std::string Grouped(uint64_t v) {
  std::string digits = std::to_string(v), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Hundredths (fen, cents) as "12,345.67".
std::string Hundredths(int64_t v) {
  uint64_t a = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  std::string cents = std::to_string(a % 100);
  if (cents.size() < 2) cents = "0" + cents;
  return (v < 0 ? "-" : "") + Grouped(a / 100) + "." + cents;
}

// Basis points as a percentage: 1000 → "10%", 250 → "2.5%", 5 → "0.05%".
std::string PercentWords(int64_t bp) {
  std::string s = std::to_string(bp / 100);
  int64_t frac = bp % 100;
  if (frac < 0) frac = -frac;
  if (frac)
    s += frac % 10 ? "." + std::string(frac < 10 ? "0" : "") + std::to_string(frac)
                   : "." + std::to_string(frac / 10);
  return s + "%";
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& MetricLabels() {
  static const std::vector<std::pair<std::string, std::string>> kLabels{
      {"online_sales", "网络销售额"},
      {"uplink_online_sales", "农产品上行网络销售额"},
      {"online_export_sales", "跨境电商出口额"},
      {"uplink_service_with_sales", "站点代卖（上行）服务销售额"},
      {"station_service_performance", "站点全年服务次数"},
      {"station_assessment_score", "站点考核得分"},
      {"purchase_from_poor", "采购贫困村、贫困户农产品金额"},
      {"purchase_amount", "扶贫采购金额"},
      {"stable_purchase_cooperation", "与基地、合作社稳定合作的销售额"},
      {"cooperation_online_sales", "稳定购销协作形成的网络销售额"},
      {"poor_household_employment", "吸纳贫困户就业人数"},
      {"poor_household_online_shop", "贫困户开设网店数"},
      {"training_qualified", "培训合格人数"},
      {"chain_store_count", "连锁门店数"},
      {"cold_chain_investment", "冷链设施投资额"},
      {"new_large_platform_entry", "新入驻大型电商平台"},
  };
  return kLabels;
}

const std::vector<std::pair<std::string, std::string>>& SubjectLabels() {
  static const std::vector<std::pair<std::string, std::string>> kLabels{
      {"entity", "经营主体"},        {"brand", "品牌"},
      {"export", "跨境出口企业"},    {"station", "服务站点"},
      {"demonstration", "示范创建"}, {"trainee", "培训学员"},
      {"purchase", "扶贫采购"},      {"project", "建设项目"},
      {"household", "贫困户"},
  };
  return kLabels;
}

std::string MetricLabel(std::string_view metric) { return Lookup(MetricLabels(), metric); }

std::string SubjectLabel(std::string_view kind) { return Lookup(SubjectLabels(), kind); }

std::string ListStatusLabel(std::string_view status) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kLabels{{
      {"draft", "草稿"},
      {"proposed", "待审核"},
      {"approved", "已核定"},
      {"superseded", "已被新版本取代"},
      {"rejected", "已退回"},
  }};
  return Lookup(kLabels, status);
}

std::string RuleStatusLabel(RuleStatus s) {
  switch (s) {
    case RuleStatus::kEvaluated:
      return "已计算";
    case RuleStatus::kNoDataSource:
      return "暂无数据来源";
    case RuleStatus::kNeedsLocalSetting:
      return "待地方设定";
    case RuleStatus::kNotEvaluable:
      return "无法计算";
  }
  return "";
}

std::string ComparatorWords(std::string_view cmp) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kWords{
      {{">", "超过"}, {">=", "不少于"}, {"<", "低于"}, {"<=", "不超过"}, {"==", "等于"}}};
  return Lookup(kWords, cmp);
}

std::string QuantityWords(int64_t value, std::string_view unit) {
  if (unit == "fen") return Hundredths(value) + "元";
  if (unit == "us_cent") return Hundredths(value) + "美元";
  if (unit == "centi_point") return Hundredths(value) + "分";
  if (unit == "count") return std::to_string(value) + "次";
  return std::to_string(value) + std::string(unit);
}

std::string BasisWords(const Explanation& ex, const std::map<std::string, std::string>& tag_labels,
                       bool with_records) {
  std::vector<std::string> parts;
  for (const auto& m : ex.metrics) {
    std::string s = MetricLabel(m.metric) + " " + QuantityWords(m.value, m.unit);
    if (!m.comparator.empty())
      s += "（条件：" + ComparatorWords(m.comparator) + " " + QuantityWords(m.threshold, m.unit) +
           (m.threshold_set_locally ? "，地方设定" : "") + "）";
    if (with_records) s += "，依据台账记录" + std::to_string(m.record_ids.size()) + "条";
    parts.push_back(std::move(s));
  }
  if (ex.tier) parts.push_back("第" + std::to_string(ex.tier->index) + "档");
  if (ex.percent_bp && ex.percent_base)
    parts.push_back("按" + MetricLabel(ex.percent_of) + " " +
                    QuantityWords(*ex.percent_base, "fen") + "的" + PercentWords(*ex.percent_bp) +
                    "计");
  for (const auto& m : ex.multipliers) {
    if (!m.applied) continue;
    auto label = tag_labels.find(m.region_tag);
    parts.push_back((label == tag_labels.end() ? m.region_tag : label->second) + "上浮" +
                    std::to_string(m.uplift_bp / 100) + "%");
  }
  if (const auto& t = ex.training)  // a trainee line: the course and the certificate that proves it
    parts.push_back(t->course_title + "（" + t->level_label + "）合格，证书编号 " +
                    t->certificate_code);
  if (ex.cap_applied) parts.push_back("按上限封顶");
  if (ex.floor_applied) parts.push_back("按下限保底");
  if (ex.set_locally) {
    std::string who = ex.set_by + (ex.set_by.empty() || ex.local_reference.empty() ? "" : " ") +
                      ex.local_reference;
    parts.push_back("地方设定" + (who.empty() ? "" : "（" + who + "）"));
  }
  std::ostringstream o;
  for (size_t i = 0; i < parts.size(); ++i) o << (i ? "；" : "") << parts[i];
  return o.str();
}

}  // namespace ruralec::award
