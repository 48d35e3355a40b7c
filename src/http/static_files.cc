#include "http/static_files.h"

#include <sys/stat.h>

#include <ctime>
#include <fstream>
#include <sstream>
#include <vector>

namespace ruralec::http {
namespace {

namespace fs = std::filesystem;

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> SplitComma(std::string_view s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t end = s.find(',', pos);
    if (end == std::string_view::npos) end = s.size();
    if (std::string t = Trim(s.substr(pos, end - pos)); !t.empty()) out.push_back(t);
    pos = end + 1;
  }
  return out;
}

// Whether Accept-Encoding lists `coding` (or `*`) without q=0.
bool Accepts(std::string_view accept_encoding, std::string_view coding) {
  for (const std::string& item : SplitComma(accept_encoding)) {
    size_t semi = item.find(';');
    std::string name = Trim(std::string_view(item).substr(0, semi));
    if (name != coding && name != "*") continue;
    if (semi == std::string::npos) return true;
    std::string param = Trim(std::string_view(item).substr(semi + 1));
    if (param.rfind("q=", 0) != 0) return true;
    return std::strtod(param.c_str() + 2, nullptr) > 0;
  }
  return false;
}

// `path` as a file inside `root`, or nullopt. Refuses any `..` segment, backslash or NUL before
// touching the file system, then checks the resolved file still lies inside the resolved root.
std::optional<fs::path> Resolve(const fs::path& root, std::string_view path) {
  if (path.empty() || path[0] != '/') return std::nullopt;
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos)
    return std::nullopt;
  fs::path rel(path.substr(1));
  for (const auto& part : rel)
    if (part == "..") return std::nullopt;
  if (path == "/") rel = "index.html";
  std::error_code ec;
  fs::path base = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  fs::path file = fs::weakly_canonical(base / rel, ec);
  if (ec || !fs::is_regular_file(file, ec)) return std::nullopt;
  auto [b, f] = std::mismatch(base.begin(), base.end(), file.begin(), file.end());
  if (b != base.end()) return std::nullopt;
  return file;
}

struct Stat {
  uintmax_t size = 0;
  int64_t mtime_s = 0, mtime_ns = 0;
};

std::optional<Stat> StatOf(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return std::nullopt;
  return Stat{static_cast<uintmax_t>(st.st_size), st.st_mtim.tv_sec, st.st_mtim.tv_nsec};
}

std::string HttpDate(int64_t epoch_s) {
  std::time_t t = epoch_s;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

// A strong validator of the bytes sent: size and modification time of the stored variant.
std::string ETagOf(const Stat& s, std::string_view coding) {
  std::ostringstream o;
  o << '"' << std::hex << s.size << '-' << s.mtime_s << '.' << s.mtime_ns;
  if (!coding.empty()) o << '-' << coding;
  o << '"';
  return o.str();
}

bool Matches(std::string_view if_none_match, const std::string& etag) {
  for (std::string tag : SplitComma(if_none_match)) {
    if (tag == "*") return true;
    if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);  // GET compares weakly
    if (tag == etag) return true;
  }
  return false;
}

std::shared_ptr<const std::string> ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::make_shared<const std::string>(ss.str());
}

// The stored variant to send: brotli, then gzip, when accepted and written by the build.
std::pair<fs::path, std::string> Variant(const fs::path& file, std::string_view accept) {
  for (const char* coding : {"br", "gzip"}) {
    fs::path alt = file;
    alt += std::string_view(coding) == "br" ? ".br" : ".gz";
    std::error_code ec;
    if (Accepts(accept, coding) && fs::is_regular_file(alt, ec)) return {alt, coding};
  }
  return {file, ""};
}

}  // namespace

std::string ContentTypeOf(const fs::path& file) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
  };
  auto it = kTypes.find(file.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

std::optional<StaticReply> ServeStatic(const fs::path& root, const StaticRequest& req,
                                       bool fallback_index) {
  std::optional<fs::path> file = Resolve(root, req.path);
  bool immutable = req.path.rfind("/assets/", 0) == 0;
  if (!file && fallback_index && !immutable) file = Resolve(root, "/index.html");
  if (!file) return std::nullopt;
  auto [stored, coding] = Variant(*file, req.accept_encoding);
  std::optional<Stat> st = StatOf(stored);
  if (!st) return std::nullopt;
  StaticReply r;
  r.content_type = ContentTypeOf(*file);
  r.headers["Cache-Control"] = immutable ? "public, max-age=31536000, immutable" : "no-cache";
  r.headers["ETag"] = ETagOf(*st, coding);
  r.headers["Last-Modified"] = HttpDate(st->mtime_s);
  r.headers["Vary"] = "Accept-Encoding";
  if (!coding.empty()) r.headers["Content-Encoding"] = coding;
  if (Matches(req.if_none_match, r.headers["ETag"])) {
    r.status = 304;
    return r;
  }
  r.body = ReadAll(stored);
  if (!r.body) return std::nullopt;
  return r;
}

}  // namespace ruralec::http
