#include "settings/api/settings_handlers.h"

#include <algorithm>
#include <map>

#include "account/stamp.h"
#include "http/audit_entry.h"
#include "http/list.h"
#include "http/params.h"
#include "runtime/dicts.h"
#include "settings/settings.h"

namespace ruralec::settings::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

// The county whose settings the caller writes: their own, and only from a county-level account.
Result<RegionCode> WriteCounty(const account::Principal& who) {
  if (who.region.empty() || who.region.level() != RegionLevel::kCounty)
    return Error::Forbidden("字典和参数由县级人员维护本县的设置");
  return who.region;
}

Json DictSummary(const runtime::FoundDict& f, const std::vector<CountyEntry>& entries,
                 const account::Principal& who) {
  int64_t builtin = 0, added = 0, disabled = 0;
  for (const auto& e : entries) {
    (e.builtin ? builtin : added)++;
    if (e.disabled) ++disabled;
  }
  const auto& x = f.dict->extension;
  return {{"name", f.dict->name},
          {"title", f.dict->title.empty() ? f.dict->name : f.dict->title},
          {"module", f.module->name},
          {"module_title", f.module->title},
          {"extensible", x.has_value()},
          {"can_edit", x.has_value() && who.Can(x->permission)},
          {"builtin_count", builtin},
          {"county_count", added},
          {"disabled_count", disabled}};
}

Json EntryJson(const CountyEntry& e) {
  return {{"value", e.value}, {"label", e.label}, {"builtin", e.builtin}, {"disabled", e.disabled}};
}

bool Matches(const Json& item, const std::string& q, const std::string& extensible) {
  if (!extensible.empty() && item["extensible"].get<bool>() != (extensible == "true")) return false;
  if (q.empty()) return true;
  for (const char* k : {"name", "title", "module_title"})
    if (item[k].get<std::string>().find(q) != std::string::npos) return true;
  return false;
}

void RegisterDictList(http::Server& s, runtime::Context& ctx) {
  s.Get("/dicts", {true, "settings:read"}, [&ctx](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(PageRequest page, req.Page());
    std::string q = req.Query("q"), ext = req.Query("extensible");
    if (!ext.empty() && ext != "true" && ext != "false")
      return Error::Invalid("extensible", "extensible 应为 true 或 false");
    auto conn = ctx.db().Acquire();
    std::vector<Json> all;
    for (const auto& f : runtime::AllDicts(ctx)) {
      ASSIGN_OR_RETURN(auto entries, runtime::CountyDictEntries(ctx, *conn, *f.dict,
                                                                req.principal().region.county()));
      all.push_back(DictSummary(f, entries, req.principal()));
    }
    return http::SlicePageJson(
        all, page, [&](const Json& j) { return Matches(j, q, ext); },
        [](const Json& j) { return j; });
  });
  s.Get("/dicts/([a-z_]+)/entries", {true, "settings:read"},
        [&ctx](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(runtime::FoundDict f, runtime::FindDict(ctx, req.Match(1)));
          ASSIGN_OR_RETURN(PageRequest page, req.Page());
          auto conn = ctx.db().Acquire();
          ASSIGN_OR_RETURN(auto entries, runtime::CountyDictEntries(
                                             ctx, *conn, *f.dict, req.principal().region.county()));
          Json out = http::SlicePageJson(
              entries, page, [](const CountyEntry&) { return true; }, EntryJson);
          out["dict"] = DictSummary(f, entries, req.principal());
          return out;
        });
}

// The extensible dictionary `name` and the caller's right to change it.
Result<runtime::FoundDict> Editable(runtime::Context& ctx, const Request& req,
                                    const std::string& name) {
  ASSIGN_OR_RETURN(runtime::FoundDict f, runtime::FindDict(ctx, name));
  const auto& x = f.dict->extension;
  if (!x)
    return Error::Invalid("name", "字典“" + f.dict->title + "”是系统内置字典，不能由县级扩展");
  if (!req.principal().Can(x->permission))
    return Error::Forbidden("没有维护字典“" + f.dict->title + "”的权限");
  return f;
}

