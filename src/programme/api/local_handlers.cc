#include "programme/api/local_handlers.h"

#include "programme/api/access.h"
#include "programme/cli/programme_json.h"
#include "programme/evaluate.h"
#include "programme/local_settings.h"
#include "programme/local_store.h"
#include "programme/store.h"

namespace ruralec::programme::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

constexpr int kChangesShown = 20;

// A string member of `o` ("" when absent), kInvalidArgument naming `at.key` otherwise.
Result<std::string> Str(const Json& o, const std::string& key, const std::string& at) {
  if (!o.contains(key) || o[key].is_null()) return std::string();
  if (!o[key].is_string()) return Error::Invalid(at + "." + key, key + " 应为文本");
  return o[key].get<std::string>();
}

Result<LocalEdit::TierText> TierFrom(const Json& t, const std::string& at) {
  if (!t.is_object()) return Error::Invalid(at, "档次应为对象 {from, to, amount}");
  LocalEdit::TierText out;
  ASSIGN_OR_RETURN(out.from, Str(t, "from", at));
  ASSIGN_OR_RETURN(out.to, Str(t, "to", at));
  ASSIGN_OR_RETURN(out.amount, Str(t, "amount", at));
  if (out.amount.empty()) return Error::Invalid(at + ".amount", "每一档须填写奖励金额");
  return out;
}

Result<LocalEdit> EditFrom(const Json& v, const std::string& at) {
  if (!v.is_object()) return Error::Invalid(at, "每项地方设定应为对象");
  LocalEdit e;
  ASSIGN_OR_RETURN(e.rule_id, Str(v, "rule_id", at));
  ASSIGN_OR_RETURN(e.set_by, Str(v, "set_by", at));
  ASSIGN_OR_RETURN(e.decided_on, Str(v, "decided_on", at));
  ASSIGN_OR_RETURN(e.reference, Str(v, "reference", at));
  ASSIGN_OR_RETURN(e.value, Str(v, "value", at));
  ASSIGN_OR_RETURN(e.percent, Str(v, "percent", at));
  ASSIGN_OR_RETURN(e.threshold, Str(v, "threshold", at));
  ASSIGN_OR_RETURN(e.stage, Str(v, "stage", at));
  if (v.contains("working_days") && v["working_days"].is_number_integer())
    e.working_days = std::to_string(v["working_days"].get<int64_t>());
  else if (v.contains("working_days") && !v["working_days"].is_null())
    return Error::Invalid(at + ".working_days", "working_days 应为整数（工作日）");
  if (v.contains("tiers") && !v["tiers"].is_null()) {
    if (!v["tiers"].is_array()) return Error::Invalid(at + ".tiers", "tiers 应为列表");
    for (size_t k = 0; k < v["tiers"].size(); ++k) {
      ASSIGN_OR_RETURN(auto t, TierFrom(v["tiers"][k], at + ".tiers[" + std::to_string(k) + "]"));
      e.tiers.push_back(std::move(t));
    }
  }
  if (e.rule_id.empty() && e.stage.empty())
    return Error::Invalid(at + ".rule_id", "缺少奖补规则编号 rule_id（或工作流程阶段 stage）");
  return e;
}

Result<std::vector<LocalEdit>> EditsFrom(const Json& body) {
  if (!body.contains("values") || !body["values"].is_array() || body["values"].empty())
    return Error::Invalid("values", "未填写任何地方设定（values 应为非空列表）");
  if (body["values"].size() > 100) return Error::Invalid("values", "一次最多提交100项");
  std::vector<LocalEdit> out;
  for (size_t i = 0; i < body["values"].size(); ++i) {
    ASSIGN_OR_RETURN(auto e, EditFrom(body["values"][i], "values[" + std::to_string(i) + "]"));
    out.push_back(std::move(e));
  }
  return out;
}

Json Qty(const std::optional<Quantity>& q) { return q ? Json(q->text + q->unit) : Json(nullptr); }

