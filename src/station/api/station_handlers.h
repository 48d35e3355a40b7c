// HTTP API of the station registry (docs/API.md "Village service stations"): JSON ⇄ the
// service's structs; permission and scope are checked by the service (station.h).
#pragma once

#include "http/server.h"
#include "station/records.h"
#include "station/station.h"

namespace ruralec::station::api {

void RegisterRoutes(http::Server& s, const Deps& d);
// The service records, the record items and the uploads (record_routes.cc).
void RegisterRecordRoutes(http::Server& s, const Deps& d);
// The per-event records of a station (event_routes.cc).
void RegisterEventRoutes(http::Server& s, const Deps& d);
// Assessment templates, assessments, follow-ups and the ranking (assessment_routes.cc).
void RegisterAssessmentRoutes(http::Server& s, const Deps& d);

// The JSON of a station as GET /stations/{id} returns it (without history).
http::Json StationJson(const Station& s);
// The JSON of a monthly service record (GET /stations/{id}/records).
http::Json RecordJson(const ServiceRecord& r);

}  // namespace ruralec::station::api
