#include "funds/cli/funds_command.h"

#include <filesystem>
#include <iostream>

#include "funds/ledger.h"
#include "runtime/cli.h"

namespace ruralec::funds::cli {

void AddFundsCommand(CLI::App& app, const runtime::CommandEnv& env) {
  auto* funds = app.add_subcommand("funds", "专项资金 / special funds");
  funds->require_subcommand(1);
  auto* verify = funds->add_subcommand("verify", "校验资金台账 / verify the funds ledger");
  static runtime::Options o;
  static int64_t fund = 0;
  runtime::AddDbOptions(verify, o);
  verify->add_option("--fund", fund, "只校验这项资金 / one fund only");
  verify->callback([&env] {
    // The chain is keyed from the key file: a missing file must not be created afresh here.
    std::string key = o.key_file.empty() ? o.db + ".key" : o.key_file;
    if (!std::filesystem::exists(key))
      runtime::Fail(
          Error::Invalid("key_file", "密钥文件不存在（校验资金台账需要记账时的密钥）: " + key));
    auto mac = crypto::RecordMac::FromKeyFile(key);
    if (!mac.ok()) runtime::Fail(mac.error());
    auto ctx = runtime::OpenOrFail(env, o);
    auto conn = ctx->db().Acquire();
    auto rep = Verify(*conn, *mac, fund > 0 ? std::optional<FundId>(FundId{fund}) : std::nullopt);
    if (!rep.ok()) runtime::Fail(rep.error());
    if (rep->ok) {
      std::cout << "ok: " << rep->funds << " funds, " << rep->transfers << " transfers verified\n";
      return;
    }
    std::cout << "VIOLATION: " << rep->violation << "\n";
    runtime::Exit(runtime::kExitRefused);
  });
}

}  // namespace ruralec::funds::cli
