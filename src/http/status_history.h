// JSON of a dated status history (storage/status_history.h), written once for every module
// that keeps one (stations, designations): the reply's "history" array and the body of a
// status change request.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "http/server.h"
#include "storage/status_history.h"

namespace ruralec::http {

// [{from, to, to_label, date, reason, document_no, recorded_by, recorded_at}], oldest first;
// `from` null on the first row. `name`/`label` give a status's code name and Chinese label.
template <class S>
Json StatusHistoryJson(const std::vector<storage::StatusChange<S>>& changes, const char* (*name)(S),
                       const char* (*label)(S)) {
  Json out = Json::array();
  for (const auto& c : changes) {
    out.push_back({{"from", c.from ? Json(name(*c.from)) : Json(nullptr)},
                   {"to", name(c.to)},
                   {"to_label", label(c.to)},
                   {"date", c.changed_on.ToString()},
                   {"reason", c.reason},
                   {"document_no", c.document_no},
                   {"recorded_by", c.recorded_by_name},
                   {"recorded_at", TimeJson(c.recorded_at)}});
  }
  return out;
}

// The date of a change from `field` of the body: absent or "" is `today` when given, else
// kInvalidArgument naming the field (请填写变更日期).
Result<CivilDate> ChangeDate(const Json& body, const std::string& field,
                             std::optional<CivilDate> today);

// {"status", <date_field>, "reason", "document_no"} → NewStatus; `parse(text, field)` reads the
// module's status (code name or label).
template <class S, class Parse>
Result<storage::NewStatus<S>> NewStatusFrom(const Json& body, const std::string& date_field,
                                            std::optional<CivilDate> today, Parse parse) {
  storage::NewStatus<S> c;
  ASSIGN_OR_RETURN(std::string status, RequiredString(body, "status"));
  ASSIGN_OR_RETURN(c.to, parse(status, "status"));
  ASSIGN_OR_RETURN(c.on, ChangeDate(body, date_field, today));
  ASSIGN_OR_RETURN(auto reason, OptionalString(body, "reason"));
  ASSIGN_OR_RETURN(auto doc, OptionalString(body, "document_no"));
  c.reason = reason.value_or("");
  c.document_no = doc.value_or("");
  return c;
}

}  // namespace ruralec::http
