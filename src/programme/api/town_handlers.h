// Town reports on town-led tasks over HTTP (issue 26 item 9, docs/PROGRESS.md "Town reports"):
// which region a caller's note reports for, which notes a caller may read, and the per-town
// table of a task.
#pragma once

#include <string>

#include "core/result.h"
#include "http/server.h"
#include "programme/progress_store.h"
#include "storage/db.h"

namespace ruralec::programme::api {

// The region a note of the caller on task `task` reports for, decided from the caller's scope,
// never from the client: a caller at town level or below reports for their town, and only on a
// task their town leads (403 otherwise); a county-level caller reports for the programme's
// region and needs programme:edit. `asked` (the request's optional "region") must name that same
// region (403 naming "region" otherwise: a town clerk cannot report for another town).
Result<std::string> NoteRegion(const http::Request& req, const StoredProgramme& sp, int task,
                               const std::string& asked);

// Whether the caller may read a note: its region is in their view (a town sees the county's
// notes and its own, not another town's).
bool MayReadNote(const http::Request& req, const TaskNote& note);

// The audit detail of a saved note: "task=N status=S region=CODE".
std::string NoteAuditDetail(const TaskNote& note);

// How many towns lead task `task` (0: the county reports it); 0 when it cannot be told.
int LeadingTownCount(const StoredProgramme& sp, int task);

// GET /programmes/{id}/tasks/{number}/towns (programme:read).
void RegisterTownRoutes(http::Server& s, storage::Database& db);

}  // namespace ruralec::programme::api
