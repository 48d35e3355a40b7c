// The PDF writer (pdf.h): a landscape A4 page with Chinese text and a QR code comes out as a
// PDF file that embeds the CJK font; a missing font is an error, not an empty file.
#include "pdf/pdf.h"

#include <gtest/gtest.h>

#include "pdf/qr.h"

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

TEST(Pdf, TheBuiltinChineseFontNeedsNoFileAndEmbedsNothing) {
  auto doc = Document::CreateBuiltinCjk(false);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_LT(doc->width(), doc->height());                                 // A4 portrait
  ASSERT_TRUE(doc->Text(50, 800, 14, "砀山酥梨 批号 L20231101 ✓").ok());  // ✓ is not in GBK: '?'
  ASSERT_TRUE(doc->AddPage().ok());
  ASSERT_TRUE(doc->Qr(50, 600, 120, "https://trace.example.cn/01/06901234567892/10/L1").ok());
  auto bytes = doc->Bytes();
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  EXPECT_NE(bytes->find("/SimSun"), std::string::npos);
  EXPECT_NE(bytes->find("/GBK-EUC-H"), std::string::npos);
  EXPECT_EQ(bytes->find("/FontFile2"), std::string::npos);  // nothing embedded
  EXPECT_NE(bytes->find("/Count 2"), std::string::npos);    // two pages
}

TEST(Qr, TheMatrixHasFinderPatternsAndTheImagesDrawIt) {
  auto q = EncodeQr("https://trace.example.cn/01/06901234567892/10/L1?t=abc");
  ASSERT_TRUE(q.ok());
  ASSERT_GE(q->size, 21);
  ASSERT_EQ((q->size - 17) % 4, 0);  // version v has 17 + 4v modules
  for (int i = 0; i < 7; ++i) {      // the top-left finder's outer ring is dark
    EXPECT_TRUE(q->At(0, i));
    EXPECT_TRUE(q->At(i, 0));
  }
  EXPECT_FALSE(q->At(1, 1));  // its white ring
  std::string svg = QrSvg(*q);
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("viewBox=\"0 0 " + std::to_string(q->size + 8) + " "), std::string::npos);
  auto png = QrPng(*q, 4, 4);
  ASSERT_TRUE(png.ok());
  EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // IHDR: the width in pixels, 1-bit greyscale.
  auto be32 = [&](size_t at) {
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) v = v << 8 | static_cast<unsigned char>((*png)[at + k]);
    return v;
  };
  EXPECT_EQ(be32(16), static_cast<uint32_t>((q->size + 8) * 4));
  EXPECT_EQ((*png)[24], 1);
  EXPECT_EQ((*png)[25], 0);
  EXPECT_FALSE(EncodeQr("").ok());
  EXPECT_FALSE(EncodeQr(std::string(8000, 'x')).ok());
  EXPECT_FALSE(QrPng(*q, 0).ok());
}

}  // namespace
}  // namespace ruralec::pdf
