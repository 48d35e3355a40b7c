// Validators for identifiers the programme relies on. Each returns OK or an Error whose
// message (Chinese) states the reason and whose field is the one passed in.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace ruralec::validate {

// 统一社会信用代码, GB 32100-2015: 18 characters from the 31-symbol set, digits 3-8 an
// administrative division code, check character over the first 17.
Status Uscc(std::string_view code, std::string_view field = "uscc");

// 居民身份证号, GB 11643-1999: 17 digits + check digit (0-9/X), a real birth date between
// 1900-01-01 and `today`.
Status IdCard(std::string_view id, CivilDate today, std::string_view field = "id_number");
// What a 居民身份证号 that passed IdCard states: the birth date (digits 7-14) and the gender
// (digit 17: odd male, even female). Only for an ID that passed IdCard.
struct IdCardFacts {
  CivilDate birth;
  bool female = false;
};
IdCardFacts IdCardFactsOf(std::string_view valid_id);

// Mainland mobile number: 11 digits starting 13-19.
Status Mobile(std::string_view mobile, std::string_view field = "mobile");

// GTIN-8, -12, -13 or -14 with its GS1 mod-10 check digit.
Status Gtin(std::string_view gtin, std::string_view field = "gtin");

// The one rule for human-entered text (names, labels, categories):
//  - valid UTF-8 (no overlongs, surrogates or code points past U+10FFFF);
//  - leading and trailing whitespace is trimmed (ASCII whitespace, U+0085, U+00A0, U+1680,
//    U+2000-U+200B, U+2028/U+2029, U+202F, U+205F, U+3000, U+FEFF);
//  - what remains holds no NUL or other C0/C1 control character (tab and line breaks
//    included), no bidirectional control (embeddings/overrides U+202A-U+202E, isolates
//    U+2066-U+2069, marks U+200E, U+200F, U+061C) and no U+FEFF;
//  - it is not empty (unless `optional`) and has at most `max_chars` characters (code points).
// Returns the trimmed text; errors carry `field` and name the field by its Chinese `label`.
struct TextRule {
  std::string_view field;  // e.g. "display_name"
  std::string_view label;  // e.g. "姓名"
  size_t max_chars = 100;
  bool optional = false;  // "" (after trimming) is accepted
};
Result<std::string> ValidateText(std::string_view value, const TextRule& rule);

// Valid UTF-8 without any of the control or bidirectional-control characters ValidateText
// refuses; nothing is trimmed (for secrets such as passwords).
bool IsSafeText(std::string_view value);

// The text without the characters ValidateText refuses (for names that are cleaned rather
// than refused, such as uploaded file names); "" when it is not valid UTF-8.
std::string RemoveUnsafe(std::string_view value);

// A date a person entered: between 1900-01-01 and 2099-12-31 (anything outside is a typing
// error in this programme's domain, e.g. 9999-12-31 or 1800-01-01) and, when `not_after` is
// given, not after it (a registration date cannot be in the future).
Status PlausibleDate(CivilDate date, std::string_view field,
                     std::optional<CivilDate> not_after = std::nullopt);

}  // namespace ruralec::validate
