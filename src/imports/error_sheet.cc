// The error workbook a clerk fixes in place (see ErrorSheet in imports.h).
#include <string>
#include <vector>

#include "imports/imports.h"

namespace ruralec::imports {
namespace {

std::string Reason(const RowError& e) {
  return e.column.empty() ? e.reason : e.column + "：" + e.reason;
}

std::vector<std::string> OutRow(std::string reason, int64_t number,
                                const std::vector<std::string>& cells, size_t width) {
  std::vector<std::string> row{std::move(reason), std::to_string(number)};
  row.insert(row.end(), cells.begin(), cells.end());
  row.resize(width);
  return row;
}

std::vector<std::string> Notes(const ImportReport& rep, bool whole_file) {
  std::vector<std::string> n{"改正本表后可直接导入本表：“错误原因”“原行号”两列导入时忽略。"};
  std::string rejected = std::to_string(rep.rows_rejected);
  if (rep.rolled_back && whole_file) {
    n.push_back("本次为“全部成功才导入”，未写入任何行。本表含文件的全部 " +
                std::to_string(rep.rows_total) + " 行，其中 " + rejected +
                " 行有错（已写明原因），改正后整表重新导入。");
  } else if (rep.rolled_back) {
    n.push_back("本次为“全部成功才导入”，未写入任何行。文件超过 " + std::to_string(kMaxKeptRows) +
                " 行，本表只含有错的 " + rejected +
                " 行：请按“原行号”在原文件中改正后重新导入原文件。");
  } else {
    n.push_back("有错的 " + rejected + " 行未写入，其余 " + std::to_string(rep.rows_imported) +
                " 行已导入。本表只含有错的行，改正后导入本表即可。");
  }
  if (rep.rows_rejected > static_cast<int64_t>(rep.errors.size()))
    n.push_back("另有 " + std::to_string(rep.rows_rejected - rep.errors.size()) +
                " 行错误未列出（错误过多），请先改正本表所列问题。");
  if (!rep.sheet.empty()) n.push_back("原行号为工作表“" + rep.sheet + "”中的行号。");
  if (rep.personal_masked)
    n.push_back(
        "身份证号、手机号、姓名等个人信息已掩码；导入人可在导入窗口下载未掩码的版本（记入审计日志）"
        "。");
  if (rep.encoding == "GBK") n.push_back("原文件为GBK编码，已按GBK读取；本表为xlsx，可直接导入。");
  return n;
}

}  // namespace

spreadsheet::Sheet ErrorSheet(const ImportReport& rep) {
  if (rep.headers.empty()) return ErrorListSheet(rep);
  // every row is in errors or passed while the file is small (even when no row passed)
  bool whole_file = rep.rolled_back && rep.rows_total <= static_cast<int64_t>(kMaxKeptRows);
  spreadsheet::Sheet s{"导入错误", {"错误原因", "原行号"}, {}, Notes(rep, whole_file)};
  s.headers.insert(s.headers.end(), rep.headers.begin(), rep.headers.end());
  size_t width = s.headers.size();
  size_t p = 0;  // errors and passed rows are each in file order: merge them
  for (const RowError& e : rep.errors) {
    for (; whole_file && p < rep.passed.size() && rep.passed[p].number < e.row; ++p)
      s.rows.push_back(OutRow("", rep.passed[p].number, rep.passed[p].cells, width));
    s.rows.push_back(OutRow(Reason(e), e.row, e.cells, width));
  }
  for (; whole_file && p < rep.passed.size(); ++p)
    s.rows.push_back(OutRow("", rep.passed[p].number, rep.passed[p].cells, width));
  return s;
}

}  // namespace ruralec::imports
