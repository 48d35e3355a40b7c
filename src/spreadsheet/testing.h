// Test helper: a minimal zip writer (stored entries) for crafting workbooks, hostile or not.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ruralec::spreadsheet::testing {

inline void Le(std::string& out, uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// A minimal zip writer (stored entries) for crafting hostile workbooks; `declared` overrides
// the uncompressed size written into the directory.
inline std::string Zip(const std::vector<std::pair<std::string, std::string>>& files,
                       int64_t declared = -1) {
  std::string out, cd;
  for (const auto& [name, data] : files) {
    uint32_t crc = crc32(0, reinterpret_cast<const Bytef*>(data.data()), data.size());
    uint32_t size = declared >= 0 ? static_cast<uint32_t>(declared) : data.size();
    uint32_t offset = out.size();
    Le(out, 0x04034b50, 4), Le(out, 20, 2), Le(out, 0, 2), Le(out, 0, 2), Le(out, 0, 4);
    Le(out, crc, 4), Le(out, data.size(), 4), Le(out, size, 4), Le(out, name.size(), 2);
    Le(out, 0, 2), out += name, out += data;
    Le(cd, 0x02014b50, 4), Le(cd, 20, 2), Le(cd, 20, 2), Le(cd, 0, 2), Le(cd, 0, 2);
    Le(cd, 0, 4), Le(cd, crc, 4), Le(cd, data.size(), 4), Le(cd, size, 4);
    Le(cd, name.size(), 2), Le(cd, 0, 2), Le(cd, 0, 2), Le(cd, 0, 2), Le(cd, 0, 2);
    Le(cd, 0, 4), Le(cd, offset, 4), cd += name;
  }
  uint32_t cd_off = out.size();
  out += cd;
  Le(out, 0x06054b50, 4), Le(out, 0, 4), Le(out, files.size(), 2), Le(out, files.size(), 2);
  Le(out, cd.size(), 4), Le(out, cd_off, 4), Le(out, 0, 2);
  return out;
}

}  // namespace ruralec::spreadsheet::testing
