#include "http/file_reply.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/date.h"

namespace ruralec::http {
namespace {

namespace fs = std::filesystem;

bool IsCsv(const std::string& filename) {
  return filename.size() > 4 && filename.substr(filename.size() - 4) == ".csv";
}

Result<std::string> ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return Error::Internal("导出文件读取失败");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "ruralec-XXXXXX").string();
  if (char* p = mkdtemp(tmpl.data())) path = p;
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path.empty()) fs::remove_all(path, ec);
}

void BytesReply(std::string bytes, const std::string& filename, Reply& reply) {
  reply.raw_body = std::move(bytes);
  bool pdf = filename.size() > 4 && filename.compare(filename.size() - 4, 4, ".pdf") == 0;
  reply.content_type = IsCsv(filename) ? kCsvType : pdf ? "application/pdf" : kXlsxType;
  reply.filename = filename;
}

Status XlsxReply(const spreadsheet::Sheet& sheet, const std::string& filename, Reply& reply) {
  TempDir dir;
  if (dir.path.empty()) return Error::Internal("无法创建临时目录");
  // The name on disk is fixed: `filename` is the client's name and may hold any text.
  auto path = dir.path / (IsCsv(filename) ? "out.csv" : "out.xlsx");
  RETURN_IF_ERROR(IsCsv(filename) ? spreadsheet::WriteCsv(path.string(), sheet)
                                  : spreadsheet::WriteXlsx(path.string(), sheet));
  ASSIGN_OR_RETURN(std::string bytes, ReadAll(path));
  BytesReply(std::move(bytes), filename, reply);
  return {};
}

Status FileReply(const Request& req, const spreadsheet::Sheet& sheet, const std::string& stem,
                 Reply& reply) {
  std::string format = req.Query("format");
  if (format.empty()) format = "xlsx";
  if (format != "xlsx" && format != "csv") return Error::Invalid("format", "格式应为 xlsx 或 csv");
  return XlsxReply(sheet, stem + "." + format, reply);
}

std::string DatedStem(const std::string& title, int64_t now_ms) {
  return title + "_" + ShanghaiDate(now_ms).ToString();
}

}  // namespace ruralec::http
