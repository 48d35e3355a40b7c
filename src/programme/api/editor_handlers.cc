#include "programme/api/editor_handlers.h"

#include "http/audit_entry.h"
#include "http/list.h"
#include "programme/api/access.h"
#include "programme/api/tree_diff.h"
#include "programme/api/yaml_json.h"
#include "programme/check.h"
#include "programme/evaluate.h"
#include "programme/indicators.h"
#include "programme/store.h"

namespace ruralec::programme::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json IndicatorJson(const Indicator& ind) {
  Json allowed = Json::object();
  for (const auto& p : ind.params)
    if (const auto* values = AllowedParamValues(ind.id, p)) allowed[p] = *values;
  Json units = Json::array();
  for (const auto& u : Units())
    if (UnitFits(ind, u.name)) units.push_back(std::string(u.name));
  return {{"id", ind.id},
          {"name", ind.name},
          {"dimension", DimensionName(ind.dimension)},
          {"base_unit", BaseUnitName(ind.dimension)},
          {"params", ind.params},
          {"required_params", ind.required_params},
          {"allowed_values", allowed},
          {"units", units},
          {"data_source", ind.data_source}};
}

// What the editor's forms offer: indicators with their parameters and units, every unit, and
// the closed word lists of the format (the checker's own lists).
Json Catalogue() {
  Json indicators = Json::array(), units = Json::array();
  for (const auto& ind : Indicators()) indicators.push_back(IndicatorJson(ind));
  for (const auto& u : Units())
    units.push_back({{"name", std::string(u.name)}, {"dimension", DimensionName(u.dimension)}});
  Json vocabulary = Json::object();
  for (const auto& [field, words] : FormatVocabulary()) vocabulary[field] = words;
  return {{"indicators", indicators},
          {"units", units},
          {"vocabulary", vocabulary},
          {"format", "ruralec.programme/1"}};
}

// A tree written out and checked as an uploaded file would be.
struct CheckedTree {
  EmittedYaml yaml;
  CheckedText checked;
  Json errors = Json::array();  // [{path, line, message}]
};

Result<CheckedTree> CheckTree(const Json& tree) {
  CheckedTree out;
  ASSIGN_OR_RETURN(out.yaml, TreeToYaml(tree));
  out.checked = CheckText(out.yaml.text, "editor", DefaultDivisionDir());
  for (const auto& i : out.checked.issues) {
    out.errors.push_back(
        {{"path", IssuePath(out.yaml, i)}, {"line", i.line}, {"message", i.message}});
  }
  return out;
}

Result<Json> TreeOf(const Json& body) {
  if (!body.contains("programme") || !body["programme"].is_object())
    return Error::Invalid("programme", "缺少方案内容 programme（对象）");
  return body["programme"];
}

Json ChangesJson(const std::vector<TreeChange>& changes) {
  Json out = Json::array();
  for (const auto& c : changes)
    out.push_back({{"path", c.path}, {"op", c.op}, {"before", c.before}, {"after", c.after}});
  return out;
}

Result<Json> Diff(const std::string& before_text, const std::string& after_text) {
  ASSIGN_OR_RETURN(Json before, YamlToTree(before_text));
  ASSIGN_OR_RETURN(Json after, YamlToTree(after_text));
  return ChangesJson(DiffTrees(before, after));
}

Json ErrorsReply(const CheckedTree& ct) {
  std::string field = ct.errors.front()["path"].get<std::string>();
  return {{"code", "invalid_argument"},
          {"message", "方案有 " + std::to_string(ct.errors.size()) + " 处错误"},
          {"field", field.empty() ? "programme" : "programme." + field},
          {"errors", ct.errors}};
}

// The stored text the new version follows: the latest version `base_id` of the same key, or
// none for a new programme (whose key must then be unused).
Result<std::string> BaseText(storage::Connection& conn, const Request& req, int64_t base_id,
                             const std::string& key) {
  auto latest = LatestVersionId(conn, key);
  if (base_id == 0) {
    if (latest.ok())
      return Error::Conflict("方案编号 " + key + " 已存在，请打开该方案再编辑", "programme.id");
    return std::string();
  }
  ASSIGN_OR_RETURN(StoredProgramme base, VisibleProgramme(conn, req));
  if (base.key != key)
    return Error::Invalid("programme.id", "方案编号不能修改（原为 " + base.key + "）");
  if (!latest.ok() || *latest != base_id)
    return Error::Conflict("方案已有更新的版本，请重新打开最新版本再编辑", "base_id");
  return base.source_text;
}

Result<Json> Save(storage::Database& db, const audit::AuditLog& audit, const Clock& clock,
                  Request& req, Reply& reply, int64_t base_id) {
  ASSIGN_OR_RETURN(Json body, req.Body());
  ASSIGN_OR_RETURN(Json tree, TreeOf(body));
  ASSIGN_OR_RETURN(CheckedTree ct, CheckTree(tree));
  if (!ct.errors.empty()) {
    reply.status = 400;
    return ErrorsReply(ct);
  }
  const Programme& p = ct.checked.programme;
  ASSIGN_OR_RETURN(RegionCode region, RegionCode::Parse(p.region.resolved_code));
  if (!req.principal().InScope(region))
    return Error::Forbidden("方案区划 " + region.str() + " 不在您的管辖范围内");
  auto conn = db.Acquire();
  return storage::InTransaction<Json>(*conn, storage::TxMode::kWrite, [&]() -> Result<Json> {
    ASSIGN_OR_RETURN(std::string before, BaseText(*conn, req, base_id, p.id));
    ASSIGN_OR_RETURN(StoredVersion v,
                     StoreProgramme(*conn, p, ct.yaml.text, "editor:" + req.principal().username,
                                    clock.NowMs()));
    RETURN_IF_ERROR(audit.Append(
        *conn, http::AuditEntry(req, "programme.edit", "programme", v.programme_id,
                                "key=" + v.key + " version=" + std::to_string(v.version) +
                                    (v.created ? " created" : " unchanged"))));
    ASSIGN_OR_RETURN(Json changes, before.empty() ? Json::array() : Diff(before, ct.yaml.text));
    reply.status = v.created ? 201 : 200;
    return Json{{"id", v.programme_id},
                {"key", v.key},
                {"version", v.version},
                {"created", v.created},
                {"changes", changes}};
  });
}

