// The entries of a dictionary as one county sees them (字典管理, docs/MODULES.md
// "Dictionaries"): the built-in ones (fixed or loaded), then, for an extensible dictionary,
// the county's own additions from the owning module's store or the generic one.
#pragma once

#include <string>
#include <vector>

#include "runtime/context.h"
#include "runtime/module.h"
#include "settings/settings.h"

namespace ruralec::runtime {

struct FoundDict {
  const Module* module = nullptr;
  const Dict* dict = nullptr;
};

// Every dictionary of the process's modules, in module order.
std::vector<FoundDict> AllDicts(const Context& ctx);
// kNotFound ("字典 x 不存在") for a name no module declares.
Result<FoundDict> FindDict(const Context& ctx, const std::string& name);

// Built-in entries first, then the county's additions (disabled ones flagged; `county` empty:
// the built-in ones only).
Result<std::vector<settings::CountyEntry>> CountyDictEntries(Context& ctx,
                                                             storage::Connection& conn,
                                                             const Dict& d,
                                                             const RegionCode& county);

}  // namespace ruralec::runtime
