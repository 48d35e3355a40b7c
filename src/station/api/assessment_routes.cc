// HTTP API of station assessment (docs/API.md "Station assessment"): JSON ⇄ assessment.h
// structs; permission, scope and rules are the service's.
#include "http/params.h"
#include "http/status_history.h"
#include "station/api/station_handlers.h"
#include "station/assessment.h"

namespace ruralec::station::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json OptDateJson(const std::optional<CivilDate>& d) {
  return d ? Json(d->ToString()) : Json(nullptr);
}

Json TemplateJson(const AssessmentTemplate& t) {
  Json items = Json::array();
  for (const auto& i : t.items)
    items.push_back(
        {{"id", i.id}, {"name", i.name}, {"weight", i.weight}, {"max_score", i.max_score}});
  return {{"id", t.id},
          {"county_code", t.county.str()},
          {"name", t.name},
          {"period_kind", PeriodKindName(t.period_kind)},
          {"period_kind_label", PeriodKindLabel(t.period_kind)},
          {"pass_mark", t.pass_mark},
          {"retired", t.retired},
          {"assessments", t.assessments},
          {"items", std::move(items)},
          {"created_at", http::TimeJson(t.created_at)},
          {"updated_at", http::TimeJson(t.updated_at)}};
}

Json AssessmentJson(const Assessment& a) {
  Json scores = Json::array();
  for (const auto& s : a.scores)
    scores.push_back({{"item_id", s.item_id},
                      {"item_name", s.item_name},
                      {"weight", s.weight},
                      {"max_score", s.max_score},
                      {"score", s.score},
                      {"note", s.note}});
  Json evidence = nullptr;
  if (a.evidence)
    evidence = {{"filename", a.evidence->filename},
                {"content_type", a.evidence->content_type},
                {"size", a.evidence->size},
                {"sha256", a.evidence->sha256}};
  return {{"id", a.id},
          {"station_id", a.station_id},
          {"station_name", a.station_name},
          {"region_code", a.region.str()},
          {"region_name", a.region_name},
          {"template_id", a.template_id},
          {"template_name", a.template_name},
          {"period", a.period},
          {"assessed_on", a.assessed_on.ToString()},
          {"total_centi", a.total_centi},
          {"pass_mark", a.pass_mark},
          {"passed", a.passed},
          {"comment", a.comment},
          {"evidence", std::move(evidence)},
          {"followup", FollowupName(a.followup)},
          {"followup_status", a.followup_status},
          {"followup_deadline", OptDateJson(a.followup_deadline)},
          {"followup_note", a.followup_note},
          {"assessed_by", a.assessed_by_name},
          {"scores", std::move(scores)},
          {"created_at", http::TimeJson(a.created_at)},
          {"updated_at", http::TimeJson(a.updated_at)}};
}

Result<int64_t> IntField(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto v, http::BodyOptInt(body, field));
  if (!v) return Error::Invalid(field, "请填写 " + field);
  return *v;
}

// {"name","period_kind","pass_mark","items":[{"name","weight","max_score"}]}
Result<TemplateInput> TemplateFrom(const Json& body) {
  TemplateInput in;
  ASSIGN_OR_RETURN(in.name, http::RequiredString(body, "name"));
  ASSIGN_OR_RETURN(std::string kind, http::RequiredString(body, "period_kind"));
  ASSIGN_OR_RETURN(in.period_kind, ParsePeriodKind(kind));
  ASSIGN_OR_RETURN(in.pass_mark, IntField(body, "pass_mark"));
  if (!body.contains("items") || !body["items"].is_array())
    return Error::Invalid("items", "items 应为考核项目数组");
  for (const auto& j : body["items"]) {
    if (!j.is_object()) return Error::Invalid("items", "考核项目应为对象");
    TemplateItem i;
    ASSIGN_OR_RETURN(i.name, http::RequiredString(j, "name"));
    auto w = http::BodyOptInt(j, "weight");
    auto m = http::BodyOptInt(j, "max_score");
    if (!w.ok() || !*w || !m.ok() || !*m)
      return Error::Invalid("items", "考核项目须有整数的 weight 和 max_score");
    i.weight = **w;
    i.max_score = **m;
    in.items.push_back(std::move(i));
  }
  return in;
}

