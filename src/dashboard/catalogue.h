// What the screen shows: its panels of registry figures, the figures the children are ranked by
// and the monthly trend series (docs/DASHBOARD.md "Panels"). Data, not code: a panel added here
// appears on the screen, in the data API and in the statistics package.
#pragma once

#include <string_view>
#include <vector>

#include "dashboard/dashboard.h"

namespace ruralec::dashboard {

// The registry panels, in screen order (funds and programme progress are made apart).
const std::vector<PanelDef>& Panels();
// Every figure of Panels(), by key; nullptr for an unknown key.
const FigureDef* FindFigure(std::string_view key);
// The figures each child region is measured by (the ranking and the tile grid).
const std::vector<std::string>& RankedKeys();
// The monthly trend series (each a kMonth figure, measured for each of the 12 months).
const std::vector<std::string>& TrendKeys();

// Entity and brand thresholds of the 主体与品牌 panel (PRODUCT.md: > 1000万元 entity, > 100万元
// brand a year), as the indicator's `threshold` parameter.
inline constexpr const char* kEntityThreshold = "1000万元";
inline constexpr const char* kBrandThreshold = "100万元";

}  // namespace ruralec::dashboard
