// The shared file checks (attachments.h): type by content (not extension), extension
// agreement, per-slot limits, filename sanitising, and bytes that come back unchanged.
#include "attachments/attachments.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "crypto/crypto.h"
#include "spreadsheet/spreadsheet.h"
#include "storage/testing.h"

namespace ruralec::attachments {
namespace {

const std::string kPng("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\1", 20);
const std::string kJpeg("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11);
const std::string kPdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n";

void Le(std::string& s, uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// A stored (uncompressed) zip holding `names`, each with a few bytes; CRCs are not checked by
// the sniffer, so they are left 0.
std::string Zip(const std::vector<std::string>& names) {
  std::string out, cd;
  for (const auto& n : names) {
    uint32_t offset = static_cast<uint32_t>(out.size());
    out += "PK\x03\x04";
    Le(out, 20, 2), Le(out, 0, 2), Le(out, 0, 2), Le(out, 0, 4), Le(out, 0, 4);
    Le(out, 3, 4), Le(out, 3, 4), Le(out, static_cast<uint32_t>(n.size()), 2), Le(out, 0, 2);
    out += n + "abc";
    cd += "PK\x01\x02";
    Le(cd, 20, 2), Le(cd, 20, 2), Le(cd, 0, 2), Le(cd, 0, 2), Le(cd, 0, 4), Le(cd, 0, 4);
    Le(cd, 3, 4), Le(cd, 3, 4), Le(cd, static_cast<uint32_t>(n.size()), 2), Le(cd, 0, 2);
    Le(cd, 0, 2), Le(cd, 0, 2), Le(cd, 0, 2), Le(cd, 0, 4), Le(cd, offset, 4);
    cd += n;
  }
  uint32_t cd_offset = static_cast<uint32_t>(out.size());
  out += cd + "PK\x05\x06";
  Le(out, 0, 2), Le(out, 0, 2), Le(out, static_cast<uint32_t>(names.size()), 2);
  Le(out, static_cast<uint32_t>(names.size()), 2), Le(out, static_cast<uint32_t>(cd.size()), 4);
  Le(out, cd_offset, 4), Le(out, 0, 2);
  return out;
}

std::string RealXlsx() {
  std::string path = ::testing::TempDir() + "/sniff.xlsx";
  EXPECT_TRUE(spreadsheet::WriteXlsx(path, {"表", {"a"}, {{"1"}}, {}}).ok());
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Attachments, TypeComesFromTheContent) {
  const std::string docx = Zip({"[Content_Types].xml", "_rels/.rels", "word/document.xml"});
  struct Case {
    std::string bytes;
    std::string type;
  } cases[] = {
      {kPdf, "application/pdf"},
      {kJpeg, "image/jpeg"},
      {kPng, "image/png"},
      {docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {RealXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"第一季度完成培训 1200 人次。\r\n", "text/plain; charset=utf-8"},
      {"\xEF\xBB\xBF带 BOM 的文本", "text/plain; charset=utf-8"},
      {Zip({"a.txt"}), ""},                                        // a plain zip
      {Zip({"[Content_Types].xml", "ppt/presentation.xml"}), ""},  // pptx: not accepted
      {std::string("MZ\x90\0\3\0\0\0", 8), ""},                    // a Windows executable
      {"\xC0\xAF bad utf-8", ""},                                  // overlong encoding
      {"text with \x01 control", ""},
      {"<svg onload=alert(1)>", "text/plain; charset=utf-8"},  // text, served as text/plain
  };
  for (const auto& c : cases) EXPECT_EQ(SniffType(c.bytes), c.type) << c.bytes.substr(0, 12);
}

TEST(Attachments, ExtensionMustAgreeWithContent) {
  auto ok = CheckAttachment("验收照片.PNG", kPng);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->filename, "验收照片.PNG");
  EXPECT_EQ(ok->content_type, "image/png");
  for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"photo.pdf", kPng},         // png bytes named pdf
           {"report.exe", kPdf},        // extension not accepted
           {"noextension", kPdf},       // no extension
           {"macro.xlsm", RealXlsx()},  // not in the whitelist
           {"empty.txt", ""},           // empty
           {"big.txt", std::string(kMaxBytes + 1, 'a')}}) {
    auto r = CheckAttachment(name, bytes);
    ASSERT_FALSE(r.ok()) << name;
    EXPECT_EQ(r.error().field, "file") << name;
  }
  EXPECT_TRUE(CheckAttachment("max.txt", std::string(kMaxBytes, 'a')).ok());
}

TEST(Attachments, FilenamesAreSanitised) {
  EXPECT_EQ(SanitizeFilename("../../etc/passwd.txt"), "passwd.txt");
  EXPECT_EQ(SanitizeFilename("C:\\Users\\张三\\验收报告.pdf"), "验收报告.pdf");
  EXPECT_EQ(SanitizeFilename("a<b>:c|d?e*\"f.txt"), "abcdef.txt");
  EXPECT_EQ(SanitizeFilename("..hidden .txt. "), "hidden .txt");
  EXPECT_EQ(SanitizeFilename("line\nbreak\r.txt"), "linebreak.txt");
  EXPECT_EQ(SanitizeFilename("\xFF\xFE.txt"), "");
  EXPECT_EQ(SanitizeFilename("report\xE2\x80\xAE"
                             "fdp.exe"),
            "reportfdp.exe");  // U+202E
  EXPECT_EQ(SanitizeFilename("a\xC2\x85\xE2\x81\xA6"
                             "b.txt"),
            "ab.txt");  // C1, U+2066
  std::string longname;
  for (int i = 0; i < 100; ++i) longname += "村";
  std::string cut = SanitizeFilename(longname + ".pdf");
  EXPECT_LE(cut.size(), kMaxFilenameBytes);
  EXPECT_EQ(cut.substr(cut.size() - 4), ".pdf");
  EXPECT_EQ(cut.size(), 116u + 4u - 2u);  // 38 whole characters of 3 bytes + ".pdf"
}

TEST(Attachments, SlotLimitsNarrowTypesAndSize) {
  Limits photos = ImagesOnly();
  Limits small{{}, "", 16};
  struct Case {
    std::string name, bytes;
    const Limits* limits;
    std::string refusal;  // "" accepted; else a part of the message
  } cases[] = {
      {"门头.png", kPng, &photos, ""},           {"门头.jpg", kJpeg, &photos, ""},
      {"协议.pdf", kPdf, &photos, "jpg 或 png"}, {"notes.txt", "店内照片", &photos, "jpg 或 png"},
      {"a.txt", "0123456789abcdef", &small, ""}, {"a.txt", "0123456789abcdefg", &small, "超过"},
      {"p.png", kPng, &small, "超过"},
  };
  for (const auto& c : cases) {
    auto r = CheckAttachment(c.name, c.bytes, *c.limits);
    if (c.refusal.empty()) {
      EXPECT_TRUE(r.ok()) << c.name << ": " << (r.ok() ? "" : r.error().message);
      continue;
    }
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.error().field, "file");
    EXPECT_NE(r.error().message.find(c.refusal), std::string::npos) << r.error().message;
  }
}

