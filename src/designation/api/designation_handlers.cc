#include "designation/api/designation_handlers.h"

#include <algorithm>

#include "designation/import.h"
#include "http/audit_entry.h"
#include "http/file_reply.h"
#include "http/list.h"
#include "http/params.h"
#include "http/status_history.h"
#include "imports/api/upload.h"

namespace ruralec::designation::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json OptDate(const std::optional<CivilDate>& d) { return d ? Json(d->ToString()) : Json(nullptr); }

Result<std::string> TextField(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto v, http::OptionalString(body, field));
  return v.value_or("");
}

Result<int> YearField(const Json& body) {
  ASSIGN_OR_RETURN(auto y, http::BodyOptInt(body, "year"));
  if (!y) return Error::Invalid("year", "请填写年度");
  if (*y < 2000 || *y > 2100) return Error::Invalid("year", "年度应在 2000 到 2100 之间");
  return static_cast<int>(*y);
}

Result<DesignationInput> InputFrom(const Json& body) {
  DesignationInput in;
  ASSIGN_OR_RETURN(std::string level, http::RequiredString(body, "level"));
  ASSIGN_OR_RETURN(in.level, ParseLevel(level));
  ASSIGN_OR_RETURN(std::string kind, http::RequiredString(body, "kind"));
  ASSIGN_OR_RETURN(in.kind, ParseKind(kind));
  ASSIGN_OR_RETURN(std::string region, TextField(body, "region_code"));
  if (!region.empty()) {
    auto code = RegionCode::Parse(region);
    if (!code.ok()) return Error::Invalid("region_code", "区划代码无效: " + region);
    in.region = *code;
  }
  ASSIGN_OR_RETURN(in.subject_id, http::BodyOptInt(body, "subject_id"));
  if (in.subject_id && *in.subject_id <= 0)
    return Error::Invalid("subject_id", "subject_id 应为正整数");
  ASSIGN_OR_RETURN(in.year, YearField(body));
  ASSIGN_OR_RETURN(in.issuing_body, TextField(body, "issuing_body"));
  ASSIGN_OR_RETURN(in.document_no, TextField(body, "document_no"));
  ASSIGN_OR_RETURN(in.note, TextField(body, "note"));
  return in;
}

// `date_field` absent: `today` when given, else an error naming it.
Result<NewStatus> StatusFrom(const Json& body, const std::string& date_field,
                             std::optional<CivilDate> today) {
  ASSIGN_OR_RETURN(auto common, http::NewStatusFrom<State>(body, date_field, today, ParseStatus));
  NewStatus c{std::move(common)};
  ASSIGN_OR_RETURN(c.issuing_body, TextField(body, "issuing_body"));
  return c;
}

Json HistoryJson(const std::vector<StatusChange>& changes) {
  return http::StatusHistoryJson(changes, StatusName, StatusLabel);
}

Json FileJson(const File& f) {
  return {{"id", f.id},
          {"filename", f.filename},
          {"content_type", f.content_type},
          {"size", f.size},
          {"sha256", f.sha256},
          {"uploaded_by", f.uploaded_by},
          {"created_at", http::TimeJson(f.created_at)}};
}

Result<Filter> FilterFrom(const Request& req, const http::ListParams& lp) {
  Filter f;
  f.region = lp.scope;
  if (std::string v = req.Query("level"); !v.empty()) {
    ASSIGN_OR_RETURN(f.level, ParseLevel(v));
  }
  if (std::string v = req.Query("kind"); !v.empty()) {
    ASSIGN_OR_RETURN(f.kind, ParseKind(v));
  }
  if (std::string v = req.Query("status"); !v.empty()) {
    ASSIGN_OR_RETURN(f.status, ParseStatus(v));
  }
  ASSIGN_OR_RETURN(auto year, http::QueryOptInt(req, "year"));
  if (year && (*year < 2000 || *year > 2100))
    return Error::Invalid("year", "年度应在 2000 到 2100 之间");
  if (year) f.year = static_cast<int>(*year);
  f.q = req.Query("q");
  return f;
}

