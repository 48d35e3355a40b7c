// A county's own boundary map (issue 25 item 2; docs/DASHBOARD.md "A county's own boundaries"):
// a GeoJSON FeatureCollection the county is entitled to publish, each feature a Polygon or
// MultiPolygon keyed by the region code of a division of that county (properties.code), drawn by
// the screen as a choropleth. Checked before it is stored; the latest upload replaces the last.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::dashboard {

inline constexpr size_t kMaxBoundaryBytes = 6 << 20;
inline constexpr size_t kMaxBoundaryFeatures = 5000;

struct BoundaryCheck {
  int64_t features = 0;
  std::string normalized;  // the file re-serialised (compact), what is stored and served
};

// kInvalidArgument naming field "file" (and the feature's index) unless `text` is a
// FeatureCollection of 1–5,000 Polygon/MultiPolygon features, each with properties.code a
// 12-digit (or 6/9-digit) code among `codes` (the county and its divisions), every position
// [lng, lat] inside China's extent (lng 73–136, lat 3–54), every ring closed with ≥ 4 positions.
Result<BoundaryCheck> CheckBoundary(const std::string& text, const std::set<std::string>& codes);

struct Boundary {
  std::string county_code, geojson, sha256, approval_number;
  int64_t features = 0;
  std::optional<int64_t> uploaded_by;
  int64_t uploaded_at = 0;
};

struct BoundaryDeps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
};

// Stores a checked file for `county` (a county code inside the caller's region, kForbidden
// otherwise; below or above county level kInvalidArgument field "region"), audited
// "dashboard.boundary.upload" in the same transaction.
Result<Boundary> PutBoundary(const BoundaryDeps& d, const account::Principal& who,
                             const RegionCode& county, const std::string& text,
                             const std::string& approval_number, const audit::Entry& entry);
// The boundary of the county of `region` (a county or below, in the caller's scope); kNotFound
// when none was uploaded.
Result<Boundary> GetBoundary(const BoundaryDeps& d, const account::Principal& who,
                             const RegionCode& region);

}  // namespace ruralec::dashboard
