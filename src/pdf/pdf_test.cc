// The PDF writer (pdf.h): a landscape A4 page with Chinese text and a QR code comes out as a
// PDF file that embeds the CJK font; a missing font is an error, not an empty file.
#include "pdf/pdf.h"

#include <gtest/gtest.h>

namespace ruralec::pdf {
namespace {

TEST(Pdf, WritesALandscapePageWithChineseTextAndAQrCode) {
  auto doc = Document::Create(true);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_GT(doc->width(), doc->height());  // 842 × 595 points
  EXPECT_NEAR(doc->width(), 842, 1);
  ASSERT_TRUE(doc->Rect(20, 20, doc->width() - 40, doc->height() - 40, 2).ok());
  ASSERT_TRUE(doc->Text(doc->width() / 2, 450, 30, "电子商务培训合格证书", Align::kCenter).ok());
  ASSERT_TRUE(doc->Qr(700, 60, 90, "https://example.org/verify/ABCDEFGH2345").ok());
  auto bytes = doc->Bytes();
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  EXPECT_EQ(bytes->substr(0, 5), "%PDF-");
  EXPECT_NE(bytes->find("%%EOF"), std::string::npos);
  EXPECT_NE(bytes->find("/FontFile2"), std::string::npos);  // the TrueType font is embedded
  EXPECT_NE(bytes->find("/MediaBox [ 0 0 841.89"), std::string::npos);  // A4 landscape
  EXPECT_LT(bytes->size(), 2u << 20);  // used glyphs only, not the whole 5 MB collection
}

TEST(Pdf, AMissingFontIsAnError) {
  auto doc = Document::Create(false, "/nonexistent/font.ttc");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace ruralec::pdf
