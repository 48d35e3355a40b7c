// Typed reads of a request's path, query and body, written once for every handler. Each
// refusal is kInvalidArgument naming the field (path capture, query parameter or body key) with
// a Chinese message, so the client can mark the offending input.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/date.h"
#include "core/result.h"
#include "core/types.h"
#include "http/server.h"

namespace ruralec::http {

// An id: a positive 64-bit decimal integer and nothing else ("0", "-1", "+1", " 1", "12x",
// "" and anything above 9223372036854775807 are refused naming `field`).
Result<int64_t> ParseId(std::string_view text, std::string_view field);
// Capture group `i` (1-based) of the route pattern as an id (ParseId).
Result<int64_t> PathId(const Request& req, size_t i = 1, std::string_view field = "id");

// Query parameters. Absent or empty: nullopt / the fallback.
// A required id (ParseId); absent is kInvalidArgument naming `name` too.
Result<int64_t> QueryId(const Request& req, const std::string& name);
Result<std::optional<int64_t>> QueryOptInt(const Request& req, const std::string& name);
Result<std::optional<bool>> QueryOptBool(const Request& req,
                                         const std::string& name);  // true/false/1/0
// A year within [2000, 2100]; absent: the clock's current Shanghai year.
Result<int> QueryYear(const Request& req, const Clock& clock, const std::string& name = "year");
// The region of query parameter `name`, which must lie in the caller's scope (403 otherwise);
// absent: the caller's own region.
Result<RegionCode> ScopedRegion(const Request& req, const std::string& name = "region_code");

// Body fields (a JSON object). Absent or null: nullopt. Integers are bounded by ±9e16 (the
// bound of Fen::Parse), so sums over many rows cannot overflow.
Result<std::optional<int64_t>> BodyOptInt(const Json& body, const std::string& field);
// An optional "YYYY-MM-DD" field: absent, null or "" → nullopt; anything else must parse
// (kInvalidArgument naming `field`).
Result<std::optional<CivilDate>> BodyOptDate(const Json& body, const std::string& field);
Result<std::optional<bool>> BodyOptBool(const Json& body, const std::string& field);
// A required id in the body (positive integer); kInvalidArgument naming `field` otherwise.
Result<int64_t> BodyId(const Json& body, const std::string& field);
// An optional array of ids (positive integers): absent or null → empty; anything else that is
// not such an array is kInvalidArgument naming `field`.
Result<std::vector<int64_t>> BodyIds(const Json& body, const std::string& field);

}  // namespace ruralec::http
