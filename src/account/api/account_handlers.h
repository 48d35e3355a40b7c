// HTTP ⇄ domain for auth, users, roles and the password policy (see docs/API.md).
#pragma once

#include "account/account.h"
#include "http/server.h"

namespace ruralec::account::api {

http::Json UserJson(const User& u, const std::set<std::string>& permissions);
void RegisterRoutes(http::Server& server, Accounts& accounts);

}  // namespace ruralec::account::api
