// xlsx exports of an award list: the full internal list and the publishable (公示) version.
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "award/award_json.h"
#include "award/service.h"
#include "award/words.h"
#include "region/region.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::award {
namespace {

const char* StatusLabel(LineStatus s) {
  switch (s) {
    case LineStatus::kPayable:
      return "应付";
    case LineStatus::kNeedsLocalSetting:
      return "待地方设定";
    case LineStatus::kAlreadyAwarded:
      return "已获一次性奖励";
    case LineStatus::kBeyondQuota:
      return "超出择优名额";
  }
  return "";
}

std::string Yuan(const std::optional<int64_t>& fen) { return fen ? Fen{*fen}.ToPlain() : ""; }

// The names an export reads: the town (or the county, for a county-level subject) of each
// line, and the labels of region tags.
struct Words {
  std::map<std::string, std::string> places, tags;
  std::string Place(const std::string& code) const {
    auto it = places.find(TownOf(code));
    return it == places.end() ? code : it->second;
  }
  static std::string TownOf(const std::string& code) {
    auto c = RegionCode::Parse(code);
    if (!c.ok()) return code;
    return (c->level() == RegionLevel::kVillage ? c->parent() : *c).str();
  }
};

Result<Words> LoadWords(storage::Connection& conn, const ListInfo& list,
                        const std::vector<StoredLine>& lines) {
  Words w;
  std::vector<std::string> codes{list.totals_scope_code};
  for (const auto& s : lines) codes.push_back(Words::TownOf(s.line.region_code));
  ASSIGN_OR_RETURN(w.places, region::NamesOf(conn, std::move(codes)));
  ASSIGN_OR_RETURN(auto defs, region::ListTagDefs(conn));
  for (const auto& d : defs) w.tags[d.name] = d.label;
  return w;
}

// The internal list: every line, with the ids an auditor cross-checks (rule, subject, region
// code, ledger record count, the explanation JSON).
std::vector<std::string> InternalRow(const StoredLine& s, const Words& w) {
  const Line& l = s.line;
  return {std::to_string(s.line_no),
          l.rule_id,
          l.explanation.rule_name,
          SubjectLabel(l.subject_kind),
          std::to_string(l.subject_id),
          l.subject_name,
          w.Place(l.region_code),
          l.region_code,
          BasisWords(l.explanation, w.tags, true),
          Yuan(l.amount_fen),
          StatusLabel(l.status),
          l.explanation.note,
          ExplanationJson(l).dump()};
}

// The 公示 table: what the public reads, in words.
std::vector<std::string> PublicRow(int64_t no, const StoredLine& s, const Words& w) {
  const Line& l = s.line;
  return {
      std::to_string(no),      MaskName(l.subject_name, l.personal_name), w.Place(l.region_code),
      l.explanation.rule_name, BasisWords(l.explanation, w.tags, false),  Yuan(l.amount_fen)};
}

Result<std::string> ReadAndRemove(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  std::error_code ec;
  std::filesystem::remove(p, ec);
  if (!in.good() && !in.eof()) return Error::Internal("读取导出文件失败");
  return buf.str();
}

std::string NameOr(const std::string& name) { return name.empty() ? "—" : name; }

spreadsheet::Sheet PublicSheet(const std::vector<StoredLine>& lines, const Words& w) {
  using spreadsheet::ColumnType;
  spreadsheet::Sheet sheet;
  sheet.name = "奖补公示";
  sheet.headers = {"序号", "单位名称", "所在乡镇", "奖补项目", "依据", "金额（元）"};
  sheet.types = {ColumnType::kInteger, ColumnType::kText, ColumnType::kText,
                 ColumnType::kText,    ColumnType::kText, ColumnType::kMoney};
  int64_t no = 0;
  for (const auto& s : lines)
    if (s.line.status == LineStatus::kPayable) sheet.rows.push_back(PublicRow(++no, s, w));
  return sheet;
}

spreadsheet::Sheet InternalSheet(const std::vector<StoredLine>& lines, const Words& w) {
  using spreadsheet::ColumnType;
  spreadsheet::Sheet sheet;
  sheet.name = "奖补清单";
  sheet.headers = {"序号",     "规则编号", "奖补项目",      "对象类型", "对象编号",
                   "对象名称", "所在乡镇", "区划代码",      "依据",     "金额（元）",
                   "状态",     "说明",     "计算明细(JSON)"};
  sheet.types.assign(sheet.headers.size(), ColumnType::kText);
  sheet.types[0] = sheet.types[4] = ColumnType::kInteger;
  sheet.types[9] = ColumnType::kMoney;
  for (const auto& s : lines) sheet.rows.push_back(InternalRow(s, w));
  return sheet;
}

// A county user's copy of a city list totals the county's own lines, and says so by name.
std::string TotalNote(const ListInfo& list, const Words& w) {
  bool own = list.totals_scope_code.empty() || list.totals_scope_code == list.scope_code;
  auto name = w.places.find(list.totals_scope_code);
  std::string where = name == w.places.end() ? list.totals_scope_code : name->second;
  return (own ? "应付合计（元）: " : "应付合计（元，" + where + "内）: ") +
         Fen{list.total_fen}.ToPlain();
}

}  // namespace

Result<PublicTable> PublicTableOf(storage::Connection& conn, const ListInfo& list,
                                  const std::vector<StoredLine>& lines) {
  ASSIGN_OR_RETURN(Words w, LoadWords(conn, list, lines));
  spreadsheet::Sheet sheet = PublicSheet(lines, w);
  PublicTable out{sheet.headers, sheet.rows, {}};
  out.notes = {"奖补年度: " + list.period + "年", TotalNote(list, w), "自然人姓名已部分隐去。"};
  return out;
}

Result<std::string> ExportXlsx(storage::Connection& conn, const ListInfo& list,
                               const std::vector<StoredLine>& lines,
                               const std::string& programme_name, bool publish) {
  ASSIGN_OR_RETURN(Words w, LoadWords(conn, list, lines));
  spreadsheet::Sheet sheet = publish ? PublicSheet(lines, w) : InternalSheet(lines, w);
  sheet.notes = {"方案: " + programme_name, "奖补年度: " + list.period + "年", TotalNote(list, w),
                 "金额计算: 比例与上浮四舍五入到分；上浮取适用的最大一项，不叠加；先上浮后封顶。"};
  if (publish) sheet.notes.push_back("自然人姓名已部分隐去。");
  // The internal list names its version, status, maker and checkers, and every rule's outcome.
  if (!publish) {
    sheet.notes.push_back("版本: 第" + std::to_string(list.version) +
                          "版  状态: " + ListStatusLabel(list.status));
    sheet.notes.push_back("编制: " + NameOr(list.created_by_name) +
                          "  提交: " + NameOr(list.proposed_by_name) +
                          "  审核通过: " + NameOr(list.approved_by_name) +
                          "  内容校验(SHA-256): " + list.content_sha256);
    for (const auto& r : list.rules)
      sheet.notes.push_back(r.rule_id + " " + r.rule_name + ": " + RuleStatusLabel(r.status) +
                            (r.reason.empty() ? "" : " — " + r.reason));
  }
  std::random_device rd;
  auto path = std::filesystem::temp_directory_path() /
              ("ruralec-award-" + std::to_string(list.id) + "-" + std::to_string(rd()) + ".xlsx");
  RETURN_IF_ERROR(spreadsheet::WriteXlsx(path.string(), sheet));
  return ReadAndRemove(path);
}

}  // namespace ruralec::award
