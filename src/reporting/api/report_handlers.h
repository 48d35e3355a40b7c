// HTTP routes of reported indicator values (docs/API.md "Reported values"):
// GET  /reports/indicators             (report:read; the reportable indicators, units, params)
// GET  /reports                        (report:read; paginated, scoped by region)
// GET  /reports/{id}                   (report:read; with evidence files and every version)
// POST /reports                        (report:submit; 201 new version, 200 pending replaced)
// POST /reports/{id}/confirm           (report:confirm; not the reporter, evidence needed)
// POST /reports/{id}/reject            (report:confirm; a reason)
// POST /reports/{id}/files             (report:submit, multipart part `file`)
// GET  /reports/{id}/files/{file}      (report:read, audited)
#pragma once

#include "http/server.h"
#include "reporting/reporting.h"
#include "runtime/indicators.h"

namespace ruralec::reporting::api {

void RegisterRoutes(http::Server& s, const Deps& d, const runtime::IndicatorRegistry& registry);

}  // namespace ruralec::reporting::api
