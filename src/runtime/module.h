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
#include <string>
#include <vector>

#include "account/roles.h"
#include "core/clock.h"
#include "core/result.h"
#include "runtime/indicators.h"

namespace CLI {
class App;
}
namespace ruralec::http {
class Server;
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

// A dictionary of select options and tags: fixed entries, or loaded per request.
struct Dict {
  std::string name;
  std::vector<DictEntry> entries;
  std::function<Result<std::vector<DictEntry>>(Context&)> load;  // set for data-backed ones
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
  std::vector<AuditAction> audit_actions;
  // Built-in roles whose users each act for one object of this module (role "entity" → one
  // business): see account::RoleBinding; the module limits such a user to its object.
  std::vector<account::RoleBinding> role_bindings;
  std::vector<IndicatorSource> indicators;
  std::vector<IndicatorGroup> indicator_groups;
  IndicatorCatalogue indicator_catalogue;  // at most one module defines the catalogue
  IndicatorUnit indicator_unit;            // given with the catalogue: base unit per id
  std::function<void(http::Server&, Context&)> routes;
  std::function<void(CLI::App&, const CommandEnv&)> commands;
};

using ModuleList = std::vector<const Module*>;

// Checks the contract above: unique names, declared dependencies present.
Status Validate(const ModuleList& modules);

}  // namespace ruralec::runtime
