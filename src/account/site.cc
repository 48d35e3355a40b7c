// What the database says about itself to every visitor: whether it is a demo database.
#include "account/account.h"

namespace ruralec::account {

namespace {
constexpr const char* kDemoKey = "demo.generated_on";
}  // namespace

Status MarkDemo(storage::Connection& conn, const std::string& date, int64_t now_ms) {
  RETURN_IF_ERROR(conn.Exec(
      "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
      {std::string(kDemoKey), date, now_ms}));
  return {};
}

Result<std::optional<std::string>> Accounts::DemoGeneratedOn() {
  auto conn = db_.Acquire();
  ASSIGN_OR_RETURN(
      auto rows, conn->Query("SELECT value FROM settings WHERE key = ?", {std::string(kDemoKey)}));
  if (rows.empty()) return std::optional<std::string>{};
  return std::optional<std::string>{rows[0].Text(0)};
}

}  // namespace ruralec::account
