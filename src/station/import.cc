#include "station/import.h"

#include <span>

#include "station/service_internal.h"
#include "station/station_store.h"

namespace ruralec::station {
namespace {

using spreadsheet::SheetRow;

struct Column {
  const char* header;
  bool required;
};

enum Col {
  kName,
  kLevel,
  kRegion,
  kAddress,
  kLat,
  kLng,
  kManager,
  kMobile,
  kOperator,
  kAgreement,
  kBuildKind,
  kBuiltOn,
  kOnlineOn,
  kFacilities,
  kServices,
  kCarriers,
  kStatus,
  kStatusDate,
  kReason,
  kDocument,
};
constexpr Column kColumns[] = {
    {"站点名称*", true},     {"站点级别*", true},     {"区划代码*", true},
    {"地址", false},         {"纬度", false},         {"经度", false},
    {"负责人", false},       {"负责人手机", false},   {"运营人员账号", false},
    {"承办协议编号", false}, {"建设方式", false},     {"建设时间", false},
    {"网上运营时间", false}, {"配套设施", false},     {"服务项目", false},
    {"快递品牌", false},     {"状态", false},         {"状态日期", false},
    {"状态变更原因", false}, {"决定文件文号", false},
};
constexpr std::span<const Column> kCols(kColumns);

// Header text without "*", a "(…)" suffix and spaces: "纬度(WGS-84)" -> "纬度".
std::string NormalizeHeader(std::string h) {
  for (const char* cut : {"(", "（"}) {
    if (size_t p = h.find(cut); p != std::string::npos) h.resize(p);
  }
  std::string out;
  for (char c : h) {
    if (c != '*' && c != ' ') out += c;
  }
  return out;
}

Result<std::vector<int>> MapHeaders(const SheetRow& header) {
  std::vector<int> idx(kCols.size(), -1);
  for (size_t i = 0; i < header.cells.size(); ++i) {
    std::string h = NormalizeHeader(header.cells[i]);
    for (size_t c = 0; c < kCols.size(); ++c) {
      if (idx[c] < 0 && h == NormalizeHeader(kCols[c].header)) idx[c] = static_cast<int>(i);
    }
  }
  for (size_t c = 0; c < kCols.size(); ++c) {
    if (kCols[c].required && idx[c] < 0)
      return Error::Invalid("file",
                            "缺少必填列“" + NormalizeHeader(kCols[c].header) + "”，请使用导入模板");
  }
  return idx;
}

struct Cells {
  const SheetRow& row;
  const std::vector<int>& idx;
  const std::string& Get(Col col) const {
    static const std::string kEmpty;
    int i = idx[static_cast<size_t>(col)];
    return i >= 0 && static_cast<size_t>(i) < row.cells.size() ? row.cells[static_cast<size_t>(i)]
                                                               : kEmpty;
  }
  RowError Reject(int col, std::string reason) const {
    return {row.number, col < 0 ? "" : NormalizeHeader(kCols[static_cast<size_t>(col)].header),
            std::move(reason)};
  }
};

// "a、b，c;d" -> {a, b, c, d}
std::vector<std::string> SplitList(const std::string& text) {
  std::string s = text;
  for (const char* sep : {"、", "，", "；", ";"}) {
    for (size_t p = s.find(sep); p != std::string::npos; p = s.find(sep, p))
      s.replace(p, std::string_view(sep).size(), ",");
  }
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    std::string item = s.substr(start, comma - start);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
    start = comma + 1;
  }
  return out;
}

// Which column an error of the service's field names.
int ColumnOf(const std::string& field) {
  static const std::pair<const char*, Col> kFields[] = {
      {"name", kName},
      {"level", kLevel},
      {"region_code", kRegion},
      {"address", kAddress},
      {"lat", kLat},
      {"lng", kLng},
      {"manager_name", kManager},
      {"mobile", kMobile},
      {"operator_username", kOperator},
      {"agreement_no", kAgreement},
      {"build_kind", kBuildKind},
      {"built_on", kBuiltOn},
      {"online_on", kOnlineOn},
      {"facilities", kFacilities},
      {"services", kServices},
      {"carriers", kCarriers},
      {"status", kStatus},
      {"status_date", kStatusDate},
      {"reason", kReason},
      {"document_no", kDocument},
  };
  for (const auto& [f, c] : kFields) {
    if (field == f) return c;
  }
  return -1;
}

Result<std::optional<CivilDate>> OptDate(const std::string& text, const char* field) {
  if (text.empty()) return std::optional<CivilDate>();
  ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(text, field));
  return std::optional<CivilDate>(d);
}

