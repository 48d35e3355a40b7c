// Display masking of a natural person's name (crypto.h has the ID-number and mobile masks; this
// one lives apart so the many users of crypto.h do not depend on it).
#pragma once

#include <string>
#include <string_view>

namespace ruralec::crypto {

// A natural person's name (or a name that may be one) for publication: its first character
// and, when longer than three characters, its last two (李四 → 李*, 王小明 → 王**,
// 张三家庭农场 → 张***农场). Characters are UTF-8 code points.
std::string MaskPersonName(std::string_view name);

}  // namespace ruralec::crypto