Json RankedJson(const RankedVillage& v) {
  return {{"rank", v.rank},
          {"region_code", v.region.str()},
          {"name", v.name},
          {"town_name", v.town_name},
          {"online_sales_fen", v.online_sales_fen ? Json(*v.online_sales_fen) : Json(nullptr)},
          {"designation_id", v.designation_id ? Json(*v.designation_id) : Json(nullptr)},
          {"designation_status",
           v.designation_status ? Json(StatusName(*v.designation_status)) : Json(nullptr)},
          {"proposed", v.proposed},
          {"reason", v.reason}};
}

// One page of the ranking, with the year, region and the source of the sales figures.
Json RankingJson(const Ranking& r, const PageRequest& page) {
  Json out = http::SlicePageJson(
      r.items, page, [](const RankedVillage&) { return true; }, RankedJson);
  out["year"] = r.year;
  out["region_code"] = r.region.str();
  out["source"] = r.source;
  out["quota"] = r.quota;
  out["proposed"] = std::count_if(r.items.begin(), r.items.end(),
                                  [](const RankedVillage& v) { return v.proposed; });
  return out;
}

Result<Json> Detail(const Deps& d, const Request& req, const Designation& des) {
  ASSIGN_OR_RETURN(auto history, History(d, req.principal(), des.id));
  ASSIGN_OR_RETURN(auto files, Files(d, req.principal(), des.id));
  Json out = DesignationJson(des);
  out["history"] = HistoryJson(history);
  out["files"] = Json::array();
  for (const auto& f : files) out["files"].push_back(FileJson(f));
  return out;
}

void RegisterFileRoutes(http::Server& s, const Deps& d) {
  s.Post(R"(/designations/(\d+)/files)", {true, "designation:edit"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           auto part = req.FormPart("file");
           if (!part || part->filename.empty())
             return Error::Invalid("file", "请以 multipart/form-data 上传名为 file 的文件");
           ASSIGN_OR_RETURN(File f, AddFile(d, req.principal(), id, part->filename, part->content));
           reply.status = 201;
           return FileJson(f);
         });
  s.Get(R"(/designations/(\d+)/files/(\d+))", {true, "designation:read"},
        [d](Request& req, Reply& reply) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(int64_t file_id, http::PathId(req, 2, "file_id"));
          ASSIGN_OR_RETURN(auto found, ReadFile(d, req.principal(), id, file_id));
          auto conn = d.db.Acquire();
          RETURN_IF_ERROR(d.audit.Append(
              *conn, http::AuditEntry(
                         req, "designation.file.download", "designation", id,
                         "file=" + std::to_string(file_id) + " sha256=" + found.first.sha256)));
          reply.content_type = found.first.content_type;
          reply.filename = found.first.filename;
          reply.raw_body = std::move(found.second);
          return Json(nullptr);
        });
}

// POST /designations/import (multipart, the imports module's upload and report) and the template.
void RegisterImportRoutes(http::Server& s, const Deps& d) {
  imports::api::SetReadPermission("designations", "designation:read");
  s.Post("/designations/import", {true, "designation:edit"}, [d](Request& req, Reply&) {
    imports::ImportContext ctx{d.db, d.audit, d.clock, d.cipher};
    return imports::api::Upload(
        ctx, req, "designations",
        [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
           imports::Mode m,
           const imports::ImportOptions& o) { return ImportDesignations(c, who, path, m, o); });
  });
  s.Get("/designations/template", {true, "designation:read"},
        [](Request&, Reply& r) -> Result<Json> {
          RETURN_IF_ERROR(http::XlsxReply(DesignationsTemplate(), "designations-template.xlsx", r));
          return Json::object();
        });
}

}  // namespace

