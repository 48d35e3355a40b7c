#include "runtime/import_undo.h"

#include "storage/in_list.h"

namespace ruralec::runtime {

ImportDependent ReferencesTo(std::string kind, std::string what, std::vector<Reference> refs) {
  ImportDependent d{std::move(kind)};
  d.check = [what = std::move(what), refs = std::move(refs)](
                storage::Connection& conn, const std::vector<int64_t>& created) -> Status {
    for (const Reference& r : refs) {
      ASSIGN_OR_RETURN(int64_t n, storage::CountWhereIn(conn, r.count_head, created));
      if (n > 0)
        return Error::Conflict("本批导入的" + what + "已被 " + std::to_string(n) + " " + r.noun +
                               "引用，不能撤销");
    }
    return {};
  };
  return d;
}

}  // namespace ruralec::runtime
