#include "audit/api/export_routes.h"

#include <cstdio>
#include <map>

#include "audit/api/audit_handlers.h"
#include "core/date.h"
#include "http/file_reply.h"
#include "http/list.h"
#include "runtime/dicts.h"

namespace ruralec::audit::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

// value -> label of a dictionary (empty when the process has no such dictionary).
std::map<std::string, std::string> Labels(runtime::Context& ctx, const std::string& name) {
  std::map<std::string, std::string> out;
  auto f = runtime::FindDict(ctx, name);
  if (!f.ok()) return out;
  std::vector<runtime::DictEntry> entries = f->dict->entries;
  if (f->dict->load) {
    auto loaded = f->dict->load(ctx);
    if (loaded.ok()) entries = *loaded;
  }
  for (const auto& e : entries) out[e.value] = e.label;
  return out;
}

std::string Word(const std::map<std::string, std::string>& labels, const std::string& code) {
  auto it = labels.find(code);
  return it == labels.end() ? code : it->second;
}

// "2026-12-06 18:04:13" in Beijing time (UTC+8, no DST).
std::string BeijingTime(int64_t utc_ms) {
  int64_t local = utc_ms + 8LL * 3'600'000;
  int64_t day = local >= 0 ? local / 86'400'000 : (local - 86'399'999) / 86'400'000;
  int64_t in_day = (local - day * 86'400'000) / 1000;
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", static_cast<int>(in_day / 3600),
                static_cast<int>(in_day / 60 % 60), static_cast<int>(in_day % 60));
  return CivilDate::FromDays(day).ToString() + buf;
}

Result<Json> Export(runtime::Context& ctx, Request& req, Reply& reply) {
  using spreadsheet::ColumnType;
  ASSIGN_OR_RETURN(Filter f, FilterFrom(req));
  bool logins = f.action == "auth.*";
  auto conn = ctx.db().Acquire();
  ASSIGN_OR_RETURN(auto p, ctx.audit().List(*conn, f, http::ExportPage()));
  RETURN_IF_ERROR(http::TooManyForExport(p.total));
  auto actions = Labels(ctx, "audit_actions");
  auto roles = Labels(ctx, "roles");
  const std::map<std::string, std::string> outcomes = {
      {"success", "成功"}, {"failure", "失败"}, {"denied", "拒绝"}};
  std::string title = logins ? "登录日志" : "审计日志";
  spreadsheet::Sheet sheet{title,
                           {"序号", "时间（北京时间）", "用户", "角色", "操作", "对象类型", "对象",
                            "结果", "所属区划代码", "IP 地址", "详情"},
                           {},
                           {}};
  sheet.types = {ColumnType::kInteger};
  for (const Record& r : p.items)
    sheet.rows.push_back({std::to_string(r.seq), BeijingTime(r.at), r.username, Word(roles, r.role),
                          Word(actions, r.action), r.object_type, r.object_id,
                          Word(outcomes, r.outcome), r.region_code, r.ip, r.detail});
  RETURN_IF_ERROR(http::FileReply(req, sheet, http::DatedStem(title, ctx.clock().NowMs()), reply));
  return Json::object();
}

}  // namespace

void RegisterExport(http::Server& s, runtime::Context& ctx) {
  s.Get("/audit/export", {.permission = "audit:read"},
        [&ctx](Request& req, Reply& reply) -> Result<Json> { return Export(ctx, req, reply); });
}

}  // namespace ruralec::audit::api
