// The screen's structs as JSON (docs/API.md "Dashboard"), shared by the routes and the
// statistics package's JSON.
#pragma once

#include "dashboard/package.h"
#include "dashboard/screen.h"
#include "http/server.h"

namespace ruralec::dashboard::api {

http::Json FigureJson(const Figure& f);
http::Json ScreenJson(const Screen& s);
http::Json RankRowJson(const RankRow& r);
// {region, name, kind, label, months, rows, sheets: [{key, label, indicator, params, unit,
// values: [[value|null per month] per row], missing?}], as_of}
http::Json PackageJson(const Package& p);

}  // namespace ruralec::dashboard::api
