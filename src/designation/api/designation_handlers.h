// HTTP routes of demonstration designations (docs/API.md "Demonstration designations"):
// GET  /designations                      (designation:read; paginated, scoped by region)
// GET  /designations/ranking              (designation:read; villages by online sales)
// GET  /designations/{id}                 (designation:read; with history and files)
// POST /designations                      (designation:edit)
// PUT  /designations/{id}                 (designation:edit)
// POST /designations/{id}/status          (designation:edit)
// POST /designations/{id}/files           (designation:edit, multipart part `file`)
// GET  /designations/{id}/files/{file}    (designation:read, audited)
// POST /designations/import               (designation:edit, multipart; imports module report)
// GET  /designations/template             (designation:read; the import template)
#pragma once

#include "designation/designation.h"
#include "http/server.h"

namespace ruralec::designation::api {

http::Json DesignationJson(const Designation& d);
void RegisterRoutes(http::Server& s, const Deps& d);

}  // namespace ruralec::designation::api
