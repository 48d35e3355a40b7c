// Streaming xlsx reader: a minimal zip reader (central directory + zlib inflate, in chunks)
// feeding expat. Reads the workbook (sheet names, the 1904 flag), its relationships, the cell
// styles (which cells are dates) and the shared-strings table, then streams one worksheet. Hostile
// input is refused: entry names with "..", absolute paths or backslashes, zip64/encrypted entries,
// inflated sizes above the declared size, compression ratios above kMaxRatio (zip bombs),
// shared-string tables above kMaxSharedBytes, and any XML with a DOCTYPE (so no DTD or external
// entity is ever processed).
#include <expat.h>
#include <zlib.h>

#include <cmath>
#include <cstring>
#include <deque>
#include <fstream>
#include <functional>
#include <map>

#include "core/date.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::spreadsheet {
namespace {

constexpr uint64_t kMaxRatio = 200;                 // inflated / compressed
constexpr uint64_t kMaxEntryBytes = 4ULL << 30;     // 4 GiB of sheet XML
constexpr uint64_t kMaxSharedBytes = 256ULL << 20;  // shared strings kept in memory
constexpr uint64_t kMaxPartBytes = 64ULL << 20;     // workbook, relationships, styles
constexpr size_t kMaxEntries = 10000;
constexpr size_t kChunk = 1 << 16;

Error Refuse(std::string m) { return Error::Invalid("file", std::move(m)); }

uint32_t U16(const unsigned char* p) { return p[0] | (p[1] << 8); }
uint32_t U32(const unsigned char* p) {
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24);
}

struct Entry {
  uint32_t method = 0, flags = 0;
  uint64_t compressed = 0, size = 0, local_offset = 0;
};

bool SafeName(const std::string& n) {
  return !n.empty() && n[0] != '/' && n.find('\\') == std::string::npos &&
         n.find("..") == std::string::npos && n.find(':') == std::string::npos;
}

// One zip entry, inflated on demand in chunks.
class EntryStream {
 public:
  EntryStream(std::ifstream& f, const Entry& e) : f_(f), e_(e), left_(e.compressed) {}
  ~EntryStream() {
    if (init_) inflateEnd(&zs_);
  }
  Status Start(uint64_t cap) {
    if (e_.method != 0 && e_.method != 8) return Refuse("xlsx条目压缩方式不受支持");
    if (e_.size > cap || e_.size > kMaxRatio * e_.compressed + (1 << 20))
      return Refuse("xlsx工作簿解压后过大（疑似压缩炸弹）");
    unsigned char lh[30];
    f_.clear();
    f_.seekg(static_cast<std::streamoff>(e_.local_offset));
    f_.read(reinterpret_cast<char*>(lh), 30);
    if (!f_ || U32(lh) != 0x04034b50) return Refuse("xlsx工作簿已损坏");
    f_.seekg(static_cast<std::streamoff>(e_.local_offset + 30 + U16(lh + 26) + U16(lh + 28)));
    if (e_.method == 8 && inflateInit2(&zs_, -15) != Z_OK) return Error::Internal("zlib");
    init_ = e_.method == 8;
    return {};
  }
  // Up to `cap` inflated bytes into `out`; 0 at the end of the entry.
  Result<size_t> Read(char* out, size_t cap) {
    if (done_) return size_t{0};
    if (e_.method == 0) {
      auto n = static_cast<size_t>(std::min<uint64_t>(left_, cap));
      RETURN_IF_ERROR(ReadRaw(out, n));
      done_ = n == 0;
      return Count(n);
    }
    zs_.next_out = reinterpret_cast<Bytef*>(out);
    zs_.avail_out = static_cast<uInt>(cap);
    while (zs_.avail_out == cap && !done_) {
      if (zs_.avail_in == 0) {
        if (left_ == 0) return Refuse("xlsx工作簿已损坏（数据不完整）");
        auto n = static_cast<size_t>(std::min<uint64_t>(left_, in_.size()));
        RETURN_IF_ERROR(ReadRaw(in_.data(), n));
        zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
        zs_.avail_in = static_cast<uInt>(n);
      }
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) done_ = true;
      if (rc != Z_OK && rc != Z_STREAM_END) return Refuse("xlsx工作簿已损坏（解压失败）");
    }
    return Count(cap - zs_.avail_out);
  }

 private:
  Status ReadRaw(char* buf, size_t n) {
    f_.read(buf, static_cast<std::streamsize>(n));
    if (static_cast<size_t>(f_.gcount()) != n) return Refuse("xlsx工作簿已损坏（数据不完整）");
    left_ -= n;
    return {};
  }
  Result<size_t> Count(size_t n) {
    produced_ += n;
    if (produced_ > e_.size) return Refuse("xlsx条目解压后大于目录声明（疑似压缩炸弹）");
    return n;
  }
  std::ifstream& f_;
  Entry e_;
  z_stream zs_{};
  bool init_ = false, done_ = false;
  std::vector<char> in_ = std::vector<char>(kChunk);
  uint64_t left_, produced_ = 0;
};

