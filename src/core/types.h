// Domain quantity types shared by every module: money in fen, region codes, typed ids.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ruralec {

// Money as an integer number of fen (1 yuan = 100 fen). Never floating point.
struct Fen {
  int64_t value = 0;
  auto operator<=>(const Fen&) const = default;  // NOLINT(modernize-use-nullptr)
  Fen operator+(Fen o) const { return {value + o.value}; }
  Fen operator-(Fen o) const { return {value - o.value}; }

  // Parses "1,234.56元", "123.4万元", "6.5亿元", "125000.00", "¥12", "-3.5万" exactly.
  // Rejects more decimals than a fen can hold and values beyond ±9e16 fen.
  static Result<Fen> Parse(std::string_view text);
  std::string ToYuan() const;   // "1,234.56元"
  std::string ToWan() const;    // "0.123456万元" (trailing zeros trimmed, at least "0万元")
  std::string ToPlain() const;  // "1234.56" (for spreadsheets and inputs)

  // this + o, or nullopt when the sum leaves the int64 range (a money sum never wraps).
  std::optional<Fen> CheckedAdd(Fen o) const {
    int64_t sum = 0;
    if (__builtin_add_overflow(value, o.value, &sum)) return std::nullopt;
    return Fen{sum};
  }
};

// Adds `v` to the money sum `*sum` (fen, or US$ cents); false, leaving `*sum` unchanged, when
// the result would leave the int64 range. For accumulators that sum many rows.
[[nodiscard]] inline bool AddMoney(int64_t* sum, int64_t v) {
  int64_t out = 0;
  if (__builtin_add_overflow(*sum, v, &out)) return false;
  *sum = out;
  return true;
}

// The error of a money sum that left the int64 range (±9.2×10¹⁸ fen): the data holds amounts
// no real ledger has. kConflict (the stored data, not the request, is wrong); `what` names the
// figure, e.g. "上行网络零售额".
Error MoneyOverflow(std::string_view what);

enum class RegionLevel { kProvince = 1, kCity = 2, kCounty = 3, kTown = 4, kVillage = 5 };
const char* RegionLevelName(RegionLevel level);  // "province", "city", ...
Result<RegionLevel> ParseRegionLevel(std::string_view name);

// A 12-digit zero-padded NBS statistical division code. The subtree of a region is every code
// sharing its level's prefix (2/4/6/9/12 digits), so scope checks need no database look-up.
class RegionCode {
 public:
  RegionCode() = default;
  // Accepts 2, 4, 6, 9 or 12 digits and pads to 12.
  static Result<RegionCode> Parse(std::string_view text);
  const std::string& str() const { return code_; }
  bool empty() const { return code_.empty(); }
  RegionLevel level() const;                            // derived from the zero pattern
  std::string_view prefix() const;                      // significant digits for level()
  RegionCode county() const;                            // own code if at or above county level
  RegionCode parent() const;                            // empty for a province
  bool Contains(const RegionCode& other) const;         // other is this region or below it
  auto operator<=>(const RegionCode&) const = default;  // NOLINT(modernize-use-nullptr)

 private:
  explicit RegionCode(std::string code) : code_(std::move(code)) {}
  std::string code_;
};

size_t PrefixLength(RegionLevel level);

// Distinct id types: UserId cannot be passed where a RoleId is expected.
template <typename Tag>
struct Id {
  int64_t value = 0;
  auto operator<=>(const Id&) const = default;  // NOLINT(modernize-use-nullptr)
  bool valid() const { return value > 0; }
};
struct UserTag {};
struct SessionTag {};
using UserId = Id<UserTag>;

}  // namespace ruralec
