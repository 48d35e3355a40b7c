#include "disclosure/api/public_handlers.h"

#include <memory>
#include <regex>

#include "disclosure/html.h"
#include "http/cache.h"
#include "http/params.h"

namespace ruralec::disclosure::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

// Seconds a browser or shared cache may keep a public answer before asking again (a withdrawal
// shows within this time).
constexpr int kMaxAge = 60;
constexpr const char* kCounty = R"(/public/(\d{6}|\d{12}))";

struct Env {
  storage::Database& db;
  std::shared_ptr<Gate> gate;
};

std::string PagePath(const Publication& p) {
  return html::CountyPath(p.county) + "/publications/" + std::to_string(p.id);
}

Json PublicJson(const Publication& p, const std::string& county_name) {
  Json out = {{"id", p.id},
              {"county_code", p.county.str()},
              {"county_name", county_name},
              {"kind", KindName(p.kind)},
              {"kind_label", KindLabel(p.kind)},
              {"title", p.title},
              {"summary", p.status == State::kWithdrawn ? "" : p.summary},
              {"version", p.version},
              {"status", StateName(p.status)},
              {"status_label", StateLabel(p.status)},
              {"published_at", http::OptTimeJson(p.published_at)},
              {"superseded_at", http::OptTimeJson(p.superseded_at)},
              {"withdrawn_at", http::OptTimeJson(p.withdrawn_at)},
              {"withdraw_reason", p.withdraw_reason},
              {"content_sha256", p.content_sha256},
              {"page_url", PagePath(p)}};
  return out;
}

// One public read: the address admitted, the county from the path, a connection.
template <typename Fn>
Result<Json> Read(const Env& e, Request& req, Fn fn) {
  RETURN_IF_ERROR(e.gate->Admit(req.ip()));
  auto conn = e.db.Acquire();
  ASSIGN_OR_RETURN(RegionCode county, PublicCounty(*conn, req.Match(1)));
  return fn(*conn, county);
}

Result<Json> PublicationJson(storage::Connection& conn, const RegionCode& county, int64_t id) {
  ASSIGN_OR_RETURN(Publication p, PublicGet(conn, county, id));
  ASSIGN_OR_RETURN(std::string name, CountyNameOf(conn, county));
  Json out = PublicJson(p, name);
  out["content"] = p.content.empty() ? Json(nullptr) : Json::parse(p.content, nullptr, false);
  return out;
}

void RegisterJson(http::Server& s, const Env& e) {
  s.Get(kCounty, {.auth = false}, [e](Request& req, Reply& reply) -> Result<Json> {
    return Read(e, req, [&](storage::Connection& conn, const RegionCode& county) -> Result<Json> {
      ASSIGN_OR_RETURN(PublicIndex index, IndexOf(conn, county));
      Json items = Json::array();
      for (const auto& p : index.items) items.push_back(PublicJson(p, index.county_name));
      return http::Cacheable(
          req, reply,
          {{"county_code", county.str()}, {"county_name", index.county_name}, {"items", items}},
          kMaxAge);
    });
  });
  s.Get(std::string(kCounty) + R"(/publications/(\d+))", {.auth = false},
        [e](Request& req, Reply& reply) -> Result<Json> {
          return Read(e, req,
                      [&](storage::Connection& conn, const RegionCode& county) -> Result<Json> {
                        ASSIGN_OR_RETURN(int64_t id, http::PathId(req, 2, "id"));
                        ASSIGN_OR_RETURN(Json out, PublicationJson(conn, county, id));
                        return http::Cacheable(req, reply, std::move(out), kMaxAge);
                      });
        });
  s.Get(std::string(kCounty) + R"(/publications/(\d+)/versions)", {.auth = false},
        [e](Request& req, Reply& reply) -> Result<Json> {
          return Read(e, req,
                      [&](storage::Connection& conn, const RegionCode& county) -> Result<Json> {
                        ASSIGN_OR_RETURN(int64_t id, http::PathId(req, 2, "id"));
                        ASSIGN_OR_RETURN(auto versions, PublicVersions(conn, county, id));
                        ASSIGN_OR_RETURN(std::string name, CountyNameOf(conn, county));
                        Json items = Json::array();
                        for (const auto& v : versions) items.push_back(PublicJson(v, name));
                        return http::Cacheable(req, reply, {{"items", items}}, kMaxAge);
                      });
        });
  // The stored bytes whose SHA-256 is content_sha256 (for checking a capture).
  s.Get(std::string(kCounty) + R"(/publications/(\d+)/content)", {.auth = false},
        [e](Request& req, Reply& reply) -> Result<Json> {
          return Read(e, req,
                      [&](storage::Connection& conn, const RegionCode& county) -> Result<Json> {
                        ASSIGN_OR_RETURN(int64_t id, http::PathId(req, 2, "id"));
                        ASSIGN_OR_RETURN(Publication p, PublicGet(conn, county, id));
                        if (p.content.empty()) return Error::NotFound("该公开信息已撤回");
                        reply.content_type = "application/json; charset=utf-8";
                        reply.raw_body = std::move(p.content);
                        http::CacheableRaw(req, reply, kMaxAge);
                        return Json(nullptr);
                      });
        });
}

