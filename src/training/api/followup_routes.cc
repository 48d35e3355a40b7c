// Follow-up settings, the due-for-follow-up list and the person-times matrix over HTTP
// (docs/API.md "Training"; rules in followup.h and matrix.h).
#include <algorithm>

#include "http/file_reply.h"
#include "http/list.h"
#include "http/params.h"
#include "training/api/training_handlers.h"
#include "training/certificate_pdf.h"
#include "training/followup.h"
#include "training/matrix.h"

namespace ruralec::training::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json SettingsJson(const ConversionSettings& s) {
  return {{"county_code", s.county.str()},
          {"kinds", s.kinds},
          {"months", s.months},
          {"reminder_days", s.reminder_days},
          {"reference", s.reference},
          {"is_default", s.is_default},
          {"updated_at", s.is_default ? Json(nullptr) : Json(http::TimeJson(s.updated_at))}};
}

Json DueJson(const DueFollowUp& d) {
  return {{"trainee_id", d.trainee_id},
          {"name", d.name},
          {"region_code", d.region_code},
          {"region_name", d.region_name},
          {"session_id", d.session_id},
          {"session_name", d.session_name},
          {"course_id", d.course_id},
          {"course_title", d.course_title},
          {"level", d.level},
          {"starts_on", d.starts_on.ToString()},
          {"ends_on", d.ends_on.ToString()},
          {"days_since_end", d.days_since_end}};
}

Result<ConversionSettings> SettingsFrom(const Json& body, const RegionCode& county) {
  ConversionSettings in;
  in.county = county;
  ASSIGN_OR_RETURN(in.kinds, http::StringArray(body, "kinds"));
  ASSIGN_OR_RETURN(auto months, http::BodyOptInt(body, "months"));
  ASSIGN_OR_RETURN(auto days, http::BodyOptInt(body, "reminder_days"));
  if (!months) return Error::Invalid("months", "缺少 months");
  if (!days) return Error::Invalid("reminder_days", "缺少 reminder_days");
  // Out-of-range values are refused by the service; clamp only what cannot be an int.
  in.months = static_cast<int>(std::clamp<int64_t>(*months, -1, 100000));
  in.reminder_days = static_cast<int>(std::clamp<int64_t>(*days, -1, 100000));
  ASSIGN_OR_RETURN(auto ref, http::OptionalString(body, "reference"));
  in.reference = ref.value_or("");
  return in;
}

Json MatrixJson(const PersonTimesMatrix& m) {
  Json levels = Json::array(), rows = Json::array();
  for (const auto& l : m.levels) levels.push_back({{"value", l.value}, {"label", l.label}});
  for (const auto& r : m.rows)
    rows.push_back({{"region_code", r.region_code},
                    {"region_name", r.region_name},
                    {"by_level", r.by_level},
                    {"total", r.total}});
  return {{"region_code", m.region.str()}, {"year", m.year},  {"levels", levels}, {"rows", rows},
          {"by_level", m.by_level},        {"total", m.total}};
}

// The verification page the certificate's QR code opens: `base` (the console's origin, sent by
// the page: http(s)://host[:port], nothing else) or the request's Host, then /verify/{code}.
Result<std::string> VerifyUrl(const Request& req, const std::string& code) {
  std::string base = req.Query("base");
  if (!base.empty()) {
    bool scheme = base.rfind("http://", 0) == 0 || base.rfind("https://", 0) == 0;
    std::string host = base.substr(base.find("//") + 2);
    bool plain = !host.empty() && host.size() <= 200 &&
                 host.find_first_not_of(
                     "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                     "0123456789.-:[]") == std::string::npos;
    if (!scheme || !plain) return Error::Invalid("base", "base 应为 http(s)://主机[:端口]");
  } else {
    base = "http://" + req.Header("Host");
  }
  return base + "/verify/" + code;
}

}  // namespace

void RegisterFollowUpRoutes(http::Server& s, const Deps& d) {
  s.Get("/training/settings", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(RegionCode at, http::ScopedRegion(req));
    ASSIGN_OR_RETURN(ConversionSettings c, GetSettings(d, req.principal(), at));
    return SettingsJson(c);
  });
  s.Put("/training/settings", {true, "training:settings"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(auto text, http::OptionalString(body, "region_code"));
          RegionCode county = req.principal().region;
          if (text && !text->empty()) {
            auto code = RegionCode::Parse(*text);
            if (!code.ok()) return Error::Invalid("region_code", "区划代码无效: " + *text);
            county = *code;
          }
          ASSIGN_OR_RETURN(ConversionSettings in, SettingsFrom(body, county));
          ASSIGN_OR_RETURN(ConversionSettings c, SetSettings(d, req.principal(), in));
          return SettingsJson(c);
        });
  http::ListRoute<DueFollowUp>(
      s, "/training/followups/due", {}, {},
      [d](Request& req, const http::ListParams& lp) -> Result<Page<DueFollowUp>> {
        ASSIGN_OR_RETURN(auto days, http::QueryOptInt(req, "days"));
        if (days && (*days < 1 || *days > 730))
          return Error::Invalid("days", "跟踪提醒天数应为 1 到 730 的整数");
        std::optional<int> n;
        if (days) n = static_cast<int>(*days);
        return DueForFollowUp(d, req.principal(), lp.scope, n, lp.page);
      },
      DueJson);
  s.Get("/training/certificates/([A-Za-z0-9]{1,32})/pdf", {},
        [d](Request& req, Reply& reply) -> Result<Json> {
          std::string code = req.Match(1);
          ASSIGN_OR_RETURN(std::string url, VerifyUrl(req, code));
          ASSIGN_OR_RETURN(std::string bytes, CertificatePdf(d, req.principal(), code, url));
          http::BytesReply(std::move(bytes), "培训合格证书-" + code + ".pdf", reply);
          return Json::object();
        });
  s.Get("/training/person-times/matrix", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(RegionCode at, http::ScopedRegion(req));
    ASSIGN_OR_RETURN(int year, http::QueryYear(req, d.clock));
    ASSIGN_OR_RETURN(PersonTimesMatrix m, PersonTimesByChild(d, req.principal(), at, year));
    return MatrixJson(m);
  });
}

}  // namespace ruralec::training::api
