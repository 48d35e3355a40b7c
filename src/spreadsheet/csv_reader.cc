#include <iconv.h>
#include <sodium.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "spreadsheet/spreadsheet.h"

namespace ruralec::spreadsheet {
namespace {

Error Refuse(std::string message) { return Error::Invalid("file", std::move(message)); }

bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // ASCII fast path
      ++i;
      continue;
    }
    size_t n = (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 9;
    if (n == 9 || i + n > s.size() - 1) return false;
    for (size_t k = 1; k <= n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    }
    i += n + 1;
  }
  return true;
}

bool Space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// `out` = `s` without surrounding whitespace; reuses out's capacity.
void AssignTrimmed(std::string& out, const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && Space(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && Space(static_cast<unsigned char>(s[e - 1]))) --e;
  out.assign(s, b, e - b);
}

bool BlankSoFar(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return Space(static_cast<unsigned char>(c)); });
}

// A byte stream re-encoded to UTF-8 by iconv as it is read, 64 KiB at a time; a sequence split
// across two reads is carried over. failed(): bytes that are not valid in `from` (or a truncated
// last sequence) ended the stream early. out_newlines(): '\n' bytes produced so far.
class ConvertBuf : public std::streambuf {
 public:
  ConvertBuf(std::unique_ptr<std::istream> src, const char* from)
      : src_(std::move(src)), cd_(iconv_open("UTF-8", from)), in_(1 << 16), out_(1 << 18) {}
  ~ConvertBuf() override {
    if (cd_ != reinterpret_cast<iconv_t>(-1)) iconv_close(cd_);
  }
  ConvertBuf(const ConvertBuf&) = delete;
  ConvertBuf& operator=(const ConvertBuf&) = delete;
  bool failed() const { return failed_; }
  int64_t out_newlines() const { return newlines_; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (cd_ == reinterpret_cast<iconv_t>(-1)) return Fail();
    for (;;) {
      if (!src_eof_ && in_len_ < in_.size()) {
        src_->read(in_.data() + in_len_, static_cast<std::streamsize>(in_.size() - in_len_));
        auto n = static_cast<size_t>(src_->gcount());
        src_eof_ = n == 0;
        in_len_ += n;
      }
      if (in_len_ == 0) return traits_type::eof();
      char* ip = in_.data();
      char* op = out_.data();
      size_t il = in_len_, ol = out_.size();
      size_t r = iconv(cd_, &ip, &il, &op, &ol);
      int err = r == static_cast<size_t>(-1) ? errno : 0;
      std::memmove(in_.data(), ip, il);
      in_len_ = il;
      auto produced = static_cast<size_t>(op - out_.data());
      if (produced > 0) {
        newlines_ += std::count(out_.data(), op, '\n');
        setg(out_.data(), out_.data(), op);
        return traits_type::to_int_type(*gptr());
      }
      if (err == EILSEQ || (err == EINVAL && src_eof_)) return Fail();
    }
  }

 private:
  int_type Fail() {
    failed_ = true;
    return traits_type::eof();
  }
  std::unique_ptr<std::istream> src_;
  iconv_t cd_;
  std::vector<char> in_, out_;
  size_t in_len_ = 0;
  bool src_eof_ = false, failed_ = false;
  int64_t newlines_ = 0;
};

// An istream owning its ConvertBuf.
class ConvertStream : public std::istream {
 public:
  ConvertStream(std::unique_ptr<std::istream> src, const char* from)
      : std::istream(nullptr), buf_(std::move(src), from) {
    rdbuf(&buf_);
  }
  const ConvertBuf& buf() const { return buf_; }

 private:
  ConvertBuf buf_;
};

// RFC 4180 reader over any byte source, read in 64 KiB chunks. The row's cell strings are
// reused from one row to the next, so a steady stream of rows allocates nothing.
class CsvReader : public RowReader {
 public:
  explicit CsvReader(std::unique_ptr<std::istream> in) : in_(std::move(in)), buf_(1 << 16) {}
  // Reads a file converted from GB18030 (`conv` is in's buffer).
  CsvReader(std::unique_ptr<ConvertStream> in, bool)
      : conv_(&in->buf()), in_(std::move(in)), buf_(1 << 16) {}
  std::string Encoding() const override { return conv_ ? "GBK" : "UTF-8"; }

  Result<bool> Next(SheetRow& row) override {
    ncells_ = 0;
    int c = Get();
    if (c == EOF) return false;
    if (record_ == 0 && c == 0xEF) {  // UTF-8 BOM
      if (Get() != 0xBB || Get() != 0xBF) return Refuse("文件不是UTF-8编码，请另存为“CSV UTF-8”");
      c = Get();
      if (c == EOF) return false;
    }
    row.number = ++record_;
    std::string& cell = cell_;
    cell.clear();
    bool quoted = false, was_quoted = false;
    for (;; c = Get()) {
      if (c == EOF) {
        if (conv_ && conv_->failed())
          return Refuse("第" + std::to_string(row.number) + "行含有GBK编码中没有的字符");
        if (quoted) return Refuse("第" + std::to_string(row.number) + "行引号未闭合");
        break;
      }
      if (quoted) {
        if (c == '"') {
          if (Peek() == '"') {
            Get();
            cell += '"';
          } else {
            quoted = false;
          }
        } else {
          cell += static_cast<char>(c);
        }
      } else if (c == '"' && !was_quoted && BlankSoFar(cell)) {
        quoted = was_quoted = true;
        cell.clear();
      } else if (c == ',') {
        RETURN_IF_ERROR(Push(row, cell));
        was_quoted = false;
      } else if (c == '\n') {
        break;
      } else if (c != '\r' || (Peek() != '\n' && Peek() != EOF)) {
        cell += static_cast<char>(c);
      }
      if (cell.size() > kMaxCellBytes)
        return Refuse("第" + std::to_string(row.number) + "行有单元格超过32767字节");
    }
    RETURN_IF_ERROR(Push(row, cell));
    row.cells.resize(ncells_);
    return true;
  }