// {"template_id","period","assessed_on"?,"comment"?,"scores":[{"item_id","score","note"?}]}
Result<AssessmentInput> AssessmentFrom(const Json& body) {
  AssessmentInput in;
  ASSIGN_OR_RETURN(in.template_id, http::BodyId(body, "template_id"));
  ASSIGN_OR_RETURN(in.period, http::RequiredString(body, "period"));
  ASSIGN_OR_RETURN(in.assessed_on, http::BodyOptDate(body, "assessed_on"));
  ASSIGN_OR_RETURN(auto comment, http::OptionalString(body, "comment"));
  in.comment = comment.value_or("");
  if (!body.contains("scores") || !body["scores"].is_array())
    return Error::Invalid("scores", "scores 应为得分数组");
  for (const auto& j : body["scores"]) {
    if (!j.is_object()) return Error::Invalid("scores", "得分应为对象");
    ItemScore s;
    ASSIGN_OR_RETURN(s.item_id, http::BodyId(j, "item_id"));
    auto v = http::BodyOptInt(j, "score");
    if (!v.ok() || !*v) return Error::Invalid("scores", "得分应为整数");
    s.score = **v;
    ASSIGN_OR_RETURN(auto note, http::OptionalString(j, "note"));
    s.note = note.value_or("");
    in.scores.push_back(std::move(s));
  }
  return in;
}

Json RankingJson(const std::vector<RankedAssessment>& rows) {
  Json out = Json::array();
  for (const auto& r : rows) {
    Json j = AssessmentJson(r.a);
    j["rank"] = r.rank;
    out.push_back(std::move(j));
  }
  return out;
}

void RegisterTemplateRoutes(http::Server& s, const Deps& d) {
  s.Get("/stations/assessment-templates", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(auto retired, http::QueryOptBool(req, "retired"));
    ASSIGN_OR_RETURN(auto list, Templates(d, req.principal(), retired.value_or(false)));
    Json out = Json::array();
    for (const auto& t : list) out.push_back(TemplateJson(t));
    return out;
  });
  s.Get(R"(/stations/assessment-templates/(\d+))", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(auto t, GetTemplate(d, req.principal(), id));
    return TemplateJson(t);
  });
  s.Post("/stations/assessment-templates", {true, "station:assess:template"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(TemplateInput in, TemplateFrom(body));
           ASSIGN_OR_RETURN(auto t, CreateTemplate(d, req.principal(), in));
           reply.status = 201;
           return TemplateJson(t);
         });
  s.Put(R"(/stations/assessment-templates/(\d+))", {true, "station:assess:template"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(TemplateInput in, TemplateFrom(body));
          ASSIGN_OR_RETURN(auto t, UpdateTemplate(d, req.principal(), id, in));
          return TemplateJson(t);
        });
  s.Post(R"(/stations/assessment-templates/(\d+)/retire)", {true, "station:assess:template"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(auto t, RetireTemplate(d, req.principal(), id));
           return TemplateJson(t);
         });
}

