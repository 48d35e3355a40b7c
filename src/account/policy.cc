#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "account/internal.h"
#include "core/validate.h"

namespace ruralec::account {

Status CheckPassword(const PasswordPolicy& policy, std::string_view username,
                     std::string_view password) {
  int min = policy.min_length < 12 ? 12 : policy.min_length;
  // Count characters, not bytes, so a Chinese passphrase is measured fairly.
  size_t chars = 0;
  for (unsigned char c : password) chars += (c & 0xC0) != 0x80;
  if (chars < static_cast<size_t>(min)) {
    return Error::Invalid("new_password", "口令长度至少" + std::to_string(min) + "个字符");
  }
  if (password.size() > 256) return Error::Invalid("new_password", "口令过长");
  if (!validate::IsSafeText(password))
    return Error::Invalid("new_password", "口令不能包含控制字符、换行或文字方向控制符");
  bool lower = false, upper = false, digit = false, other = false;
  for (unsigned char c : password) {
    if (std::islower(c))
      lower = true;
    else if (std::isupper(c))
      upper = true;
    else if (std::isdigit(c))
      digit = true;
    else
      other = true;
  }
  int classes = lower + upper + digit + other;
  if (classes < policy.require_classes) {
    return Error::Invalid("new_password", "口令须包含小写字母、大写字母、数字、符号中的至少" +
                                              std::to_string(policy.require_classes) + "类");
  }
  std::string lower_pw(password), lower_user(username);
  for (auto* s : {&lower_pw, &lower_user})
    std::transform(s->begin(), s->end(), s->begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!lower_user.empty() && lower_pw.find(lower_user) != std::string::npos) {
    return Error::Invalid("new_password", "口令不能包含用户名");
  }
  return {};
}

namespace internal {

Result<PasswordPolicy> LoadPolicy(storage::Connection& conn) {
  PasswordPolicy p;
  ASSIGN_OR_RETURN(
      auto rows,
      // The four keys by name, not LIKE: primary-key lookups instead of a scan of every setting.
      conn.Query("SELECT key, value FROM settings WHERE key IN ('password_policy.min_length', "
                 "'password_policy.require_classes', 'password_policy.max_age_days', "
                 "'password_policy.history')"));
  for (const auto& r : rows) {
    std::string k = r.Text(0);
    int v = std::stoi(r.Text(1));
    if (k == "password_policy.min_length")
      p.min_length = v;
    else if (k == "password_policy.require_classes")
      p.require_classes = v;
    else if (k == "password_policy.max_age_days")
      p.max_age_days = v;
    else if (k == "password_policy.history")
      p.history = v;
  }
  return p;
}

// 16 characters (or the policy's minimum length) drawn uniformly from a 62-symbol alphabet
// without look-alikes (no 0/O, 1/l/I), with one of each class placed at a random position, so
// every policy is met and no character position is predictable.
std::string GeneratePassword(const PasswordPolicy& policy) {
  static constexpr std::string_view kClasses[] = {
      "abcdefghijkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789", "#%+=@!?*"};
  std::string all;
  for (auto c : kClasses) all += c;
  auto pick = [](std::string_view from) {
    return from[randombytes_uniform(static_cast<uint32_t>(from.size()))];
  };
  size_t length = std::max<size_t>(16, static_cast<size_t>(policy.min_length));
  std::string pw;
  for (auto c : kClasses) pw += pick(c);
  while (pw.size() < length) pw += pick(all);
  for (size_t i = pw.size() - 1; i > 0; --i)  // Fisher-Yates
    std::swap(pw[i], pw[randombytes_uniform(static_cast<uint32_t>(i + 1))]);
  return pw;
}

}  // namespace internal

Result<PasswordPolicy> Accounts::GetPolicy() {
  auto conn = db_.Acquire();
  return internal::LoadPolicy(*conn);
}

Status Accounts::SetPolicy(const Principal& who, const PasswordPolicy& p) {
  RETURN_IF_ERROR(internal::RequirePermission(who, "security:policy:edit"));
  if (p.min_length < 12 || p.min_length > 64)
    return Error::Invalid("min_length", "最小长度应在12到64之间");
  if (p.require_classes < 1 || p.require_classes > 4)
    return Error::Invalid("require_classes", "字符类别数应在1到4之间");
  if (p.max_age_days < 0 || p.max_age_days > 3650)
    return Error::Invalid("max_age_days", "有效期应在0到3650天之间");
  if (p.history < 0 || p.history > 24) return Error::Invalid("history", "历史口令数应在0到24之间");
  auto conn = db_.Acquire();
  int64_t now = clock_.NowMs();
  return storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(PasswordPolicy before, internal::LoadPolicy(*conn));
    const std::pair<const char*, int> kv[] = {
        {"password_policy.min_length", p.min_length},
        {"password_policy.require_classes", p.require_classes},
        {"password_policy.max_age_days", p.max_age_days},
        {"password_policy.history", p.history}};
    for (const auto& [k, v] : kv) {
      RETURN_IF_ERROR(
          conn->Exec("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                     "updated_at = excluded.updated_at",
                     {k, std::to_string(v), now}));
    }
    auto s = [](const PasswordPolicy& x) {
      return std::to_string(x.min_length) + "/" + std::to_string(x.require_classes) + "/" +
             std::to_string(x.max_age_days) + "/" + std::to_string(x.history);
    };
    return audit_.Append(*conn,
                         {who.ToActor(), "security.policy.update", "password_policy", "",
                          audit::Outcome::kSuccess, "before=" + s(before) + " after=" + s(p)});
  });
}

}  // namespace ruralec::account