class Zip {
 public:
  Status Open(const std::string& path) {
    f_.open(path, std::ios::binary);
    if (!f_) return Refuse("无法打开文件 " + path);
    return ReadDirectory();
  }
  bool Has(const std::string& name) const { return entries_.count(name) > 0; }
  Result<std::unique_ptr<EntryStream>> Entry(const std::string& name, uint64_t cap) {
    auto s = std::make_unique<EntryStream>(f_, entries_.at(name));
    RETURN_IF_ERROR(s->Start(cap));
    return s;
  }

 private:
  Status ReadDirectory();
  std::ifstream f_;
  std::map<std::string, struct Entry> entries_;
};

Status Zip::ReadDirectory() {
  f_.seekg(0, std::ios::end);
  auto size = static_cast<uint64_t>(f_.tellg());
  if (size < 22) return Refuse("文件不是有效的xlsx工作簿");
  uint64_t tail = std::min<uint64_t>(size, 65536 + 22);
  std::string buf(tail, '\0');
  f_.seekg(static_cast<std::streamoff>(size - tail));
  f_.read(buf.data(), static_cast<std::streamsize>(tail));
  auto* b = reinterpret_cast<const unsigned char*>(buf.data());
  size_t eocd = std::string::npos;
  for (size_t i = tail - 22 + 1; i-- > 0;) {
    if (U32(b + i) == 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd == std::string::npos) return Refuse("文件不是有效的xlsx工作簿（zip目录缺失）");
  uint32_t count = U16(b + eocd + 10), cd_size = U32(b + eocd + 12), cd_off = U32(b + eocd + 16);
  if (count == 0xFFFF || cd_off == 0xFFFFFFFF || count > kMaxEntries)
    return Refuse("xlsx工作簿条目过多或格式不受支持");
  if (static_cast<uint64_t>(cd_off) + cd_size > size) return Refuse("xlsx工作簿已损坏");
  std::string cd(cd_size, '\0');
  f_.seekg(cd_off);
  f_.read(cd.data(), cd_size);
  auto* p = reinterpret_cast<const unsigned char*>(cd.data());
  size_t pos = 0;
  for (uint32_t i = 0; i < count; ++i) {
    if (pos + 46 > cd.size() || U32(p + pos) != 0x02014b50) return Refuse("xlsx工作簿已损坏");
    struct Entry e {
      U16(p + pos + 10), U16(p + pos + 8), U32(p + pos + 20), U32(p + pos + 24), U32(p + pos + 42)
    };
    size_t n = U16(p + pos + 28), extra = U16(p + pos + 30), comment = U16(p + pos + 32);
    if (pos + 46 + n > cd.size()) return Refuse("xlsx工作簿已损坏");
    std::string name(cd.data() + pos + 46, n);
    if (!SafeName(name)) return Refuse("xlsx工作簿含有不安全的条目名“" + name + "”");
    if (e.flags & 1) return Refuse("不支持加密的xlsx工作簿");
    entries_[name] = e;
    pos += 46 + n + extra + comment;
  }
  return {};
}

// ---- XML (expat). Any DOCTYPE stops the parser: no DTD, no entity is ever expanded.

struct XmlState {
  XML_Parser parser = nullptr;
  std::string error;  // set by handlers to refuse the file
  std::string text;   // character data of the current text element
  bool in_text = false;
};

void XMLCALL OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* st = static_cast<XmlState*>(data);
  st->error = "xlsx工作簿含有DTD声明，已拒绝";
  XML_StopParser(st->parser, XML_FALSE);
}

