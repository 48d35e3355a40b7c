#include "logistics/parcels_import.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "logistics/parcels.h"
#include "logistics/scan_stage.h"

namespace ruralec::logistics {
namespace {

using imports::Cells;
using imports::Column;
using imports::RowError;
using imports::RowOutcome;

enum Col {
  kCarrier,
  kNumber,
  kType,
  kTime,
  kNode,
  kNext,
  kOperator,
  kDirection,
  kReason,
  kRawCode,
  kRawText,
  kSource,
  kPhone,
  kNumCols
};
constexpr Column kColumns[] = {{"快递公司*", true},
                               {"运单号*", true},
                               {"扫描类型*", true},
                               {"扫描时间*", true},
                               {"网点", false},
                               {"下一站", false},
                               {"操作员", false},
                               {"方向", false},
                               {"问题原因", false},
                               {"原始代码", false},
                               {"原始描述", false},
                               {"来源", false},
                               {"收件人手机", false, imports::Personal::kMobile}};
// The JSON lines' keys, in the order of kColumns.
constexpr const char* kKeys[] = {
    "carrier",   "waybill_no", "scan_type", "scanned_at", "node",   "next_node",      "operator",
    "direction", "reason",     "raw_code",  "raw_text",   "source", "recipient_phone"};
static_assert(std::size(kKeys) == kNumCols && std::size(kColumns) == kNumCols);

int ColumnOf(const std::string& field) {
  static const std::pair<const char*, Col> fields[] = {
      {"carrier", kCarrier},      {"waybill_no", kNumber},   {"scan_type", kType},
      {"scanned_at", kTime},      {"node", kNode},           {"next_node", kNext},
      {"operator", kOperator},    {"direction", kDirection}, {"reason", kReason},
      {"raw_code", kRawCode},     {"raw_text", kRawText},    {"source", kSource},
      {"recipient_phone", kPhone}};
  for (const auto& [name, col] : fields) {
    if (field == name) return col;
  }
  return -1;
}

// The rows of one carrier file, staged (scan_stage.h): checked and staged in the import's read
// transaction, published in its short write transaction.
class ScanRows : public imports::RowHandler {
 public:
  ScanRows(const Deps& deps, const account::Principal& who, bool json_lines)
      : stager_(deps, who, Source::kCarrierFile), json_lines_(json_lines) {}

  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
    // A JSON line that could not be read: its reason is in the converted file's last column.
    if (json_lines_ && c.row.cells.size() > kNumCols && !c.row.cells[kNumCols].empty())
      return std::optional(c.Reject(-1, c.row.cells[kNumCols]));
    ScanInput in{c.Get(kCarrier), c.Get(kNumber),  c.Get(kType),     c.Get(kTime),
                 c.Get(kNode),    c.Get(kNext),    c.Get(kOperator), c.Get(kDirection),
                 c.Get(kReason),  c.Get(kRawCode), c.Get(kRawText),  c.Get(kSource),
                 c.Get(kPhone)};
    auto r = stager_.Add(conn, in, c.row.number);
    if (!r.ok() && !imports::IsRowError(r.error())) return r.take_error();
    if (!r.ok()) return std::optional(c.Reject(ColumnOf(r.error().field), r.error().message));
    if (*r == RowResult::kDuplicate) return std::optional(c.AlreadyImported());
    return std::optional<RowError>();
  }

  Status Finish(storage::Connection& conn) override { return stager_.Finish(conn); }
  Status Publish(storage::Connection& conn, int64_t batch) override {
    return stager_.Publish(conn, batch);
  }
  void Discard(storage::Connection& conn) override { stager_.Discard(conn); }

 private:
  ScanStager stager_;
  bool json_lines_ = false;
};

// ---- JSON lines ----

constexpr size_t kMaxLine = 64 * 1024, kMaxCell = 32767;

std::string Quoted(const std::string& v) {
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// One JSON line as the cells of kColumns plus the reason it is refused ("" when it is not).
std::vector<std::string> CellsOf(const std::string& line) {
  std::vector<std::string> cells(kNumCols + 1);
  auto refuse = [&](std::string why) {
    cells.assign(kNumCols + 1, "");
    cells[kNumCols] = std::move(why);
    return cells;
  };
  if (line.size() > kMaxLine) return refuse("该行超过64KB");
  auto j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return refuse("该行不是一个 JSON 对象");
  for (const auto& [key, v] : j.items()) {
    int i = -1;
    for (size_t k = 0; k < kNumCols; ++k) {
      if (key == kKeys[k] || key == imports::NormalizeHeader(kColumns[k].header))
        i = static_cast<int>(k);
    }
    if (i < 0) continue;  // other keys are ignored, like other columns of a sheet
    std::string& cell = cells[static_cast<size_t>(i)];
    if (v.is_string()) {
      cell = v.get<std::string>();
    } else if (v.is_number()) {
      cell = v.dump();
    } else if (!v.is_null()) {
      return refuse("字段 " + key + " 应为文本或数字");
    }
    if (cell.find_first_of("\r\n") != std::string::npos) return refuse("字段 " + key + " 含有换行");
    if (cell.size() > kMaxCell) return refuse("字段 " + key + " 过长");
  }
  return cells;
}

// Writes the JSON lines of `in_path` as a csv with the template's headers and one record per
// line (blank lines stay blank records), so record n + 1 is line n.
Status JsonLinesToCsv(const std::string& in_path, const std::string& out_path) {
  std::ifstream in(in_path, std::ios::binary);
  if (!in) return Error::Invalid("file", "无法打开文件");
  std::ofstream out(out_path, std::ios::binary);
  if (!out) return Error::Internal("无法写入临时文件");
  for (size_t k = 0; k < kNumCols; ++k) out << kColumns[k].header << ',';
  out << "JSON错误\n";
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      out << '\n';
      continue;
    }
    auto cells = CellsOf(line);
    for (size_t k = 0; k < cells.size(); ++k) out << (k ? "," : "") << Quoted(cells[k]);
    out << '\n';
  }
  if (in.bad()) return Error::Invalid("file", "读取文件失败");
  out.close();
  if (!out) return Error::Internal("无法写入临时文件");
  return {};
}

