#include "core/validate.h"

#include <cctype>
#include <string>
#include <vector>

namespace ruralec::validate {
namespace {

constexpr std::string_view kUsccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

Error Bad(std::string_view field, std::string message) {
  return Error::Invalid(std::string(field), std::move(message));
}

// Decodes the code point at s[i]; returns its byte length, 0 for invalid UTF-8.
size_t DecodeUtf8(std::string_view s, size_t i, char32_t& cp) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (len == 0 || c > 0xF4 || i + len > s.size()) return 0;
  cp = c & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) {
    auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
    return 0;
  return len;
}

bool IsSpace(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

bool IsRefused(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x200B || c == 0x200E || c == 0x200F || c == 0x061C ||
         c == 0xFEFF || c == 0x2028 || c == 0x2029;
}

struct Decoded {
  std::vector<char32_t> cps;
  std::vector<size_t> offsets;  // byte offset of each code point, plus the end
};

std::optional<Decoded> Decode(std::string_view s) {
  Decoded d;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    size_t len = DecodeUtf8(s, i, cp);
    if (len == 0) return std::nullopt;
    d.cps.push_back(cp);
    d.offsets.push_back(i);
    i += len;
  }
  d.offsets.push_back(s.size());
  return d;
}

}  // namespace

Status Uscc(std::string_view code, std::string_view field) {
  if (code.size() != 18) return Bad(field, "统一社会信用代码应为18位");
  int sum = 0;
  int weight = 1;
  for (size_t i = 0; i < 17; ++i) {
    size_t v = kUsccChars.find(code[i]);
    if (v == std::string_view::npos) {
      return Bad(field, "统一社会信用代码第" + std::to_string(i + 1) + "位字符无效");
    }
    sum += static_cast<int>(v) * weight;
    weight = weight * 3 % 31;
  }
  if (!AllDigits(code.substr(2, 6))) return Bad(field, "统一社会信用代码第3-8位应为行政区划码");
  size_t expected = (31 - sum % 31) % 31;
  if (code[17] != kUsccChars[expected]) return Bad(field, "统一社会信用代码校验位错误");
  return {};
}

Status IdCard(std::string_view id, CivilDate today, std::string_view field) {
  if (id.size() != 18) return Bad(field, "身份证号应为18位");
  if (!AllDigits(id.substr(0, 17))) return Bad(field, "身份证号前17位应为数字");
  static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (id[i] - '0') * kWeights[i];
  static constexpr std::string_view kCheck = "10X98765432";
  char last = static_cast<char>(std::toupper(static_cast<unsigned char>(id[17])));
  if (last != kCheck[sum % 11]) return Bad(field, "身份证号校验位错误");
  int y = std::stoi(std::string(id.substr(6, 4)));
  int m = std::stoi(std::string(id.substr(10, 2)));
  int d = std::stoi(std::string(id.substr(12, 2)));
  if (!CivilDate::IsValid(y, m, d)) return Bad(field, "身份证号中的出生日期不存在");
  CivilDate birth(y, m, d);
  if (birth < CivilDate(1900, 1, 1) || birth > today)
    return Bad(field, "身份证号中的出生日期不合理");
  return {};
}

IdCardFacts IdCardFactsOf(std::string_view id) {
  auto num = [&](size_t at, size_t n) { return std::stoi(std::string(id.substr(at, n))); };
  return {CivilDate(num(6, 4), num(10, 2), num(12, 2)), (id[16] - '0') % 2 == 0};
}

Status Mobile(std::string_view mobile, std::string_view field) {
  if (mobile.size() != 11 || !AllDigits(mobile) || mobile[0] != '1' || mobile[1] < '3') {
    return Bad(field, "手机号应为以13-19开头的11位数字");
  }
  return {};
}

Status Gtin(std::string_view gtin, std::string_view field) {
  size_t n = gtin.size();
  if (n != 8 && n != 12 && n != 13 && n != 14) return Bad(field, "GTIN应为8、12、13或14位");
  if (!AllDigits(gtin)) return Bad(field, "GTIN只能包含数字");
  int sum = 0;
  for (size_t i = 0; i + 1 < n; ++i) {
    int weight = ((n - 1 - i) % 2 == 1) ? 3 : 1;  // rightmost data digit weighs 3
    sum += (gtin[i] - '0') * weight;
  }
  if (gtin[n - 1] - '0' != (10 - sum % 10) % 10) return Bad(field, "GTIN校验位错误");
  return {};
}

Result<std::string> ValidateText(std::string_view value, const TextRule& rule) {
  std::string label(rule.label);
  auto d = Decode(value);
  if (!d) return Bad(rule.field, label + "含有无效字符（不是有效的UTF-8文本）");
  size_t begin = 0, end = d->cps.size();
  while (begin < end && IsSpace(d->cps[begin])) ++begin;
  while (end > begin && IsSpace(d->cps[end - 1])) --end;
  for (size_t i = begin; i < end; ++i) {
    if (IsRefused(d->cps[i]))
      return Bad(rule.field, label + "不能包含控制字符、换行或文字方向控制符");
  }
  if (begin == end) {
    if (rule.optional) return std::string();
    return Bad(rule.field, label + "不能为空");
  }
  if (end - begin > rule.max_chars)
    return Bad(rule.field, label + "过长（最多" + std::to_string(rule.max_chars) + "个字）");
  return std::string(value.substr(d->offsets[begin], d->offsets[end] - d->offsets[begin]));
}

bool IsSafeText(std::string_view value) {
  auto d = Decode(value);
  if (!d) return false;
  for (char32_t c : d->cps)
    if (IsRefused(c)) return false;
  return true;
}

std::string RemoveUnsafe(std::string_view value) {
  auto d = Decode(value);
  if (!d) return "";
  std::string out;
  for (size_t i = 0; i < d->cps.size(); ++i) {
    if (!IsRefused(d->cps[i]))
      out.append(value.substr(d->offsets[i], d->offsets[i + 1] - d->offsets[i]));
  }
  return out;
}

Status PlausibleDate(CivilDate date, std::string_view field, std::optional<CivilDate> not_after) {
  if (date < CivilDate(1900, 1, 1) || date > CivilDate(2099, 12, 31))
    return Bad(field, "日期 " + date.ToString() + " 不合理（应在1900-01-01至2099-12-31之间）");
  if (not_after && date > *not_after)
    return Bad(field, "日期 " + date.ToString() + " 晚于今天（" + not_after->ToString() + "）");
  return {};
}

}  // namespace ruralec::validate
