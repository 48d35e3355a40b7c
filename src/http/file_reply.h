// File downloads (exports, templates, reports): the bytes, their content type and the
// attachment name in one place, so every handler answers a file the same way.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"
#include "http/server.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::http {

inline constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr const char* kCsvType = "text/csv; charset=utf-8";

// A private temporary directory (mkdtemp; empty path when that failed), removed with its files
// when the object goes: libxlsxwriter writes files only, uploads are read from files.
struct TempDir {
  std::filesystem::path path;
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

// Sets `reply` to send `bytes` as the attachment `filename`; the content type follows the
// extension (.csv → csv, .pdf → application/pdf, anything else → xlsx).
void BytesReply(std::string bytes, const std::string& filename, Reply& reply);
// Writes `sheet` as xlsx or csv (by the extension of `filename`) and sets `reply` to send it.
Status XlsxReply(const spreadsheet::Sheet& sheet, const std::string& filename, Reply& reply);
// The same, the format chosen by the `format` query parameter: "xlsx" (default) or "csv";
// anything else is kInvalidArgument naming "format". The file is `stem`.<format>.
Status FileReply(const Request& req, const spreadsheet::Sheet& sheet, const std::string& stem,
                 Reply& reply);
// An export's file stem: the Chinese title and the civil date (Asia/Shanghai) it was made,
// "网络销售台账_2026-12-06", so a clerk's downloads folder sorts and reads by itself.
std::string DatedStem(const std::string& title, int64_t now_ms);

}  // namespace ruralec::http
