#include "access/zip_text.h"

#include <zlib.h>

#include <cstdint>
#include <stdexcept>

namespace ruralec::accesstest {
namespace {

uint32_t Le(const std::string& b, size_t at, int bytes) {
  uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b.at(at + i));
  return v;
}

std::string Inflate(const std::string& in) {
  z_stream zs{};
  if (inflateInit2(&zs, -15) != Z_OK) return "";
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
  }
  inflateEnd(&zs);
  return out;
}

}  // namespace

// Central directory walk (sizes there are right even when local headers defer them).
std::string ZipText(const std::string& b) {
  if (b.size() < 22 || b.compare(0, 2, "PK") != 0) return "";
  size_t eocd = b.rfind(std::string("PK\x05\x06", 4));
  if (eocd == std::string::npos || eocd + 22 > b.size()) return "";
  size_t count = Le(b, eocd + 10, 2), at = Le(b, eocd + 16, 4);
  std::string out;
  try {
    for (size_t i = 0; i < count; ++i) {
      if (Le(b, at, 4) != 0x02014b50) break;
      uint32_t method = Le(b, at + 10, 2), csize = Le(b, at + 20, 4);
      size_t name_len = Le(b, at + 28, 2), extra = Le(b, at + 30, 2), comment = Le(b, at + 32, 2);
      size_t local = Le(b, at + 42, 4);
      out += b.substr(at + 46, name_len) + "\n";
      size_t data = local + 30 + Le(b, local + 26, 2) + Le(b, local + 28, 2);
      std::string raw = b.substr(data, csize);
      out += (method == 8 ? Inflate(raw) : raw) + "\n";
      at += 46 + name_len + extra + comment;
    }
  } catch (const std::out_of_range&) {
    // a truncated archive: what was read so far
  }
  return out;
}

std::string SearchableText(const std::string& body) {
  std::string zip = ZipText(body);
  return zip.empty() ? body : body + "\n" + zip;
}

}  // namespace ruralec::accesstest
