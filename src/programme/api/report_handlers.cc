#include "programme/api/report_handlers.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "crypto/crypto.h"
#include "http/audit_entry.h"
#include "http/file_reply.h"
#include "http/list.h"
#include "programme/api/access.h"
#include "programme/api/town_handlers.h"
#include "programme/attachments.h"
#include "programme/evaluate.h"
#include "programme/report/quarterly_report.h"

namespace ruralec::programme::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

// libxlsxwriter writes files only: a private temporary file, read back and removed.
Result<std::string> WorkbookBytes(const report::ReportData& data) {
  namespace fs = std::filesystem;
  fs::path path =
      fs::temp_directory_path() / ("ruralec-report-" + crypto::RandomToken(12) + ".xlsx");
  Status st = report::WriteReportXlsx(data, path.string());
  std::string bytes;
  if (st.ok()) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
  }
  std::error_code ec;
  fs::remove(path, ec);
  if (!st.ok()) return Error::Internal(st.error().message);
  if (bytes.empty()) return Error::Internal("报告文件为空");
  return bytes;
}

Result<Json> Report(storage::Database& db, const audit::AuditLog& audit, const Clock& clock,
                    const IndicatorRegistry& indicators, Request& req, Reply& reply) {
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(StoredProgramme sp, VisibleProgramme(*conn, req));
  ASSIGN_OR_RETURN(report::Quarter q, report::ParseQuarter(req.Query("quarter")));
  ASSIGN_OR_RETURN(report::ReportData data,
                   report::BuildReport(*conn, indicators, sp.id, q, ShanghaiDate(clock.NowMs()),
                                       DefaultDivisionDir()));
  ASSIGN_OR_RETURN(std::string bytes, WorkbookBytes(data));
  RETURN_IF_ERROR(audit.Append(
      *conn, http::AuditEntry(req, "programme.report.export", "programme", sp.id,
                              "quarter=" + q.Label() + " as_of=" + data.as_of.ToString() +
                                  " bytes=" + std::to_string(bytes.size()))));
  http::BytesReply(std::move(bytes), report::ReportFileName(data), reply);
  return Json(nullptr);
}

Json AttachmentJson(const Attachment& a) {
  return {{"id", a.id},
          {"note_id", a.note_id},
          {"filename", a.filename},
          {"content_type", a.content_type},
          {"size", a.size},
          {"sha256", a.sha256},
          {"created_at", http::TimeJson(a.created_at)}};
}

Json NoteJson(const TaskNote& n, const std::vector<Attachment>& attachments) {
  Json files = Json::array();
  for (const auto& a : attachments) {
    if (a.note_id == n.id) files.push_back(AttachmentJson(a));
  }
  return {{"id", n.id},
          {"task_number", n.task_number},
          {"text", n.text},
          {"status", n.status},
          {"author", n.author_name},
          {"region_code", n.region_code},
          {"created_at", http::TimeJson(n.created_at)},
          {"attachments", files}};
}

Result<Json> ListNotes(storage::Database& db, Request& req) {
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(StoredProgramme sp, VisibleProgramme(*conn, req));
  ASSIGN_OR_RETURN(int number, KnownTask(sp, req));
  ASSIGN_OR_RETURN(auto notes, ListTaskNotes(*conn, sp.id));
  ASSIGN_OR_RETURN(auto files, ListAttachments(*conn, sp.id));
  std::string region;  // ?region=: the notes of one region (a town's line)
  if (!req.Query("region").empty()) {
    ASSIGN_OR_RETURN(RegionCode r, RegionCode::Parse(req.Query("region")));
    region = r.str();
  }
  auto keep = [&](const TaskNote& n) {
    return n.task_number == number && MayReadNote(req, n) &&
           (region.empty() || n.region_code == region);
  };
  return http::SlicePageJson(notes, page, keep,
                             [&](const TaskNote& n) { return NoteJson(n, files); });
}

// Inserts one attachment with its audit entry; the caller holds the write transaction.
Result<Attachment> SaveAttachment(storage::Connection& conn, const audit::AuditLog& audit,
                                  const Clock& clock, const Request& req, const StoredProgramme& sp,
                                  const TaskNote& note, const Request::Part& part) {
  const auto& who = req.principal();
  Attachment a;
  a.note_id = note.id;
  a.programme_id = sp.id;
  a.task_number = note.task_number;
  a.author_id = who.id.value;
  a.author_name = who.username;
  a.created_at = clock.NowMs();
  ASSIGN_OR_RETURN(Attachment saved,
                   AddAttachment(conn, sp.region_code, a, part.filename, part.content));
  RETURN_IF_ERROR(audit.Append(
      conn, http::AuditEntry(
                req, "programme.task.attachment", "programme", sp.id,
                "task=" + std::to_string(note.task_number) + " note=" + std::to_string(note.id) +
                    " attachment=" + std::to_string(saved.id) + " sha256=" + saved.sha256)));
  return saved;
}

// The part "file" must be a file (with a filename), not a plain form field. Absent: an error
// when `required`, else an empty part (a note without attachment).
Result<Request::Part> FilePart(const Request& req, bool required) {
  auto part = req.FormPart("file");
  if (part && part->filename.empty()) {
    return Error::Invalid("file", "file 须以文件形式上传（带文件名）");
  }
  if (!part) {
    if (required) return Error::Invalid("file", "请以 multipart/form-data 上传名为 file 的文件");
    return Request::Part{};
  }
  return *part;
}

