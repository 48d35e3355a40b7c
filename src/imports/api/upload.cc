#include "imports/api/upload.h"

#include <fstream>

#include "http/file_reply.h"
#include "http/params.h"
#include "imports/error_access.h"

namespace ruralec::imports::api {
namespace {

using http::Json;

bool EndsWith(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  std::string tail = s.substr(s.size() - suffix.size());
  for (auto& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == suffix;
}

// The uploaded file's base name, safe for a temp directory; the extension picks the reader.
Result<std::string> UploadName(const std::string& raw) {
  std::string name =
      raw.substr(raw.find_last_of("/\\") == std::string::npos ? 0 : raw.find_last_of("/\\") + 1);
  std::string ext = EndsWith(name, ".csv")     ? ".csv"
                    : EndsWith(name, ".xlsx")  ? ".xlsx"
                    : EndsWith(name, ".jsonl") ? ".jsonl"
                                               : "";
  if (ext.empty()) return Error::Invalid("file", "只接受 .xlsx 或 .csv 文件");
  // JSON lines (.jsonl) only for a module that reads them (the logistics scans); the others'
  // readers refuse the file (spreadsheet::Open: .csv or .xlsx).
  for (char c : name) {
    if (static_cast<unsigned char>(c) < 0x20) return std::string("upload") + ext;
  }
  if (name.size() > 200 || name[0] == '.') return std::string("upload") + ext;
  return name;
}

Json ReportJson(const ImportReport& rep) {
  Json errors = Json::array();
  for (size_t i = 0; i < rep.errors.size() && i < 100; ++i)
    errors.push_back({{"row", rep.errors[i].row},
                      {"column", rep.errors[i].column},
                      {"reason", rep.errors[i].reason}});
  return {{"batch_id", rep.rolled_back || rep.batch_id == 0 ? Json(nullptr) : Json(rep.batch_id)},
          {"already_imported", rep.already_imported},
          {"rolled_back", rep.rolled_back},
          {"rows_total", rep.rows_total},
          {"rows_imported", rep.rows_imported},
          {"rows_rejected", rep.rows_rejected},
          {"rows_already_imported", rep.rows_already_imported},
          {"rows_updated", rep.rows_updated},
          // rows that passed every check (written unless rolled_back)
          {"rows_valid", rep.rows_total - rep.rows_rejected - rep.rows_already_imported},
          {"encoding", rep.encoding.empty() ? Json(nullptr) : Json(rep.encoding)},
          {"sheet", rep.sheet.empty() ? Json(nullptr) : Json(rep.sheet)},
          {"errors", errors},
          {"error_report_id", nullptr},
          {"error_workbook", nullptr}};
}

}  // namespace

Result<Json> Upload(const ImportContext& ctx, http::Request& req, const std::string& kind,
                    const ImportFn& run) {
  auto part = req.FormPart("file");
  if (!part) return Error::Invalid("file", "请选择要上传的文件（multipart 字段 file）");
  ASSIGN_OR_RETURN(std::string name, UploadName(part->filename));
  auto mode_part = req.FormPart("mode");
  std::string mode_text = mode_part ? mode_part->content : req.Query("mode");
  ASSIGN_OR_RETURN(Mode mode, ParseMode(mode_text));
  http::TempDir dir;
  if (dir.path.empty()) return Error{ErrorCode::kInternal, "无法创建临时目录", ""};
  std::string path = (dir.path / name).string();
  {
    std::ofstream out(path, std::ios::binary);
    out.write(part->content.data(), static_cast<std::streamsize>(part->content.size()));
    if (!out) return Error{ErrorCode::kInternal, "上传文件保存失败", ""};
  }
  ImportOptions opt;
  auto update_part = req.FormPart("update_existing");
  std::string update = update_part ? update_part->content : req.Query("update_existing");
  if (!update.empty() && update != "true" && update != "false")
    return Error::Invalid("update_existing", "update_existing 应为 true 或 false");
  opt.update_existing = update == "true";
  ASSIGN_OR_RETURN(ImportReport rep, run(ctx, req.principal(), path, mode, opt));
  Json out = ReportJson(rep);
  if (rep.rows_rejected > 0 && !rep.already_imported) {
    ASSIGN_OR_RETURN(int64_t id, SaveErrorReport(ctx.db, ctx.cipher, req.principal(),
                                                 ctx.clock.NowMs(), kind, name, rep));
    out["error_report_id"] = id;
    out["error_workbook"] = "/api/v1/imports/errors/" + std::to_string(id);
    // Personal columns are masked in that one; the importer's own rows, unmasked (audited):
    if (!rep.personal.empty())
      out["error_workbook_unmasked"] = "/api/v1/imports/errors/" + std::to_string(id) + "/pii/rows";
  }
  return out;
}

void SetReadPermission(const std::string& kind, const std::string& permission) {
  SetErrorReadPermission(kind, permission);
}

namespace {

// The kept workbook, masked unless `unmasked` (then only for its importer, audited pii.view).
Result<Json> ServeErrorWorkbook(const ErrorRouteDeps& d, http::Request& req, http::Reply& reply,
                                bool unmasked) {
  ASSIGN_OR_RETURN(int64_t id, http::PathId(req, 1));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(StoredErrorReport stored, LoadErrorReport(*conn, d.cipher, id, d.clock.NowMs()));
  RETURN_IF_ERROR(MayReadErrorReport(req.principal(), stored, id));
  bool importer = stored.created_by && *stored.created_by == req.principal().id.value;
  if (unmasked && !importer)
    return Error::NotFound("错误报告 " + std::to_string(id) + " 不存在或已过期");
  if (unmasked) {
    RETURN_IF_ERROR(d.audit.Append(
        *conn, {req.principal().ToActor(), "pii.view", "import_error_report", std::to_string(id),
                audit::Outcome::kSuccess, "unmasked error workbook"}));
  } else {
    stored.report = MaskPersonal(std::move(stored.report));
  }
  RETURN_IF_ERROR(http::XlsxReply(ErrorSheet(stored.report),
                                  "import-errors-" + std::to_string(id) + ".xlsx", reply));
  return Json::object();
}

}  // namespace

void RegisterErrorRoute(http::Server& s, const ErrorRouteDeps& d) {
  s.Get(R"(/imports/errors/(\d+))", {}, [d](http::Request& req, http::Reply& reply) {
    return ServeErrorWorkbook(d, req, reply, false);
  });
  s.Get(R"(/imports/errors/(\d+)/pii/rows)", {}, [d](http::Request& req, http::Reply& reply) {
    return ServeErrorWorkbook(d, req, reply, true);
  });
}

}  // namespace ruralec::imports::api