void XMLCALL OnText(void* data, const XML_Char* s, int len) {
  auto* st = static_cast<XmlState*>(data);
  if (st->in_text) st->text.append(s, static_cast<size_t>(len));
}

// Local name without a namespace prefix.
std::string_view Local(const XML_Char* name) {
  std::string_view n(name);
  size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* Attr(const XML_Char** attrs, std::string_view key) {
  for (int i = 0; attrs[i]; i += 2) {
    if (Local(attrs[i]) == key) return attrs[i + 1];
  }
  return nullptr;
}

XML_Parser NewParser(XmlState* st) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  st->parser = p;
  XML_SetUserData(p, st);
  XML_SetStartDoctypeDeclHandler(p, OnDoctype);
  XML_SetCharacterDataHandler(p, OnText);
  return p;
}

Status Feed(XmlState& st, const char* buf, size_t n, bool last) {
  if (XML_Parse(st.parser, buf, static_cast<int>(n), last) == XML_STATUS_ERROR ||
      !st.error.empty()) {
    if (!st.error.empty()) return Refuse(st.error);
    return Refuse(std::string("xlsx工作簿XML格式错误: ") +
                  XML_ErrorString(XML_GetErrorCode(st.parser)));
  }
  return {};
}

// Shared strings: <si> items, each the concatenation of its <t> texts (phonetic <rPh> skipped).
struct SharedState : XmlState {
  std::vector<std::string> strings;
  std::string current;
  uint64_t bytes = 0;
  int phonetic = 0;
};

void XMLCALL SharedStart(void* data, const XML_Char* name, const XML_Char**) {
  auto* st = static_cast<SharedState*>(data);
  std::string_view n = Local(name);
  if (n == "si") st->current.clear();
  if (n == "rPh") ++st->phonetic;
  if (n == "t" && st->phonetic == 0) {
    st->in_text = true;
    st->text.clear();
  }
}

void XMLCALL SharedEnd(void* data, const XML_Char* name) {
  auto* st = static_cast<SharedState*>(data);
  std::string_view n = Local(name);
  if (n == "t" && st->in_text) {
    st->current += st->text;
    st->in_text = false;
  }
  if (n == "rPh") --st->phonetic;
  if (n == "si") {
    st->bytes += st->current.size() + 32;
    if (st->bytes > kMaxSharedBytes) {
      st->error = "xlsx工作簿的共享字符串表过大，已拒绝";
      XML_StopParser(st->parser, XML_FALSE);
      return;
    }
    st->strings.push_back(std::move(st->current));
  }
}

// Streams a whole part through expat with the given handlers (state `st` as user data).
Status ParsePart(Zip& zip, const std::string& name, uint64_t cap, XmlState& st,
                 XML_StartElementHandler start, XML_EndElementHandler end) {
  ASSIGN_OR_RETURN(auto in, zip.Entry(name, cap));
  XML_Parser p = NewParser(&st);
  XML_SetElementHandler(p, start, end);
  std::vector<char> buf(kChunk);
  Status status;
  while (status.ok()) {
    auto n = in->Read(buf.data(), buf.size());
    if (!n.ok()) {
      status = n.take_error();
      break;
    }
    status = Feed(st, buf.data(), *n, *n == 0);
    if (*n == 0) break;
  }
  XML_ParserFree(p);
  st.parser = nullptr;
  return status;
}

Result<std::vector<std::string>> ReadShared(Zip& zip) {
  if (!zip.Has("xl/sharedStrings.xml")) return std::vector<std::string>();
  SharedState st;
  RETURN_IF_ERROR(
      ParsePart(zip, "xl/sharedStrings.xml", kMaxEntryBytes, st, SharedStart, SharedEnd));
  return std::move(st.strings);
}

// ---- Workbook: sheet names in tab order, their parts, the 1904 date system.

struct WorkbookState : XmlState {
  bool date1904 = false;
  struct Sheet {
    std::string name, rel_id;
    bool hidden = false;
  };
  std::vector<Sheet> sheets;
  std::map<std::string, std::string> targets;  // relationship id -> worksheet part
};

