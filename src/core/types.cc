#include "core/types.h"

#include <cctype>
#include <climits>

namespace ruralec {
namespace {

constexpr int64_t kMaxFen = 90'000'000'000'000'000;  // 9e17 fen: far beyond any programme

// Removes a known suffix; returns true when found.
bool StripSuffix(std::string_view& s, std::string_view suffix) {
  if (s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix) {
    s.remove_suffix(suffix.size());
    return true;
  }
  return false;
}

bool StripPrefix(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) == prefix) {
    s.remove_prefix(prefix.size());
    return true;
  }
  return false;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string GroupThousands(std::string digits) {
  std::string out;
  int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

Error MoneyOverflow(std::string_view what) {
  return Error::Conflict(
      std::string(what) + "合计超出可计算范围（数据中有异常巨大的金额），请核查并更正台账后重试",
      "amount_fen");
}

Result<Fen> Fen::Parse(std::string_view text) {
  std::string_view s = Trim(text);
  bool negative = StripPrefix(s, "-");
  StripPrefix(s, "¥") || StripPrefix(s, "￥");
  s = Trim(s);
  int scale = 2;  // decimal digits that fit in fen for the unit
  if (StripSuffix(s, "亿元") || StripSuffix(s, "亿")) {
    scale = 10;
  } else if (StripSuffix(s, "万元") || StripSuffix(s, "万")) {
    scale = 6;
  } else {
    StripSuffix(s, "元");
  }
  s = Trim(s);
  if (s.empty()) return Error::Invalid("amount", "金额为空");
  // Each unit's scale is chosen so one step of its last decimal is exactly one fen
  // (0.01元, 0.000001万元, 0.0000000001亿元): the digits read are the fen count.
  __int128 fen = 0;
  int decimals = -1;
  bool digit_seen = false;
  for (char c : s) {
    if (c == ',') continue;
    if (c == '.') {
      if (decimals >= 0) return Error::Invalid("amount", "金额格式错误：多个小数点");
      decimals = 0;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return Error::Invalid("amount", "金额格式错误：含有非数字字符");
    }
    digit_seen = true;
    if (decimals >= 0 && ++decimals > scale) return Error::Invalid("amount", "金额精度超过分");
    fen = fen * 10 + (c - '0');
    if (fen > kMaxFen) return Error::Invalid("amount", "金额超出范围");
  }
  if (!digit_seen) return Error::Invalid("amount", "金额格式错误");
  for (int d = (decimals < 0 ? 0 : decimals); d < scale; ++d) {
    fen *= 10;
    if (fen > kMaxFen) return Error::Invalid("amount", "金额超出范围");
  }
  return Fen{negative ? -static_cast<int64_t>(fen) : static_cast<int64_t>(fen)};
}

std::string Fen::ToYuan() const {
  int64_t v = value < 0 ? -value : value;
  std::string frac = std::to_string(v % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return (value < 0 ? "-" : "") + GroupThousands(std::to_string(v / 100)) + "." + frac + "元";
}

std::string Fen::ToPlain() const {
  int64_t v = value < 0 ? -value : value;
  std::string frac = std::to_string(v % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return (value < 0 ? "-" : "") + std::to_string(v / 100) + "." + frac;
}

std::string Fen::ToWan() const {
  int64_t v = value < 0 ? -value : value;  // 1 万元 = 1,000,000 fen
  std::string frac = std::to_string(v % 1'000'000);
  frac.insert(0, 6 - frac.size(), '0');
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string out = (value < 0 ? "-" : "") + std::to_string(v / 1'000'000);
  if (!frac.empty()) out += "." + frac;
  return out + "万元";
}

const char* RegionLevelName(RegionLevel level) {
  switch (level) {
    case RegionLevel::kProvince:
      return "province";
    case RegionLevel::kCity:
      return "city";
    case RegionLevel::kCounty:
      return "county";
    case RegionLevel::kTown:
      return "town";
    case RegionLevel::kVillage:
      return "village";
  }
  return "province";
}

Result<RegionLevel> ParseRegionLevel(std::string_view name) {
  for (auto l : {RegionLevel::kProvince, RegionLevel::kCity, RegionLevel::kCounty,
                 RegionLevel::kTown, RegionLevel::kVillage}) {
    if (name == RegionLevelName(l)) return l;
  }
  return Error::Invalid("level", "未知的区划级别");
}

size_t PrefixLength(RegionLevel level) {
  switch (level) {
    case RegionLevel::kProvince:
      return 2;
    case RegionLevel::kCity:
      return 4;
    case RegionLevel::kCounty:
      return 6;
    case RegionLevel::kTown:
      return 9;
    case RegionLevel::kVillage:
      return 12;
  }
  return 12;
}

Result<RegionCode> RegionCode::Parse(std::string_view text) {
  std::string_view s = Trim(text);
  if (s.size() != 2 && s.size() != 4 && s.size() != 6 && s.size() != 9 && s.size() != 12) {
    return Error::Invalid("region_code", "区划代码应为2、4、6、9或12位数字");
  }
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return Error::Invalid("region_code", "区划代码只能包含数字");
    }
  }
  std::string code(s);
  code.append(12 - code.size(), '0');
  if (code.substr(0, 2) == "00") return Error::Invalid("region_code", "区划代码无效");
  return RegionCode(std::move(code));
}

RegionLevel RegionCode::level() const {
  auto nonzero = [&](size_t from, size_t to) { return code_.find_first_not_of('0', from) < to; };
  if (nonzero(9, 12)) return RegionLevel::kVillage;
  if (nonzero(6, 9)) return RegionLevel::kTown;
  if (nonzero(4, 6)) return RegionLevel::kCounty;
  if (nonzero(2, 4)) return RegionLevel::kCity;
  return RegionLevel::kProvince;
}

std::string_view RegionCode::prefix() const {
  return std::string_view(code_).substr(0, PrefixLength(level()));
}

RegionCode RegionCode::county() const {
  if (level() <= RegionLevel::kCounty) return *this;
  std::string c = code_.substr(0, 6);
  c.append(6, '0');
  return RegionCode(std::move(c));
}

RegionCode RegionCode::parent() const {
  RegionLevel l = level();
  if (l == RegionLevel::kProvince) return RegionCode();
  std::string c = code_.substr(0, PrefixLength(static_cast<RegionLevel>(static_cast<int>(l) - 1)));
  c.append(12 - c.size(), '0');
  return RegionCode(std::move(c));
}

bool RegionCode::Contains(const RegionCode& other) const {
  if (code_.empty() || other.code_.empty()) return false;
  std::string_view p = prefix();
  return other.code_.compare(0, p.size(), p) == 0;
}

}  // namespace ruralec
