#include "runtime/context.h"

#include "account/roles.h"
#include "storage/migrate.h"

namespace ruralec::runtime {

std::map<std::string, std::vector<std::string>> Grants(const ModuleList& modules) {
  std::map<std::string, std::vector<std::string>> out;
  for (const Module* m : modules) {
    for (const Permission& p : m->permissions) {
      for (const std::string& role : p.roles) out[role].push_back(p.name);
    }
  }
  return out;
}

std::vector<account::RoleBinding> Bindings(const ModuleList& modules) {
  std::vector<account::RoleBinding> out;
  for (const Module* m : modules)
    out.insert(out.end(), m->role_bindings.begin(), m->role_bindings.end());
  return out;
}

Status Context::RegisterIndicators() {
  for (const Module* m : modules_) {
    if (m->indicator_catalogue)
      indicators_ = IndicatorRegistry(m->indicator_catalogue, m->indicator_unit);
  }
  for (const Module* m : modules_) {
    for (const IndicatorSource& s : m->indicators) {
      RETURN_IF_ERROR(indicators_.Register(s.indicator, s.source, s.fn));
    }
    for (const IndicatorGroup& g : m->indicator_groups) {
      RETURN_IF_ERROR(indicators_.RegisterGroup(g.indicators, g.fn));
    }
    if (m->reported_values) RETURN_IF_ERROR(indicators_.SetReported(m->reported_values));
  }
  return {};
}

Result<std::unique_ptr<Context>> Context::Open(const Options& o, const Clock& clock,
                                               const ModuleList& modules) {
  if (o.db.empty()) return Error::Invalid("db", "请用 --db 指定数据库文件或 postgresql:// 地址");
  RETURN_IF_ERROR(Validate(modules));
  RETURN_IF_ERROR(account::InstallGrants(Grants(modules)));
  RETURN_IF_ERROR(account::InstallBindings(Bindings(modules)));
  RETURN_IF_ERROR(crypto::Init());
  bool pg = o.db.rfind("postgres", 0) == 0;
  std::string key = o.key_file.empty() ? (pg ? "" : o.db + ".key") : o.key_file;
  if (key.empty())
    return Error::Invalid("key_file",
                          "使用PostgreSQL时须用 --key-file 指定各实例共享的字段密钥文件");
  std::unique_ptr<Context> ctx(new Context(clock, modules));
  RETURN_IF_ERROR(ctx->RegisterIndicators());
  ASSIGN_OR_RETURN(ctx->db_, storage::Open(o.db, o.pool_size));
  RETURN_IF_ERROR(storage::Migrate(*ctx->db_));
  ASSIGN_OR_RETURN(auto cipher, crypto::FieldCipher::FromKeyFile(key));
  ctx->cipher_ = std::make_unique<crypto::FieldCipher>(cipher);
  ASSIGN_OR_RETURN(auto record_mac, crypto::RecordMac::FromKeyFile(key));  // keys the chains
  ctx->record_mac_ = std::make_unique<crypto::RecordMac>(record_mac);
  ctx->audit_ = std::make_unique<audit::AuditLog>(clock, record_mac);
  ctx->accounts_ =
      std::make_unique<account::Accounts>(*ctx->db_, clock, *ctx->cipher_, *ctx->audit_);
  RETURN_IF_ERROR(ctx->accounts_->Bootstrap());
  return ctx;
}

}  // namespace ruralec::runtime
