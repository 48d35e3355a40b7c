#include "crypto/crypto.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "crypto/person_name.h"

namespace ruralec::crypto {
namespace {

class CryptoTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Init().ok()); }
};

TEST_F(CryptoTest, PasswordHashIsArgon2idAndVerifies) {
  auto h = HashPassword("correct horse battery");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword(*h, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*h, "correct horse batterY"));
  EXPECT_NE(*h, *HashPassword("correct horse battery"));  // salted
}

TEST_F(CryptoTest, RecordMacDependsOnKeyContextAndDataAndIsItsOwnSubKey) {
  std::array<unsigned char, 32> key{};
  key[0] = 7;
  RecordMac m = RecordMac::FromKey(key);
  std::string tag = m.Tag("audit.row", "row 1");
  EXPECT_EQ(tag.size(), 64u);
  EXPECT_EQ(tag, RecordMac::FromKey(key).Tag("audit.row", "row 1"));
  EXPECT_TRUE(m.Check("audit.row", "row 1", tag));
  EXPECT_FALSE(m.Check("audit.row", "row 2", tag));
  EXPECT_FALSE(m.Check("audit.head", "row 1", tag));
  EXPECT_FALSE(m.Check("audit.row", "row 1", tag.substr(1)));
  std::array<unsigned char, 32> other = key;
  other[0] = 8;
  EXPECT_NE(tag, RecordMac::FromKey(other).Tag("audit.row", "row 1"));
  // Not the blind-index sub-key: one tag never reveals the other.
  EXPECT_NE(tag, FieldCipher::FromKey(key).BlindIndex("row 1", "audit.row"));
}

TEST_F(CryptoTest, FieldCipherRoundTripsAndBindsContext) {
  std::array<unsigned char, 32> key{};
  key[0] = 7;
  FieldCipher c = FieldCipher::FromKey(key);
  std::string ct = c.Encrypt("13800138000", "users.mobile");
  EXPECT_EQ(ct.find("13800138000"), std::string::npos);
  EXPECT_NE(ct, c.Encrypt("13800138000", "users.mobile"));  // random nonce
  auto pt = c.Decrypt(ct, "users.mobile");
  ASSERT_TRUE(pt.ok());
  EXPECT_EQ(*pt, "13800138000");
  EXPECT_FALSE(c.Decrypt(ct, "trainees.mobile").ok());
  std::string tampered = ct;
  tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(c.Decrypt(tampered, "users.mobile").ok());
}

TEST_F(CryptoTest, BlindIndexIsDeterministicAndKeyed) {
  std::array<unsigned char, 32> k1{}, k2{};
  k2[0] = 1;
  FieldCipher a = FieldCipher::FromKey(k1), b = FieldCipher::FromKey(k2);
  EXPECT_EQ(a.BlindIndex("13800138000", "m"), a.BlindIndex("13800138000", "m"));
  EXPECT_NE(a.BlindIndex("13800138000", "m"), a.BlindIndex("13800138001", "m"));
  EXPECT_NE(a.BlindIndex("13800138000", "m"), b.BlindIndex("13800138000", "m"));
}

TEST_F(CryptoTest, KeyFileIsCreated0600AndReused) {
  auto dir = std::filesystem::temp_directory_path() / ("rurkey-" + RandomToken(6));
  std::filesystem::create_directories(dir);
  std::string path = (dir / "field.key").string();
  auto c1 = FieldCipher::FromKeyFile(path);
  ASSERT_TRUE(c1.ok());
  struct stat sb {};
  ASSERT_EQ(::stat(path.c_str(), &sb), 0);
  EXPECT_EQ(sb.st_mode & 0777, 0600u);
  auto c2 = FieldCipher::FromKeyFile(path);
  ASSERT_TRUE(c2.ok());
  EXPECT_EQ(*c2->Decrypt(c1->Encrypt("x", "ctx"), "ctx"), "x");
  ::chmod(path.c_str(), 0644);
  EXPECT_FALSE(FieldCipher::FromKeyFile(path).ok());
  std::filesystem::remove_all(dir);
}

TEST_F(CryptoTest, Masking) {
  EXPECT_EQ(MaskIdNumber("11010519491231002X"), "110105********002X");
  EXPECT_EQ(MaskMobile("13800138000"), "138****8000");
  EXPECT_EQ(MaskPersonName("李四"), "李*");
  EXPECT_EQ(MaskPersonName("王小明"), "王**");
  EXPECT_EQ(MaskPersonName("欧阳小明"), "欧*小明");
  EXPECT_EQ(MaskPersonName(""), "");
}

TEST_F(CryptoTest, Sha256KnownAnswer) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace ruralec::crypto