// An HTML page (or `type`: the sitemap): any error becomes an error page with the error's status.
// `county`: the path names a county (group 1).
template <typename Fn>
http::Handler HtmlRoute(const Env& e, Fn render, const char* type = "text/html; charset=utf-8",
                        bool county_path = true) {
  return [e, render, type, county_path](Request& req, Reply& reply) -> Result<Json> {
    Result<std::string> page = [&]() -> Result<std::string> {
      RETURN_IF_ERROR(e.gate->Admit(req.ip()));
      auto conn = e.db.Acquire();
      RegionCode county;
      if (county_path) {
        ASSIGN_OR_RETURN(county, PublicCounty(*conn, req.Match(1)));
      }
      return render(*conn, county, req);
    }();
    reply.content_type = page.ok() ? type : "text/html; charset=utf-8";
    if (page.ok()) {
      reply.raw_body = std::move(*page);
      http::CacheableRaw(req, reply, kMaxAge);
      return Json(nullptr);
    }
    reply.status = http::HttpStatus(page.error().code);
    if (reply.status >= 500 && page.error().code != ErrorCode::kUnavailable)
      return page.error();  // logged with the request id, as JSON
    if (reply.status == 503) reply.headers.emplace_back("Retry-After", "60");
    reply.raw_body = html::ErrorPage(reply.status, page.error().message);
    return Json(nullptr);
  };
}

Result<std::string> PublicationHtml(storage::Connection& conn, const RegionCode& county,
                                    Request& req) {
  ASSIGN_OR_RETURN(int64_t id, http::PathId(req, 2, "id"));
  ASSIGN_OR_RETURN(Publication p, PublicGet(conn, county, id));
  ASSIGN_OR_RETURN(std::string name, CountyNameOf(conn, county));
  if (p.status == State::kWithdrawn) return html::NoticePage(name, p);
  ASSIGN_OR_RETURN(Document doc, ParseDocument(p.content));
  return html::PublicationPage(name, p, doc);
}

// The scheme and host the request came to ("https://gk.example.cn"): the Host header (a name or
// address with an optional port, nothing else) and X-Forwarded-Proto from a TLS proxy.
Result<std::string> Origin(const Request& req) {
  static const std::regex kHost(
      R"(^([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$)");
  const std::string host = req.Header("Host");
  if (!std::regex_match(host, kHost)) return Error::Invalid("Host", "请求头 Host 无效");
  const std::string proto = req.Header("X-Forwarded-Proto");
  return (proto == "https" ? "https://" : "http://") + host;
}

// The county's sitemap and /robots.txt naming every county's (docs/DISCLOSURE.md "Sitemaps").
void RegisterSitemaps(http::Server& s, const Env& e) {
  s.Page(std::string(kCounty) + "/sitemap.xml", {.auth = false},
         HtmlRoute(
             e,
             [](storage::Connection& conn, const RegionCode& county,
                Request& req) -> Result<std::string> {
               ASSIGN_OR_RETURN(std::string origin, Origin(req));
               ASSIGN_OR_RETURN(auto pages, SitemapOf(conn, county));
               return html::SitemapXml(origin, pages);
             },
             "application/xml; charset=utf-8"));
  s.Page("/robots.txt", {.auth = false},
         HtmlRoute(
             e,
             [](storage::Connection& conn, const RegionCode&, Request& req) -> Result<std::string> {
               ASSIGN_OR_RETURN(std::string origin, Origin(req));
               ASSIGN_OR_RETURN(auto counties, SitemapCounties(conn));
               return html::RobotsTxt(origin, counties);
             },
             "text/plain; charset=utf-8", false));
}

void RegisterPages(http::Server& s, const Env& e) {
  auto index = [](storage::Connection& conn, const RegionCode& county,
                  Request&) -> Result<std::string> {
    ASSIGN_OR_RETURN(PublicIndex index, IndexOf(conn, county));
    return html::IndexPage(index);
  };
  s.Page(kCounty, {.auth = false}, HtmlRoute(e, index));
  s.Page(std::string(kCounty) + "/", {.auth = false}, HtmlRoute(e, index));
  s.Page(std::string(kCounty) + R"(/publications/(\d+))", {.auth = false},
         HtmlRoute(e, PublicationHtml));
  s.Page(std::string(kCounty) + R"(/publications/(\d+)/versions)", {.auth = false},
         HtmlRoute(e,
                   [](storage::Connection& conn, const RegionCode& county,
                      Request& req) -> Result<std::string> {
                     ASSIGN_OR_RETURN(int64_t id, http::PathId(req, 2, "id"));
                     ASSIGN_OR_RETURN(Publication p, PublicGet(conn, county, id));
                     ASSIGN_OR_RETURN(auto versions, PublicVersions(conn, county, id));
                     ASSIGN_OR_RETURN(std::string name, CountyNameOf(conn, county));
                     return html::VersionsPage(name, p, versions);
                   }));
}

}  // namespace

void RegisterPublicRoutes(http::Server& s, storage::Database& db, const Clock& clock) {
  Env e{db, std::make_shared<Gate>(clock)};
  RegisterJson(s, e);
  RegisterPages(s, e);
  RegisterSitemaps(s, e);
}

}  // namespace ruralec::disclosure::api