// "editor:wang" → {"editor", "wang"}; a file path is {"file", path}.
std::pair<std::string, std::string> SourceOf(const std::string& source_file) {
  for (const char* kind : {"editor", "local-change"}) {
    std::string prefix = std::string(kind) + ":";
    if (source_file.rfind(prefix, 0) == 0) return {kind, source_file.substr(prefix.size())};
  }
  if (source_file == "upload") return {"upload", ""};
  return {"file", source_file};
}

Result<Json> Versions(storage::Database& db, Request& req) {
  ASSIGN_OR_RETURN(PageRequest page, req.Page());
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(StoredProgramme sp, VisibleProgramme(*conn, req));
  ASSIGN_OR_RETURN(auto rows, ListVersions(*conn, sp.key));
  int64_t latest = rows.empty() ? 0 : rows.front().id;
  return http::SlicePageJson(
      rows, page, [](const VersionRow&) { return true; },
      [latest](const VersionRow& r) {
        auto [source, by] = SourceOf(r.source_file);
        return Json{{"id", r.id},
                    {"version", r.version},
                    {"name", r.name},
                    {"document_number", r.document_number},
                    {"source", source},
                    {"source_detail", by},
                    {"sha256", r.content_sha256},
                    {"loaded_at", http::TimeJson(r.loaded_at)},
                    {"targets", r.targets},
                    {"tasks", r.tasks},
                    {"latest", r.id == latest}};
      });
}

// The version `against` names (default: the one before `sp`), which must be of the same key.
Result<StoredProgramme> Against(storage::Connection& conn, const Request& req,
                                const StoredProgramme& sp) {
  std::string raw = req.Query("against");
  if (raw.empty()) {
    ASSIGN_OR_RETURN(auto rows, ListVersions(conn, sp.key));
    for (const auto& r : rows)
      if (r.version == sp.version - 1) return GetStoredProgramme(conn, r.id);
    return Error::NotFound("方案 " + sp.key + " 第 " + std::to_string(sp.version) +
                           " 版是第一版，没有可比较的上一版");
  }
  int64_t id = 0;
  if (raw.find_first_not_of("0123456789") != std::string::npos || raw.size() > 15 ||
      (id = std::stoll(raw)) <= 0)
    return Error::Invalid("against", "against 应为方案版本编号（正整数）");
  auto other = GetStoredProgramme(conn, id);
  if (!other.ok() || other->key != sp.key)
    return Error::Invalid("against", "against 须为同一方案的另一版本");
  return other;
}

Result<Json> DiffRoute(storage::Database& db, Request& req) {
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(StoredProgramme sp, VisibleProgramme(*conn, req));
  ASSIGN_OR_RETURN(StoredProgramme from, Against(*conn, req, sp));
  ASSIGN_OR_RETURN(Json changes, Diff(from.source_text, sp.source_text));
  return Json{{"from", {{"id", from.id}, {"version", from.version}}},
              {"to", {{"id", sp.id}, {"version", sp.version}}},
              {"changes", changes}};
}

Result<Json> Source(storage::Database& db, Request& req) {
  auto conn = db.Acquire();
  ASSIGN_OR_RETURN(StoredProgramme sp, VisibleProgramme(*conn, req));
  ASSIGN_OR_RETURN(int64_t latest, LatestVersionId(*conn, sp.key));
  ASSIGN_OR_RETURN(Json tree, YamlToTree(sp.source_text));
  return Json{{"id", sp.id},
              {"key", sp.key},
              {"version", sp.version},
              {"latest_id", latest},
              {"programme", tree}};
}

}  // namespace

void RegisterEditorRoutes(http::Server& s, storage::Database& db, const audit::AuditLog& audit,
                          const Clock& clock) {
  const std::string one = R"(/programmes/(\d+))";
  const http::Route read{.permission = "programme:read"};
  const http::Route edit{.permission = "programme:edit"};
  s.Get("/programmes/catalogue", read,
        [](Request&, Reply&) -> Result<Json> { return Catalogue(); });
  s.Post("/programmes/check", edit, [](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(Json tree, TreeOf(body));
    ASSIGN_OR_RETURN(CheckedTree ct, CheckTree(tree));
    return Json{{"ok", ct.errors.empty()}, {"errors", ct.errors}, {"yaml", ct.yaml.text}};
  });
  s.Put(one, edit, [&db, &audit, &clock](Request& req, Reply& reply) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t base, http::PathId(req));
    return Save(db, audit, clock, req, reply, base);
  });
  s.Get(one + "/source", read, [&db](Request& req, Reply&) { return Source(db, req); });
  s.Get(one + "/versions", read, [&db](Request& req, Reply&) { return Versions(db, req); });
  s.Get(one + "/diff", read, [&db](Request& req, Reply&) { return DiffRoute(db, req); });
}

// Used by POST /programmes when the body carries a tree instead of YAML text.
Result<Json> CreateFromTree(storage::Database& db, const audit::AuditLog& audit, const Clock& clock,
                            Request& req, Reply& reply) {
  return Save(db, audit, clock, req, reply, 0);
}

}  // namespace ruralec::programme::api