Json LocalValuesJson(const std::optional<LocalValues>& v) {
  if (!v) return nullptr;
  Json tiers = Json::array();
  for (const auto& t : v->tiers)
    tiers.push_back({{"from", Qty(t.from)}, {"to", Qty(t.to)}, {"amount", Qty(t.amount)}});
  return {{"set_by", v->set_by},
          {"decided_on", v->decided_on ? Json(v->decided_on->ToString()) : Json(nullptr)},
          {"reference", v->reference},
          {"tiers", tiers},
          {"value", Qty(v->value)},
          {"percent", Qty(v->percent)},
          {"threshold", Qty(v->threshold)}};
}

Json StageLocalJson(const StageLocal& v) {
  return {{"set_by", v.set_by},
          {"decided_on", v.decided_on ? Json(v.decided_on->ToString()) : Json(nullptr)},
          {"reference", v.reference},
          {"working_days", v.working_days ? Json(*v.working_days) : Json(nullptr)}};
}

Json ItemJson(const LocalItem& it) {
  return {{"kind", it.kind},
          {"item_id", it.item_id},
          {"name", it.name},
          {"setting", it.setting},
          {"field", it.field},
          {"metric", it.metric},
          {"settable", it.settable},
          {"note", it.note},
          {"cap", Qty(it.cap)},
          {"seed_percent", Qty(it.seed_percent)},
          {"text", it.text},
          {"source", it.source},
          {"local", it.stage_local ? StageLocalJson(*it.stage_local) : LocalValuesJson(it.local)}};
}

Json ChangeJson(const LocalChange& c, const account::Principal& who) {
  Json values = Json::parse(c.values_json, nullptr, false);
  return {
      {"id", c.id},
      {"programme_key", c.programme_key},
      {"base_programme_id", c.base_programme_id},
      {"status", c.status},
      {"values", values.is_discarded() ? Json::array() : values},
      {"created_by", c.created_by},
      {"created_by_name", c.created_by_name},
      {"created_at", http::TimeJson(c.created_at)},
      {"approved_by_name", c.approved_by_name},
      {"approved_at", http::OptTimeJson(c.approved_at)},
      {"result_programme_id", c.result_programme_id ? Json(*c.result_programme_id) : Json(nullptr)},
      {"can_approve", c.status == "pending" && who.Can("programme:local:approve") &&
                          c.created_by != who.id.value}};
}

Result<Json> ListItems(storage::Database& db, Request& req) {
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(StoredProgramme sp, VisibleProgramme(*conn, req));
  ASSIGN_OR_RETURN(auto programme, LoadProgramme(sp, DefaultDivisionDir()));
  auto items = LocalItems(*programme);
  Json page_items = Json::array();
  for (int64_t i = page.offset();
       i < static_cast<int64_t>(items.size()) && i < page.offset() + page.page_size; ++i)
    page_items.push_back(ItemJson(items[static_cast<size_t>(i)]));
  Json out = http::PageJson(static_cast<int64_t>(items.size()), page, page_items);
  ASSIGN_OR_RETURN(LocalVersion lv, LocalVersionOf(*conn, sp.id, sp.version, *programme));
  ASSIGN_OR_RETURN(int64_t latest, LatestVersionId(*conn, sp.key));
  ASSIGN_OR_RETURN(auto changes, ListLocalChanges(*conn, sp.key, kChangesShown));
  Json cj = Json::array();
  for (const auto& c : changes) cj.push_back(ChangeJson(c, req.principal()));
  out["programme_id"] = sp.id;
  out["key"] = sp.key;
  out["version"] = sp.version;
  out["latest_programme_id"] = latest;
  out["local_version"] = LocalVersionJson(lv);
  out["changes"] = cj;
  return out;
}

// 400 in the standard shape (first error's field) plus "errors": [{field, message}].
Json FieldErrors(const std::vector<FieldIssue>& issues) {
  Json errors = Json::array();
  for (const auto& i : issues) errors.push_back({{"field", i.field}, {"message", i.message}});
  return {{"code", "invalid_argument"},
          {"message", issues.front().message},
          {"field", issues.front().field},
          {"errors", errors}};
}

