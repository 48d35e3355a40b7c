#include "dashboard/catalogue.h"

#include <cstdio>

namespace ruralec::dashboard {
namespace {

using P = std::map<std::string, std::string>;

std::vector<PanelDef> Build() {
  const P all{{"direction", "all"}}, up{{"direction", "uplink"}};
  return {
      {"sales",
       "农村网络销售额",
       {{"sales_month", "本月网络销售额", "rural_online_sales", all, Span::kMonth, Roll::kSum},
        {"sales_ytd", "本年累计网络销售额", "rural_online_sales", all, Span::kYearToDate},
        {"sales_increase_ytd", "本年网络销售额新增（同比）", "rural_online_sales_increase", all,
         Span::kYearToDate}}},
      {"uplink",
       "农产品上行",
       {{"uplink_month", "本月农村产品上行销售额", "rural_online_sales", up, Span::kMonth},
        {"uplink_ytd", "本年累计上行销售额", "rural_online_sales", up, Span::kYearToDate},
        {"agri_retail_ytd", "本年农产品网络零售额", "agri_online_retail", {}, Span::kYearToDate},
        {"station_uplink_ytd",
         "本年站点上行销售额",
         "station_uplink_sales",
         {},
         Span::kYearToDate}}},
      {"entities",
       "经营主体与品牌",
       {{"entities_over", "年网销额超1000万元主体", "entities_over_sales_threshold",
         P{{"threshold", kEntityThreshold}, {"direction", "all"}}, Span::kYearToDate},
        {"brands_over", "年网销额超100万元品牌", "brands_over_sales_threshold",
         P{{"threshold", kBrandThreshold}, {"direction", "all"}}, Span::kYearToDate},
        {"new_entities_ytd", "本年新增经营主体", "new_entities", {}, Span::kYearToDate}}},
      {"stations",
       "服务站点",
       {{"stations", "运营中的服务站点", "stations", {}, Span::kMonth},
        {"village_coverage",
         "行政村站点覆盖率",
         "village_station_coverage_rate",
         {},
         Span::kMonth,
         Roll::kRate},
        {"station_services_month", "本月站点服务量", "station_service_count", {}, Span::kMonth}}},
      {"training",
       "电商培训",
       {{"person_times_ytd", "本年培训人次", "training_person_times", {}, Span::kYearToDate},
        {"trainees_ytd", "本年培训人数", "training_trainees", {}, Span::kYearToDate},
        {"conversion_ytd",
         "培训转化率",
         "training_conversion_rate",
         {},
         Span::kYearToDate,
         Roll::kRate}}},
      {"logistics",
       "物流配送",
       {{"express_coverage",
         "行政村快递通达率",
         "express_coverage_rate",
         {},
         Span::kMonth,
         Roll::kRate},
        {"delivery_frequency",
         "行政村快递投送频次（次/周）",
         "delivery_frequency",
         {},
         Span::kMonth,
         Roll::kDirect},
        {"village_points", "村级物流服务点", "logistics_nodes", P{{"kind", "village_point"}},
         Span::kMonth}}},
      {"products",
       "“三品一标”与特色产品",
       {{"certified_products", "“三品一标”农产品", "certified_products", {}, Span::kMonth},
        {"certified_entities_online",
         "在线销售的“三品一标”主体",
         "certified_entities_selling_online",
         {},
         Span::kYearToDate},
        {"admitted_products", "入库特色产品", "admitted_products", {}, Span::kMonth}}},
      {"designation",
       "示范创建",
       {{"demo_towns", "示范镇", "demonstration_units", P{{"level", "any"}, {"kind", "town"}},
         Span::kToDate},
        {"demo_villages", "示范村", "demonstration_units", P{{"level", "any"}, {"kind", "village"}},
         Span::kToDate},
        {"demo_points", "示范站点", "demonstration_units", P{{"level", "any"}, {"kind", "point"}},
         Span::kToDate}}},
      {"households",
       "电商帮扶",
       {{"poor_coverage_ytd",
         "有意愿贫困户帮扶覆盖率",
         "willing_poor_household_coverage_rate",
         {},
         Span::kYearToDate,
         Roll::kRate}}},
  };
}

}  // namespace

const std::vector<PanelDef>& Panels() {
  static const std::vector<PanelDef> panels = Build();
  return panels;
}

const FigureDef* FindFigure(std::string_view key) {
  for (const auto& p : Panels())
    for (const auto& f : p.figures)
      if (f.key == key) return &f;
  return nullptr;
}

const std::vector<std::string>& RankedKeys() {
  static const std::vector<std::string> keys{
      "sales_ytd",        "uplink_ytd",       "stations",          "village_coverage",
      "person_times_ytd", "express_coverage", "certified_products"};
  return keys;
}

const std::vector<std::string>& TrendKeys() {
  static const std::vector<std::string> keys{"sales_month", "uplink_month",
                                             "station_services_month"};
  return keys;
}

CivilDate Period::MonthEnd() const {
  Period next = Shift(*this, 1);
  return next.MonthStart().AddDays(-1);
}

std::string Period::Label() const {
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d", year, month);
  return b;
}

Result<Period> ParsePeriod(std::string_view text, std::string_view field) {
  int y = 0, m = 0;
  char tail = 0;
  std::string s(text);
  if (s.size() != 7 || std::sscanf(s.c_str(), "%4d-%2d%c", &y, &m, &tail) != 2 || y < 2000 ||
      y > 2100 || m < 1 || m > 12)
    return Error::Invalid(std::string(field), "月份应为 YYYY-MM（2000–2100 年）: " + s);
  return Period{y, m};
}

Period PeriodOf(const CivilDate& day) { return {day.year(), day.month()}; }

Period Shift(const Period& p, int months) {
  int index = p.year * 12 + (p.month - 1) + months;
  return {index / 12, index % 12 + 1};
}

Range RangeOf(Span s, const Period& p) {
  switch (s) {
    case Span::kMonth:
      return {p.MonthStart(), p.MonthEnd()};
    case Span::kYearToDate:
      return {CivilDate(p.year, 1, 1), p.MonthEnd()};
    case Span::kLastYearToDate: {
      Period last{p.year - 1, p.month};
      return {CivilDate(last.year, 1, 1), last.MonthEnd()};
    }
    case Span::kToDate:
      return {CivilDate(2000, 1, 1), p.MonthEnd()};
  }
  return {p.MonthStart(), p.MonthEnd()};
}

}  // namespace ruralec::dashboard
