// GET /audit/export (issue 26 item 10, 日志导出): the filtered audit log — or the login log,
// `action=auth.*` — as an xlsx (or csv) a person reads: actions, roles and outcomes in words,
// times in Beijing time, the sequence number a number; named 审计日志_/登录日志_<date>.
#pragma once

#include "http/server.h"
#include "runtime/context.h"

namespace ruralec::audit::api {

void RegisterExport(http::Server& s, runtime::Context& ctx);

}  // namespace ruralec::audit::api
