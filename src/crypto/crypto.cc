#include "crypto/crypto.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <vector>

#include "crypto/person_name.h"

namespace ruralec::crypto {
namespace {

constexpr unsigned char kKdfContext[crypto_kdf_CONTEXTBYTES] = {'r', 'u', 'r', 'a',
                                                                'l', 'e', 'c', 'F'};

Status WriteNewKeyFile(const std::string& path, const unsigned char* key, size_t n) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) return Error::Internal("无法创建密钥文件 " + path + ": " + std::strerror(errno));
  ssize_t w = ::write(fd, key, n);
  ::fsync(fd);
  ::close(fd);
  if (w != static_cast<ssize_t>(n)) return Error::Internal("写入密钥文件失败: " + path);
  return {};
}

Result<std::array<unsigned char, 32>> LoadOrCreateKey(const std::string& path) {
  std::array<unsigned char, 32> key{};
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0 && errno == ENOENT) {
    crypto_kdf_keygen(key.data());
    Status st = WriteNewKeyFile(path, key.data(), key.size());
    if (st.ok()) return key;
    fd = ::open(path.c_str(), O_RDONLY);  // another process may have created it first
  }
  if (fd < 0) return Error::Internal("无法读取密钥文件 " + path + ": " + std::strerror(errno));
  struct stat sb {};
  ::fstat(fd, &sb);
  ssize_t r = ::read(fd, key.data(), key.size());
  ::close(fd);
  if (r != static_cast<ssize_t>(key.size())) return Error::Internal("密钥文件损坏: " + path);
  if ((sb.st_mode & 077) != 0) return Error::Internal("密钥文件权限过宽（应为0600）: " + path);
  return key;
}

}  // namespace

Status Init() {
  static std::once_flag once;
  static int rc = 0;
  std::call_once(once, [] { rc = sodium_init(); });
  if (rc < 0) return Error::Internal("libsodium 初始化失败");
  return {};
}

Result<std::string> HashPassword(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error::Internal("口令哈希失败（内存不足）");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

const std::string& DummyPasswordHash() {
  static const std::string kHash = HashPassword(RandomToken(16)).value();
  return kHash;
}

std::string Base64Encode(std::string_view bytes) {
  const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), variant);
  out.resize(std::strlen(out.c_str()));
  return out;
}

Result<std::string> Base64Decode(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return Error::Invalid("ciphertext", "base64 解码失败");
  }
  out.resize(len);
  return out;
}

std::string RandomToken(size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  return Base64Encode(raw);
}

std::string Sha256Hex(std::string_view data) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

FieldCipher FieldCipher::FromKey(const std::array<unsigned char, 32>& key) {
  FieldCipher c;
  crypto_kdf_derive_from_key(c.enc_key_.data(), c.enc_key_.size(), 1,
                             reinterpret_cast<const char*>(kKdfContext), key.data());
  crypto_kdf_derive_from_key(c.idx_key_.data(), c.idx_key_.size(), 2,
                             reinterpret_cast<const char*>(kKdfContext), key.data());
  return c;
}

Result<FieldCipher> FieldCipher::FromKeyFile(const std::string& path) {
  RETURN_IF_ERROR(Init());
  ASSIGN_OR_RETURN(auto key, LoadOrCreateKey(path));
  FieldCipher c = FromKey(key);
  sodium_memzero(key.data(), key.size());
  return c;
}

std::string FieldCipher::Encrypt(std::string_view plaintext, std::string_view context) const {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string out(kNonce + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  auto* p = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(p, kNonce);
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      p + kNonce, &clen, reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
      reinterpret_cast<const unsigned char*>(context.data()), context.size(), nullptr, p,
      enc_key_.data());
  out.resize(kNonce + clen);
  return Base64Encode(out);
}

Result<std::string> FieldCipher::Decrypt(std::string_view ciphertext,
                                         std::string_view context) const {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  ASSIGN_OR_RETURN(std::string raw, Base64Decode(ciphertext));
  if (raw.size() < kNonce + crypto_aead_xchacha20poly1305_ietf_ABYTES) {
    return Error::Internal("密文长度无效");
  }
  auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  std::string out(raw.size() - kNonce, '\0');
  unsigned long long mlen = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(out.data()), &mlen, nullptr, p + kNonce,
          raw.size() - kNonce, reinterpret_cast<const unsigned char*>(context.data()),
          context.size(), p, enc_key_.data()) != 0) {
    return Error::Internal("解密失败：密钥不符或数据被篡改");
  }
  out.resize(mlen);
  return out;
}

std::string FieldCipher::BlindIndex(std::string_view plaintext, std::string_view context) const {
  unsigned char h[32];
  crypto_generichash_state st;
  crypto_generichash_init(&st, idx_key_.data(), idx_key_.size(), sizeof h);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(context.data()),
                            context.size());
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>("\0"), 1);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(plaintext.data()),
                            plaintext.size());
  crypto_generichash_final(&st, h, sizeof h);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

RecordMac RecordMac::FromKey(const std::array<unsigned char, 32>& key) {
  RecordMac m;
  crypto_kdf_derive_from_key(m.key_.data(), m.key_.size(), 3,
                             reinterpret_cast<const char*>(kKdfContext), key.data());
  return m;
}

Result<RecordMac> RecordMac::FromKeyFile(const std::string& path) {
  RETURN_IF_ERROR(Init());
  ASSIGN_OR_RETURN(auto key, LoadOrCreateKey(path));
  RecordMac m = FromKey(key);
  sodium_memzero(key.data(), key.size());
  return m;
}

std::string RecordMac::Tag(std::string_view context, std::string_view data) const {
  unsigned char h[32];
  crypto_generichash_state st;
  crypto_generichash_init(&st, key_.data(), key_.size(), sizeof h);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(context.data()),
                            context.size());
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>("\0"), 1);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  crypto_generichash_final(&st, h, sizeof h);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

bool RecordMac::Check(std::string_view context, std::string_view data, std::string_view tag) const {
  std::string want = Tag(context, data);
  return tag.size() == want.size() && sodium_memcmp(tag.data(), want.data(), want.size()) == 0;
}

std::string MaskIdNumber(std::string_view id) {
  if (id.size() <= 10) return std::string(id.size(), '*');
  return std::string(id.substr(0, 6)) + std::string(id.size() - 10, '*') +
         std::string(id.substr(id.size() - 4));
}

std::string MaskMobile(std::string_view mobile) {
  if (mobile.size() <= 7) return std::string(mobile.size(), '*');
  return std::string(mobile.substr(0, 3)) + std::string(mobile.size() - 7, '*') +
         std::string(mobile.substr(mobile.size() - 4));
}

std::string MaskPersonName(std::string_view name) {
  std::vector<std::string_view> cps;
  for (size_t i = 0; i < name.size();) {
    auto c = static_cast<unsigned char>(name[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    cps.push_back(name.substr(i, n));
    i += n;
  }
  if (cps.empty()) return "";
  size_t keep_tail = cps.size() > 3 ? 2 : 0;
  std::string out(cps[0]);
  for (size_t i = 1; i + keep_tail < cps.size(); ++i) out += "*";
  for (size_t i = cps.size() - keep_tail; i < cps.size(); ++i) out += cps[i];
  return out;
}

}  // namespace ruralec::crypto