bool EndsWithJsonl(const std::string& path) {
  return path.size() >= 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0;
}

// A private temporary directory, removed with its files.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "ruralec-scans-XXXXXX").string();
    if (mkdtemp(tmpl.data())) path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove_all(path, ec);
  }
};

Result<imports::ImportReport> RunCsv(const imports::ImportContext& ctx,
                                     const account::Principal& who, const std::string& path,
                                     imports::Mode mode, const imports::ImportOptions& opt,
                                     bool json_lines) {
  auto deps = std::make_shared<Deps>(Deps{ctx.db, ctx.audit, ctx.clock, ctx.cipher});
  imports::HandlerFactory make =
      [deps, &who, json_lines](
          storage::Connection&,
          const imports::BatchContext&) -> std::unique_ptr<imports::RowHandler> {
    return std::make_unique<ScanRows>(*deps, who, json_lines);
  };
  return imports::Run(ctx, who, path, mode, {"scans", "logistics.scans.import", kColumns, true},
                      make, opt);
}

// JSON lines: converted to a csv (the runner reads csv and xlsx), imported, and the rows
// numbered again as the lines of the file.
Result<imports::ImportReport> RunJsonLines(const imports::ImportContext& ctx,
                                           const account::Principal& who, const std::string& path,
                                           imports::Mode mode, const imports::ImportOptions& opt) {
  TempDir dir;
  if (dir.path.empty()) return Error::Internal("无法创建临时目录");
  std::string name = std::filesystem::path(path).filename().string();
  std::string csv = (dir.path / (name + ".csv")).string();
  RETURN_IF_ERROR(JsonLinesToCsv(path, csv));
  imports::ErrorStream lines;
  lines.add = [&opt](const RowError& e) {
    if (!opt.errors || !opt.errors->add) return;
    RowError shifted = e;
    --shifted.row;
    opt.errors->add(shifted);
  };
  lines.restart = [&opt] {
    if (opt.errors && opt.errors->restart) opt.errors->restart();
  };
  imports::ImportOptions o = opt;
  o.errors = &lines;
  ASSIGN_OR_RETURN(imports::ImportReport rep, RunCsv(ctx, who, csv, mode, o, true));
  for (auto& e : rep.errors) --e.row;
  for (auto& r : rep.passed) --r.number;
  return rep;
}

}  // namespace

Result<imports::ImportReport> ImportScans(const imports::ImportContext& ctx,
                                          const account::Principal& who, const std::string& path,
                                          imports::Mode mode, const imports::ImportOptions& opt) {
  RETURN_IF_ERROR(NeedIngest(who));
  if (EndsWithJsonl(path)) return RunJsonLines(ctx, who, path, mode, opt);
  return RunCsv(ctx, who, path, mode, opt, false);
}

spreadsheet::Sheet ScansTemplate() {
  return imports::Template(
      "快递扫描记录", kColumns,
      {"中通", "75312345678901", "签收", "2026-12-07 10:15:00", "FL-DZ", "", "王师傅", "下行", "",
       "SIGN", "本人签收", "", "13800138000"},
      {"带*的列必填；列的顺序不限。每行是一次扫描；同一扫描（快递公司、运单号、扫描类型、扫描时间、"
       "网点相同）重复导入只记一次。",
       "快递公司：中国邮政、顺丰、中通、圆通、申通、韵达、极兔、京东，或本县在字典中添加的快递公司"
       "。",
       "扫描类型：揽收、发往、到达、派送、入柜/驿站、签收、问题件（须填问题原因）、退回。",
       "扫描时间：YYYY-MM-DD HH:MM:SS（北京时间），或带时区的 2026-12-07T10:15:00+08:00；"
       "请以文本填写。不能晚于当前时间。",
       "网点、下一站：本县已登记网点的编码；不是登记网点时按快递公司的网点名称原样保存。",
       "方向：下行（派送，默认）或 上行（揽收农产品）。来源：默认为快递公司文件。",
       "收件人手机：11位手机号，加密保存；公众凭运单号和手机后四位查询物流。",
       "也可上传 JSON lines（.jsonl）文件：每行一个对象，键为 carrier、waybill_no、scan_type、"
       "scanned_at、node、next_node、operator、direction、reason、raw_code、raw_text、source、"
       "recipient_phone。"});
}

}  // namespace ruralec::logistics