TEST(Attachments, StoredPerOwnerAndReadBackUnchanged) {
  storage::testing::TempDatabase db;
  auto conn = db.db().Acquire();
  Owner station{"station", "station", 7}, other{"station", "station", 8};
  Upload up{station, "341502000000", "photo_outside", 3, "王站长", 1000};
  auto saved = Add(*conn, up, "dir/门头.png", kPng, ImagesOnly());
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->filename, "门头.png");
  EXPECT_EQ(saved->size, 20);
  EXPECT_EQ(saved->sha256, crypto::Sha256Hex(kPng));
  up.slot = "agreement";
  ASSERT_TRUE(Add(*conn, up, "承办协议.pdf", kPdf).ok());
  EXPECT_FALSE(Add(*conn, up, "x.pdf", kPdf, ImagesOnly()).ok());
  up.owner = other;
  ASSERT_TRUE(Add(*conn, up, "b.png", kPng).ok());

  auto back = Read(*conn, station, saved->id);
  ASSERT_TRUE(back.ok() && back->has_value());
  EXPECT_EQ((*back)->second, kPng);  // NUL bytes included
  EXPECT_EQ((*back)->first.content_type, "image/png");
  EXPECT_EQ((*back)->first.uploaded_name, "王站长");
  EXPECT_FALSE(Read(*conn, other, saved->id)->has_value());  // another owner's file
  EXPECT_FALSE(Read(*conn, {"designation", "station", 7}, saved->id)->has_value());

  EXPECT_EQ(List(*conn, station)->size(), 2u);
  EXPECT_EQ(List(*conn, station, "agreement")->size(), 1u);
  EXPECT_EQ(ListOf(*conn, "station", "station", {7, 8, 9})->size(), 3u);
  auto counts = Counts(*conn, "station", "station", {7, 8, 9});
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ((*counts)[7], 2);
  EXPECT_EQ((*counts)[8], 1);
  EXPECT_FALSE(counts->contains(9));
  EXPECT_EQ(*Count(*conn, station), 2);
}

}  // namespace
}  // namespace ruralec::attachments