void XMLCALL WorkbookStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* st = static_cast<WorkbookState*>(data);
  std::string_view n = Local(name);
  if (n == "workbookPr") {
    const char* d = Attr(attrs, "date1904");
    st->date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
  } else if (n == "sheet") {
    const char* nm = Attr(attrs, "name");
    const char* id = Attr(attrs, "id");  // r:id
    const char* state = Attr(attrs, "state");
    st->sheets.push_back(
        {nm ? nm : "", id ? id : "", state && std::string_view(state) != "visible"});
  } else if (n == "Relationship") {
    const char* id = Attr(attrs, "Id");
    const char* target = Attr(attrs, "Target");
    const char* type = Attr(attrs, "Type");
    if (!id || !target || !type || !std::string_view(type).ends_with("/worksheet")) return;
    std::string t = target;  // relative to xl/, or absolute from the package root
    st->targets[id] = t.starts_with("/") ? t.substr(1) : "xl/" + t;
  }
}

void XMLCALL NoEnd(void*, const XML_Char*) {}

struct SheetPart {
  std::string name, part;
};

// The visible worksheets in tab order; a package without xl/workbook.xml has only sheet1.
Status ReadWorkbook(Zip& zip, std::vector<SheetPart>& sheets, bool& date1904) {
  if (!zip.Has("xl/workbook.xml")) {
    if (zip.Has("xl/worksheets/sheet1.xml")) sheets.push_back({"", "xl/worksheets/sheet1.xml"});
    return {};
  }
  WorkbookState st;
  RETURN_IF_ERROR(ParsePart(zip, "xl/workbook.xml", kMaxPartBytes, st, WorkbookStart, NoEnd));
  if (zip.Has("xl/_rels/workbook.xml.rels"))
    RETURN_IF_ERROR(
        ParsePart(zip, "xl/_rels/workbook.xml.rels", kMaxPartBytes, st, WorkbookStart, NoEnd));
  date1904 = st.date1904;
  for (const auto& s : st.sheets) {
    auto it = st.targets.find(s.rel_id);
    if (s.hidden || it == st.targets.end()) continue;  // hidden sheet or a chart sheet
    if (!zip.Has(it->second)) return Refuse("xlsx工作簿已损坏（缺少工作表“" + s.name + "”）");
    sheets.push_back({s.name, it->second});
  }
  return {};
}

// ---- Styles: which cell formats (xf index) show a number as a date.

// Excel's built-in date formats (ids 14-17, 22, and the CJK date formats 27-31, 36, 50-54, 57-58).
bool BuiltinDate(int id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 ||
         (id >= 50 && id <= 54) || id == 57 || id == 58;
}

// A custom format is a date when, outside quoted text, [..] sections and escapes, it has a
// year or day part, or a month part without hours/seconds ("mm:ss" is a time).
bool DateFormatCode(std::string_view code) {
  bool y = false, d = false, m = false, hs = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
    if (c == '"') {
      size_t close = code.find('"', i + 1);
      i = close == std::string_view::npos ? code.size() : close;
    } else if (c == '[') {
      size_t close = code.find(']', i + 1);
      i = close == std::string_view::npos ? code.size() : close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == ';') {
      break;  // the first section decides
    } else {
      y |= c == 'y';
      d |= c == 'd';
      m |= c == 'm';
      hs |= c == 'h' || c == 's';
    }
  }
  return y || d || (m && !hs);
}

struct StylesState : XmlState {
  std::map<int, bool> custom_date;  // numFmtId -> date
  std::vector<char> xf_date;        // per cellXfs index
  bool in_cell_xfs = false;
};

void XMLCALL StylesStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* st = static_cast<StylesState*>(data);
  std::string_view n = Local(name);
  const char* id = Attr(attrs, "numFmtId");
  if (n == "numFmt" && id) {
    const char* code = Attr(attrs, "formatCode");
    st->custom_date[std::atoi(id)] = code && DateFormatCode(code);
  } else if (n == "cellXfs") {
    st->in_cell_xfs = true;
  } else if (n == "xf" && st->in_cell_xfs) {
    int fmt = id ? std::atoi(id) : 0;
    auto custom = st->custom_date.find(fmt);
    st->xf_date.push_back(custom != st->custom_date.end() ? custom->second : BuiltinDate(fmt));
  }
}

