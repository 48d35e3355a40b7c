#include "http/status_history.h"

namespace ruralec::http {

Result<CivilDate> ChangeDate(const Json& body, const std::string& field,
                             std::optional<CivilDate> today) {
  ASSIGN_OR_RETURN(auto text, OptionalString(body, field));
  if (!text || text->empty()) {
    if (!today) return Error::Invalid(field, "请填写变更日期");
    return *today;
  }
  return CivilDate::Parse(*text, field);
}

}  // namespace ruralec::http
