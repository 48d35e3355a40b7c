#include "products/cli/trace_command.h"

#include <filesystem>
#include <iostream>

#include "products/trace.h"
#include "runtime/cli.h"

namespace ruralec::products::cli {

void AddTraceCommand(CLI::App& app, const runtime::CommandEnv& env) {
  auto* trace = app.add_subcommand("trace", "溯源 / traceability");
  trace->require_subcommand(1);
  auto* verify = trace->add_subcommand("verify", "校验溯源事件链 / verify the trace event chains");
  static runtime::Options o;
  static int64_t batch = 0;
  runtime::AddDbOptions(verify, o);
  verify->add_option("--batch", batch, "只校验这个批次 / one batch only");
  verify->callback([&env] {
    // The chain is keyed from the key file: a missing file must not be created afresh here.
    std::string key = o.key_file.empty() ? o.db + ".key" : o.key_file;
    if (!std::filesystem::exists(key))
      runtime::Fail(
          Error::Invalid("key_file", "密钥文件不存在（校验溯源事件链需要记录时的密钥）: " + key));
    auto mac = crypto::RecordMac::FromKeyFile(key);
    if (!mac.ok()) runtime::Fail(mac.error());
    auto ctx = runtime::OpenOrFail(env, o);
    auto conn = ctx->db().Acquire();
    auto rep = trace::Verify(*conn, *mac, batch > 0 ? std::optional<int64_t>(batch) : std::nullopt);
    if (!rep.ok()) runtime::Fail(rep.error());
    if (rep->ok) {
      std::cout << "ok: " << rep->batches << " batches, " << rep->events << " events verified\n";
      return;
    }
    std::cout << "VIOLATION: " << rep->violation << "\n";
    runtime::Exit(runtime::kExitRefused);
  });
}

}  // namespace ruralec::products::cli
