#include "audit/cli/audit_command.h"

#include <filesystem>
#include <iostream>

#include "runtime/cli.h"

namespace ruralec::audit {

void AddAuditCommand(CLI::App& app, const runtime::CommandEnv& env) {
  auto* audit = app.add_subcommand("audit", "审计日志 / audit log");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "校验哈希链 / verify the hash chain");
  static runtime::Options o;
  runtime::AddDbOptions(verify, o);
  verify->callback([&env] {
    // The chain is keyed from the key file: a missing file must not be created afresh here.
    std::string key = o.key_file.empty() ? o.db + ".key" : o.key_file;
    if (o.db.rfind("postgres", 0) != 0 || !o.key_file.empty()) {
      if (!std::filesystem::exists(key))
        runtime::Fail(
            Error::Invalid("key_file", "密钥文件不存在（校验审计链需要写入日志时的密钥）: " + key));
    }
    auto ctx = runtime::OpenOrFail(env, o);
    auto conn = ctx->db().Acquire();
    auto rep = ctx->audit().Verify(*conn);
    if (!rep.ok()) runtime::Fail(rep.error());
    if (rep->ok) {
      std::cout << "ok: " << rep->checked << " rows verified";
      if (rep->legacy > 0) {
        std::cout << " (" << rep->legacy << " legacy rows before seq " << rep->keyed_from
                  << " are unkeyed SHA-256; the keyed rows after them protect them)";
      }
      std::cout << "\n";
      return;
    }
    std::cout << "TAMPERED at seq ";
    if (rep->first_bad_seq)
      std::cout << *rep->first_bad_seq;
    else
      std::cout << "head";
    std::cout << ": " << rep->reason << "\n";
    runtime::Exit(runtime::kExitRefused);
  });
}

}  // namespace ruralec::audit