Result<Json> AddToNote(storage::Database& db, const audit::AuditLog& audit, const Clock& clock,
                       Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(Request::Part part, FilePart(req, true));
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(StoredProgramme sp, VisibleProgramme(*conn, req));
  ASSIGN_OR_RETURN(int number, KnownTask(sp, req));
  ASSIGN_OR_RETURN(int64_t note_id, http::PathId(req, 3, "note_id"));
  ASSIGN_OR_RETURN(auto notes, ListTaskNotes(*conn, sp.id));
  const TaskNote* note = nullptr;
  for (const auto& n : notes) {
    if (n.id == note_id && n.task_number == number) note = &n;
  }
  if (!note || !MayReadNote(req, *note))
    return Error::NotFound("该任务没有编号为 " + req.Match(3) + " 的进展记录");
  ASSIGN_OR_RETURN(std::string region, NoteRegion(req, sp, number, ""));
  if (note->region_code != region)
    return Error::Forbidden("只能为本人所在乡镇（或本级）的进展记录上传附件");
  return storage::InTransaction<Json>(*conn, storage::TxMode::kWrite, [&]() -> Result<Json> {
    ASSIGN_OR_RETURN(Attachment saved, SaveAttachment(*conn, audit, clock, req, sp, *note, part));
    reply.status = 201;
    return AttachmentJson(saved);
  });
}

Result<Json> Download(storage::Database& db, const audit::AuditLog& audit, Request& req,
                      Reply& reply) {
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(StoredProgramme sp, VisibleProgramme(*conn, req));
  ASSIGN_OR_RETURN(int64_t id, http::PathId(req, 2, "attachment_id"));
  ASSIGN_OR_RETURN(auto found, GetAttachment(*conn, sp.id, id));
  ASSIGN_OR_RETURN(auto notes, ListTaskNotes(*conn, sp.id));
  for (const auto& n : notes) {
    if (n.id == found.first.note_id && !MayReadNote(req, n))
      return Error::NotFound("附件不存在: " + std::to_string(id));
  }
  RETURN_IF_ERROR(audit.Append(
      *conn,
      http::AuditEntry(req, "programme.attachment.download", "programme", sp.id,
                       "attachment=" + std::to_string(id) + " sha256=" + found.first.sha256)));
  reply.content_type = found.first.content_type;
  reply.filename = found.first.filename;
  reply.raw_body = std::move(found.second);
  return Json(nullptr);
}

}  // namespace

Result<Json> AddNoteMultipart(storage::Database& db, const audit::AuditLog& audit,
                              const Clock& clock, Request& req, Reply& reply) {
  auto text = req.FormPart("text");
  auto status = req.FormPart("status");
  auto asked = req.FormPart("region");
  ASSIGN_OR_RETURN(Request::Part part, FilePart(req, false));
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(StoredProgramme sp, VisibleProgramme(*conn, req));
  ASSIGN_OR_RETURN(int number, KnownTask(sp, req));
  ASSIGN_OR_RETURN(std::string region, NoteRegion(req, sp, number, asked ? asked->content : ""));
  const auto& who = req.principal();
  TaskNote note{0,
                sp.id,
                number,
                text ? text->content : "",
                status ? status->content : "",
                who.id.value,
                who.username,
                clock.NowMs(),
                region};
  return storage::InTransaction<Json>(*conn, storage::TxMode::kWrite, [&]() -> Result<Json> {
    ASSIGN_OR_RETURN(TaskNote saved, AddTaskNote(*conn, sp.region_code, note));
    RETURN_IF_ERROR(audit.Append(*conn, http::AuditEntry(req, "programme.task.note", "programme",
                                                         sp.id, NoteAuditDetail(saved))));
    std::vector<Attachment> files;
    if (!part.filename.empty()) {
      ASSIGN_OR_RETURN(Attachment a, SaveAttachment(*conn, audit, clock, req, sp, saved, part));
      files.push_back(a);
    }
    reply.status = 201;
    return NoteJson(saved, files);
  });
}

void RegisterReportRoute(http::Server& s, storage::Database& db, const audit::AuditLog& audit,
                         const Clock& clock, const IndicatorRegistry& indicators) {
  const http::Route read{.permission = "programme:read"};
  s.Get(R"(/programmes/(\d+)/report)", read,
        [&db, &audit, &clock, &indicators](Request& req, Reply& reply) {
          return Report(db, audit, clock, indicators, req, reply);
        });
}

void RegisterAttachmentRoutes(http::Server& s, storage::Database& db, const audit::AuditLog& audit,
                              const Clock& clock) {
  const std::string task = R"(/programmes/(\d+)/tasks/(\d+))";
  const http::Route read{.permission = "programme:read"};
  const http::Route report{.permission = "programme:task:report"};  // then NoteRegion
  s.Get(task + "/notes", read, [&db](Request& req, Reply&) { return ListNotes(db, req); });
  s.Post(task + R"(/notes/(\d+)/attachments)", report,
         [&db, &audit, &clock](Request& req, Reply& reply) {
           return AddToNote(db, audit, clock, req, reply);
         });
  s.Get(R"(/programmes/(\d+)/attachments/(\d+))", read,
        [&db, &audit](Request& req, Reply& reply) { return Download(db, audit, req, reply); });
}

}  // namespace ruralec::programme::api
