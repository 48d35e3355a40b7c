// The console's files as a browser gets them (issue 26 item 1): the stored compressed copy when
// the browser accepts it, caching headers by kind of file, revalidation, and nothing outside the
// build folder.
#include "http/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace ruralec::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFilesTest() {
    root_ = fs::temp_directory_path() /
            ("ruralec-static-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(root_ / "assets");
    Write("index.html", "<html>console</html>");
    Write("assets/app-1a2b.js", "console.log('plain')");
    Write("assets/app-1a2b.js.br", "BROTLI-BYTES");
    Write("assets/app-1a2b.js.gz", "GZIP-BYTES");
    Write("assets/style-9f.css", "body{}");
    Write("favicon.svg", "<svg/>");
    fs::create_directories(root_.parent_path() / (root_.filename().string() + "-secret"));
    std::ofstream(root_.parent_path() / (root_.filename().string() + "-secret") / "key") << "k";
  }
  ~StaticFilesTest() override {
    fs::remove_all(root_);
    fs::remove_all(root_.parent_path() / (root_.filename().string() + "-secret"));
  }
  void Write(const std::string& rel, const std::string& text) {
    std::ofstream(root_ / rel, std::ios::binary) << text;
  }
  std::optional<StaticReply> Get(const std::string& path, const std::string& accept = "",
                                 const std::string& etag = "", bool fallback = true) {
    return ServeStatic(root_, {path, accept, etag}, fallback);
  }
  fs::path root_;
};

TEST_F(StaticFilesTest, SendsTheStoredCompressedCopyTheBrowserAccepts) {
  struct Case {
    std::string accept, body, encoding;
  } cases[] = {
      {"gzip, deflate, br", "BROTLI-BYTES", "br"}, {"gzip, deflate", "GZIP-BYTES", "gzip"},
      {"br;q=0, gzip", "GZIP-BYTES", "gzip"},      {"", "console.log('plain')", ""},
      {"identity", "console.log('plain')", ""},    {"*", "BROTLI-BYTES", "br"},
  };
  for (const auto& c : cases) {
    auto r = Get("/assets/app-1a2b.js", c.accept);
    ASSERT_TRUE(r) << c.accept;
    EXPECT_EQ(*r->body, c.body) << c.accept;
    auto enc = r->headers.find("Content-Encoding");
    EXPECT_EQ(enc == r->headers.end() ? "" : enc->second, c.encoding) << c.accept;
    EXPECT_EQ(r->content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(r->headers.at("Vary"), "Accept-Encoding");
  }
  // a file the build did not compress goes out as stored, whatever the browser accepts
  auto css = Get("/assets/style-9f.css", "br, gzip");
  ASSERT_TRUE(css);
  EXPECT_EQ(*css->body, "body{}");
  EXPECT_EQ(css->headers.count("Content-Encoding"), 0u);
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutableEverythingElseRevalidates) {
  EXPECT_EQ(Get("/assets/app-1a2b.js")->headers.at("Cache-Control"),
            "public, max-age=31536000, immutable");
  EXPECT_EQ(Get("/")->headers.at("Cache-Control"), "no-cache");
  EXPECT_EQ(Get("/index.html")->headers.at("Cache-Control"), "no-cache");
  EXPECT_EQ(Get("/favicon.svg")->headers.at("Cache-Control"), "no-cache");
  EXPECT_FALSE(Get("/")->headers.at("Last-Modified").empty());
}

TEST_F(StaticFilesTest, AMatchingETagIs304AndEachEncodingHasItsOwn) {
  auto first = Get("/", "br");
  ASSERT_TRUE(first);
  std::string tag = first->headers.at("ETag");
  auto again = Get("/", "br", tag);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_EQ(again->body, nullptr);
  EXPECT_EQ(Get("/", "br", "W/" + tag)->status, 304);
  EXPECT_EQ(Get("/", "br", "\"other\", " + tag)->status, 304);
  EXPECT_EQ(Get("/", "br", "\"other\"")->status, 200);
  // the brotli and gzip copies of one file are different bytes: different validators
  EXPECT_NE(Get("/assets/app-1a2b.js", "br")->headers.at("ETag"),
            Get("/assets/app-1a2b.js", "gzip")->headers.at("ETag"));
  // a rebuilt index.html no longer matches the old tag
  Write("index.html", "<html>new console build</html>");
  EXPECT_EQ(Get("/", "", tag)->status, 200);
}

TEST_F(StaticFilesTest, ClientRoutesGetIndexMissingAssetsDoNot) {
  EXPECT_EQ(*Get("/entities/12")->body, "<html>console</html>");
  EXPECT_EQ(Get("/entities/12")->content_type, "text/html; charset=utf-8");
  EXPECT_FALSE(Get("/entities/12", "", "", /*fallback=*/false));
  // an old hashed name must not be answered with HTML cached for a year
  EXPECT_FALSE(Get("/assets/app-old.js"));
}

TEST_F(StaticFilesTest, NothingOutsideTheBuildFolder) {
  std::string sibling = "/../" + root_.filename().string() + "-secret/key";
  for (const std::string& path :
       {sibling, std::string("/assets/../../") + root_.filename().string() + "-secret/key",
        std::string("/assets\\..\\index.html"), std::string("/index.html\0x", 13),
        std::string("relative.html")}) {
    auto r = Get(path, "", "", /*fallback=*/false);
    EXPECT_FALSE(r) << path;
  }
  // with the client-route fallback such paths get index.html, never the file
  auto r = Get(sibling);
  if (r) EXPECT_EQ(*r->body, "<html>console</html>");
}

TEST(ContentType, ByExtension) {
  EXPECT_EQ(ContentTypeOf("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeOf("a.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeOf("a.unknown"), "application/octet-stream");
}

}  // namespace
}  // namespace ruralec::http