// The row as the service's input; an Error names the service's field.
Result<std::pair<StationInput, NewStatus>> Parse(const Cells& c, CivilDate today) {
  StationInput in;
  in.name = c.Get(kName);
  ASSIGN_OR_RETURN(in.level, ParseLevel(c.Get(kLevel)));
  auto region = RegionCode::Parse(c.Get(kRegion));
  if (!region.ok()) return Error::Invalid("region_code", "区划代码无效: " + c.Get(kRegion));
  in.region = *region;
  in.address = c.Get(kAddress);
  if (!c.Get(kLat).empty() || !c.Get(kLng).empty()) {
    if (c.Get(kLat).empty()) return Error::Invalid("lat", "经度和纬度须同时填写");
    if (c.Get(kLng).empty()) return Error::Invalid("lng", "经度和纬度须同时填写");
    Point p;
    ASSIGN_OR_RETURN(p.lat_e6, ParseDegrees(c.Get(kLat), 90, "lat"));
    ASSIGN_OR_RETURN(p.lng_e6, ParseDegrees(c.Get(kLng), 180, "lng"));
    in.point = p;
  }
  in.manager_name = c.Get(kManager);
  in.mobile = c.Get(kMobile);
  in.operator_username = c.Get(kOperator);
  in.agreement_no = c.Get(kAgreement);
  in.build_kind = c.Get(kBuildKind);
  ASSIGN_OR_RETURN(in.built_on, OptDate(c.Get(kBuiltOn), "built_on"));
  ASSIGN_OR_RETURN(in.online_on, OptDate(c.Get(kOnlineOn), "online_on"));
  in.facilities = SplitList(c.Get(kFacilities));
  in.services = SplitList(c.Get(kServices));
  in.carriers = SplitList(c.Get(kCarriers));
  NewStatus st{StationStatus::kPlanned, today, c.Get(kReason), c.Get(kDocument)};
  if (!c.Get(kStatus).empty()) {
    ASSIGN_OR_RETURN(st.to, ParseStatus(c.Get(kStatus)));
  }
  ASSIGN_OR_RETURN(auto on, OptDate(c.Get(kStatusDate), "status_date"));
  if (on) st.on = *on;
  return std::pair(std::move(in), std::move(st));
}

bool IsRowError(const Error& e) {
  return e.code == ErrorCode::kInvalidArgument || e.code == ErrorCode::kConflict ||
         e.code == ErrorCode::kForbidden || e.code == ErrorCode::kNotFound;
}

constexpr char kRejected[] = "__rows_rejected__";

void Note(RowError e, ImportReport& rep) {
  ++rep.rows_rejected;
  if (rep.errors.size() < kMaxReportedErrors) rep.errors.push_back(std::move(e));
}

// One data row: registered, rejected (noted in `rep`), or an Error that aborts the import.
Status ImportRow(storage::Connection& conn, const Deps& d, const account::Principal& who,
                 const Cells& c, int64_t batch, ImportReport& rep) {
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  auto parsed = Parse(c, today);
  if (!parsed.ok()) {
    Note(c.Reject(ColumnOf(parsed.error().field), parsed.error().message), rep);
    return {};
  }
  auto id = internal::RegisterIn(conn, d, who, parsed->first, parsed->second, batch, false);
  if (id.ok()) {
    ++rep.rows_imported;
    return {};
  }
  if (!IsRowError(id.error())) return id.take_error();
  Note(c.Reject(ColumnOf(id.error().field), id.error().message), rep);
  return {};
}

Status ReadRows(storage::Connection& conn, const Deps& d, const account::Principal& who,
                spreadsheet::RowReader& reader, int64_t batch, ImportReport& rep) {
  SheetRow row;
  std::string where = reader.SheetName().empty() ? "" : "工作表“" + reader.SheetName() + "”";
  ASSIGN_OR_RETURN(bool has_header, reader.Next(row));
  if (!has_header) return Error::Invalid("file", where + "文件为空");
  auto mapped = MapHeaders(row);
  if (!mapped.ok()) return Error::Invalid("file", where + mapped.error().message);
  std::vector<int> idx = std::move(*mapped);
  while (true) {
    ASSIGN_OR_RETURN(bool more, reader.Next(row));
    if (!more) break;
    if (row.Blank()) continue;
    ++rep.rows_total;
    RETURN_IF_ERROR(ImportRow(conn, d, who, Cells{row, idx}, batch, rep));
  }
  if (rep.rows_total == 0) return Error::Invalid("file", where + "文件中没有数据行");
  return {};
}