// The caller edits a programme whose region is inside their own scope (not a city plan seen
// from one of its counties: a new version would bind every county of the city).
Status CanEdit(const account::Principal& who, const std::string& region_code) {
  auto code = RegionCode::Parse(region_code);
  if (!code.ok() || !who.InScope(*code))
    return Error::Forbidden("方案区划 " + region_code + " 不在您的管辖范围内，不能设定其地方值");
  return {};
}

Result<Json> Submit(storage::Database& db, const audit::AuditLog& audit, const Clock& clock,
                    Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(Json body, req.Body());
  ASSIGN_OR_RETURN(auto edits, EditsFrom(body));
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(StoredProgramme sp, VisibleProgramme(*conn, req));
  RETURN_IF_ERROR(CanEdit(req.principal(), sp.region_code));
  ASSIGN_OR_RETURN(int64_t latest, LatestVersionId(*conn, sp.key));
  if (latest != sp.id)
    return Error::Conflict(
        "方案已有更新的版本（编号 " + std::to_string(latest) + "），请在最新版本上设定", "id");
  ASSIGN_OR_RETURN(auto programme, LoadProgramme(sp, DefaultDivisionDir()));
  ASSIGN_OR_RETURN(SplicedText spliced, ApplyLocalEdits(sp.source_text, *programme, edits));
  CheckedText checked = CheckText(spliced.text, "local", DefaultDivisionDir());
  if (!checked.issues.empty()) {
    reply.status = 400;
    return FieldErrors(MapIssues(spliced, checked.issues));
  }
  const auto& who = req.principal();
  LocalChange c;
  c.programme_key = sp.key;
  c.base_programme_id = sp.id;
  c.county_code = sp.region_code;
  c.values_json = body["values"].dump();
  c.new_text = spliced.text;
  c.created_by = who.id.value;
  c.created_by_name = who.display_name.empty() ? who.username : who.display_name;
  c.created_at = clock.NowMs();
  return storage::InTransaction<Json>(*conn, storage::TxMode::kWrite, [&]() -> Result<Json> {
    std::vector<int64_t> superseded;
    ASSIGN_OR_RETURN(LocalChange saved, InsertLocalChange(*conn, c, &superseded));
    std::string detail = "key=" + sp.key + " base_version=" + std::to_string(sp.version) +
                         " rules=" + std::to_string(edits.size());
    for (int64_t s : superseded) detail += " supersedes=" + std::to_string(s);
    RETURN_IF_ERROR(
        audit.Append(*conn, {who.ToActor(), "programme.local.submit", "programme_local_change",
                             std::to_string(saved.id), audit::Outcome::kSuccess, detail}));
    reply.status = 201;
    return ChangeJson(saved, who);
  });
}

Result<LocalChange> VisibleChange(storage::Connection& conn, const Request& req) {
  ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
  ASSIGN_OR_RETURN(LocalChange c, GetLocalChange(conn, id));
  if (!req.principal().CanSee(c.county_code))
    return Error::Forbidden("地方设定变更 " + std::to_string(id) + " 不在您的管辖范围内");
  return c;
}

Status Deny(storage::Connection& conn, const audit::AuditLog& audit, const Request& req, int64_t id,
            Error why) {
  RETURN_IF_ERROR(audit.Append(
      conn, {req.principal().ToActor(), "programme.local.approve", "programme_local_change",
             std::to_string(id), audit::Outcome::kDenied, why.message}));
  return why;
}

// Refusals of an approval, audited: not pending, own change, outside scope, stale base.
Status MayApprove(storage::Connection& conn, const audit::AuditLog& audit, const Request& req,
                  const LocalChange& c) {
  const auto& who = req.principal();
  if (c.status != "pending")
    return Error::Conflict(c.status == "approved" ? "该地方设定变更已审核通过"
                                                  : "该地方设定变更已被更新的提交取代，不能审核",
                           "status");
  if (c.created_by == who.id.value)
    return Deny(
        conn, audit, req, c.id,
        Error::Forbidden("不能审核自己提交的地方设定：须由另一位县级工作人员或财政人员审核"));
  if (auto st = CanEdit(who, c.county_code); !st.ok())
    return Deny(conn, audit, req, c.id, st.take_error());
  ASSIGN_OR_RETURN(int64_t latest, LatestVersionId(conn, c.programme_key));
  if (latest != c.base_programme_id)
    return Error::Conflict(
        "方案在提交后已有新版本（编号 " + std::to_string(latest) + "），请重新提交地方设定",
        "base_programme_id");
  return {};
}