 private:
  Status Push(SheetRow& row, std::string& cell) {
    if (!ValidUtf8(cell))
      return Refuse("第" + std::to_string(row.number) + "行含有非UTF-8字符，请另存为“CSV UTF-8”");
    if (ncells_ >= kMaxColumns) return Refuse("列数超过256列");
    if (ncells_ == row.cells.size()) row.cells.emplace_back();
    AssignTrimmed(row.cells[ncells_++], cell);
    cell.clear();
    return {};
  }
  bool Fill() {
    if (eof_) return false;
    in_->read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    end_ = static_cast<size_t>(in_->gcount());
    pos_ = 0;
    eof_ = end_ == 0;
    return !eof_;
  }
  int Get() {
    if (pos_ == end_ && !Fill()) return EOF;
    return static_cast<unsigned char>(buf_[pos_++]);
  }
  int Peek() {
    if (pos_ == end_ && !Fill()) return EOF;
    return static_cast<unsigned char>(buf_[pos_]);
  }

  const ConvertBuf* conv_ = nullptr;
  std::unique_ptr<std::istream> in_;
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0, ncells_ = 0;
  bool eof_ = false;
  std::string cell_;
  int64_t record_ = 0;
};

bool EndsWith(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  std::string tail = s.substr(s.size() - suffix.size());
  std::transform(tail.begin(), tail.end(), tail.begin(), ::tolower);
  return tail == suffix;
}

Result<std::string> LeadingBytes(const std::string& path, size_t n) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Refuse("无法打开文件 " + path);
  std::string buf(n, '\0');
  f.read(buf.data(), static_cast<std::streamsize>(n));
  buf.resize(static_cast<size_t>(f.gcount()));
  return buf;
}

// The first line at which `path` stops decoding as `from` (1-based), or 0 when all of it does.
int64_t FirstBadLine(const std::string& path, const char* from) {
  ConvertStream in(std::make_unique<std::ifstream>(path, std::ios::binary), from);
  std::vector<char> sink(1 << 16);
  while (in.read(sink.data(), static_cast<std::streamsize>(sink.size())) || in.gcount() > 0) {
  }
  return in.buf().failed() ? in.buf().out_newlines() + 1 : 0;
}

// Excel on Chinese Windows saves "CSV (逗号分隔)" in GBK. A file is read as UTF-8 when it starts
// with the UTF-8 BOM or decodes as UTF-8 throughout, else as GB18030 (the superset of GBK and
// GB2312) when it decodes as that; otherwise it is refused, naming the first undecodable line.
Result<bool> IsGbk(const std::string& path, const std::string& head) {
  if (head.rfind("\xEF\xBB\xBF", 0) == 0 || FirstBadLine(path, "UTF-8") == 0) return false;
  int64_t bad = FirstBadLine(path, "GB18030");
  if (bad == 0) return true;
  return Refuse("第" + std::to_string(bad) +
                "行含有无法识别的字符：文件既不是UTF-8也不是GBK编码，请另存为“CSV UTF-8”");
}

}  // namespace

bool SheetRow::Blank() const {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); });
}

Result<std::unique_ptr<RowReader>> OpenCsv(const std::string& path) {
  ASSIGN_OR_RETURN(std::string head, LeadingBytes(path, 8));
  if (head.rfind("PK\x03\x04", 0) == 0 || head.rfind("\xD0\xCF\x11\xE0", 0) == 0)
    return Refuse("文件内容是Excel工作簿，与扩展名.csv不符");
  if (head.find('\0') != std::string::npos) return Refuse("文件不是文本格式的CSV");
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) return Refuse("无法打开文件 " + path);
  ASSIGN_OR_RETURN(bool gbk, IsGbk(path, head));
  if (gbk)
    return std::unique_ptr<RowReader>(std::make_unique<CsvReader>(
        std::make_unique<ConvertStream>(std::move(in), "GB18030"), true));
  return std::unique_ptr<RowReader>(std::make_unique<CsvReader>(std::move(in)));
}

std::unique_ptr<RowReader> CsvFromString(std::string text) {
  return std::make_unique<CsvReader>(std::make_unique<std::istringstream>(std::move(text)));
}

Result<std::unique_ptr<RowReader>> Open(const std::string& path) {
  return Open(path, XlsxOptions{});
}

Result<std::unique_ptr<RowReader>> Open(const std::string& path, const XlsxOptions& options) {
  if (EndsWith(path, ".csv")) return OpenCsv(path);
  if (EndsWith(path, ".xlsx")) {
    ASSIGN_OR_RETURN(std::string head, LeadingBytes(path, 4));
    if (head != std::string("PK\x03\x04", 4)) return Refuse("文件内容不是xlsx工作簿，与扩展名不符");
    return OpenXlsx(path, options);
  }
  return Refuse("只支持 .csv 或 .xlsx 文件");
}

Result<std::string> FileSha256(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Refuse("无法打开文件 " + path);
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  std::vector<char> buf(1 << 16);
  while (f) {
    f.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    auto n = static_cast<unsigned long long>(f.gcount());
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(buf.data()), n);
  }
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, out);
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return std::string(hex);
}

}  // namespace ruralec::spreadsheet
