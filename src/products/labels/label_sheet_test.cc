// Trace labels (label_sheet.h): the QR images and every code of a printed A4 sheet decode back
// to the batch's URI with zbar (Debian zbar-tools; the page rendered by poppler-utils'
// pdftoppm, both installed by scripts/setup), twelve labels a page.
#include "products/labels/label_sheet.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace ruralec::products::labels {
namespace {

namespace fs = std::filesystem;

const char kUri[] =
    "https://trace.example.gov.cn/01/06901234567892/10/L20231101?t=Ab3dEf6hIj9kLm2n";

bool Have(const char* tool) {
  return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

// What zbarimg reads in `image`, one code a line (--raw: the data only).
std::vector<std::string> Decode(const fs::path& image) {
  std::string cmd = "zbarimg --quiet --raw " + image.string() + " 2>/dev/null";
  std::vector<std::string> out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::string line;
  while (fgets(buf, sizeof buf, p)) {
    line = buf;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  pclose(p);
  return out;
}

class LabelsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ruralec-labels-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return dir_ / name;
  }
  fs::path dir_;
};

TEST_F(LabelsTest, TheQrImagesHoldTheUri) {
  auto png = QrImage(kUri, "png");
  ASSERT_TRUE(png.ok()) << png.error().message;
  EXPECT_EQ(png->substr(1, 3), "PNG");
  auto svg = QrImage(kUri, "svg");
  ASSERT_TRUE(svg.ok());
  EXPECT_NE(svg->find("<svg"), std::string::npos);
  EXPECT_EQ(QrImage(kUri, "gif").error().field, "format");
  if (!Have("zbarimg")) GTEST_SKIP() << "zbarimg missing (scripts/setup installs zbar-tools)";
  EXPECT_EQ(Decode(Write("code.png", *png)), std::vector<std::string>{kUri});
}

TEST_F(LabelsTest, EveryCodeOfThePrintedSheetDecodesToTheUri) {
  Sheet s{"砀山酥梨　批号 L20231101　溯源标签",
          {kUri,
           {"砀山酥梨（特级礼盒装，产地直发）", "批号 L20231101", "GTIN 06901234567892",
            "符离电商有限公司"}},
          kPerPage + 1};
  auto pdf = SheetPdf(s);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  EXPECT_NE(pdf->find("/Count 2"), std::string::npos);  // 13 labels: two pages
  EXPECT_EQ(SheetPdf({s.title, s.label, 0}).error().field, "count");
  EXPECT_EQ(SheetPdf({s.title, s.label, kMaxLabels + 1}).error().field, "count");
  if (!Have("zbarimg") || !Have("pdftoppm"))
    GTEST_SKIP()
        << "zbarimg or pdftoppm missing (scripts/setup installs zbar-tools, poppler-utils)";
  fs::path file = Write("labels.pdf", *pdf);
  // Page 1 at 150 dpi (a module of the 36 mm code is about 6 pixels).
  std::string render = "pdftoppm -r 150 -gray -png -f 1 -l 1 " + file.string() + " " +
                       (dir_ / "page").string() + " 2>/dev/null";
  ASSERT_EQ(std::system(render.c_str()), 0);
  fs::path page;
  for (const auto& e : fs::directory_iterator(dir_))
    if (e.path().extension() == ".png") page = e.path();
  ASSERT_FALSE(page.empty());
  auto codes = Decode(page);
  ASSERT_EQ(codes.size(), static_cast<size_t>(kPerPage));
  for (const auto& c : codes) EXPECT_EQ(c, kUri);
}

// Serial-level labels (links.h SerialLabels): each code of the page holds its own item's URI.
TEST_F(LabelsTest, EachLabelOfASerialSheetHoldsItsOwnItemsUri) {
  const std::string head = "https://trace.example.gov.cn/01/06901234567892/10/L20231101/21/";
  Sheet s{"砀山酥梨　批号 L20231101　溯源标签", {kUri, {}}, 0, {}};
  std::vector<std::string> want;
  for (int i = 0; i < kPerPage; ++i) {
    want.push_back(head + std::to_string(101 + i) + "?t=Ab3dEf6hIj9kLm2n");
    s.each.push_back(
        {want.back(), {"砀山酥梨", "批号 L20231101　序列号 " + std::to_string(101 + i)}});
  }
  auto pdf = SheetPdf(s);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_NE(pdf->find("/Count 1"), std::string::npos);  // the count is the labels given
  if (!Have("zbarimg") || !Have("pdftoppm"))
    GTEST_SKIP()
        << "zbarimg or pdftoppm missing (scripts/setup installs zbar-tools, poppler-utils)";
  fs::path file = Write("serials.pdf", *pdf);
  std::string render = "pdftoppm -r 150 -gray -png -f 1 -l 1 " + file.string() + " " +
                       (dir_ / "page").string() + " 2>/dev/null";
  ASSERT_EQ(std::system(render.c_str()), 0);
  fs::path page;
  for (const auto& e : fs::directory_iterator(dir_))
    if (e.path().extension() == ".png") page = e.path();
  ASSERT_FALSE(page.empty());
  auto codes = Decode(page);
  std::sort(codes.begin(), codes.end());
  std::sort(want.begin(), want.end());
  EXPECT_EQ(codes, want);
}

}  // namespace
}  // namespace ruralec::products::labels
