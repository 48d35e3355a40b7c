// GET/PUT /settings/params (参数设置): the parameters every module declares, with the caller's
// county's values.
#include <algorithm>
#include <map>

#include "account/stamp.h"
#include "http/audit_entry.h"
#include "http/list.h"
#include "runtime/context.h"
#include "settings/api/settings_handlers.h"
#include "settings/settings.h"

namespace ruralec::settings::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

struct Declared {
  const runtime::Module* module;
  const ParamDef* def;
};

std::vector<Declared> AllParams(const runtime::Context& ctx) {
  std::vector<Declared> out;
  for (const runtime::Module* m : ctx.modules())
    for (const ParamDef& p : m->params) out.push_back({m, &p});
  return out;
}

// The value as JSON in its type: a number for int and fen, a bool, else text.
Json Typed(const ParamDef& def, const std::string& text) {
  if (def.type == ParamType::kInt || def.type == ParamType::kFen) return std::stoll(text);
  if (def.type == ParamType::kBool) return text == "true";
  return text;
}

Json ParamJson(const Declared& d, const std::map<std::string, std::string>& stored) {
  const ParamDef& p = *d.def;
  std::string value = p.default_value;
  if (auto it = stored.find(p.name); it != stored.end()) {
    if (auto v = CheckValue(p, it->second); v.ok()) value = *v;
  }
  Json options = Json::array();
  for (const auto& [v, l] : p.options) options.push_back({{"value", v}, {"label", l}});
  return {{"name", p.name},
          {"label", p.label},
          {"type", ParamTypeName(p.type)},
          {"default", Typed(p, p.default_value)},
          {"min", http::OptIntJson(p.min)},
          {"max", http::OptIntJson(p.max)},
          {"options", options},
          {"help", p.help},
          {"module", d.module->name},
          {"module_title", d.module->title},
          {"value", Typed(p, value)},
          {"is_default", value == p.default_value}};
}

// The JSON value as the text CheckValue reads; null is the default.
Result<std::string> AsText(const ParamDef& def, const Json& v) {
  if (v.is_null()) return def.default_value;
  if (v.is_boolean()) return std::string(v.get<bool>() ? "true" : "false");
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_string()) return v.get<std::string>();
  return Error::Invalid(def.name, def.label + "的值类型不对");
}

std::string Shown(const ParamDef& def, const std::string& text) {
  if (def.type == ParamType::kBool) return text == "true" ? "是" : "否";
  for (const auto& [v, l] : def.options)
    if (v == text) return l;
  return text;
}

struct Change {
  const ParamDef* def;
  std::string old_value, new_value;
};

// Every value checked first (the first bad one is 400 naming its parameter); nothing is written
// unless all pass.
Result<std::vector<Change>> Changes(const std::vector<Declared>& declared, const Json& values,
                                    const std::map<std::string, std::string>& stored) {
  std::vector<Change> out;
  for (const auto& item : values.items()) {
    const std::string& name = item.key();  // not a structured binding: clang 14 cannot capture one
    const auto& v = item.value();
    auto it = std::find_if(declared.begin(), declared.end(),
                           [&](const Declared& d) { return d.def->name == name; });
    if (it == declared.end()) return Error::Invalid(name, "参数 " + name + " 不存在");
    const ParamDef& def = *it->def;
    ASSIGN_OR_RETURN(std::string text, AsText(def, v));
    ASSIGN_OR_RETURN(std::string value, CheckValue(def, text));
    std::string old_value = def.default_value;
    if (auto s = stored.find(name); s != stored.end()) old_value = s->second;
    if (old_value != value) out.push_back({&def, old_value, value});
  }
  return out;
}

Result<std::map<std::string, std::string>> Stored(storage::Connection& conn,
                                                  const RegionCode& county) {
  ASSIGN_OR_RETURN(auto rows, StoredParams(conn, county));
  return std::map<std::string, std::string>(rows.begin(), rows.end());
}

}  // namespace

void RegisterParamRoutes(http::Server& s, runtime::Context& ctx) {
  s.Get("/settings/params", {true, "settings:read"}, [&ctx](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(PageRequest page, req.Page());
    std::string module = req.Query("module");
    auto conn = ctx.db().Acquire();
    ASSIGN_OR_RETURN(auto stored, Stored(*conn, req.principal().region.county()));
    return http::SlicePageJson(
        AllParams(ctx), page,
        [&](const Declared& d) { return module.empty() || d.module->name == module; },
        [&](const Declared& d) { return ParamJson(d, stored); });
  });
  s.Put("/settings/params", {true, "settings:params:edit"},
        [&ctx](Request& req, Reply&) -> Result<Json> {
          const account::Principal& who = req.principal();
          if (who.region.empty() || who.region.level() != RegionLevel::kCounty)
            return Error::Forbidden("参数由县级人员维护本县的设置");
          ASSIGN_OR_RETURN(Json body, req.Body());
          if (!body.contains("values") || !body["values"].is_object())
            return Error::Invalid("values", "缺少 values（参数名 → 值）");
          auto declared = AllParams(ctx);
          auto conn = ctx.db().Acquire();
          RETURN_IF_ERROR(storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
            ASSIGN_OR_RETURN(auto stored, Stored(*conn, who.region));
            ASSIGN_OR_RETURN(auto changes, Changes(declared, body["values"], stored));
            storage::Stamp stamp = account::StampOf(who, ctx.clock().NowMs());
            for (const Change& c : changes) {
              RETURN_IF_ERROR(PutParam(*conn, who.region, c.def->name, c.new_value, stamp));
              RETURN_IF_ERROR(ctx.audit().Append(
                  *conn, http::AuditEntry(req, "settings.param.update", "county_param", c.def->name,
                                          c.def->label + ": " + Shown(*c.def, c.old_value) + " → " +
                                              Shown(*c.def, c.new_value))));
            }
            return Status{};
          }));
          ASSIGN_OR_RETURN(auto stored, Stored(*conn, who.region));
          Json items = Json::array();
          for (const auto& d : declared) items.push_back(ParamJson(d, stored));
          return Json{{"items", items}};
        });
}

}  // namespace ruralec::settings::api
