// A module's manifest: everything the composition root needs to plug a domain module in.
// Each module exports one `const runtime::Module& <module>::ModuleDef()` from `<m>/module.cc`;
// src/app/CMakeLists.txt lists the modules of the binary, and from that one list the process
// assembles the role grants, the dictionary endpoint, the audit action labels, the indicator
// registry, the HTTP route table and the command line (docs/MODULES.md).
// Contract:
//  - Names are unique across the modules of a binary: module names, permission names, dictionary
//    names, audit actions, table names (Validate checks it at start-up and in a test).
//  - `depends` lists the modules whose C++ API this one calls; a missing one fails Validate.
//  - `tables` are the tables the module's migrations create; only its own code names them in SQL
//    (tests/layout checks it).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "account/roles.h"
#include "core/clock.h"
#include "core/result.h"
#include "runtime/indicators.h"
#include "settings/settings.h"
#include "storage/db.h"
#include "storage/stamp.h"

namespace CLI {
class App;
}
namespace ruralec::http {
class Server;
}
namespace ruralec::account {
struct Principal;
}

namespace ruralec::runtime {

class Context;
struct Options;

struct Permission {
  std::string name;                // "module:object:action"
  std::string label;               // Chinese, for the roles page
  std::vector<std::string> roles;  // built-in roles that hold it
};

struct DictEntry {
  std::string value, label;
};

// What makes a dictionary extensible by a county (字典管理, docs/MODULES.md "Dictionaries"):
// county staff holding `permission` add entries for their county and disable or enable them
// again. The three functions store only, inside the caller's write transaction; the settings
// module checks the permission, the county, the entry (settings::CheckNewEntry / CheckUnique)
// and writes the audit entry. A module that keeps no table of its own leaves them empty and
// the generic store (settings::CountyEntries, table county_dict_entries) serves the dictionary.
struct DictExtension {
  std::string permission;  // declared in the owning module's manifest
  // The county's own entries (builtin false), disabled ones flagged.
  std::function<Result<std::vector<settings::CountyEntry>>(storage::Connection&,
                                                           const RegionCode& county)>
      additions;
  std::function<Status(storage::Connection&, const RegionCode& county, const settings::CountyEntry&,
                       storage::Stamp)>
      add;
  // kNotFound when the county has no such entry of its own.
  std::function<Status(storage::Connection&, const RegionCode& county, const std::string& value,
                       bool disabled, storage::Stamp)>
      set_disabled;
};

// The extension of dictionary `dict` kept in a module's own table, given its store functions:
// list(conn, county, dict) -> Result<vector<V>> of {value, label, builtin, disabled};
// add(conn, county, dict, V, Stamp) -> Status; disable(conn, county, dict, value, bool) -> Status.
template <typename V, typename List, typename Add, typename Disable>
DictExtension OwnTableExtension(std::string permission, std::string dict, List list, Add add,
                                Disable disable) {
  DictExtension x{std::move(permission)};
  x.additions = [dict, list](
                    storage::Connection& conn,
                    const RegionCode& county) -> Result<std::vector<settings::CountyEntry>> {
    ASSIGN_OR_RETURN(auto rows, list(conn, county, dict));
    std::vector<settings::CountyEntry> out;
    for (const auto& r : rows) out.push_back({r.value, r.label, false, r.disabled});
    return out;
  };
  x.add = [dict, add](storage::Connection& conn, const RegionCode& county,
                      const settings::CountyEntry& e, storage::Stamp stamp) -> Status {
    V v;
    v.value = e.value;
    v.label = e.label;
    v.builtin = false;
    return add(conn, county, dict, v, stamp);
  };
  x.set_disabled = [dict, disable](storage::Connection& conn, const RegionCode& county,
                                   const std::string& value, bool disabled,
                                   storage::Stamp) -> Status {
    return disable(conn, county, dict, value, disabled);
  };
  return x;
}

// A dictionary of select options and tags: fixed entries, or loaded per request.
struct Dict {
  std::string name;
  std::vector<DictEntry> entries;
  std::function<Result<std::vector<DictEntry>>(Context&)> load;  // set for data-backed ones
  std::string title;                       // Chinese, for 字典管理 ("" shows the name)
  std::optional<DictExtension> extension;  // set when counties add their own entries
};

struct AuditAction {
  std::string action, label;  // "sales.import", "导入网络销售额"
};

struct IndicatorSource {
  std::string indicator, source;
  ComputeFn fn;
};

// Several indicators answered together ({indicator, source} pairs and one computation).
struct IndicatorGroup {
  std::vector<std::pair<std::string, std::string>> indicators;
  ComputeGroupFn fn;
};

// Undo of an import batch (撤销导入, issue 26 item 10), offered by the module that imports the
// batch's kind. The imports module finds the batch, checks who may undo it, then, in one write
// transaction: `created` gives the ids of what the batch created (entities, ledger rows …);
// every module's ImportDependent of that kind checks them; `undo` checks the owner's own
// dependants and removes the rows — or, for a ledger, voids them (kept, no longer counted) —
// returning how many; the batch is marked undone and one audit entry written. A refusal is
// kConflict with a Chinese reason naming what depends on the rows.
struct ImportUndo {
  std::string kind;        // import_batches.kind
  std::string label;       // Chinese: "经营主体", "网络销售额"
  std::string permission;  // besides the importer, county-level holders of this may undo
  std::function<Result<std::vector<int64_t>>(storage::Connection&, int64_t batch_id)> created;
  std::function<Result<int64_t>(storage::Connection&, int64_t batch_id,
                                const std::vector<int64_t>& created, storage::Stamp)>
      undo;
};

// A module whose records may refer to what an import of `kind` created (sales rows referring
// to imported entities, award lines to imported ledger rows): kConflict with the reason when
// any of `created` is referred to.
struct ImportDependent {
  std::string kind;
  std::function<Status(storage::Connection&, const std::vector<int64_t>& created)> check;
};

// Work items (issue 26 item 11, docs/MODULES.md "Work items"): what the home page shows a caller,
// asked of each module per request (GET /home/work, runtime/work.h).
struct WorkTodo {
  std::string key;                // stable id, the console's locale key: "award.lists.proposed"
  std::string label;              // Chinese: "待审核的奖补清单"
  int64_t count = 0;              // how many things wait; a provider leaves out zero counts
  std::string severity = "info";  // info | warning | danger
  std::string link;               // console path showing them: "/awards?status=proposed"
};

struct KeyFigure {
  std::string key, label;  // "programme.targets.behind", "滞后目标"
  double value = 0;        // in `unit`
  std::string unit;        // "项", "万元"
  std::string link;
};

struct WorkItems {
  std::vector<WorkTodo> todos;
  std::vector<KeyFigure> figures;
};

// One provider: asked only for a caller holding `permission`; must filter by the caller's scope
// (Principal::region, binding) itself. It runs on its own thread under a time limit: it takes its
// own database connection and must not keep state between calls.
struct WorkProvider {
  std::string name;        // unique within the module: "approvals"
  std::string permission;  // "" = any signed-in caller
  std::function<Result<WorkItems>(Context&, const account::Principal&)> fn;
};

// What a module's commands receive: how to open the database with every module wired, the
// clock, and the process's module list (for commands that need all of them).
struct CommandEnv {
  std::function<Result<std::unique_ptr<Context>>(const Options&)> open;
  const Clock* clock = nullptr;
};

struct Module {
  std::string name;   // folder name under src/
  std::string title;  // Chinese
  std::vector<std::string> depends;
  std::vector<std::string> tables;
  std::vector<Permission> permissions;
  std::vector<Dict> dicts;
  // County parameters (参数设置) the module reads with settings::IntParam/BoolParam/ParamText;
  // names "<module>.<key>", unique across modules; served by GET/PUT /settings/params.
  std::vector<settings::ParamDef> params;
  std::vector<AuditAction> audit_actions;
  // Built-in roles whose users each act for one object of this module (role "entity" → one
  // business): see account::RoleBinding; the module limits such a user to its object.
  std::vector<account::RoleBinding> role_bindings;
  std::vector<IndicatorSource> indicators;
  std::vector<IndicatorGroup> indicator_groups;
  IndicatorCatalogue indicator_catalogue;  // at most one module defines the catalogue
  IndicatorUnit indicator_unit;            // given with the catalogue: base unit per id
  // Confirmed reports answering what no computation measured (at most one module: reporting);
  // see IndicatorRegistry::SetReported.
  ComputeGroupFn reported_values;
  std::vector<ImportUndo> import_undo;
  std::vector<ImportDependent> import_dependents;
  std::vector<WorkProvider> work;  // to-dos and key figures for the home page
  std::function<void(http::Server&, Context&)> routes;
  std::function<void(CLI::App&, const CommandEnv&)> commands;
};

using ModuleList = std::vector<const Module*>;

// Checks the contract above: unique names, declared dependencies present.
Status Validate(const ModuleList& modules);

}  // namespace ruralec::runtime
