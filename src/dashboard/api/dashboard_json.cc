#include "dashboard/api/dashboard_json.h"

#include "core/date.h"
#include "http/list.h"

namespace ruralec::dashboard::api {
namespace {

using http::Json;
using http::OptIntJson;

Json CategoryJson(const FundCategory& c) {
  return {{"code", c.code},
          {"name", c.name},
          {"planned_fen", c.planned},
          {"committed_fen", c.committed},
          {"advanced_fen", c.advanced},
          {"paid_fen", c.paid}};
}

Json FundsJson(const FundPanel& p) {
  Json cats = Json::array();
  for (const auto& c : p.categories) cats.push_back(CategoryJson(c));
  return {{"status", p.ok ? "ok" : "no_data"},
          {"reason", p.reason},
          {"funds", p.funds},
          {"categories", cats},
          {"total", CategoryJson(p.total)},
          {"as_of", p.as_of}};
}

Json ProgrammeJson(const ProgrammePanel& p) {
  Json list = Json::array(), lagging = Json::array();
  for (const auto& s : p.programmes)
    list.push_back({{"id", s.id},
                    {"name", s.name},
                    {"region_code", s.region_code},
                    {"targets", s.targets},
                    {"done", s.done},
                    {"on_track", s.on_track},
                    {"behind", s.behind},
                    {"no_data", s.no_data},
                    {"tasks", s.tasks},
                    {"tasks_overdue", s.tasks_overdue}});
  for (const auto& l : p.lagging)
    lagging.push_back({{"programme_id", l.programme_id},
                       {"target_id", l.target_id},
                       {"text", l.text},
                       {"region_name", l.region_name},
                       {"status", l.status},
                       {"percent", l.percent ? Json(*l.percent) : Json(nullptr)}});
  return {{"status", p.ok ? "ok" : "no_data"},      {"reason", p.reason}, {"programmes", list},
          {"programmes_total", p.programmes_total}, {"lagging", lagging}, {"as_of", p.as_of}};
}

Json TrendsJson(const Trends& t) {
  Json series = Json::array();
  for (const auto& s : t.series) {
    Json values = Json::array();
    for (const auto& v : s.values) values.push_back(OptIntJson(v));
    series.push_back({{"key", s.key}, {"label", s.label}, {"unit", s.unit}, {"values", values}});
  }
  return {{"months", t.months}, {"series", series}, {"as_of", t.as_of}};
}

}  // namespace

Json FigureJson(const Figure& f) {
  Json j{{"key", f.key},
         {"label", f.label},
         {"indicator", f.indicator},
         {"params", f.params},
         {"unit", f.unit},
         {"from", f.from.ToString()},
         {"to", f.to.ToString()},
         {"status", f.ok ? "ok" : "no_data"},
         {"value", OptIntJson(f.value)},
         {"numerator", OptIntJson(f.numerator)},
         {"denominator", OptIntJson(f.denominator)},
         {"baseline", OptIntJson(f.baseline)},
         {"source", f.source},
         {"reason", f.reason},
         {"as_of", f.as_of}};
  if (f.stored) j["stored"] = true;
  if (f.children > 0) {
    j["children"] = f.children;
    j["missing"] = f.missing;
    j["complete"] = f.missing.empty();
  }
  return j;
}

Json ScreenJson(const Screen& s) {
  Json panels = Json::array();
  for (const auto& p : s.panels) {
    Json figures = Json::array();
    for (const auto& f : p.figures) figures.push_back(FigureJson(f));
    panels.push_back({{"key", p.key}, {"title", p.title}, {"figures", figures}});
  }
  Json out{{"region", {{"code", s.region}, {"name", s.name}, {"level", s.level}}},
           {"children_level", s.children_level},
           {"month", s.period.Label()},
           {"as_of", s.as_of},
           {"as_of_text", FormatUtc(s.as_of)},
           {"panels", panels}};
  if (s.funds.as_of) out["funds"] = FundsJson(s.funds);
  if (s.programme.as_of) out["programme"] = ProgrammeJson(s.programme);
  if (s.trends.as_of) out["trends"] = TrendsJson(s.trends);
  return out;
}

Json RankRowJson(const RankRow& r) {
  Json figures = Json::object();
  for (const auto& [k, f] : r.figures)
    figures[k] = {{"status", f.ok ? "ok" : "no_data"},
                  {"value", OptIntJson(f.value)},
                  {"numerator", OptIntJson(f.numerator)},
                  {"denominator", OptIntJson(f.denominator)},
                  {"unit", f.unit},
                  {"reason", f.reason}};
  return {{"rank", r.rank == 0 ? Json(nullptr) : Json(r.rank)},
          {"region_code", r.child.code},
          {"region_name", r.child.name},
          {"figures", figures}};
}

Json PackageJson(const Package& p) {
  Json months = Json::array(), rows = Json::array(), sheets = Json::array();
  for (const auto& m : p.months) months.push_back(m.Label());
  for (const auto& r : p.rows) rows.push_back({{"region_code", r.code}, {"region_name", r.name}});
  for (const auto& s : p.sheets) {
    Json values = Json::array();
    for (const auto& row : s.cells) {
      Json line = Json::array();
      for (const auto& f : row) line.push_back(f.ok ? OptIntJson(f.value) : Json(nullptr));
      values.push_back(line);
    }
    sheets.push_back({{"key", s.def->key},
                      {"label", s.def->label},
                      {"indicator", s.def->indicator},
                      {"params", s.def->params},
                      {"unit", s.unit},
                      {"values", values}});
  }
  return {{"region", p.region}, {"name", p.name}, {"kind", p.kind},   {"label", p.label},
          {"months", months},   {"rows", rows},   {"sheets", sheets}, {"as_of", p.as_of}};
}

}  // namespace ruralec::dashboard::api
