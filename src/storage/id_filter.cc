#include "storage/id_filter.h"

#include <string>

namespace ruralec::storage {

Where& IdsIn(Where& w, std::string_view column, const std::vector<int64_t>& ids) {
  if (ids.empty()) return w;
  std::string marks;
  Params values;
  for (int64_t id : ids) {
    marks += marks.empty() ? "?" : ", ?";
    values.emplace_back(id);
  }
  return w.Sql(std::string(column) + " IN (" + marks + ")", std::move(values));
}

}  // namespace ruralec::storage
