#include "attachments/module.h"

namespace ruralec::attachments {

// A platform service without routes of its own: the owning modules serve their files.
const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "attachments";
    m.title = "附件";
    m.tables = {"attachments"};
    return m;
  }();
  return m;
}

}  // namespace ruralec::attachments
