// Helpers for the import-undo hooks of runtime/module.h (ImportUndo, ImportDependent).
#pragma once

#include <string>
#include <vector>

#include "runtime/module.h"

namespace ruralec::runtime {

// One kind of record that may refer to an imported id: `count_head` is
// "SELECT COUNT(*) FROM <own table> WHERE <column>" (the ids follow as IN (…)), `noun` the
// Chinese name of the records ("条网络销售额", "个服务站点的承办企业").
struct Reference {
  std::string count_head;
  std::string noun;
};

// An ImportDependent refusing with "本批导入的<what>已有 N <noun>引用，不能撤销" when any
// of `refs` counts a reference.
ImportDependent ReferencesTo(std::string kind, std::string what, std::vector<Reference> refs);

}  // namespace ruralec::runtime
