#include "programme/indicators.h"

#include <limits>

namespace ruralec::programme {
namespace {

constexpr int64_t kMax = 9'000'000'000'000'000'000;  // well inside int64

std::vector<Indicator> BuildIndicators() {
  using D = Dimension;
  const std::string kSales = "sales ledger (online sales imported or reported per entity, month)";
  const std::string kEntities = "entity registry + sales ledger";
  const std::string kStations = "station registry (village service stations)";
  const std::string kDemo = "demonstration designations";
  const std::string kTraining = "training sessions and attendance";
  const std::string kLogistics = "logistics network and parcel events";
  const std::string kManual = "operator report with evidence (no ledger planned yet)";
  return {
      {"rural_online_sales",
       "农村产品网络销售额",
       D::kMoney,
       {"direction"},
       {},
       "Online sales of rural products (agricultural and other rural goods) by entities of the "
       "region in the period (direction: uplink, the default, or all).",
       kSales},
      {"rural_online_sales_increase",
       "农村产品网络销售额新增",
       D::kMoney,
       {"direction"},
       {},
       "Rural online sales of the period minus those of the same period a year before.",
       kSales},
      {"agri_online_retail",
       "农产品网络零售额",
       D::kMoney,
       {},
       {},
       "Online retail sales of agricultural products (the agricultural subset of online sales).",
       kSales},
      {"rural_online_retail_growth",
       "农村产品网络零售额同比增长率",
       D::kPercent,
       {"direction"},
       {},
       "Year-on-year growth of rural online retail sales, in percent.",
       kSales},
      {"entities_over_sales_threshold",
       "年网销额超阈值的农村电商经营主体数",
       D::kCount,
       {"threshold", "direction"},
       {"threshold", "direction"},
       "Entities whose online sales in a calendar year exceed `threshold` (strictly greater "
       "when the plan says 超); direction: uplink (农村产品上行年网络销售额) or all (年网销额).",
       kEntities},
      {"brands_over_sales_threshold",
       "年网销额超阈值的农村电商品牌数",
       D::kCount,
       {"threshold", "direction"},
       {"threshold", "direction"},
       "Brands whose online sales in a calendar year exceed `threshold`; direction: uplink or "
       "all.",
       kEntities},
      {"new_entities",
       "新增农村电商经营主体数",
       D::kCount,
       {"registered"},
       {},
       "Entities first registered in the period (registered=business: 工商注册).",
       kEntities},
      {"demonstration_units",
       "示范创建数",
       D::kCount,
       {"level", "kind"},
       {"level", "kind"},
       "Demonstration designations granted in the period at `level` (national, province, city, "
       "district, or any when the plan does not say) of `kind` (county, town, village, point, "
       "enterprise).",
       kDemo},
      {"stations",
       "电商服务站点数",
       D::kCount,
       {"level", "scope", "region_tag", "status"},
       {},
       "Village/town e-commerce service stations built, upgraded or operating "
       "(level: town | village; scope: new | upgraded; region_tag: only in regions with that "
       "tag, e.g. poverty_village, flood_storage_area; status: as of the end date, default "
       "operating).",
       kStations},
      {"village_station_coverage_rate",
       "电子商务服务站点行政村覆盖率",
       D::kPercent,
       {},
       {},
       "Share of administrative villages with at least one operating station.",
       kStations},
      {"poverty_village_station_coverage_rate",
       "建档立卡贫困村站点覆盖率",
       D::kPercent,
       {},
       {},
       "Share of registered poor villages (tag poverty_village) with an operating station.",
       kStations},
      {"station_uplink_sales",
       "服务站点农产品上行销售额",
       D::kMoney,
       {},
       {},
       "Uplink (代卖 / 农产品上行) sales recorded by the stations of the region in the months of "
       "the period.",
       kStations},
      {"station_service_count",
       "服务站点服务量",
       D::kCount,
       {"item"},
       {},
       "Services recorded by the stations of the region in the months of the period (orders, "
       "parcels, payments, …; item: one service item of station_record_items, default all).",
       kStations},
      {"willing_poor_household_coverage_rate",
       "有意愿建档立卡贫困户电商帮扶覆盖率",
       D::kPercent,
       {},
       {},
       "Share of willing and able registered poor households receiving e-commerce help.",
       "matching & poverty-alleviation ledger"},
      {"training_person_times",
       "电商培训人次",
       D::kPersonTimes,
       {"audience"},
       {},
       "Attendances counted per person per session (audience=registered_poor_household for the "
       "poor-household subset).",
       kTraining},
      {"training_trainees",
       "电商培训人数",
       D::kCount,
       {"audience"},
       {},
       "Distinct persons trained in the period, each counted once whatever the number of "
       "sessions (audience=registered_poor_household for the poor-household subset).",
       kTraining},
      {"training_conversion_rate",
       "培训转化率",
       D::kPercent,
       {"months", "kinds"},
       {},
       "Share of trainees who then start or join an online business.",
       kTraining},
      {"ecommerce_leaders",
       "农村电商带头人数",
       D::kCount,
       {},
       {},
       "Trained persons recognised as local e-commerce leaders.",
       kTraining},
      {"express_coverage_rate",
       "行政村快递通达率",
       D::kPercent,
       {},
       {},
       "Share of administrative villages (行政村) reached in the period: at least one delivery "
       "(到达/入柜/签收, downlink) or pickup (揽收/发往, uplink) scan at one of their village "
       "points.",
       kLogistics},
      {"delivery_frequency",
       "行政村快递投送频次",
       D::kRatio,
       {},
       {},
       "Deliveries per administrative village per week: days with a delivery scan at the "
       "village's points, summed over the villages, ÷ villages ÷ (days of the period / 7).",
       kLogistics},
      {"delivery_lead_minutes",
       "镇到村快递签收时长",
       D::kDuration,
       {"stat"},
       {},
       "Minutes from the last 到达 at a town hub to the 签收 at a village point of the parcels "
       "signed in the period (stat: median, the default, or p90; nearest rank).",
       kLogistics},
      {"carriers_per_point",
       "村级物流服务点收发兼容度",
       D::kRatio,
       {},
       {},
       "Carriers accepted per active village point (收发兼容度), averaged over the points.",
       kLogistics},
      {"uplink_parcels_per_village",
       "行政村上行快递件数",
       D::kRatio,
       {},
       {},
       "Uplink parcels picked up (揽收/发往 at a village point) in the period per administrative "
       "village.",
       kLogistics},
      {"broadband_village_coverage_rate",
       "行政村光纤和4G覆盖率",
       D::kPercent,
       {},
       {},
       "Share of administrative villages with fibre and 4G.",
       kManual},
      {"rural_road_km",
       "农村公路建设里程",
       D::kLength,
       {"scope"},
       {},
       "Kilometres of rural road built in the period.",
       kManual},
      {"service_centres",
       "电商公共服务中心数",
       D::kCount,
       {"level", "scope"},
       {},
       "E-commerce public service centres (level: city | county | town; scope: new | upgraded).",
       kManual},
      {"logistics_nodes",
       "物流节点数",
       D::kCount,
       {"kind", "scope"},
       {"kind"},
       "Nodes of the three-level network (kind: county_centre | town_hub | village_point; "
       "scope: new = registered in the period, default: active at its end).",
       kLogistics},
      {"logistics_lines",
       "物流配送线路数",
       D::kCount,
       {"kind"},
       {"kind"},
       "Delivery lines improved or operated (kind: trunk_line | branch_line).",
       kLogistics},
      {"cold_storage_capacity",
       "冷链仓储容量",
       D::kMass,
       {"kind"},
       {},
       "Tonnes of the active cold-chain resources (冷库, 气调库, 预冷库) registered in the region "
       "by the end of the period (kind: cold_store | ca_store | precooling | a county's own kind; "
       "absent: every kind).",
       kLogistics},
      {"facilities",
       "信息系统与设施数",
       D::kCount,
       {"kind"},
       {"kind"},
       "Systems and facilities built (kind: big_data_platform | logistics_information_system | "
       "co_delivery_centre | livestream_base | training_base | o2o_showroom | product_library).",
       kManual},
      {"certified_products",
       "“三品一标”农产品数",
       D::kCount,
       {},
       {},
       "Products with a 三品一标 certification (pollution_free, green_food, organic, "
       "geographical_indication).",
       "product library"},
      {"certified_entities_selling_online",
       "在线销售的“三品一标”生产经营主体数",
       D::kCount,
       {},
       {},
       "Entities producing 三品一标 products that sell online.",
       "product library + sales ledger"},
      {"trademark_enterprises_selling_online",
       "开展网销的涉农省级以上商标品牌企业数",
       D::kCount,
       {},
       {},
       "Agricultural enterprises with a provincial-or-higher trademark brand "
       "that sell online.",
       kEntities},
      {"regional_public_brands",
       "区域公用品牌数",
       D::kCount,
       {},
       {},
       "Regional public brands (区域公用品牌) created.",
       "product library"},
      {"admitted_products",
       "入库特色产品数",
       D::kCount,
       {},
       {},
       "Products admitted to the county specialty product library (准入) as of the end of the "
       "period.",
       "product library"},
      {"traced_batches",
       "溯源批次数",
       D::kCount,
       {},
       {},
       "Batches of library products with at least one trace event in the period.",
       "product library"},
      {"trace_page_scans",
       "溯源码扫码次数",
       D::kCount,
       {},
       {},
       "Lookups of the public trace pages of the region's batches in the period.",
       "product library"},
      {"strong_towns_or_parks",
       "超阈值电商强镇或特色产业园区数",
       D::kCount,
       {"threshold", "direction"},
       {"threshold", "direction"},
       "Towns or e-commerce parks whose online sales exceed `threshold`; direction: uplink or "
       "all.",
       kSales},
  };
}

}  // namespace

const char* DimensionName(Dimension d) {
  switch (d) {
    case Dimension::kMoney:
      return "money";
    case Dimension::kUsd:
      return "usd";
    case Dimension::kCount:
      return "count";
    case Dimension::kPersonTimes:
      return "person_times";
    case Dimension::kLength:
      return "length";
    case Dimension::kPercent:
      return "percent";
    case Dimension::kScore:
      return "score";
    case Dimension::kRatio:
      return "ratio";
    case Dimension::kDuration:
      return "duration";
    case Dimension::kMass:
      return "mass";
  }
  return "";
}

const char* BaseUnitName(Dimension d) {
  switch (d) {
    case Dimension::kMoney:
      return "fen";
    case Dimension::kUsd:
      return "us_cent";
    case Dimension::kCount:
      return "count";
    case Dimension::kPersonTimes:
      return "person_time";
    case Dimension::kLength:
      return "metre";
    case Dimension::kPercent:
      return "basis_point";
    case Dimension::kScore:
      return "centi_point";
    case Dimension::kRatio:
      return "centi";
    case Dimension::kDuration:
      return "minute";
    case Dimension::kMass:
      return "tonne";
  }
  return "";
}

const std::vector<UnitDef>& Units() {
  using D = Dimension;
  static const std::vector<UnitDef> kUnits = {
      {"亿元", D::kMoney, 10'000'000'000},
      {"万元", D::kMoney, 1'000'000},
      {"元", D::kMoney, 100},
      {"万美元", D::kUsd, 1'000'000},
      {"美元", D::kUsd, 100},
      {"个", D::kCount, 1},
      {"家", D::kCount, 1},
      {"种", D::kCount, 1},
      {"套", D::kCount, 1},
      {"名", D::kCount, 1},
      {"条", D::kCount, 1},
      {"人次", D::kPersonTimes, 1},
      {"万人次", D::kPersonTimes, 10'000},
      {"公里", D::kLength, 1000},
      {"%", D::kPercent, 100},
      {"分", D::kScore, 100},     // assessment points, to the hundredth (85.25分 → 8525)
      {"次/周", D::kRatio, 100},  // 投送频次, to the hundredth (2.5次/周 → 250)
      {"家/点", D::kRatio, 100},  // carriers accepted per point
      {"件/村", D::kRatio, 100},  // parcels per village
      {"分钟", D::kDuration, 1},
      {"小时", D::kDuration, 60},
      {"吨", D::kMass, 1},  // cold storage capacity, whole tonnes
      {"万吨", D::kMass, 10'000},
  };
  return kUnits;
}

const UnitDef* FindUnit(std::string_view name) {
  for (const auto& u : Units()) {
    if (u.name == name) return &u;
  }
  return nullptr;
}

Result<int64_t> Normalize(std::string_view text, std::string_view unit) {
  const UnitDef* u = FindUnit(unit);
  if (!u) return Error::Invalid("unit", "未知单位: " + std::string(unit));
  if (u->dimension == Dimension::kMoney) {  // money goes through Fen, the platform's parser
    auto fen = Fen::Parse(std::string(text) + std::string(unit));
    if (!fen.ok()) return Error::Invalid("value", "金额无效: " + std::string(text));
    return fen->value;
  }
  int64_t digits = 0, scale = 1;
  bool dot = false, any = false;
  for (char c : text) {
    if (c == '.' && !dot) {
      dot = true;
      continue;
    }
    if (c < '0' || c > '9') return Error::Invalid("value", "不是十进制数: " + std::string(text));
    if (digits > kMax / 10) return Error::Invalid("value", "数值过大: " + std::string(text));
    digits = digits * 10 + (c - '0');
    any = true;
    if (dot) scale *= 10;
  }
  if (!any) return Error::Invalid("value", "缺少数值");
  if (digits > kMax / u->factor) return Error::Invalid("value", "数值过大: " + std::string(text));
  int64_t scaled = digits * u->factor;
  if (scaled % scale != 0) {
    return Error::Invalid("value",
                          "数值精度超出基本单位: " + std::string(text) + std::string(unit));
  }
  return scaled / scale;
}

const std::vector<Indicator>& Indicators() {
  static const std::vector<Indicator> kIndicators = BuildIndicators();
  return kIndicators;
}

const Indicator* FindIndicator(std::string_view id) {
  for (const auto& i : Indicators()) {
    if (i.id == id) return &i;
  }
  return nullptr;
}

bool UnitFits(const Indicator& indicator, std::string_view unit) {
  const UnitDef* u = FindUnit(unit);
  return u && u->dimension == indicator.dimension;
}

std::optional<std::string> PlannedSource(std::string_view id) {
  const Indicator* ind = FindIndicator(id);
  if (!ind) return std::nullopt;
  return ind->data_source;
}

std::string BaseUnitOf(std::string_view id) {
  const Indicator* ind = FindIndicator(id);
  return ind ? BaseUnitName(ind->dimension) : "";
}

bool Reportable(std::string_view id) {
  static const std::string_view kReportable[] = {
      // planned: operator report with evidence
      "broadband_village_coverage_rate", "rural_road_km", "service_centres", "facilities",
      // modules that compute some of them where they are in the binary (logistics network,
      // product library): a computed value wins, a report is the record where none computes
      "express_coverage_rate", "logistics_nodes", "logistics_lines", "certified_products",
      "certified_entities_selling_online", "trademark_enterprises_selling_online",
      "regional_public_brands",
      // computed by the designation module where it is in the binary (computed wins)
      "demonstration_units"};
  for (std::string_view r : kReportable) {
    if (r == id) return true;
  }
  return false;
}

}  // namespace ruralec::programme