void XMLCALL StylesEnd(void* data, const XML_Char* name) {
  if (Local(name) == "cellXfs") static_cast<StylesState*>(data)->in_cell_xfs = false;
}

Result<std::vector<char>> ReadDateStyles(Zip& zip) {
  if (!zip.Has("xl/styles.xml")) return std::vector<char>();
  StylesState st;
  RETURN_IF_ERROR(ParsePart(zip, "xl/styles.xml", kMaxPartBytes, st, StylesStart, StylesEnd));
  return std::move(st.xf_date);
}

// A date serial as "YYYY-MM-DD" (the time of day dropped). 1900 system: 1 = 1900-01-01 and
// Excel's phantom 1900-02-29 (60) kept so later serials land right; 1904 system: 0 = 1904-01-01.
std::string SerialToDate(double serial, bool date1904) {
  auto days = static_cast<int64_t>(std::floor(serial));
  int64_t epoch;  // days since 1970-01-01 of serial 0
  if (date1904) {
    epoch = -24107;  // 1904-01-01
  } else {
    epoch = days >= 61 ? -25569 : -25568;  // 1899-12-30, or 1899-12-31 before the phantom day
    if (days == 60) return "1900-02-29";   // does not exist: the date check rejects it
  }
  return CivilDate::FromDays(epoch + days).ToString();
}

// A number cell as Excel shows it at most: 15 significant digits, no exponent, so binary
// noise ("137.50000000000003") and exponents ("1.25E+5") read as the number the user sees.
std::string NumberText(const std::string& v) {
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (v.empty() || *end || !std::isfinite(d)) return v;
  if (d != 0 && (std::fabs(d) >= 1e15 || std::fabs(d) < 1e-4)) return v;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  return buf;
}

// Worksheet rows: <row r="N"><c r="B3" s="style"
// t="s|inlineStr|str|b|n|e"><v>…</v>|<is><t>…</t></is></c>.
struct SheetState : XmlState {
  const std::vector<std::string>* shared = nullptr;
  const std::vector<char>* date_xf = nullptr;
  bool date1904 = false;
  std::deque<SheetRow> ready;
  SheetRow row;
  std::string type, value;
  size_t style = 0;
  int64_t next_row = 1;
  size_t col = 0;
};

size_t ColumnOf(const char* ref, size_t fallback) {
  if (!ref) return fallback;
  size_t col = 0;
  bool any = false;
  for (const char* p = ref; *p >= 'A' && *p <= 'Z'; ++p) {
    col = col * 26 + static_cast<size_t>(*p - 'A' + 1);
    any = true;
    if (col > kMaxColumns + 1) break;
  }
  return any ? col - 1 : fallback;
}

void XMLCALL SheetStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* st = static_cast<SheetState*>(data);
  std::string_view n = Local(name);
  if (n == "row") {
    const char* r = Attr(attrs, "r");
    st->row.number = r ? std::atoll(r) : st->next_row;
    st->row.cells.clear();
    st->col = 0;
  } else if (n == "c") {
    const char* t = Attr(attrs, "t");
    st->type = t ? t : "n";
    const char* s = Attr(attrs, "s");
    st->style = s ? std::strtoul(s, nullptr, 10) : 0;
    st->value.clear();
    st->col = ColumnOf(Attr(attrs, "r"), st->col);
  } else if (n == "v" || n == "t") {
    st->in_text = true;
    st->text.clear();
  }
}

