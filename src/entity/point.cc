// An entity's position (entity.h "Point"): decimal degrees in, micro-degrees stored.
#include "core/degrees.h"
#include "entity/entity.h"

namespace ruralec::entity {
namespace {

std::string_view Trim(std::string_view t) {
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  return t;
}

Result<int64_t> Degrees(std::string_view text, bool is_lat) {
  const char* field = is_lat ? "lat" : "lng";
  const std::string what = is_lat ? "纬度" : "经度";
  auto v = MicroDegrees(text);
  if (!v)
    return Error::Invalid(field,
                          what + "应为十进制度数（WGS-84），最多6位小数: " + std::string(text));
  int64_t lo = is_lat ? kMinLatE6 : kMinLngE6, hi = is_lat ? kMaxLatE6 : kMaxLngE6;
  if (*v < lo || *v > hi)
    return Error::Invalid(field, what + " " + std::string(text) + " 不在中国境内（" +
                                     (is_lat ? "北纬 3° 至 54°" : "东经 73° 至 136°") +
                                     "），请检查是否填反或漏了小数点");
  return *v;
}

}  // namespace

Result<std::optional<Point>> ParsePoint(std::string_view lat, std::string_view lng) {
  lat = Trim(lat);
  lng = Trim(lng);
  if (lat.empty() && lng.empty()) return std::optional<Point>();
  if (lat.empty()) return Error::Invalid("lat", "经度和纬度须同时填写（缺纬度）");
  if (lng.empty()) return Error::Invalid("lng", "经度和纬度须同时填写（缺经度）");
  Point p;
  ASSIGN_OR_RETURN(p.lat_e6, Degrees(lat, true));
  ASSIGN_OR_RETURN(p.lng_e6, Degrees(lng, false));
  return std::optional<Point>(p);
}

std::string FormatDegrees(int64_t e6) {
  int64_t a = e6 < 0 ? -e6 : e6;
  std::string frac = std::to_string(a % 1'000'000);
  return (e6 < 0 ? "-" : "") + std::to_string(a / 1'000'000) + "." +
         std::string(6 - frac.size(), '0') + frac;
}

}  // namespace ruralec::entity
