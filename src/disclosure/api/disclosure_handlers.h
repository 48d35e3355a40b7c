// The console's routes of the disclosure module (docs/API.md "Disclosure"): kinds, the sources a
// draft may name, the list and detail of publications, and the moves draft → submit → publish →
// withdraw (maker-checker: the publisher is another user).
#pragma once

#include "disclosure/disclosure.h"
#include "http/server.h"

namespace ruralec::disclosure::api {

void RegisterRoutes(http::Server& s, const Deps& d);

}  // namespace ruralec::disclosure::api
