// Per-region summary table, rankings and over-threshold lists. Thresholds come from the query
// (fen) or from a programme's target (its `threshold` param), never from code.
#include "programme/evaluate.h"
#include "programme/progress_store.h"
#include "region/region.h"
#include "sales/api/common.h"
#include "sales/params.h"

namespace ruralec::sales::api {
namespace {

struct Threshold {
  std::optional<Fen> fen;
  std::string source;  // "query", "programme KEY TARGET", or "" when none
};

// The first target of a visible programme measuring `indicator` with a `threshold` param.
Result<Threshold> FromProgramme(storage::Connection& conn, const Request& req, int64_t id,
                                const std::string& indicator) {
  ASSIGN_OR_RETURN(programme::StoredProgramme sp, programme::GetStoredProgramme(conn, id));
  if (!req.principal().CanSee(sp.region_code))
    return Error::Forbidden("方案 " + std::to_string(id) + " 不在您的管辖范围内");
  ASSIGN_OR_RETURN(auto parsed, programme::LoadProgramme(sp, programme::DefaultDivisionDir()));
  for (const auto& t : parsed->targets) {
    auto it = t.params.find("threshold");
    if (t.indicator != indicator || it == t.params.end()) continue;
    auto fen = Fen::Parse(it->second);
    if (!fen.ok()) return Error::Invalid("programme_id", "方案阈值无法识别: " + it->second);
    return Threshold{*fen, "programme " + sp.key + " " + t.id};
  }
  return Threshold{};
}

// The threshold's source as the export's 说明 sheet reads it.
std::string SourceWords(const Threshold& t) {
  if (t.source == "query") return "页面输入";
  const std::string prefix = "programme ";
  if (t.source.rfind(prefix, 0) != 0) return t.source;
  std::string rest = t.source.substr(prefix.size());
  auto space = rest.find(' ');
  if (space == std::string::npos) return "方案 " + rest;
  return "方案 " + rest.substr(0, space) + " 目标 " + rest.substr(space + 1);
}

Result<Threshold> ResolveThreshold(storage::Connection& conn, const Request& req,
                                   const std::string& query_name, const std::string& indicator) {
  ASSIGN_OR_RETURN(auto q, QueryOptInt(req, query_name));
  if (q) {
    if (*q < 0) return Error::Invalid(query_name, "阈值不能为负数");
    return Threshold{Fen{*q}, "query"};
  }
  ASSIGN_OR_RETURN(auto pid, QueryOptInt(req, "programme_id"));
  if (!pid) return Threshold{};
  return FromProgramme(conn, req, *pid, indicator);
}

Json FiguresJson(const RegionFigures& f) {
  return {{"uplink_fen", f.sum.uplink.value},
          {"downlink_fen", f.sum.downlink.value},
          {"agricultural_uplink_fen", f.sum.agricultural_uplink.value},
          {"export_usd_cents", f.sum.export_usd_cents},
          {"entities_over", http::OptIntJson(f.entities_over)},
          {"brands_over", http::OptIntJson(f.brands_over)},
          {"new_entities", f.new_entities}};
}

struct SummaryQuery {
  RegionCode region;
  int year = 0;
  Threshold entity, brand;
};

Result<RegionFigures> TotalOf(storage::Connection& conn, const SummaryQuery& q) {
  return Figures(conn, q.region, q.year, q.entity.fen, q.brand.fen);
}

// The figures of one page of `parent`'s children, keyed by code (FiguresOfChildren).
Result<std::map<std::string, RegionFigures>> ChildFigures(storage::Connection& conn,
                                                          const SummaryQuery& q,
                                                          const std::vector<region::Region>& kids) {
  std::vector<RegionCode> codes;
  for (const auto& k : kids) codes.push_back(k.code);
  return FiguresOfChildren(conn, q.region, codes, q.year, q.entity.fen, q.brand.fen);
}

Result<SummaryQuery> ReadSummaryQuery(storage::Connection& conn, const Deps& d,
                                      const Request& req) {
  SummaryQuery q;
  ASSIGN_OR_RETURN(q.region, ScopedRegion(req));
  ASSIGN_OR_RETURN(q.year, QueryYear(req, d.clock));
  // Without a year: the county's parameter sales.default_year — the latest year with data in the
  // region (the current year when it has none), or the current year.
  ASSIGN_OR_RETURN(std::string mode,
                   settings::ParamText(conn, q.region.county(), DefaultYearParam()));
  if (req.Query("year").empty() && mode == "latest") {
    ASSIGN_OR_RETURN(auto latest, queries::LatestYear(conn, q.region));
    if (latest) q.year = *latest;
  }
  ASSIGN_OR_RETURN(q.entity, ResolveThreshold(conn, req, "entity_threshold_fen",
                                              "entities_over_sales_threshold"));
  ASSIGN_OR_RETURN(
      q.brand, ResolveThreshold(conn, req, "brand_threshold_fen", "brands_over_sales_threshold"));
  return q;
}

Result<Json> SummaryTable(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(SummaryQuery q, ReadSummaryQuery(*conn, d, req));
  if (!page.sort.empty()) return Error::Invalid("sort", "汇总表固定按区划代码排序");
  PageRequest children = page;
  ASSIGN_OR_RETURN(auto kids, region::Children(*conn, q.region, children));
  ASSIGN_OR_RETURN(auto figures, ChildFigures(*conn, q, kids.items));
  Json items = Json::array();
  for (const auto& k : kids.items) {
    Json row = FiguresJson(figures.at(k.code.str()));
    row["region_code"] = k.code.str();
    row["region_name"] = k.name;
    items.push_back(row);
  }
  ASSIGN_OR_RETURN(RegionFigures total, TotalOf(*conn, q));
  Json out = http::PageJson(kids.total, page, items);
  out["year"] = q.year;
  out["region_code"] = q.region.str();
  out["sum"] = FiguresJson(total);
  out["thresholds"] = {{"entity_fen", q.entity.fen ? Json(q.entity.fen->value) : Json(nullptr)},
                       {"brand_fen", q.brand.fen ? Json(q.brand.fen->value) : Json(nullptr)},
                       {"entity_source", q.entity.source},
                       {"brand_source", q.brand.source}};
  return out;
}

std::vector<std::string> FiguresRow(const std::string& code, const std::string& name,
                                    const RegionFigures& f) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; };
  char usd[32];
  std::snprintf(usd, sizeof usd, "%lld.%02lld",
                static_cast<long long>(f.sum.export_usd_cents / 100),
                static_cast<long long>(f.sum.export_usd_cents % 100));
  return {name,
          code,
          f.sum.uplink.ToPlain(),
          f.sum.downlink.ToPlain(),
          f.sum.agricultural_uplink.ToPlain(),
          usd,
          opt(f.entities_over),
          opt(f.brands_over),
          std::to_string(f.new_entities)};
}