Json DesignationJson(const Designation& x) {
  return {{"id", x.id},
          {"level", LevelName(x.level)},
          {"level_label", LevelLabel(x.level)},
          {"kind", KindName(x.kind)},
          {"kind_label", KindLabel(x.kind)},
          {"subject_type", SubjectTypeName(x.subject_type)},
          {"subject_id", x.subject_id ? Json(*x.subject_id) : Json(nullptr)},
          {"subject_name", x.subject_name},
          {"region_code", x.region.str()},
          {"region_name", x.region_name},
          {"county_code", x.region.county().str()},
          {"year", x.year},
          {"issuing_body", x.issuing_body},
          {"document_no", x.document_no},
          {"note", x.note},
          {"status", StatusName(x.status)},
          {"status_label", StatusLabel(x.status)},
          {"status_since", x.status_since.ToString()},
          {"recognised_on", OptDate(x.recognised_on)},
          {"file_count", x.file_count},
          {"created_at", http::TimeJson(x.created_at)},
          {"updated_at", http::TimeJson(x.updated_at)}};
}

void RegisterRoutes(http::Server& s, const Deps& d) {
  s.Get("/designations", {true, "designation:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(http::ListParams lp,
                     http::ReadList(req, {"id", "year", "region_code", "subject_name", "status",
                                          "status_since", "updated_at"}));
    ASSIGN_OR_RETURN(Filter f, FilterFrom(req, lp));
    ASSIGN_OR_RETURN(Page<Designation> p, List(d, req.principal(), f, lp.page));
    return http::PageJson(p, lp.page, DesignationJson);
  });
  s.Get("/designations/ranking", {true, "designation:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(RegionCode region, http::ScopedRegion(req));
          ASSIGN_OR_RETURN(int year, http::QueryYear(req, d.clock));
          Level level = Level::kCounty;
          if (std::string v = req.Query("level"); !v.empty()) {
            ASSIGN_OR_RETURN(level, ParseLevel(v));
          }
          ASSIGN_OR_RETURN(PageRequest page, req.Page());
          ASSIGN_OR_RETURN(auto quota, http::QueryOptInt(req, "quota"));
          if (quota && (*quota < 0 || *quota > 10000))
            return Error::Invalid("quota", "择优名额应为 0 至 10000 的整数");
          std::optional<int> q;
          if (quota) q = static_cast<int>(*quota);
          ASSIGN_OR_RETURN(Ranking r, RankVillages(d, req.principal(), region, year, level, q));
          return RankingJson(r, page);
        });
  s.Get(R"(/designations/(\d+))", {true, "designation:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Designation x, Get(d, req.principal(), id));
          return Detail(d, req, x);
        });
  s.Post(
      "/designations", {true, "designation:edit"}, [d](Request& req, Reply& reply) -> Result<Json> {
        ASSIGN_OR_RETURN(Json body, req.Body());
        ASSIGN_OR_RETURN(DesignationInput in, InputFrom(body));
        std::optional<NewStatus> initial;
        if (body.contains("status") && !body["status"].is_null()) {
          ASSIGN_OR_RETURN(initial, StatusFrom(body, "status_date", ShanghaiDate(d.clock.NowMs())));
        }
        ASSIGN_OR_RETURN(Designation x, Register(d, req.principal(), in, initial));
        reply.status = 201;
        return Detail(d, req, x);
      });
  s.Put(R"(/designations/(\d+))", {true, "designation:edit"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(DesignationInput in, InputFrom(body));
          ASSIGN_OR_RETURN(Designation x, Update(d, req.principal(), id, in));
          return Detail(d, req, x);
        });
  s.Post(R"(/designations/(\d+)/status)", {true, "designation:edit"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(NewStatus c, StatusFrom(body, "date", std::nullopt));
           ASSIGN_OR_RETURN(Designation x, ChangeStatus(d, req.principal(), id, c));
           return Detail(d, req, x);
         });
  RegisterFileRoutes(s, d);
  RegisterImportRoutes(s, d);
}

}  // namespace ruralec::designation::api
