// Shared pieces of the command line: the database flags every command takes, opening the
// context or failing, and the exit codes (README "Command line" is a contract for scripts:
// 0 done, 1 refused with the reason on stderr, 2 done with rejected rows).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "core/result.h"
#include "runtime/context.h"
#include "runtime/module.h"

namespace ruralec::runtime {

inline constexpr int kExitRefused = 1;
inline constexpr int kExitRowsRejected = 2;

// Adds `--db` (required) and `--key-file` to a command, bound to `o`.
void AddDbOptions(CLI::App* cmd, Options& o);

// Prints "错误: message [field]" on stderr and ends the command with exit code 1.
[[noreturn]] void Fail(const Error& e);
// Ends the command with `code` (after the caller printed what happened).
[[noreturn]] void Exit(int code);

// Opens the context through the environment or fails.
std::unique_ptr<Context> OpenOrFail(const CommandEnv& env, const Options& o);

// Where the npm reference data lives: $RURALEC_REFDATA, ./node_modules, or next to the binary.
std::string RefdataDir();
std::string ChinaDivisionDir();
std::string ChineseDaysJson();

}  // namespace ruralec::runtime
