// Server-rendered pages of the public portal (html.h).
#include "disclosure/html.h"

#include "core/date.h"

namespace ruralec::disclosure::html {
namespace {

constexpr const char* kStyle =
    "*{box-sizing:border-box}"
    "body{margin:0;font:16px/1.6 -apple-system,'PingFang SC','Microsoft YaHei',sans-serif;"
    "color:#222;background:#f5f6f8}"
    "header{background:#a61b1b;color:#fff}"
    "header div,main,footer div{max-width:960px;margin:0 auto;padding:12px 16px}"
    "header a{color:#fff;text-decoration:none}"
    "h1{font-size:1.4em;line-height:1.35;margin:.4em 0}h2{font-size:1.15em;margin:1.2em 0 .4em}"
    ".meta{background:#fff;border:1px solid #ddd;border-left:4px solid #a61b1b;padding:8px 12px;"
    "font-size:.92em}.meta p{margin:.2em 0}"
    ".hash{font-family:monospace;word-break:break-all}"
    ".notice{background:#fff4e5;border:1px solid #f0b35a;padding:10px 12px}"
    ".wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}"
    "table{border-collapse:collapse;width:100%;background:#fff;font-size:.9em}"
    "th,td{border:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}"
    "th{background:#f0f0f0;white-space:nowrap}"
    "ul.list{list-style:none;padding:0}ul.list li{background:#fff;border:1px solid #ddd;"
    "margin:8px 0;padding:10px 12px}"
    "small,.small{color:#666;font-size:.85em}"
    "footer{color:#666;font-size:.85em;border-top:1px solid #ddd;margin-top:24px}"
    "footer,.meta,.notice{overflow-wrap:anywhere}"
    "a{color:#a61b1b}";

std::string Head(const std::string& title, const std::string& description) {
  return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>" +
         Escape(title) + "</title>\n<meta name=\"description\" content=\"" + Escape(description) +
         "\">\n<style>" + kStyle + "</style>\n</head>\n";
}

std::string Banner(const std::string& county_name, const std::string& home) {
  return "<header><div><a href=\"" + Escape(home) + "\">" + Escape(county_name) +
         " · 电子商务进农村信息公开</a></div></header>\n";
}

std::string Footer(const std::string& text) {
  return "<footer><div>" + text + "</div></footer>\n</body>\n</html>\n";
}

std::string Page(const std::string& county_name, const std::string& home, const std::string& title,
                 const std::string& description, const std::string& main,
                 const std::string& footer) {
  return Head(title, description) + "<body>\n" + Banner(county_name, home) + "<main>\n" + main +
         "</main>\n" + Footer(footer);
}

std::string Time(int64_t ms) {
  return "<time datetime=\"" + FormatUtc(ms) + "\">" + Escape(BeijingTime(ms)) + "</time>";
}

std::string PublicationPath(const Publication& p) {
  return CountyPath(p.county) + "/publications/" + std::to_string(p.id);
}

std::string Meta(const std::string& county_name, const Publication& p, const std::string& as_of) {
  std::string out = "<section class=\"meta\" aria-label=\"发布信息\">\n";
  out += "<p>发布单位：" + Escape(county_name) + "</p>\n";
  out += "<p>版本：第 " + std::to_string(p.version) + " 版</p>\n";
  if (p.published_at) out += "<p>发布时间：" + Time(*p.published_at) + "</p>\n";
  if (!as_of.empty()) out += "<p>数据截至：" + Escape(as_of) + "</p>\n";
  out += "<p>内容校验码（SHA-256）：<span class=\"hash\">" + Escape(p.content_sha256) +
         "</span></p>\n</section>\n";
  return out;
}

std::string TableHtml(const Table& t) {
  std::string out = "<div class=\"wrap\"><table>\n<thead><tr>";
  for (const auto& c : t.columns) out += "<th scope=\"col\">" + Escape(c) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (const auto& cell : row) out += "<td>" + Escape(cell) + "</td>";
    out += "</tr>\n";
  }
  if (t.rows.empty())
    out += "<tr><td colspan=\"" + std::to_string(t.columns.size()) + "\">暂无</td></tr>\n";
  return out + "</tbody>\n</table></div>\n";
}

std::string SectionHtml(const Section& s) {
  std::string out = "<section>\n<h2>" + Escape(s.heading) + "</h2>\n";
  for (const auto& p : s.paragraphs) out += "<p>" + Escape(p) + "</p>\n";
  if (s.table) out += TableHtml(*s.table);
  for (const auto& n : s.notes) out += "<p class=\"small\">" + Escape(n) + "</p>\n";
  return out + "</section>\n";
}

std::string EvidenceFooter(const Publication& p) {
  return "本页为" + Escape(KindLabel(p.kind)) + "公开页面第 " + std::to_string(p.version) +
         " 版，页面地址 " + Escape(PublicationPath(p)) +
         "。截图或保存本页即可作为公示材料；内容校验码可与 " +
         Escape("/api/v1" + PublicationPath(p) + "/content") + " 的 SHA-256 核对。";
}

std::string Link(const std::string& href, const std::string& text) {
  return "<a href=\"" + Escape(href) + "\">" + Escape(text) + "</a>";
}

}  // namespace

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string BeijingTime(int64_t utc_ms) {
  std::string iso = FormatUtc(utc_ms + 8 * 3600 * 1000LL);  // "2026-12-07T10:40:00.000Z" + 8h
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + "（北京时间）";
}

