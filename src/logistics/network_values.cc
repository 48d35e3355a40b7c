// The network's value types: levels, kinds, degrees, clock times, weekdays, the carriers
// dictionary (network.h).
#include <algorithm>
#include <array>

#include "core/degrees.h"
#include "logistics/network.h"
#include "settings/settings.h"

namespace ruralec::logistics {
namespace {

struct Named {
  const char* name;
  const char* label;
};
constexpr std::array<Named, 3> kLevels{{{"county_centre", "县级物流配送中心"},
                                        {"town_hub", "镇级快递物流中转站"},
                                        {"village_point", "村级物流服务点"}}};
constexpr std::array<Named, 2> kKinds{{{"trunk", "主干线"}, {"branch", "支线"}}};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

const std::vector<Carrier>& BuiltinCarriers() {
  static const std::vector<Carrier> carriers = {
      {"chinapost", "中国邮政"}, {"sf", "顺丰"},    {"zto", "中通"}, {"yto", "圆通"},
      {"sto", "申通"},           {"yunda", "韵达"}, {"jt", "极兔"},  {"jd", "京东"},
  };
  return carriers;
}

Result<std::string> ParseCarrier(storage::Connection& conn, const RegionCode& county,
                                 std::string_view text, std::string_view field) {
  for (const auto& c : BuiltinCarriers()) {
    if (text == c.value || text == c.label) return c.value;
  }
  if (text == "邮政" || text == "EMS" || text == "ems") return std::string("chinapost");
  if (!text.empty() && !county.empty()) {
    ASSIGN_OR_RETURN(auto own,
                     settings::CountyEntries(conn, county.county(), "logistics_carriers"));
    for (const auto& e : own) {
      if (text == e.value || text == e.label) return e.value;
    }
  }
  if (text.empty()) return Error::Invalid(std::string(field), "快递公司不能为空");
  return Error::Invalid(std::string(field), "快递公司“" + std::string(text) +
                                                "”不在字典中（可由县级人员在字典中添加）");
}

Result<std::string> CarrierLabel(storage::Connection& conn, const RegionCode& county,
                                 const std::string& value) {
  for (const auto& c : BuiltinCarriers()) {
    if (value == c.value) return c.label;
  }
  ASSIGN_OR_RETURN(auto own, settings::CountyEntries(conn, county.county(), "logistics_carriers"));
  for (const auto& e : own) {
    if (value == e.value) return e.label;
  }
  return std::string();
}

const char* NodeLevelName(NodeLevel l) { return kLevels[static_cast<size_t>(l)].name; }
const char* NodeLevelLabel(NodeLevel l) { return kLevels[static_cast<size_t>(l)].label; }

Result<NodeLevel> ParseNodeLevel(std::string_view t, std::string_view field) {
  for (size_t i = 0; i < kLevels.size(); ++i) {
    if (t == kLevels[i].name || t == kLevels[i].label) return static_cast<NodeLevel>(i);
  }
  if (t == "县级" || t == "配送中心") return NodeLevel::kCountyCentre;
  if (t == "镇级" || t == "中转站") return NodeLevel::kTownHub;
  if (t == "村级" || t == "服务点") return NodeLevel::kVillagePoint;
  return Error::Invalid(
      std::string(field),
      "网点级别应为 县级物流配送中心(county_centre)、镇级快递物流中转站(town_hub) "
      "或 村级物流服务点(village_point)");
}

const char* LineKindName(LineKind k) { return kKinds[static_cast<size_t>(k)].name; }
const char* LineKindLabel(LineKind k) { return kKinds[static_cast<size_t>(k)].label; }

Result<LineKind> ParseLineKind(std::string_view t, std::string_view field) {
  for (size_t i = 0; i < kKinds.size(); ++i) {
    if (t == kKinds[i].name || t == kKinds[i].label) return static_cast<LineKind>(i);
  }
  return Error::Invalid(std::string(field), "线路类型应为 主干线(trunk) 或 支线(branch)");
}

Result<int64_t> ParseDegrees(std::string_view t, int limit, std::string_view field) {
  std::string f(field);
  std::string bad = "应为 -" + std::to_string(limit) + " 到 " + std::to_string(limit) +
                    " 之间的十进制度数（WGS-84），最多6位小数";
  bad = (f == "lat" ? "纬度" : "经度") + bad;
  std::optional<int64_t> v = MicroDegrees(t);
  if (!v || *v < -int64_t{limit} * 1'000'000 || *v > int64_t{limit} * 1'000'000)
    return Error::Invalid(f, bad);
  return *v;
}

std::string FormatDegrees(int64_t e6) {
  int64_t a = e6 < 0 ? -e6 : e6;
  std::string frac = std::to_string(a % 1'000'000);
  return (e6 < 0 ? "-" : "") + std::to_string(a / 1'000'000) + "." +
         std::string(6 - frac.size(), '0') + frac;
}

Result<int> ParseClock(std::string_view t, std::string_view field) {
  auto bad = [&] { return Error::Invalid(std::string(field), "时间应为 HH:MM（00:00 到 24:00）"); };
  size_t colon = t.find(':');
  if (colon == std::string_view::npos) colon = t.find("：");
  if (colon == std::string_view::npos || colon == 0 || colon > 2) return bad();
  size_t after = t.substr(colon).starts_with(":") ? colon + 1 : colon + 3;
  std::string_view h = t.substr(0, colon), m = t.substr(after);
  if (m.size() != 2) return bad();
  int hv = 0, mv = 0;
  for (char c : h) {
    if (!IsDigit(c)) return bad();
    hv = hv * 10 + (c - '0');
  }
  for (char c : m) {
    if (!IsDigit(c)) return bad();
    mv = mv * 10 + (c - '0');
  }
  if (mv > 59 || hv > 24 || (hv == 24 && mv != 0)) return bad();
  return hv * 60 + mv;
}

std::string FormatClock(int minutes) {
  std::string h = std::to_string(minutes / 60), m = std::to_string(minutes % 60);
  return std::string(2 - std::min<size_t>(2, h.size()), '0') + h + ":" +
         std::string(2 - std::min<size_t>(2, m.size()), '0') + m;
}

Result<Hours> ParseHours(std::string_view t, std::string_view field) {
  size_t sep = std::string_view::npos, len = 0;
  for (std::string_view s : {"～", "—", "－", "~", "-"}) {
    sep = t.find(s);
    if (sep != std::string_view::npos) {
      len = s.size();
      break;
    }
  }
  if (sep == std::string_view::npos)
    return Error::Invalid(std::string(field), "时段应为 HH:MM-HH:MM，如 08:00-18:00");
  ASSIGN_OR_RETURN(int open, ParseClock(t.substr(0, sep), field));
  ASSIGN_OR_RETURN(int close, ParseClock(t.substr(sep + len), field));
  if (open >= close) return Error::Invalid(std::string(field), "开始时间应早于结束时间");
  return Hours{open, close};
}

Result<std::string> ParseWeekdays(std::string_view t, std::string_view field) {
  if (t == "每天" || t == "daily" || t == "每日") return std::string("1234567");
  std::array<bool, 8> on{};
  for (char c : t) {
    if (c >= '1' && c <= '7') {
      on[static_cast<size_t>(c - '0')] = true;
    } else if (c != ',' && c != ' ' && c != '[' && c != ']') {
      return Error::Invalid(std::string(field),
                            "班次应为星期几的数字 1-7（周一为1），如 135 或 1,3,5，或“每天”");
    }
  }
  std::string out;
  for (char d = '1'; d <= '7'; ++d) {
    if (on[static_cast<size_t>(d - '0')]) out += d;
  }
  if (out.empty()) return Error::Invalid(std::string(field), "班次至少一天");
  return out;
}

}  // namespace ruralec::logistics
