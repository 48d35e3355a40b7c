// Validators for identifiers the programme relies on. Each returns OK or an Error whose
// message (Chinese) states the reason and whose field is the one passed in.
#pragma once

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

// Mainland mobile number: 11 digits starting 13-19.
Status Mobile(std::string_view mobile, std::string_view field = "mobile");

// GTIN-8, -12, -13 or -14 with its GS1 mod-10 check digit.
Status Gtin(std::string_view gtin, std::string_view field = "gtin");

}  // namespace ruralec::validate