std::string FileName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Status RunInTx(storage::Connection& conn, const Deps& d, const account::Principal& who,
               const std::string& path, const std::string& hash, Mode mode, ImportReport& rep) {
  ASSIGN_OR_RETURN(auto prior, store::FindBatch(conn, who.region, "stations", hash));
  if (prior) {
    rep.already_imported = true;
    rep.batch_id = *prior;
    return {};
  }
  spreadsheet::XlsxOptions choose{[](const SheetRow& first) { return MapHeaders(first).ok(); }};
  ASSIGN_OR_RETURN(auto reader, spreadsheet::Open(path, choose));
  rep.sheet = reader->SheetName();
  store::Stamp stamp{who.id.valid() ? std::optional<int64_t>(who.id.value) : std::nullopt,
                     d.clock.NowMs()};
  std::string name = FileName(path);
  ASSIGN_OR_RETURN(
      rep.batch_id,
      store::AddBatch(conn, who.region, "stations", name, hash,
                      mode == Mode::kValidOnly ? "valid_only" : "all_or_nothing", stamp));
  RETURN_IF_ERROR(ReadRows(conn, d, who, *reader, rep.batch_id, rep));
  if (mode == Mode::kAllOrNothing && rep.rows_rejected > 0)
    return Error{ErrorCode::kInvalidArgument, "rejected", kRejected};
  RETURN_IF_ERROR(
      store::FinishBatch(conn, rep.batch_id, rep.rows_total, rep.rows_imported, rep.rows_rejected));
  return d.audit.Append(conn, {who.ToActor(), "station.import", "station_import_batch",
                               std::to_string(rep.batch_id), audit::Outcome::kSuccess,
                               "file=" + name + " sha256=" + hash.substr(0, 16) +
                                   " imported=" + std::to_string(rep.rows_imported) +
                                   " rejected=" + std::to_string(rep.rows_rejected)});
}

}  // namespace

Result<Mode> ParseMode(std::string_view text) {
  if (text.empty() || text == "all-or-nothing") return Mode::kAllOrNothing;
  if (text == "valid-only") return Mode::kValidOnly;
  return Error::Invalid("mode", "导入模式应为 all-or-nothing 或 valid-only");
}

Result<ImportReport> ImportStations(const Deps& d, const account::Principal& who,
                                    const std::string& path, Mode mode) {
  if (!who.Can("station:import") || !who.Can("station:edit"))
    return Error::Forbidden("没有导入服务站点的权限");
  ASSIGN_OR_RETURN(std::string hash, spreadsheet::FileSha256(path));
  auto conn = d.db.Acquire();
  ImportReport rep;
  Status st = storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    rep = ImportReport{};
    return RunInTx(*conn, d, who, path, hash, mode, rep);
  });
  if (!st.ok() && st.error().field == kRejected) {
    rep.rolled_back = true;
    rep.rows_imported = 0;
    rep.batch_id = 0;
    return rep;
  }
  if (!st.ok()) return st.take_error();
  return rep;
}

spreadsheet::Sheet StationsTemplate() {
  spreadsheet::Sheet s;
  s.name = "服务站点";
  for (const auto& c : kCols) s.headers.push_back(c.header);
  s.rows.push_back({"符离镇大庄村电商服务站",
                    "村级服务点",
                    "341302100201",
                    "大庄村村委会一楼",
                    "33.812345",
                    "116.987654",
                    "张三",
                    "13800138000",
                    "",
                    "FL-2024-001",
                    "新建",
                    "2024-03-01",
                    "2024-05-01",
                    "益农信息社、村邮站",
                    "网上代买、快递代收代发",
                    "邮政、中通",
                    "运营中",
                    "2024-05-01",
                    "验收合格",
                    "埇商〔2024〕12号"});
  s.notes = {
      "带*的列必填；列的顺序不限。",
      "站点级别：镇级综合服务站 或 村级服务点；区划代码：村级服务点填行政村（12位），"
      "镇级综合服务站填乡镇（9位或12位）。",
      "纬度、经度：WGS-84 十进制度数（如 33.812345），须同时填写或同时留空。",
      "建设方式：新建 或 改造提升；日期格式 YYYY-MM-DD。",
      "配套设施、服务项目：字典中的名称或代码，多个用顿号、逗号或分号分隔；县级可在字典中添加。",
      "状态：规划中、建设中、运营中、暂停运营（默认 规划中）；状态日期默认为导入当天。",
      "同一区划下站点名称不能重复；同一文件再次导入不会新增数据。",
  };
  return s;
}

spreadsheet::Sheet ErrorSheet(const ImportReport& report) {
  spreadsheet::Sheet s;
  s.name = "导入错误";
  s.headers = {"行号", "列", "原因"};
  for (const auto& e : report.errors) s.rows.push_back({std::to_string(e.row), e.column, e.reason});
  if (!report.sheet.empty()) s.notes.push_back("读取的工作表: " + report.sheet);
  return s;
}

}  // namespace ruralec::station
