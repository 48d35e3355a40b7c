// Cryptography at the edge of the domain: password hashing (argon2id), personal-data field
// encryption (XChaCha20-Poly1305 AEAD) with a keyed blind index, masking, random tokens, SHA-256.
// All on libsodium; keys never enter the database.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ruralec::crypto {

// Must be called once before anything else (idempotent, thread-safe).
Status Init();

// argon2id (libsodium's "interactive" limits unless `strong` is set). Returns the PHC string.
Result<std::string> HashPassword(std::string_view password);
bool VerifyPassword(std::string_view hash, std::string_view password);
// Hash used to spend the same time on unknown users as on real ones.
const std::string& DummyPasswordHash();

std::string RandomToken(size_t bytes = 32);  // URL-safe base64, no padding
std::string Sha256Hex(std::string_view data);
std::string Base64Encode(std::string_view bytes);
Result<std::string> Base64Decode(std::string_view text);

// Field encryption for personal data. The 32-byte master key lives in a key file outside the
// database (created 0600 on first use); sub-keys for encryption and the blind index are derived
// from it, so rotating one does not expose the other.
class FieldCipher {
 public:
  // Loads the key file, creating it (mode 0600) when absent.
  static Result<FieldCipher> FromKeyFile(const std::string& path);
  static FieldCipher FromKey(const std::array<unsigned char, 32>& key);

  // Ciphertext as base64(nonce || ciphertext || tag); `context` (e.g. "users.mobile") is bound
  // as associated data so a value cannot be moved to another column.
  std::string Encrypt(std::string_view plaintext, std::string_view context) const;
  Result<std::string> Decrypt(std::string_view ciphertext, std::string_view context) const;
  // Deterministic keyed hash (hex) for exact-match lookup without decrypting.
  std::string BlindIndex(std::string_view plaintext, std::string_view context) const;

 private:
  std::array<unsigned char, 32> enc_key_{};
  std::array<unsigned char, 32> idx_key_{};
};

// Keyed BLAKE2b-256 for tamper-evident records (the audit chain). The key is derived from the
// same master key file as FieldCipher (its own KDF sub-key id), so it never enters the database:
// whoever can write the database but not read the key file cannot produce a valid tag.
class RecordMac {
 public:
  // Loads the key file, creating it (mode 0600) when absent, like FieldCipher::FromKeyFile.
  static Result<RecordMac> FromKeyFile(const std::string& path);
  static RecordMac FromKey(const std::array<unsigned char, 32>& key);

  // Hex tag of `data` under `context` (domain separation, e.g. "audit.row").
  std::string Tag(std::string_view context, std::string_view data) const;
  // Constant-time comparison of a stored hex tag with the tag of `data`.
  bool Check(std::string_view context, std::string_view data, std::string_view tag) const;

 private:
  std::array<unsigned char, 32> key_{};
};

// Display masking: ID numbers keep the first 6 and last 4; mobiles keep 3 + 4.
std::string MaskIdNumber(std::string_view id);
std::string MaskMobile(std::string_view mobile);

}  // namespace ruralec::crypto