Result<Json> SummaryExport(const Deps& d, Request& req, Reply& reply) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(SummaryQuery q, ReadSummaryQuery(*conn, d, req));
  spreadsheet::Sheet sheet{
      std::to_string(q.year) + "年网络销售汇总",
      {"区划", "区划代码", "上行网络销售额(元)", "下行网络销售额(元)", "农产品上行(元)",
       "出口额(美元)", "超阈值主体数", "超阈值品牌数", "新增主体数"},
      {},
      {}};
  using spreadsheet::ColumnType;
  sheet.types = {ColumnType::kText,    ColumnType::kText,    ColumnType::kMoney,
                 ColumnType::kMoney,   ColumnType::kMoney,   ColumnType::kMoney,
                 ColumnType::kInteger, ColumnType::kInteger, ColumnType::kInteger};
  PageRequest page;
  page.page_size = PageRequest::kMaxPageSize;
  for (;; ++page.page) {
    ASSIGN_OR_RETURN(auto kids, region::Children(*conn, q.region, page));
    ASSIGN_OR_RETURN(auto figures, ChildFigures(*conn, q, kids.items));
    for (const auto& k : kids.items)
      sheet.rows.push_back(FiguresRow(k.code.str(), k.name, figures.at(k.code.str())));
    if (page.offset() + page.page_size >= kids.total) break;
  }
  ASSIGN_OR_RETURN(RegionFigures total, TotalOf(*conn, q));
  sheet.rows.push_back(FiguresRow(q.region.str(), "合计", total));
  if (q.entity.fen)
    sheet.notes.push_back("主体阈值（元）: " + q.entity.fen->ToPlain() +
                          "，来源: " + SourceWords(q.entity));
  if (q.brand.fen)
    sheet.notes.push_back("品牌阈值（元）: " + q.brand.fen->ToPlain() +
                          "，来源: " + SourceWords(q.brand));
  RETURN_IF_ERROR(FileReply(
      req, sheet, http::DatedStem(std::to_string(q.year) + "年网络销售汇总", d.clock.NowMs()),
      reply));
  return Json::object();
}

