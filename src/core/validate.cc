#include "core/validate.h"

#include <cctype>
#include <string>

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

}  // namespace ruralec::validate
