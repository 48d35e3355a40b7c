// xlsx exports of an award list: the full internal list and the publishable (公示) version.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "award/award_json.h"
#include "award/service.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::award {
namespace {

const char* KindLabel(const std::string& k) {
  if (k == "entity") return "经营主体";
  if (k == "brand") return "品牌";
  if (k == "export") return "跨境出口企业";
  return "其他";
}

const char* StatusLabel(LineStatus s) {
  switch (s) {
    case LineStatus::kPayable:
      return "应付";
    case LineStatus::kNeedsLocalSetting:
      return "待地方设定";
    case LineStatus::kAlreadyAwarded:
      return "已获一次性奖励";
  }
  return "";
}

std::string Yuan(const std::optional<int64_t>& fen) { return fen ? Fen{*fen}.ToPlain() : ""; }

// The data behind a line in words: metric values, record ids, tier, uplift, cap.
std::string Basis(const Explanation& ex, bool publish) {
  std::ostringstream o;
  for (const auto& m : ex.metrics) {
    o << m.metric << "=" << m.value << m.unit;
    if (!publish) o << " 记录" << m.record_ids.size() << "条";
    o << "; ";
  }
  if (ex.tier) o << "档次" << ex.tier->index << "; ";
  for (const auto& m : ex.multipliers)
    if (m.applied) o << m.region_tag << "上浮" << m.uplift_bp / 100 << "%; ";
  if (ex.cap_applied) o << "封顶; ";
  if (ex.floor_applied) o << "保底; ";
  if (ex.set_locally) o << "地方设定(" << ex.set_by << "); ";
  return o.str();
}

std::vector<std::string> Row(const StoredLine& s, bool publish) {
  const Line& l = s.line;
  const Explanation& ex = l.explanation;
  std::vector<std::string> row = {std::to_string(s.line_no),
                                  l.rule_id,
                                  ex.rule_name,
                                  KindLabel(l.subject_kind),
                                  std::to_string(l.subject_id),
                                  MaskName(l.subject_name, publish && l.personal_name),
                                  l.region_code,
                                  Basis(ex, publish),
                                  Yuan(l.amount_fen),
                                  StatusLabel(l.status),
                                  ex.note};
  if (!publish) row.push_back(ExplanationJson(l).dump());  // the internal list's JSON column
  return row;
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

}  // namespace

Result<std::string> ExportXlsx(const ListInfo& list, const std::vector<StoredLine>& lines,
                               const std::string& programme_name, bool publish) {
  spreadsheet::Sheet sheet;
  sheet.name = publish ? "奖补公示" : "奖补清单";
  sheet.headers = {"序号",     "规则编号", "规则名称",   "对象类型", "对象编号", "对象名称",
                   "所在区划", "依据数据", "金额（元）", "状态",     "说明"};
  if (!publish) sheet.headers.push_back("计算明细(JSON)");
  for (const auto& s : lines) {
    if (publish && s.line.status != LineStatus::kPayable) continue;
    sheet.rows.push_back(Row(s, publish));
  }
  sheet.notes = {"方案: " + programme_name + " (" + list.programme_key + ")",
                 "期间: " + list.period + "  区域: " + list.scope_code +
                     "  版本: " + std::to_string(list.version) + "  状态: " + list.status,
                 (list.totals_scope_code.empty() || list.totals_scope_code == list.scope_code
                      ? "合计（元）: "
                      : "合计（元，区域 " + list.totals_scope_code + " 内）: ") +
                     Fen{list.total_fen}.ToPlain(),
                 "金额计算: 比例与上浮四舍五入到分；上浮取适用的最大一项，不叠加；先上浮后封顶。"};
  if (publish) sheet.notes.push_back("公示版: 自然人姓名已部分隐去，不含台账记录编号。");
  // The internal list names its maker and checkers (the public one names no staff).
  if (!publish)
    sheet.notes.push_back("编制: " + NameOr(list.created_by_name) +
                          "  提交: " + NameOr(list.proposed_by_name) +
                          "  审核通过: " + NameOr(list.approved_by_name) +
                          "  内容校验(SHA-256): " + list.content_sha256);
  for (const auto& r : list.rules)
    sheet.notes.push_back(r.rule_id + " " + r.rule_name + ": " + RuleStatusName(r.status) +
                          (r.reason.empty() ? "" : " — " + r.reason));
  std::random_device rd;
  auto path = std::filesystem::temp_directory_path() /
              ("ruralec-award-" + std::to_string(list.id) + "-" + std::to_string(rd()) + ".xlsx");
  RETURN_IF_ERROR(spreadsheet::WriteXlsx(path.string(), sheet));
  return ReadAndRemove(path);
}

}  // namespace ruralec::award
