// Writes ReportData as an xlsx workbook (libxlsxwriter). Layout and number formats are
// documented in docs/REPORTS.md; the round trip test reads the file back through liborcus.
#include <xlsxwriter.h>

#include <cstdlib>
#include <map>
#include <utility>
#include <vector>

#include "programme/report/quarterly_report.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::programme::report {
namespace {

constexpr const char* kNoData = "无数据来源";

struct Book {
  lxw_workbook* wb = nullptr;
  lxw_format *header = nullptr, *text = nullptr, *wrap = nullptr, *date = nullptr,
             *percent = nullptr, *title = nullptr, *label = nullptr, *total = nullptr;
  lxw_format* number[4] = {};  // by decimals 0..3
};

lxw_format* Format(lxw_workbook* wb, const char* num_format, bool bold, bool wrap) {
  lxw_format* f = workbook_add_format(wb);
  if (num_format) format_set_num_format(f, num_format);
  if (bold) format_set_bold(f);
  if (wrap) format_set_text_wrap(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

void InitFormats(Book& b) {
  b.header = Format(b.wb, nullptr, true, true);
  format_set_bg_color(b.header, 0xDDEBF7);
  format_set_border(b.header, LXW_BORDER_THIN);
  format_set_align(b.header, LXW_ALIGN_CENTER);
  b.text = Format(b.wb, "@", false, false);
  b.wrap = Format(b.wb, "@", false, true);
  b.date = Format(b.wb, "yyyy-mm-dd", false, false);
  b.percent = Format(b.wb, "0.0%", false, false);
  b.title = Format(b.wb, nullptr, true, false);
  format_set_font_size(b.title, 16);
  b.label = Format(b.wb, nullptr, true, false);
  b.total = Format(b.wb, nullptr, true, false);
  const char* kNum[] = {"#,##0", "#,##0.0", "#,##0.00", "#,##0.000"};
  for (int i = 0; i < 4; ++i) b.number[i] = Format(b.wb, kNum[i], false, false);
}

using Columns = std::vector<std::pair<const char*, double>>;  // header, width

void Headers(const Book& b, lxw_worksheet* ws, lxw_row_t row, const Columns& cols) {
  for (size_t c = 0; c < cols.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(ws, col, col, cols[c].second, nullptr);
    worksheet_write_string(ws, row, col, cols[c].first, b.header);
  }
}

void Text(const Book& b, lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& s,
          bool wrap = false) {
  if (s.empty()) return;
  worksheet_write_string(ws, r, c, spreadsheet::SafeCell(s).c_str(), wrap ? b.wrap : b.text);
}

void Date(const Book& b, lxw_worksheet* ws, lxw_row_t r, lxw_col_t c,
          const std::optional<CivilDate>& d) {
  if (!d) return;
  lxw_datetime dt{d->year(), d->month(), d->day(), 0, 0, 0.0};
  worksheet_write_datetime(ws, r, c, &dt, b.date);
}

// Significant digits of an exact decimal: at most 15 survive a trip through a double unchanged.
bool FitsDouble(const std::string& text) {
  int digits = 0;
  bool leading = true;
  for (char ch : text) {
    if (ch < '0' || ch > '9') continue;
    if (leading && ch == '0') continue;
    leading = false;
    ++digits;
  }
  return digits <= 15;
}

void Value(const Book& b, lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Display& d) {
  if (FitsDouble(d.text)) {
    worksheet_write_number(ws, r, c, std::strtod(d.text.c_str(), nullptr), b.number[d.decimals]);
  } else {
    worksheet_write_string(ws, r, c, d.text.c_str(), b.text);
  }
}

void Percent(const Book& b, lxw_worksheet* ws, lxw_row_t r, lxw_col_t c,
             const std::optional<double>& pct) {
  if (pct) worksheet_write_number(ws, r, c, *pct / 100.0, b.percent);
}

const char* StatusZh(TargetStatus s) {
  switch (s) {
    case TargetStatus::kDone:
      return "已完成";
    case TargetStatus::kOnTrack:
      return "进度正常";
    case TargetStatus::kBehind:
      return "滞后";
    case TargetStatus::kOverdue:
      return "逾期未完成";
    case TargetStatus::kNoDataSource:
      return "暂无数据来源";
    case TargetStatus::kNoTarget:
      return "方案未定目标值";
  }
  return "";
}

std::string TaskStatusZh(const std::string& s) {
  if (s == "done") return "已完成";
  if (s == "in_progress") return "推进中";
  return "未开始";
}

std::string ComparatorZh(const std::string& c) {
  if (c == ">=") return "≥";
  if (c == "<=") return "≤";
  return c;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "、") + s;
  return out;
}

std::string AsWritten(const Target& t) {
  std::string out;
  if (t.value) {
    out = t.value->text + t.value->unit;
  } else if (!t.quotas.empty() || t.quota_each) {
    out = "按区划配额";
  } else {
    out = "未定" + (t.open.empty() ? std::string() : "：" + t.open);
  }
  if (t.aspiration) out += "（力争）";
  return out;
}

std::string IndicatorName(const std::string& id) {
  const Indicator* ind = FindIndicator(id);
  return ind ? ind->name : id;
}

// The 说明 of a line: for a reported actual who reported and confirmed it, else the reason.
std::string LineNote(const RegionProgress& line) {
  if (!line.reported) return line.reason;
  const runtime::ReportedBy& r = *line.reported;
  return "填报（" + r.period + "）：" + r.reported_by + " 填报，" + r.confirmed_by + " 于 " +
         ShanghaiDate(r.confirmed_at).ToString() + " 确认";
}

// Goal, actual and percent of one line at columns c, c + 1 and pct.
void LineCells(const Book& b, lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, lxw_col_t pct,
               const TargetProgress& tp, const RegionProgress& line) {
  if (line.goal) Value(b, ws, r, c, DisplayValue(*line.goal, tp.base_unit, tp.unit));
  if (line.actual) {
    Value(b, ws, r, c + 1, DisplayValue(*line.actual, tp.base_unit, tp.unit));
  } else {
    Text(b, ws, r, c + 1, kNoData);
  }
  Percent(b, ws, r, pct, line.percent);
}

void CoverSheet(const Book& b, const ReportData& d) {
  lxw_worksheet* ws = workbook_add_worksheet(b.wb, "封面");
  worksheet_set_column(ws, 0, 0, 16, nullptr);
  worksheet_set_column(ws, 1, 1, 80, nullptr);
  const Programme& p = *d.programme;
  worksheet_write_string(ws, 0, 0, (p.name + " 季度进展报告").c_str(), b.title);
  std::string period = (p.period_start ? p.period_start->ToString() : "?") + " 至 " +
                       (p.period_end ? p.period_end->ToString() : "?");
  const std::vector<std::pair<const char*, std::string>> rows = {
      {"方案名称", p.name},
      {"文号", p.document_number.empty() ? "（无文号）" : p.document_number},
      {"发文单位", Join(p.issuers)},
      {"区划", (p.region.resolved_name.empty() ? p.region.name : p.region.resolved_name) + "（" +
                   p.region.resolved_code + "）"},
      {"方案期限", period},
      {"报告季度", d.quarter.ChineseLabel() + "（" + d.quarter.Label() + "）"},
      {"截至日期", d.as_of.ToString()},
      {"生成日期", d.generated_on.ToString()},
      {"方案版本", d.stored.key + " 第" + std::to_string(d.stored.version) + "版（编号 " +
                       std::to_string(d.stored.id) + "）"},
      {"地方设定版本", d.local_version},
      {"计入进展记录", std::to_string(d.notes_counted) + " 条（截至日期当日及以前）"},
      {"口径说明",
       "截至日期 = 季度末日与生成日期中较早者；目标实际值由指标数据源计算（统计区间自方案起始日"
       "至截至日期与目标截止日期中较早者）；尚无计算来源的指标取经第二人确认的填报值（说明栏注明"
       "“填报”及填报人、确认人），有计算值时以计算值为准；“无数据来源”表示该指标尚无数据来源，"
       "不是零。金额单位为元（由分精确换算，保留两位小数）；完成率 = 实际值 ÷ 目标值。"}};
  lxw_row_t r = 2;
  for (const auto& [label, value] : rows) {
    worksheet_write_string(ws, r, 0, label, b.label);
    Text(b, ws, r++, 1, value, true);
  }
}

void TargetsSheet(const Book& b, const ReportData& d) {
  lxw_worksheet* ws = workbook_add_worksheet(b.wb, "目标进度");
  Headers(b, ws, 0,
          {{"目标编号", 9},
           {"指标", 24},
           {"指标名称", 22},
           {"目标内容", 40},
           {"比较", 6},
           {"目标值（原文）", 16},
           {"目标值（折算）", 20},
           {"实际值", 20},
           {"计量单位", 9},
           {"完成率", 9},
           {"状态", 14},
           {"说明", 30},
           {"截止日期", 12},
           {"统计起始", 12},
           {"原文出处", 36},
           {"方案文件行", 10}});
  worksheet_freeze_panes(ws, 1, 0);
  lxw_row_t r = 1;
  for (size_t i = 0; i < d.progress.targets.size(); ++i, ++r) {
    const TargetProgress& tp = d.progress.targets[i];
    const Target& t = d.programme->targets.at(i);
    Text(b, ws, r, 0, t.id);
    Text(b, ws, r, 1, t.indicator);
    Text(b, ws, r, 2, IndicatorName(t.indicator));
    Text(b, ws, r, 3, t.text, true);
    Text(b, ws, r, 4, ComparatorZh(t.comparator));
    Text(b, ws, r, 5, AsWritten(t));
    LineCells(b, ws, r, 6, 9, tp, tp.region);
    if (!tp.base_unit.empty()) Text(b, ws, r, 8, DisplayValue(0, tp.base_unit, tp.unit).unit);
    Text(b, ws, r, 10, StatusZh(tp.region.status));
    Text(b, ws, r, 11, LineNote(tp.region), true);
    Date(b, ws, r, 12, tp.due);
    Date(b, ws, r, 13, tp.from);
    Text(b, ws, r, 14, t.source, true);
    worksheet_write_number(ws, r, 15, t.line, b.number[0]);
  }
}

struct MatrixColumn {
  const TargetProgress* tp;
  const Target* t;
};

void QuotaSheet(const Book& b, const ReportData& d) {
  lxw_worksheet* ws = workbook_add_worksheet(b.wb, "配额矩阵");
  std::vector<MatrixColumn> cols;
  std::map<std::string, std::string> regions;  // code → name, ordered by code
  for (size_t i = 0; i < d.progress.targets.size(); ++i) {
    const TargetProgress& tp = d.progress.targets[i];
    if (tp.quotas.empty()) continue;
    cols.push_back({&tp, &d.programme->targets.at(i)});
    for (const auto& q : tp.quotas) regions.emplace(q.region_code, q.region_name);
  }
  worksheet_set_column(ws, 0, 0, 14, nullptr);
  worksheet_set_column(ws, 1, 1, 14, nullptr);
  worksheet_merge_range(ws, 0, 0, 1, 0, "区划代码", b.header);
  worksheet_merge_range(ws, 0, 1, 1, 1, "区划名称", b.header);
  for (size_t k = 0; k < cols.size(); ++k) {
    auto c = static_cast<lxw_col_t>(2 + 3 * k);
    const TargetProgress& tp = *cols[k].tp;
    std::string unit = DisplayValue(0, tp.base_unit, tp.unit).unit;
    // Several targets may share an indicator (示范创建数 by level and kind): the plan's words
    // on a second line tell them apart.
    std::string title =
        cols[k].t->id + " " + IndicatorName(tp.indicator) + "（" + unit + "）\n" + cols[k].t->text;
    worksheet_merge_range(ws, 0, c, 0, c + 2, title.c_str(), b.header);
    worksheet_write_string(ws, 1, c, "配额", b.header);
    worksheet_write_string(ws, 1, c + 1, "实际", b.header);
    worksheet_write_string(ws, 1, c + 2, "完成率", b.header);
    worksheet_set_column(ws, c, c + 1, 14, nullptr);
    worksheet_set_column(ws, c + 2, c + 2, 9, nullptr);
  }
  worksheet_set_row(ws, 0, 64, nullptr);
  worksheet_freeze_panes(ws, 2, 2);
  lxw_row_t r = 2;
  for (const auto& [code, name] : regions) {
    Text(b, ws, r, 0, code);
    Text(b, ws, r, 1, name);
    for (size_t k = 0; k < cols.size(); ++k) {
      for (const auto& q : cols[k].tp->quotas) {
        auto c = static_cast<lxw_col_t>(2 + 3 * k);
        if (q.region_code == code) LineCells(b, ws, r, c, c + 2, *cols[k].tp, q);
      }
    }
    ++r;
  }
  // Totals by integer addition of base units; the target's own value underneath to compare.
  worksheet_write_string(ws, r, 1, "配额合计", b.total);
  worksheet_write_string(ws, r + 1, 1, "方案目标值", b.total);
  for (size_t k = 0; k < cols.size(); ++k) {
    auto c = static_cast<lxw_col_t>(2 + 3 * k);
    const TargetProgress& tp = *cols[k].tp;
    int64_t sum = 0;
    bool complete = true;
    for (const auto& q : tp.quotas) {
      if (q.goal)
        sum += *q.goal;
      else
        complete = false;
    }
    if (complete) Value(b, ws, r, c, DisplayValue(sum, tp.base_unit, tp.unit));
    if (tp.region.goal)
      Value(b, ws, r + 1, c, DisplayValue(*tp.region.goal, tp.base_unit, tp.unit));
    Text(b, ws, r + 1, c + 1, cols[k].t->quotas_must_sum ? "配额须合计为目标" : "");
  }
}

void TasksSheet(const Book& b, const ReportData& d) {
  lxw_worksheet* ws = workbook_add_worksheet(b.wb, "任务分解");
  Headers(b, ws, 0,
          {{"序号", 6},
           {"任务内容", 50},
           {"牵头单位", 24},
           {"配合单位", 30},
           {"完成时限（原文）", 18},
           {"截止日期", 12},
           {"状态", 9},
           {"是否逾期", 9},
           {"最新进展", 40},
           {"进展记录数", 10},
           {"关联目标", 14}});
  worksheet_freeze_panes(ws, 1, 0);
  lxw_row_t r = 1;
  for (size_t i = 0; i < d.progress.tasks.size(); ++i, ++r) {
    const TaskProgress& tp = d.progress.tasks[i];
    const Task& t = d.programme->tasks.at(i);
    worksheet_write_number(ws, r, 0, tp.number, b.number[0]);
    Text(b, ws, r, 1, tp.text, true);
    Text(b, ws, r, 2, Join(t.lead_units), true);
    Text(b, ws, r, 3, Join(t.coordinating_units), true);
    Text(b, ws, r, 4, t.deadline_text.empty() ? "（方案期末）" : t.deadline_text);
    Date(b, ws, r, 5, tp.due);
    Text(b, ws, r, 6, TaskStatusZh(tp.status));
    Text(b, ws, r, 7, tp.overdue ? "是" : "否");
    Text(b, ws, r, 8, tp.last_note, true);
    worksheet_write_number(ws, r, 9, tp.notes, b.number[0]);
    Text(b, ws, r, 10, Join(t.targets));
  }
}

}  // namespace

Status WriteReportXlsx(const ReportData& data, const std::string& path) {
  Book b;
  b.wb = workbook_new(path.c_str());
  if (!b.wb) return Error::Invalid("out", "无法创建文件 " + path);
  InitFormats(b);
  CoverSheet(b, data);
  TargetsSheet(b, data);
  QuotaSheet(b, data);
  TasksSheet(b, data);
  lxw_error err = workbook_close(b.wb);
  if (err != LXW_NO_ERROR)
    return Error::Invalid("out", "写入 " + path + " 失败: " + lxw_strerror(err));
  return {};
}

}  // namespace ruralec::programme::report
