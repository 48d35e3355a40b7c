// The public portal's server-rendered pages (docs/DISCLOSURE.md "Pages"): plain semantic HTML5
// with inline CSS that reads on a phone, no script; a title and a meta description per page for
// search engines; every publication page shows its county, version, publication time (Beijing
// time and UTC) and content hash, so a screenshot or a saved page is 公示 evidence. Every text
// from data is escaped (Escape) — element content and attribute values alike.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "disclosure/document.h"
#include "disclosure/public.h"

namespace ruralec::disclosure::html {

// &, <, >, " and ' as character references.
std::string Escape(std::string_view text);
// "2026-12-07 18:40（北京时间）"
std::string BeijingTime(int64_t utc_ms);
// "/public/341302" (the county's 6 significant digits).
std::string CountyPath(const RegionCode& county);

std::string IndexPage(const PublicIndex& index);
// A published or superseded publication with its content.
std::string PublicationPage(const std::string& county_name, const Publication& p,
                            const Document& doc);
// The notice left in place of a withdrawn publication.
std::string NoticePage(const std::string& county_name, const Publication& p);
std::string VersionsPage(const std::string& county_name, const Publication& p,
                         const std::vector<Publication>& versions);
// A page for an error (not found, too many requests).
std::string ErrorPage(int status, const std::string& message);

// The county's sitemap (sitemaps.org 0.9): each page's absolute address (`origin` + path, e.g.
// "https://gk.example.cn") and its lastmod in UTC.
std::string SitemapXml(const std::string& origin, const std::vector<SitemapEntry>& pages);
// /robots.txt: crawlers may read the portal (/public/) and nothing else; one Sitemap line per
// county with a sitemap.
std::string RobotsTxt(const std::string& origin, const std::vector<RegionCode>& counties);

}  // namespace ruralec::disclosure::html
