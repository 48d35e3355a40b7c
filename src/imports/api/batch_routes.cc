#include "imports/api/batch_routes.h"

#include "account/stamp.h"
#include "core/date.h"
#include "http/audit_entry.h"
#include "http/list.h"
#include "http/params.h"
#include "imports/batches.h"

namespace ruralec::imports::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

const runtime::ImportUndo* UndoOf(const runtime::Context& ctx, const std::string& kind) {
  for (const runtime::Module* m : ctx.modules())
    for (const auto& u : m->import_undo)
      if (u.kind == kind) return &u;
  return nullptr;
}

Json BatchJson(const runtime::Context& ctx, const Batch& b, const account::Principal& who) {
  const runtime::ImportUndo* u = UndoOf(ctx, b.kind);
  Status may = Error::Conflict("此类导入不支持撤销");
  if (u) may = MayUndo(b, who, u->permission);
  return {{"id", b.id},
          {"kind", b.kind},
          {"kind_label", u ? u->label : b.kind},
          {"file_name", b.file_name},
          {"mode", b.mode},
          {"rows_total", b.rows_total},
          {"rows_imported", b.rows_imported},
          {"rows_rejected", b.rows_rejected},
          {"rows_updated", b.rows_updated},
          {"created_by_name", b.created_by_name},
          {"created_at", FormatUtc(b.created_at)},
          {"undone_at", b.undone_at ? Json(FormatUtc(*b.undone_at)) : Json(nullptr)},
          {"undone_by_name", b.undone_by_name},
          {"can_undo", may.ok()},
          {"undo_refusal", may.ok() ? "" : may.error().message}};
}

// Kinds whose every county batch the caller sees: those whose undo permission they hold at
// county level.
std::vector<std::string> CountyKinds(const runtime::Context& ctx, const account::Principal& who) {
  std::vector<std::string> out;
  if (who.region.empty() || who.region.level() != RegionLevel::kCounty) return out;
  for (const runtime::Module* m : ctx.modules())
    for (const auto& u : m->import_undo)
      if (who.Can(u.permission)) out.push_back(u.kind);
  return out;
}

Result<Json> Undo(runtime::Context& ctx, const Request& req, int64_t id) {
  const account::Principal& who = req.principal();
  auto conn = ctx.db().Acquire();
  Json out;
  RETURN_IF_ERROR(storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(Batch b, GetBatch(*conn, id));
    if (!who.CanSee(b.county.county())) return Error::NotFound("导入批次不存在");
    const runtime::ImportUndo* u = UndoOf(ctx, b.kind);
    if (!u) return Error::Conflict("此类导入（" + b.kind + "）不支持撤销");
    RETURN_IF_ERROR(MayUndo(b, who, u->permission));
    ASSIGN_OR_RETURN(std::vector<int64_t> created, u->created(*conn, id));
    for (const runtime::Module* m : ctx.modules())
      for (const auto& d : m->import_dependents)
        if (d.kind == b.kind) RETURN_IF_ERROR(d.check(*conn, created));
    storage::Stamp stamp = account::StampOf(who, ctx.clock().NowMs());
    ASSIGN_OR_RETURN(int64_t n, u->undo(*conn, id, created, stamp));
    RETURN_IF_ERROR(MarkUndone(*conn, id, stamp));
    out = {{"id", id}, {"kind", b.kind}, {"rows_undone", n}};
    return ctx.audit().Append(*conn, http::AuditEntry(req, "import.undo", "import_batch", id,
                                                      u->label + " 文件 " + b.file_name + " 撤销 " +
                                                          std::to_string(n) + " 行"));
  }));
  return out;
}

}  // namespace

void RegisterBatchRoutes(http::Server& s, runtime::Context& ctx) {
  s.Get("/imports/batches", {}, [&ctx](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(PageRequest page, req.Page());
    const account::Principal& who = req.principal();
    if (who.region.empty()) return Error::Forbidden("账号没有所属区划");
    BatchFilter f{who.region.county(), req.Query("kind"), who.id.value, CountyKinds(ctx, who)};
    auto conn = ctx.db().Acquire();
    ASSIGN_OR_RETURN(Page<Batch> p, ListBatches(*conn, f, page));
    return http::PageJson(p, page, [&](const Batch& b) { return BatchJson(ctx, b, who); });
  });
  s.Post(R"(/imports/batches/(\d+)/undo)", {}, [&ctx](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    return Undo(ctx, req, id);
  });
}

}  // namespace ruralec::imports::api
