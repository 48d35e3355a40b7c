// The public pages (html.h): escaped data, the evidence a capture needs (version, Beijing time,
// hash), what a phone and a search engine need, the notice of a withdrawal.
#include "disclosure/html.h"

#include <gtest/gtest.h>

namespace ruralec::disclosure::html {
namespace {

Publication Sample() {
  Publication p;
  p.id = 7;
  p.county = *RegionCode::Parse("341302");
  p.kind = Kind::kProgramme;
  p.title = "埇桥区方案 <script>alert(1)</script>";
  p.version = 3;
  p.status = State::kPublished;
  p.published_at = 1'765'000'000'000;  // 2025-12-06T05:46:40Z
  p.content_sha256 = std::string(64, 'a');
  return p;
}

Document SampleDoc() {
  Document d;
  d.title = "t";
  d.summary = "摘要 \"引号\" & <b>";
  d.as_of = "2025-12-06";
  d.sections.push_back({"目标", {"段落 <i>"}, Table{{"名称", "值"}, {{"a<b", "1&2"}}}, {"注"}});
  return d;
}

TEST(DisclosureHtmlTest, EscapesEverythingFromData) {
  EXPECT_EQ(Escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  std::string page = PublicationPage("埇桥区", Sample(), SampleDoc());
  EXPECT_EQ(page.find("<script>"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.find("<td>a&lt;b</td><td>1&amp;2</td>"), std::string::npos);
  EXPECT_NE(page.find("content=\"摘要 &quot;引号&quot; &amp; &lt;b&gt;\""), std::string::npos);
  EXPECT_EQ(page.find("<i>"), std::string::npos);
}

TEST(DisclosureHtmlTest, APageCarriesItsEvidenceAndReadsOnAPhone) {
  std::string page = PublicationPage("埇桥区", Sample(), SampleDoc());
  EXPECT_NE(page.find("<html lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(page.find("name=\"viewport\" content=\"width=device-width, initial-scale=1\""),
            std::string::npos);
  EXPECT_NE(page.find("<title>埇桥区方案 &lt;script&gt;"), std::string::npos);
  EXPECT_NE(page.find("第 3 版"), std::string::npos);
  EXPECT_NE(page.find("2025-12-06 13:46（北京时间）"), std::string::npos);
  EXPECT_NE(page.find("datetime=\"2025-12-06T05:46:40.000Z\""), std::string::npos);
  EXPECT_NE(page.find(std::string(64, 'a')), std::string::npos);
  EXPECT_NE(page.find("数据截至：2025-12-06"), std::string::npos);
  EXPECT_NE(page.find("/public/341302/publications/7/versions"), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);         // no script at all
  EXPECT_NE(page.find("class=\"wrap\""), std::string::npos);  // wide tables scroll alone
}

TEST(DisclosureHtmlTest, AWithdrawnPublicationShowsItsNoticeOnly) {
  Publication p = Sample();
  p.status = State::kWithdrawn;
  p.withdrawn_at = p.published_at.value() + 3'600'000;
  p.withdraw_reason = "数据有误 <重新核实>";
  std::string page = NoticePage("埇桥区", p);
  EXPECT_NE(page.find("已撤回"), std::string::npos);
  EXPECT_NE(page.find("2025-12-06 14:46（北京时间）"), std::string::npos);
  EXPECT_NE(page.find("数据有误 &lt;重新核实&gt;"), std::string::npos);
}

TEST(DisclosureHtmlTest, TheIndexListsEachPublicationWithItsVersionAndDate) {
  PublicIndex index;
  index.county = *RegionCode::Parse("341302");
  index.county_name = "埇桥区";
  index.items.push_back(Sample());
  std::string page = IndexPage(index);
  EXPECT_NE(page.find("<title>埇桥区电子商务进农村信息公开</title>"), std::string::npos);
  EXPECT_NE(page.find("href=\"/public/341302/publications/7\""), std::string::npos);
  EXPECT_NE(page.find("第 3 版"), std::string::npos);
  EXPECT_EQ(CountyPath(*RegionCode::Parse("341302000000")), "/public/341302");
}

}  // namespace
}  // namespace ruralec::disclosure::html