Status AddEntry(runtime::Context& ctx, const Request& req, const runtime::FoundDict& f,
                const RegionCode& county, const CountyEntry& e) {
  auto conn = ctx.db().Acquire();
  return storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(auto known, runtime::CountyDictEntries(ctx, *conn, *f.dict, county));
    RETURN_IF_ERROR(CheckUnique(known, e));
    storage::Stamp stamp = account::StampOf(req.principal(), ctx.clock().NowMs());
    const auto& x = *f.dict->extension;
    if (x.add) {
      RETURN_IF_ERROR(x.add(*conn, county, e, stamp));
    } else {
      RETURN_IF_ERROR(AddCountyEntry(*conn, county, f.dict->name, e, stamp));
    }
    return ctx.audit().Append(
        *conn, http::AuditEntry(req, "dict.entry.add", "dict", f.dict->name + ":" + e.value,
                                f.dict->title + " 新增 " + e.label));
  });
}

Status SetDisabled(runtime::Context& ctx, const Request& req, const runtime::FoundDict& f,
                   const RegionCode& county, const std::string& value, bool disabled) {
  auto conn = ctx.db().Acquire();
  return storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(auto known, runtime::CountyDictEntries(ctx, *conn, *f.dict, county));
    auto it = std::find_if(known.begin(), known.end(),
                           [&](const CountyEntry& k) { return k.value == value; });
    if (it == known.end()) return Error::NotFound("字典项“" + value + "”不存在");
    if (it->builtin) return Error::Invalid("value", "内置字典项“" + it->label + "”不能停用");
    if (it->disabled == disabled) return Status{};  // nothing changes, nothing audited
    storage::Stamp stamp = account::StampOf(req.principal(), ctx.clock().NowMs());
    const auto& x = *f.dict->extension;
    if (x.set_disabled) {
      RETURN_IF_ERROR(x.set_disabled(*conn, county, value, disabled, stamp));
    } else {
      RETURN_IF_ERROR(SetCountyEntryDisabled(*conn, county, f.dict->name, value, disabled, stamp));
    }
    return ctx.audit().Append(
        *conn, http::AuditEntry(req, disabled ? "dict.entry.disable" : "dict.entry.enable", "dict",
                                f.dict->name + ":" + value,
                                f.dict->title + (disabled ? " 停用 " : " 启用 ") + it->label));
  });
}

void RegisterDictWrites(http::Server& s, runtime::Context& ctx) {
  s.Post("/dicts/([a-z_]+)/entries", {true, ""},
         [&ctx](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(runtime::FoundDict f, Editable(ctx, req, req.Match(1)));
           ASSIGN_OR_RETURN(RegionCode county, WriteCounty(req.principal()));
           ASSIGN_OR_RETURN(Json body, req.Body());
           CountyEntry e;
           ASSIGN_OR_RETURN(auto value, http::OptionalString(body, "value"));
           ASSIGN_OR_RETURN(e.label, http::RequiredString(body, "label"));
           e.value = value.value_or("");
           RETURN_IF_ERROR(CheckNewEntry(e));
           RETURN_IF_ERROR(AddEntry(ctx, req, f, county, e));
           reply.status = 201;
           return EntryJson(e);
         });
  s.Put("/dicts/([a-z_]+)/entries/([^/]+)", {true, ""},
        [&ctx](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(runtime::FoundDict f, Editable(ctx, req, req.Match(1)));
          ASSIGN_OR_RETURN(RegionCode county, WriteCounty(req.principal()));
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(std::optional<bool> disabled, http::BodyOptBool(body, "disabled"));
          if (!disabled) return Error::Invalid("disabled", "缺少 disabled（是否停用）");
          std::string value = req.Match(2);
          RETURN_IF_ERROR(SetDisabled(ctx, req, f, county, value, *disabled));
          return Json{{"value", value}, {"disabled", *disabled}};
        });
}

}  // namespace

void RegisterParamRoutes(http::Server& s, runtime::Context& ctx);

void RegisterRoutes(http::Server& s, runtime::Context& ctx) {
  RegisterDictList(s, ctx);
  RegisterDictWrites(s, ctx);
  RegisterParamRoutes(s, ctx);
}

}  // namespace ruralec::settings::api
