#include <algorithm>
#include <cstring>

#include "attachments/attachments.h"
#include "core/validate.h"

namespace ruralec::attachments {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

uint32_t Le(std::string_view s, size_t at, int bytes) {
  uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}

// Entry names from the zip's central directory (located via the end-of-central-directory
// record in the last 64 KiB + 22 bytes). Empty when the structure does not hold together.
std::vector<std::string> ZipNames(std::string_view z) {
  std::vector<std::string> names;
  if (z.size() < 22) return names;
  size_t floor = z.size() > 65557 ? z.size() - 65557 : 0;
  size_t eocd = std::string_view::npos;
  for (size_t i = z.size() - 22 + 1; i-- > floor;) {
    if (z.compare(i, 4, "PK\x05\x06") == 0) {
      eocd = i;
      break;
    }
  }
  if (eocd == std::string_view::npos) return names;
  uint32_t count = Le(z, eocd + 10, 2), offset = Le(z, eocd + 16, 4);
  size_t p = offset;
  for (uint32_t n = 0; n < count; ++n) {
    if (p + 46 > z.size() || z.compare(p, 4, "PK\x01\x02") != 0) return {};
    size_t name_len = Le(z, p + 28, 2), extra = Le(z, p + 30, 2), comment = Le(z, p + 32, 2);
    if (p + 46 + name_len > z.size()) return {};
    names.emplace_back(z.substr(p + 46, name_len));
    p += 46 + name_len + extra + comment;
  }
  return names;
}

// Valid UTF-8 (no overlongs, surrogates or code points past U+10FFFF) and no control bytes
// other than tab, LF, CR and form feed.
bool IsPlainText(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) return false;
      ++i;
      continue;
    }
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + len > s.size()) return false;
    uint32_t cp = c & (0xFF >> (len + 1));
    for (int k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    i += len;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string Extension(std::string_view name) {
  size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? "" : Lower(name.substr(dot + 1));
}

const char* TypeOfExtension(const std::string& ext) {
  if (ext == "pdf") return kPdf;
  if (ext == "jpg" || ext == "jpeg") return kJpeg;
  if (ext == "png") return kPng;
  if (ext == "docx") return kDocx;
  if (ext == "xlsx") return kXlsx;
  if (ext == "txt") return kText;
  return nullptr;
}

// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
std::string CutUtf8(std::string s, size_t max) {
  if (s.size() <= max) return s;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

bool Allowed(const Limits& limits, const std::string& type) {
  return limits.types.empty() ||
         std::find(limits.types.begin(), limits.types.end(), type) != limits.types.end();
}

}  // namespace

Limits ImagesOnly(std::string message) { return {{kJpeg, kPng}, std::move(message)}; }

std::string SniffType(std::string_view b) {
  if (StartsWith(b, "%PDF-")) return kPdf;
  if (StartsWith(b, "\xFF\xD8\xFF")) return kJpeg;
  if (StartsWith(b, "\x89PNG\r\n\x1A\n")) return kPng;
  if (StartsWith(b, "PK\x03\x04")) {
    auto names = ZipNames(b);
    bool types = std::find(names.begin(), names.end(), "[Content_Types].xml") != names.end();
    if (types && std::find(names.begin(), names.end(), "word/document.xml") != names.end())
      return kDocx;
    if (types && std::find(names.begin(), names.end(), "xl/workbook.xml") != names.end())
      return kXlsx;
    return "";
  }
  std::string_view body = StartsWith(b, "\xEF\xBB\xBF") ? b.substr(3) : b;
  return !b.empty() && IsPlainText(body) ? kText : "";
}

std::string SanitizeFilename(std::string_view name) {
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  for (char ch : name) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F || std::strchr("<>:\"|?*", ch)) continue;
    out += ch;
  }
  if (!IsPlainText(out)) out.clear();  // not UTF-8: keep nothing of it
  out = validate::RemoveUnsafe(out);   // C1 and bidi controls (U+202E "gpj.exe" spoofing)
  size_t start = out.find_first_not_of(". ");
  out = start == std::string::npos ? "" : out.substr(start);
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  if (out.size() > kMaxFilenameBytes) {
    std::string ext = Extension(out);
    std::string stem = out.substr(0, out.size() - (ext.empty() ? 0 : ext.size() + 1));
    std::string tail = ext.empty() ? "" : "." + ext;
    out = CutUtf8(stem, kMaxFilenameBytes - std::min(tail.size(), kMaxFilenameBytes)) + tail;
  }
  return out;
}

Result<CheckedFile> CheckAttachment(std::string_view filename, std::string_view bytes,
                                    const Limits& limits) {
  if (bytes.empty()) return Error::Invalid("file", "附件为空");
  if (bytes.size() > limits.max_bytes) {
    return Error::Invalid("file", "附件超过" + std::to_string(limits.max_bytes / 1024 / 1024) +
                                      " MiB（" + std::to_string(bytes.size()) + " 字节）");
  }
  std::string name = SanitizeFilename(filename);
  std::string sniffed = SniffType(bytes);
  if (sniffed.empty()) {
    return Error::Invalid("file", "附件类型不受支持：仅接受 pdf、jpg、png、docx、xlsx、txt");
  }
  const char* claimed = TypeOfExtension(Extension(name));
  if (!claimed) {
    return Error::Invalid("file", "附件扩展名应为 .pdf .jpg .jpeg .png .docx .xlsx .txt 之一");
  }
  if (sniffed != claimed) {
    return Error::Invalid("file", "附件内容与扩展名不符（扩展名 ." + Extension(name) + "）");
  }
  if (!Allowed(limits, sniffed)) return Error::Invalid("file", limits.types_message);
  return CheckedFile{name, sniffed};
}

}  // namespace ruralec::attachments
