// The `<group> import` and `<group> template` subcommands of an importing module (README
// "Command line"): flags --db, --key-file, --as, --mode, --errors and PATH; exit 0 when every
// row was imported (or the file was imported before), 1 when refused, 2 when rows were rejected
// (the error list written to --errors, default PATH.errors.xlsx).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "imports/imports.h"
#include "runtime/module.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::imports::cli {

// Adds `import` (described by `description`) running `run`, and `template` writing `tmpl()`, to
// `group`. The arguments live as long as the process.
void AddImportCommands(CLI::App* group, const runtime::CommandEnv& env, std::string description,
                       ImportFn run, std::function<spreadsheet::Sheet()> tmpl);

// Adds only `template --out FILE.xlsx|.csv` writing `tmpl()` to `group` (a module whose
// command line names its template apart from its import, e.g. `training template`).
void AddTemplateCommand(CLI::App* group, std::function<spreadsheet::Sheet()> tmpl);

}  // namespace ruralec::imports::cli