std::string TrimCell(std::string s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

void StopSheet(SheetState* st, std::string message) {
  st->error = std::move(message);
  XML_StopParser(st->parser, XML_FALSE);
}

void EndCell(SheetState* st) {
  std::string v = std::move(st->value);
  if (st->type == "s") {
    char* end = nullptr;
    unsigned long idx = std::strtoul(v.c_str(), &end, 10);
    if (v.empty() || *end || idx >= st->shared->size())
      return StopSheet(st, "xlsx工作簿引用了不存在的共享字符串");
    v = (*st->shared)[idx];
  } else if (st->type == "b") {
    v = v == "1" ? "是" : "否";
  } else if (st->type == "n" && !v.empty()) {
    bool date = st->style < st->date_xf->size() && (*st->date_xf)[st->style];
    char* end = nullptr;
    double d = std::strtod(v.c_str(), &end);
    if (date && !*end && d >= 0 && d < 2958466)
      v = SerialToDate(d, st->date1904);
    else
      v = NumberText(v);
  }
  if (st->col >= kMaxColumns || v.size() > kMaxCellBytes)
    return StopSheet(st, "第" + std::to_string(st->row.number) + "行列数或单元格长度超出限制");
  if (st->row.cells.size() <= st->col) st->row.cells.resize(st->col + 1);
  st->row.cells[st->col] = TrimCell(std::move(v));
  ++st->col;
}

void XMLCALL SheetEnd(void* data, const XML_Char* name) {
  auto* st = static_cast<SheetState*>(data);
  std::string_view n = Local(name);
  if ((n == "v" || n == "t") && st->in_text) {
    st->value += st->text;
    st->in_text = false;
  } else if (n == "c") {
    EndCell(st);
  } else if (n == "row") {
    st->next_row = st->row.number + 1;
    st->ready.push_back(std::move(st->row));
  }
}

class XlsxReader : public RowReader {
 public:
  ~XlsxReader() override { Close(); }
  Status Open(const std::string& path, const XlsxOptions& opt) {
    RETURN_IF_ERROR(zip_.Open(path));
    RETURN_IF_ERROR(ReadWorkbook(zip_, sheets_, date1904_));
    if (sheets_.empty()) return Refuse("xlsx工作簿中没有工作表");
    ASSIGN_OR_RETURN(date_xf_, ReadDateStyles(zip_));
    ASSIGN_OR_RETURN(shared_, ReadShared(zip_));
    if (opt.choose && sheets_.size() > 1) {
      for (size_t i = 0; i < sheets_.size(); ++i) {
        RETURN_IF_ERROR(Start(i));
        ASSIGN_OR_RETURN(bool any, Fill());
        if (any && opt.choose(st_->ready.front())) return {};
      }
    }
    return Start(0);  // no chooser, one sheet, or no sheet matched: the first one
  }
  Result<bool> Next(SheetRow& row) override {
    ASSIGN_OR_RETURN(bool any, Fill());
    if (!any) return false;
    row = std::move(st_->ready.front());
    st_->ready.pop_front();
    return true;
  }
  std::string SheetName() const override { return name_; }

 private:
  void Close() {
    if (st_ && st_->parser) XML_ParserFree(st_->parser);
    st_.reset();
  }
  Status Start(size_t i) {
    Close();
    name_ = sheets_[i].name;
    ASSIGN_OR_RETURN(in_, zip_.Entry(sheets_[i].part, kMaxEntryBytes));
    st_ = std::make_unique<SheetState>();
    st_->shared = &shared_;
    st_->date_xf = &date_xf_;
    st_->date1904 = date1904_;
    XML_Parser p = NewParser(st_.get());
    XML_SetElementHandler(p, SheetStart, SheetEnd);
    eof_ = false;
    return {};
  }
  // Parses until a row is ready; false at the end of the sheet.
  Result<bool> Fill() {
    while (st_->ready.empty() && !eof_) {
      ASSIGN_OR_RETURN(size_t n, in_->Read(buf_.data(), buf_.size()));
      eof_ = n == 0;
      RETURN_IF_ERROR(Feed(*st_, buf_.data(), n, eof_));
    }
    return !st_->ready.empty();
  }

  Zip zip_;
  std::vector<SheetPart> sheets_;
  bool date1904_ = false;
  std::vector<char> date_xf_;
  std::vector<std::string> shared_;
  std::unique_ptr<EntryStream> in_;
  std::unique_ptr<SheetState> st_;
  std::string name_;
  std::vector<char> buf_ = std::vector<char>(kChunk);
  bool eof_ = false;
};

}  // namespace

Result<std::unique_ptr<RowReader>> OpenXlsx(const std::string& path) {
  return OpenXlsx(path, XlsxOptions{});
}

Result<std::unique_ptr<RowReader>> OpenXlsx(const std::string& path, const XlsxOptions& options) {
  auto r = std::make_unique<XlsxReader>();
  RETURN_IF_ERROR(r->Open(path, options));
  return std::unique_ptr<RowReader>(std::move(r));
}

}  // namespace ruralec::spreadsheet
