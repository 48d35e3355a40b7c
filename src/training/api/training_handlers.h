// HTTP API of the training module (docs/API.md "Training"): JSON ⇄ the service's structs;
// permission and scope are checked by the service (training.h).
#pragma once

#include "http/server.h"
#include "training/training.h"

namespace ruralec::training::api {

void RegisterRoutes(http::Server& s, const Deps& d);
// Trainees, enrolments, attendance and the sign-in-sheet upload (trainee_routes.cc).
void RegisterTraineeRoutes(http::Server& s, const Deps& d);
// Follow-up settings, the due-for-follow-up list and the person-times matrix (followup_routes.cc).
void RegisterFollowUpRoutes(http::Server& s, const Deps& d);

}  // namespace ruralec::training::api
