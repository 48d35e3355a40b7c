#include "programme/api/town_handlers.h"

#include "http/list.h"
#include "programme/api/access.h"
#include "programme/evaluate.h"
#include "programme/town_tasks.h"

namespace ruralec::programme::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

struct TaskTowns {
  std::string task_text;
  std::vector<ResolvedRegion> towns;  // the leading towns, empty for a task no town leads
};

Result<TaskTowns> TownsOfTask(const StoredProgramme& sp, int task) {
  ASSIGN_OR_RETURN(auto programme, LoadProgramme(sp, DefaultDivisionDir()));
  ASSIGN_OR_RETURN(RegionCode root, RegionCode::Parse(sp.region_code));
  ASSIGN_OR_RETURN(const RegionDirectory* dir, CachedDirectory(DefaultDivisionDir(), root));
  for (const auto& t : programme->tasks) {
    if (t.number == task) return TaskTowns{t.text, LeadingTowns(t.lead_units, *dir)};
  }
  return Error::NotFound("方案没有序号为 " + std::to_string(task) + " 的任务");
}

// The region a town-level caller reports for: their town, when it leads the task.
Result<std::string> TownRegion(const RegionCode& town, const StoredProgramme& sp, int task) {
  ASSIGN_OR_RETURN(TaskTowns tt, TownsOfTask(sp, task));
  if (tt.towns.empty()) {
    return Error::Forbidden("任务 " + std::to_string(task) + " 不由乡镇牵头，由县级工作人员填报");
  }
  for (const auto& t : tt.towns) {
    if (t.code == town) return town.str();
  }
  return Error::Forbidden("本乡镇不是任务 " + std::to_string(task) + " 的牵头单位");
}

Json LatestJson(const std::optional<TaskNote>& n) {
  if (!n) return nullptr;
  return {{"id", n->id},
          {"text", n->text},
          {"status", n->status},
          {"author", n->author_name},
          {"created_at", http::TimeJson(n->created_at)}};
}

Json LineJson(const TownLine& l) {
  return {{"region_code", l.region.str()},
          {"region_name", l.region_name},
          {"notes", l.notes},
          {"status", l.status},
          {"reported", l.notes > 0},
          {"latest", LatestJson(l.latest)}};
}

Result<Json> Towns(storage::Database& db, Request& req) {
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(StoredProgramme sp, VisibleProgramme(*conn, req));
  ASSIGN_OR_RETURN(int number, KnownTask(sp, req));
  ASSIGN_OR_RETURN(TaskTowns tt, TownsOfTask(sp, number));
  ASSIGN_OR_RETURN(auto notes, ListTaskNotes(*conn, sp.id));
  auto lines = TownLines(tt.towns, notes, number);
  const auto& who = req.principal();
  auto visible = [&](const TownLine& l) { return who.CanSee(l.region); };
  int64_t shown = 0, reported = 0;
  for (const auto& l : lines) {
    if (!visible(l)) continue;
    ++shown;
    reported += l.notes > 0 ? 1 : 0;
  }
  Json out = http::SlicePageJson(lines, page, visible, LineJson);
  auto mine = NoteRegion(req, sp, number, "");
  out["task_number"] = number;
  out["town_led"] = !tt.towns.empty();
  out["towns_total"] = shown;
  out["towns_reported"] = reported;
  out["can_report"] = mine.ok();
  out["report_region"] = mine.ok() ? Json(*mine) : Json(nullptr);
  auto town = TownOf(who.region);  // the caller's own town: they see and edit its line only
  out["caller_town"] = town ? Json(town->str()) : Json(nullptr);
  return out;
}

}  // namespace

Result<std::string> NoteRegion(const Request& req, const StoredProgramme& sp, int task,
                               const std::string& asked) {
  const auto& who = req.principal();
  std::string region;
  if (auto town = TownOf(who.region)) {
    ASSIGN_OR_RETURN(region, TownRegion(*town, sp, task));
  } else {
    if (!who.Can("programme:edit")) {
      return Error::Forbidden("填报县级任务进展需要权限 programme:edit");
    }
    region = sp.region_code;
  }
  if (!asked.empty()) {
    auto parsed = RegionCode::Parse(asked);
    if (!parsed.ok() || parsed->str() != region) {
      return Error{ErrorCode::kForbidden,
                   "只能填报本人所在乡镇（或本级）的进展，不能代其他区划填报", "region"};
    }
  }
  return region;
}

std::string NoteAuditDetail(const TaskNote& note) {
  return "task=" + std::to_string(note.task_number) + " status=" + note.status +
         " region=" + note.region_code;
}

int LeadingTownCount(const StoredProgramme& sp, int task) {
  auto tt = TownsOfTask(sp, task);
  return tt.ok() ? static_cast<int>(tt->towns.size()) : 0;
}

bool MayReadNote(const Request& req, const TaskNote& note) {
  return req.principal().CanSee(note.region_code);
}

void RegisterTownRoutes(http::Server& s, storage::Database& db) {
  const http::Route read{.permission = "programme:read"};
  s.Get(R"(/programmes/(\d+)/tasks/(\d+)/towns)", read,
        [&db](Request& req, Reply&) { return Towns(db, req); });
}

}  // namespace ruralec::programme::api