std::string SitemapXml(const std::string& origin, const std::vector<SitemapEntry>& pages) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& p : pages) {
    out += "<url><loc>" + Escape(origin + p.path) + "</loc>";
    if (p.lastmod > 0) out += "<lastmod>" + FormatUtc(p.lastmod).substr(0, 19) + "Z</lastmod>";
    out += "</url>\n";
  }
  return out + "</urlset>\n";
}

std::string RobotsTxt(const std::string& origin, const std::vector<RegionCode>& counties) {
  std::string out = "User-agent: *\nAllow: /public/\nDisallow: /\n";
  for (const auto& c : counties) out += "Sitemap: " + origin + CountyPath(c) + "/sitemap.xml\n";
  return out;
}

std::string CountyPath(const RegionCode& county) {
  return "/public/" + std::string(county.str().substr(0, 6));
}

std::string IndexPage(const PublicIndex& index) {
  std::string home = CountyPath(index.county);
  std::string main = "<h1>" + Escape(index.county_name) + "电子商务进农村信息公开</h1>\n";
  if (index.items.empty()) main += "<p>暂无公开信息。</p>\n";
  main += "<ul class=\"list\">\n";
  for (const auto& p : index.items) {
    main += "<li><small>" + Escape(KindLabel(p.kind)) + "</small><br>" +
            Link(home + "/publications/" + std::to_string(p.id), p.title) + "<br><small>第 " +
            std::to_string(p.version) + " 版 · 发布于 " +
            (p.published_at ? Time(*p.published_at) : std::string("—")) +
            (p.status == State::kWithdrawn ? " · 已撤回" : "") + "</small></li>\n";
  }
  main += "</ul>\n";
  std::string description = index.county_name + "公开电子商务进农村综合示范的实施方案、资金使用、" +
                            "项目进度、评审结论、奖补名单、特色产品和服务站点。";
  return Page(index.county_name, home, index.county_name + "电子商务进农村信息公开", description,
              main, "本页列出各类公开信息的现行版本。");
}

std::string PublicationPage(const std::string& county_name, const Publication& p,
                            const Document& doc) {
  std::string main =
      "<article>\n<h1>" + Escape(p.title) + "</h1>\n" + Meta(county_name, p, doc.as_of);
  if (p.status == State::kSuperseded)
    main += "<p class=\"notice\">本版本已被新版本取代，请查看" +
            Link(PublicationPath(p) + "/versions", "全部版本") + "。</p>\n";
  if (!doc.summary.empty()) main += "<p>" + Escape(doc.summary) + "</p>\n";
  for (const auto& s : doc.sections) main += SectionHtml(s);
  main += "<p>" + Link(PublicationPath(p) + "/versions", "历史版本") + " · " +
          Link(CountyPath(p.county), "返回公开目录") + "</p>\n</article>\n";
  return Page(county_name, CountyPath(p.county), p.title + " — " + county_name + "信息公开",
              doc.summary, main, EvidenceFooter(p));
}

std::string NoticePage(const std::string& county_name, const Publication& p) {
  std::string main = "<article>\n<h1>" + Escape(p.title) + "（已撤回）</h1>\n";
  main += "<p class=\"notice\">本公开信息第 " + std::to_string(p.version) + " 版已于 " +
          (p.withdrawn_at ? Time(*p.withdrawn_at) : std::string("—")) + " 撤回。撤回原因：" +
          Escape(p.withdraw_reason) + "</p>\n";
  if (p.published_at) main += "<p>原发布时间：" + Time(*p.published_at) + "</p>\n";
  main += "<p>" + Link(PublicationPath(p) + "/versions", "历史版本") + " · " +
          Link(CountyPath(p.county), "返回公开目录") + "</p>\n</article>\n";
  return Page(county_name, CountyPath(p.county), p.title + "（已撤回） — " + county_name,
              county_name + "撤回了" + p.title + "，原因：" + p.withdraw_reason, main,
              "撤回说明页，原公开内容不再提供。");
}

std::string VersionsPage(const std::string& county_name, const Publication& p,
                         const std::vector<Publication>& versions) {
  std::string main = "<h1>" + Escape(p.title) + " · 历史版本</h1>\n";
  Table t{{"版本", "发布时间", "状态", "内容校验码（SHA-256）"}, {}};
  main += "<div class=\"wrap\"><table>\n<thead><tr>";
  for (const auto& c : t.columns) main += "<th scope=\"col\">" + Escape(c) + "</th>";
  main += "</tr></thead>\n<tbody>\n";
  for (const auto& v : versions) {
    main += "<tr><td>" + Link(PublicationPath(v), "第 " + std::to_string(v.version) + " 版") +
            "</td><td>" + (v.published_at ? Time(*v.published_at) : std::string("—")) +
            "</td><td>" + Escape(StateLabel(v.status)) + "</td><td class=\"hash\">" +
            Escape(v.content_sha256) + "</td></tr>\n";
  }
  main += "</tbody>\n</table></div>\n<p>" + Link(CountyPath(p.county), "返回公开目录") + "</p>\n";
  return Page(county_name, CountyPath(p.county), p.title + " 历史版本 — " + county_name,
              county_name + "公开的" + p.title + "的全部版本。", main,
              "每个版本发布后不再修改；新版本发布时旧版本标记为已被取代。");
}

std::string ErrorPage(int status, const std::string& message) {
  std::string main =
      "<h1>" + Escape(message) + "</h1>\n<p class=\"small\">" + std::to_string(status) + "</p>\n";
  return Page("信息公开", "/", message, message, main, "");
}

}  // namespace ruralec::disclosure::html
