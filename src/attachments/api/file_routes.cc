#include "attachments/api/file_routes.h"

#include <algorithm>
#include <memory>

#include "http/audit_entry.h"
#include "http/list.h"
#include "http/params.h"

namespace ruralec::attachments::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

const Slot* FindSlot(const std::vector<Slot>& slots, const std::string& name) {
  auto it = std::find_if(slots.begin(), slots.end(), [&](const Slot& s) { return s.name == name; });
  return it == slots.end() ? nullptr : &*it;
}

Result<const Slot*> SlotOf(const FileRoutes& r, const std::string& name) {
  if (const Slot* s = FindSlot(r.slots, name)) return s;
  std::string names;
  for (const auto& s : r.slots) names += (names.empty() ? "" : "、") + s.name;
  return Error::Invalid("slot", "材料类别应为 " + names + " 之一");
}

Status MayRead(const FileRoutes& r, storage::Connection& conn, const account::Principal& who,
               int64_t id) {
  auto county = r.access(conn, who, id, false);
  if (!county.ok()) return county.take_error();
  return {};
}

// Checks, counts and stores one upload with its audit entry in one write transaction.
Result<File> AddUpload(const FileRoutes& r, storage::Database& db, const audit::AuditLog& audit,
                       const Clock& clock, Request& req, int64_t id) {
  auto slot_part = req.FormPart("slot");
  ASSIGN_OR_RETURN(const Slot* slot, SlotOf(r, slot_part ? slot_part->content : ""));
  auto part = req.FormPart("file");
  if (!part || part->filename.empty())
    return Error::Invalid("file", "请以 multipart/form-data 上传名为 file 的文件");
  ASSIGN_OR_RETURN(CheckedFile checked,
                   CheckAttachment(part->filename, part->content, slot->limits));
  const account::Principal& who = req.principal();
  auto conn = db.Acquire();
  return storage::InTransaction<File>(*conn, storage::TxMode::kWrite, [&]() -> Result<File> {
    ASSIGN_OR_RETURN(std::string county, r.access(*conn, who, id, true));
    ASSIGN_OR_RETURN(auto same, List(*conn, {r.module, r.kind, id}, slot->name));
    if (static_cast<int>(same.size()) >= slot->max_files)
      return Error::Conflict(slot->label + "最多 " + std::to_string(slot->max_files) + " 个文件",
                             "file");
    std::optional<int64_t> by;
    if (who.id.valid()) by = who.id.value;
    Upload up{{r.module, r.kind, id},
              county,
              slot->name,
              by,
              who.display_name.empty() ? who.username : who.display_name,
              clock.NowMs()};
    ASSIGN_OR_RETURN(File f, Store(*conn, up, checked, part->content));
    RETURN_IF_ERROR(audit.Append(
        *conn, http::AuditEntry(
                   req, r.audit_prefix + ".add", r.audit_type, id,
                   "file=" + std::to_string(f.id) + " slot=" + f.slot + " sha256=" + f.sha256)));
    return f;
  });
}

}  // namespace

Json FileJson(const File& f, const std::vector<Slot>& slots) {
  const Slot* slot = FindSlot(slots, f.slot);
  return {{"id", f.id},
          {"slot", f.slot},
          {"slot_label", slot ? slot->label : f.slot},
          {"filename", f.filename},
          {"content_type", f.content_type},
          {"size", f.size},
          {"sha256", f.sha256},
          {"uploaded_by", f.uploaded_name},
          {"created_at", http::TimeJson(f.created_at)}};
}

void Register(http::Server& s, storage::Database& db, const audit::AuditLog& audit,
              const Clock& clock, FileRoutes routes) {
  auto r = std::make_shared<const FileRoutes>(std::move(routes));
  std::string files = r->base + R"(/(\d+)/files)";
  s.Post(files, {true, r->write_permission},
         [r, &db, &audit, &clock](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(File f, AddUpload(*r, db, audit, clock, req, id));
           reply.status = 201;
           return FileJson(f, r->slots);
         });
  s.Get(files, {true, r->read_permission}, [r, &db](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(PageRequest page, req.Page());
    std::optional<std::string> slot;
    if (std::string v = req.Query("slot"); !v.empty()) {
      if (auto known = SlotOf(*r, v); !known.ok()) return known.take_error();
      slot = v;
    }
    auto conn = db.Acquire();
    RETURN_IF_ERROR(MayRead(*r, *conn, req.principal(), id));
    ASSIGN_OR_RETURN(auto all, List(*conn, {r->module, r->kind, id}, slot));
    return http::SlicePageJson(
        all, page, [](const File&) { return true; },
        [&](const File& f) { return FileJson(f, r->slots); });
  });
  s.Get(files + R"(/(\d+))", {true, r->read_permission},
        [r, &db, &audit](Request& req, Reply& reply) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(int64_t file_id, http::PathId(req, 2, "file_id"));
          auto conn = db.Acquire();
          RETURN_IF_ERROR(MayRead(*r, *conn, req.principal(), id));
          ASSIGN_OR_RETURN(auto found, Read(*conn, {r->module, r->kind, id}, file_id));
          if (!found) return Error::NotFound("文件 " + std::to_string(file_id) + " 不存在");
          RETURN_IF_ERROR(audit.Append(
              *conn, http::AuditEntry(req, r->audit_prefix + ".download", r->audit_type, id,
                                      "file=" + std::to_string(file_id) + " slot=" +
                                          found->first.slot + " sha256=" + found->first.sha256)));
          reply.content_type = found->first.content_type;
          reply.filename = found->first.filename;
          reply.raw_body = std::move(found->second);
          return Json(nullptr);
        });
}

}  // namespace ruralec::attachments::api