void RegisterFollowupRoutes(http::Server& s, const Deps& d) {
  s.Post(R"(/stations/assessments/(\d+)/followup)", {true, "station:assess"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           FollowupInput in;
           ASSIGN_OR_RETURN(std::string kind, http::RequiredString(body, "kind"));
           if (kind == "rectification" || kind == "整改") {
             in.kind = Followup::kRectification;
           } else if (kind == "exit" || kind == "退出") {
             in.kind = Followup::kExit;
           } else {
             return Error::Invalid("kind", "后续处理应为 整改(rectification) 或 退出(exit)");
           }
           ASSIGN_OR_RETURN(in.deadline, http::BodyOptDate(body, "deadline"));
           ASSIGN_OR_RETURN(auto note, http::OptionalString(body, "note"));
           in.note = note.value_or("");
           ASSIGN_OR_RETURN(auto a, OpenFollowup(d, req.principal(), id, in));
           return AssessmentJson(a);
         });
  s.Post(R"(/stations/assessments/(\d+)/rectified)", {true, "station:assess"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(auto note, http::OptionalString(body, "note"));
           ASSIGN_OR_RETURN(auto a, CloseRectification(d, req.principal(), id, note.value_or("")));
           return AssessmentJson(a);
         });
  // {"decision": "confirm"|"withdraw", "date", "reason"?, "document_no"} (confirm: the exit's
  // date and decision document, as a status change).
  s.Post(R"(/stations/assessments/(\d+)/exit)", {true, "station:assess"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(std::string decision, http::RequiredString(body, "decision"));
           if (decision != "confirm" && decision != "withdraw")
             return Error::Invalid("decision", "decision 应为 confirm 或 withdraw");
           bool confirm = decision == "confirm";
           NewStatus c;
           c.to = StationStatus::kExited;
           if (confirm) {
             ASSIGN_OR_RETURN(c.on, http::ChangeDate(body, "date", std::nullopt));
             ASSIGN_OR_RETURN(auto reason, http::OptionalString(body, "reason"));
             ASSIGN_OR_RETURN(auto doc, http::OptionalString(body, "document_no"));
             c.reason = reason.value_or("");
             c.document_no = doc.value_or("");
           }
           ASSIGN_OR_RETURN(auto a, DecideExit(d, req.principal(), id, confirm, c));
           return AssessmentJson(a);
         });
}

}  // namespace

void RegisterAssessmentRoutes(http::Server& s, const Deps& d) {
  RegisterTemplateRoutes(s, d);
  RegisterFollowupRoutes(s, d);
  s.Get(R"(/stations/(\d+)/assessments)", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(auto list, AssessmentsOf(d, req.principal(), id));
    Json out = Json::array();
    for (const auto& a : list) out.push_back(AssessmentJson(a));
    return out;
  });
  s.Post(R"(/stations/(\d+)/assessments)", {true, "station:assess"},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(AssessmentInput in, AssessmentFrom(body));
           ASSIGN_OR_RETURN(auto a, Assess(d, req.principal(), id, in));
           reply.status = 201;
           return AssessmentJson(a);
         });
  s.Get(R"(/stations/assessments/(\d+))", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(auto a, GetAssessment(d, req.principal(), id));
    return AssessmentJson(a);
  });
  s.Post(R"(/stations/assessments/(\d+)/evidence)", {true, "station:assess"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           auto part = req.FormPart("file");
           if (!part || part->filename.empty())
             return Error::Invalid("file", "请以 multipart/form-data 上传名为 file 的文件");
           ASSIGN_OR_RETURN(auto a,
                            AttachEvidence(d, req.principal(), id, part->filename, part->content));
           return AssessmentJson(a);
         });
  s.Get(R"(/stations/assessments/(\d+)/evidence)", {},
        [d](Request& req, Reply& reply) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(auto found, ReadEvidence(d, req.principal(), id));
          reply.content_type = found.first.content_type;
          reply.filename = found.first.filename;
          reply.raw_body = std::move(found.second);
          return Json(nullptr);
        });
  // ?region_code=&template_id=&period=
  s.Get("/stations/assessments/ranking", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t tid, http::QueryId(req, "template_id"));
    std::string period = req.Query("period");
    if (period.empty()) return Error::Invalid("period", "请选择考核期间");
    RegionCode region;
    if (std::string r = req.Query("region_code"); !r.empty()) {
      auto code = RegionCode::Parse(r);
      if (!code.ok()) return Error::Invalid("region_code", "区划代码无效: " + r);
      region = *code;
    }
    ASSIGN_OR_RETURN(auto rows, Ranking(d, req.principal(), region, tid, period));
    return Json{{"template_id", tid}, {"period", period}, {"items", RankingJson(rows)}};
  });
}

}  // namespace ruralec::station::api
