#include "dashboard/boundary.h"

#include <nlohmann/json.hpp>

#include "crypto/crypto.h"
#include "dashboard/boundary_store.h"
#include "region/region.h"

namespace ruralec::dashboard {
namespace {

using nlohmann::json;

Error Bad(const std::string& message) { return Error::Invalid("file", message); }

std::string At(size_t i) { return "第 " + std::to_string(i + 1) + " 个要素"; }

// One linear ring: ≥ 4 positions [lng, lat] in China's extent, the first equal to the last.
Status CheckRing(const json& ring, size_t i) {
  if (!ring.is_array() || ring.size() < 4)
    return Bad(At(i) + "的边界环至少需要 4 个坐标点（首尾相同）");
  for (const auto& p : ring) {
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number())
      return Bad(At(i) + "的坐标应为 [经度, 纬度] 数字");
    const double lng = p[0].get<double>(), lat = p[1].get<double>();
    if (lng < 73 || lng > 136 || lat < 3 || lat > 54)
      return Bad(At(i) + "的坐标超出中国范围（经度 73–136，纬度 3–54，WGS-84）: [" +
                 std::to_string(lng) + ", " + std::to_string(lat) + "]");
  }
  if (ring.front() != ring.back()) return Bad(At(i) + "的边界环未闭合（首尾坐标应相同）");
  return {};
}

Status CheckPolygon(const json& rings, size_t i) {
  if (!rings.is_array() || rings.empty()) return Bad(At(i) + "的多边形没有边界环");
  for (const auto& ring : rings) RETURN_IF_ERROR(CheckRing(ring, i));
  return {};
}

Status CheckGeometry(const json& g, size_t i) {
  if (!g.is_object() || !g.contains("coordinates")) return Bad(At(i) + "缺少 geometry.coordinates");
  const std::string type = g.value("type", "");
  if (type == "Polygon") return CheckPolygon(g["coordinates"], i);
  if (type != "MultiPolygon")
    return Bad(At(i) + "的 geometry.type 应为 Polygon 或 MultiPolygon: " + type);
  if (!g["coordinates"].is_array() || g["coordinates"].empty())
    return Bad(At(i) + "的 MultiPolygon 没有多边形");
  for (const auto& poly : g["coordinates"]) RETURN_IF_ERROR(CheckPolygon(poly, i));
  return {};
}

// properties.code as a 12-digit code among `codes`.
Result<std::string> FeatureCode(const json& f, size_t i, const std::set<std::string>& codes) {
  const json* props = f.contains("properties") ? &f["properties"] : nullptr;
  if (!props || !props->is_object() || !props->contains("code"))
    return Bad(At(i) + "缺少 properties.code（区划代码）");
  const json& c = (*props)["code"];
  const std::string text = c.is_string()           ? c.get<std::string>()
                           : c.is_number_integer() ? std::to_string(c.get<int64_t>())
                                                   : "";
  auto code = RegionCode::Parse(text);
  if (!code.ok() || !codes.count(code->str())) return Bad(At(i) + "的区划代码不属于本县: " + text);
  return code->str();
}

}  // namespace

Result<BoundaryCheck> CheckBoundary(const std::string& text, const std::set<std::string>& codes) {
  if (text.size() > kMaxBoundaryBytes) return Bad("边界文件超过 6 MB");
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return Bad("不是有效的 GeoJSON（JSON 解析失败）");
  if (doc.value("type", "") != "FeatureCollection" || !doc.contains("features") ||
      !doc["features"].is_array())
    return Bad("GeoJSON 应为 FeatureCollection，含 features 数组");
  const json& features = doc["features"];
  if (features.empty() || features.size() > kMaxBoundaryFeatures)
    return Bad("要素数应为 1–5000: " + std::to_string(features.size()));
  std::set<std::string> seen;
  for (size_t i = 0; i < features.size(); ++i) {
    const json& f = features[i];
    if (!f.is_object() || f.value("type", "") != "Feature") return Bad(At(i) + "不是 Feature");
    ASSIGN_OR_RETURN(std::string code, FeatureCode(f, i, codes));
    if (!seen.insert(code).second) return Bad(At(i) + "的区划代码重复: " + code);
    RETURN_IF_ERROR(CheckGeometry(f.value("geometry", json()), i));
  }
  return BoundaryCheck{static_cast<int64_t>(features.size()), doc.dump()};
}

namespace {

// The county and every division below it, 12-digit codes.
Result<std::set<std::string>> CodesOf(storage::Connection& conn, const RegionCode& county) {
  std::set<std::string> out{county.str()};
  for (RegionLevel l : {RegionLevel::kTown, RegionLevel::kVillage}) {
    ASSIGN_OR_RETURN(auto divisions, region::AtLevelIn(conn, county, l));
    for (const auto& d : divisions) out.insert(d.code.str());
  }
  return out;
}

}  // namespace

Result<Boundary> PutBoundary(const BoundaryDeps& d, const account::Principal& who,
                             const RegionCode& county, const std::string& text,
                             const std::string& approval_number, const audit::Entry& entry) {
  if (county.level() != RegionLevel::kCounty)
    return Error::Invalid("region", "边界图按县上传：区划应为县级代码: " + county.str());
  if (!who.InScope(county)) return Error::Forbidden("区划 " + county.str() + " 不在您的管辖范围内");
  if (approval_number.size() > 100) return Error::Invalid("approval_number", "审图号过长");
  auto conn = d.db.Acquire();
  return storage::InTransaction<Boundary>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Boundary> {
        ASSIGN_OR_RETURN(auto codes, CodesOf(*conn, county));
        ASSIGN_OR_RETURN(BoundaryCheck c, CheckBoundary(text, codes));
        Boundary b{county.str(),
                   c.normalized,
                   crypto::Sha256Hex(c.normalized),
                   approval_number,
                   c.features,
                   who.id.valid() ? std::optional<int64_t>(who.id.value) : std::nullopt,
                   d.clock.NowMs()};
        RETURN_IF_ERROR(store::PutBoundary(*conn, b));
        RETURN_IF_ERROR(d.audit.Append(*conn, entry));
        return b;
      });
}

Result<Boundary> GetBoundary(const BoundaryDeps& d, const account::Principal& who,
                             const RegionCode& region) {
  if (!who.InScope(region)) return Error::Forbidden("区划 " + region.str() + " 不在您的管辖范围内");
  if (region.level() < RegionLevel::kCounty)
    return Error::NotFound("边界图按县上传，市、省无边界图");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto b, store::GetBoundary(*conn, region.county().str()));
  if (!b) return Error::NotFound("本县尚未上传边界图");
  return *b;
}

}  // namespace ruralec::dashboard
