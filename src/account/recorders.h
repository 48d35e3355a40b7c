// Naming the recorders of rows (who entered a record, who changed a status) from account ids:
// one UserLabels read for the whole list. Used by station, designation and sales.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "account/account.h"
#include "storage/status_history.h"

namespace ruralec::account {

// Fills the display name of each item's recorder in one UserLabels read: `by(item)` gives the
// recording user's id (optional), `name(item)` the string to fill. Items without a recorder, or
// whose account is gone, keep their name.
template <class T, class By, class Name>
Status NameRecorders(storage::Connection& conn, std::vector<T>& items, By by, Name name) {
  std::vector<int64_t> ids;
  for (const auto& it : items)
    if (std::optional<int64_t> id = by(it)) ids.push_back(*id);
  if (ids.empty()) return {};
  ASSIGN_OR_RETURN(auto labels, UserLabels(conn, ids));
  for (auto& it : items) {
    std::optional<int64_t> id = by(it);
    if (!id) continue;
    if (auto found = labels.find(*id); found != labels.end()) name(it) = found->second.display_name;
  }
  return {};
}
// The same for a status history (storage::StatusChange's recorded_by → recorded_by_name).
template <class S>
Status NameRecorders(storage::Connection& conn, std::vector<storage::StatusChange<S>>& changes) {
  return NameRecorders(
      conn, changes, [](const auto& c) { return c.recorded_by; },
      [](auto& c) -> std::string& { return c.recorded_by_name; });
}

}  // namespace ruralec::account