Json TotalsPage(const std::vector<Total>& all, const PageRequest& page, bool ranked) {
  Json items = Json::array();
  for (int64_t i = page.offset();
       i < static_cast<int64_t>(all.size()) && i < page.offset() + page.page_size; ++i) {
    Json row{{"id", all[i].id}, {"name", all[i].name}, {"amount_fen", all[i].amount.value}};
    if (ranked) {
      row["rank"] = i + 1;
      row["entity_id"] = all[i].id;
    }
    items.push_back(row);
  }
  return http::PageJson(static_cast<int64_t>(all.size()), page, items);
}

Result<Json> RankingList(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  if (!page.sort.empty()) return Error::Invalid("sort", "排名固定按上行网络销售额从高到低");
  ASSIGN_OR_RETURN(RegionCode region, ScopedRegion(req));
  ASSIGN_OR_RETURN(int year, QueryYear(req, d.clock));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto all, Ranking(*conn, region, year, 100000));
  return TotalsPage(all, page, true);
}

Result<Json> OverList(const Deps& d, Request& req) {
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  if (!page.sort.empty()) return Error::Invalid("sort", "固定按网络销售额从高到低排序");
  std::string kind = req.Query("kind").empty() ? "entities" : req.Query("kind");
  if (kind != "entities" && kind != "brands")
    return Error::Invalid("kind", "kind 应为 entities 或 brands");
  ASSIGN_OR_RETURN(RegionCode region, ScopedRegion(req));
  ASSIGN_OR_RETURN(int year, QueryYear(req, d.clock));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Threshold t,
                   ResolveThreshold(*conn, req, "threshold_fen",
                                    kind == "entities" ? "entities_over_sales_threshold"
                                                       : "brands_over_sales_threshold"));
  if (!t.fen)
    return Error::Invalid("threshold_fen",
                          "请给出阈值（threshold_fen）或含该阈值指标的方案（programme_id）");
  ASSIGN_OR_RETURN(auto all, kind == "entities" ? EntitiesOver(*conn, region, year, *t.fen)
                                                : BrandsOver(*conn, region, year, *t.fen));
  Json out = TotalsPage(all, page, false);
  out["threshold_fen"] = t.fen->value;
  out["threshold_source"] = t.source;
  out["year"] = year;
  return out;
}

}  // namespace

// sales:summary, not sales:read: a business account reads its own rows but never the figures of
// other businesses (issue 15 item 4), so its role does not hold this permission.
void RegisterSummaryRoutes(http::Server& s, const Deps& d) {
  const http::Route read{.permission = "sales:summary"};
  s.Get("/sales/summary", read, [d](Request& req, Reply&) { return SummaryTable(d, req); });
  s.Get("/sales/summary/export", read,
        [d](Request& req, Reply& r) { return SummaryExport(d, req, r); });
  s.Get("/sales/ranking", read, [d](Request& req, Reply&) { return RankingList(d, req); });
  s.Get("/sales/over-threshold", read, [d](Request& req, Reply&) { return OverList(d, req); });
}

}  // namespace ruralec::sales::api
