#include "account/cli/user_command.h"

#include <cstdlib>
#include <iostream>

#include "account/account.h"
#include "runtime/cli.h"

namespace ruralec::account {

void AddUserCommand(CLI::App& app, const runtime::CommandEnv& env) {
  auto* user = app.add_subcommand("user", "用户 / accounts");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", "新建用户 / create a user");
  static runtime::Options o;
  static NewUser nu;
  static bool password_stdin = false, must_change = false;
  runtime::AddDbOptions(add, o);
  add->add_option("--username", nu.username)->required();
  add->add_option("--display-name", nu.display_name);
  add->add_option("--role", nu.roles, "角色（可重复）: system_admin, county_staff, town_staff, …")
      ->required();
  add->add_option("--region", nu.region_code, "所属区划代码")->required();
  add->add_option("--mobile", nu.mobile);
  add->add_flag("--password-stdin", password_stdin, "从标准输入读取口令（否则生成一次性口令）");
  add->add_flag("--must-change", must_change, "首次登录须修改口令");
  static std::string bind;
  add->add_option("--bind", bind, "绑定对象 KIND:ID（经营主体账号: entity:12）");
  add->callback([&env] {
    auto ctx = runtime::OpenOrFail(env, o);
    if (password_stdin) {
      std::string pw;
      std::getline(std::cin, pw);
      nu.password = pw;
      nu.must_change = must_change;
    }
    if (!bind.empty()) {
      size_t colon = bind.find(':');
      int64_t id = 0;
      if (colon != std::string::npos) id = std::atoll(bind.c_str() + colon + 1);
      if (id <= 0 || std::to_string(id) != bind.substr(colon + 1))
        runtime::Fail(Error::Invalid("bind", "--bind 应为 KIND:ID，如 entity:12"));
      nu.binding = Binding{bind.substr(0, colon), id};
    }
    auto created = ctx->accounts().CreateUser(nullptr, nu);
    if (!created.ok()) runtime::Fail(created.error());
    std::cout << "created user " << created->user.username << " (id " << created->user.id.value
              << ")\n";
    if (!created->initial_password.empty()) {
      std::cout << "one-time password: " << created->initial_password << "\n";
    }
  });
}

}  // namespace ruralec::account