Result<Json> Approve(storage::Database& db, const audit::AuditLog& audit, const Clock& clock,
                     Request& req) {
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(LocalChange c, VisibleChange(*conn, req));
  RETURN_IF_ERROR(MayApprove(*conn, audit, req, c));
  CheckedText checked = CheckText(c.new_text, "local", DefaultDivisionDir());
  if (!checked.issues.empty())
    return Error::Conflict("地方设定变更复查失败: " + FormatIssue(checked.issues.front()));
  const auto& who = req.principal();
  std::string name = who.display_name.empty() ? who.username : who.display_name;
  return storage::InTransaction<Json>(*conn, storage::TxMode::kWrite, [&]() -> Result<Json> {
    ASSIGN_OR_RETURN(StoredVersion v,
                     StoreProgramme(*conn, checked.programme, c.new_text,
                                    "local-change:" + std::to_string(c.id), clock.NowMs()));
    RETURN_IF_ERROR(
        MarkLocalChangeApproved(*conn, c.id, who.id.value, name, clock.NowMs(), v.programme_id));
    RETURN_IF_ERROR(audit.Append(
        *conn, {who.ToActor(), "programme.local.approve", "programme_local_change",
                std::to_string(c.id), audit::Outcome::kSuccess,
                "key=" + v.key + " version=" + std::to_string(v.version) + " programme_id=" +
                    std::to_string(v.programme_id) + (v.created ? " created" : " unchanged")}));
    ASSIGN_OR_RETURN(LocalChange done, GetLocalChange(*conn, c.id));
    Json out = ChangeJson(done, who);
    out["programme"] = {
        {"id", v.programme_id}, {"key", v.key}, {"version", v.version}, {"created", v.created}};
    return out;
  });
}

Result<Json> Export(storage::Database& db, const audit::AuditLog& audit, Request& req,
                    Reply& reply) {
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(StoredProgramme sp, VisibleProgramme(*conn, req));
  RETURN_IF_ERROR(audit.Append(
      *conn,
      {req.principal().ToActor(), "programme.export", "programme", std::to_string(sp.id),
       audit::Outcome::kSuccess, "key=" + sp.key + " version=" + std::to_string(sp.version)}));
  reply.content_type = "application/yaml; charset=utf-8";
  reply.raw_body = sp.source_text;
  reply.filename = sp.key + "_v" + std::to_string(sp.version) + ".yaml";
  return Json(nullptr);
}

}  // namespace

void RegisterLocalRoutes(http::Server& s, storage::Database& db, const audit::AuditLog& audit,
                         const Clock& clock) {
  const std::string one = R"(/programmes/(\d+))";
  const std::string change = R"(/programmes/local-changes/(\d+))";
  const http::Route read{.permission = "programme:read"};
  const http::Route edit{.permission = "programme:local:edit"};
  const http::Route approve{.permission = "programme:local:approve"};
  s.Get(one + "/local", read, [&db](Request& req, Reply&) { return ListItems(db, req); });
  s.Post(one + "/local", edit, [&db, &audit, &clock](Request& req, Reply& reply) {
    return Submit(db, audit, clock, req, reply);
  });
  s.Get(one + "/export", read,
        [&db, &audit](Request& req, Reply& reply) { return Export(db, audit, req, reply); });
  s.Get(change, read, [&db](Request& req, Reply&) -> Result<Json> {
    auto conn = db.Acquire();
    ASSIGN_OR_RETURN(LocalChange c, VisibleChange(*conn, req));
    return ChangeJson(c, req.principal());
  });
  s.Post(change + "/approve", approve,
         [&db, &audit, &clock](Request& req, Reply&) { return Approve(db, audit, clock, req); });
}

}  // namespace ruralec::programme::api
