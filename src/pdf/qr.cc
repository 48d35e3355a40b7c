#include "pdf/qr.h"

#include <qrencode.h>
#include <zlib.h>

#include <memory>

namespace ruralec::pdf {
namespace {

void Put32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xff));
}

// One PNG chunk: length, type, data, CRC over type and data.
void Chunk(std::string& out, const char* type, const std::string& data) {
  Put32(out, static_cast<uint32_t>(data.size()));
  std::string body = std::string(type, 4) + data;
  out += body;
  Put32(out, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()),
                                         static_cast<uInt>(body.size()))));
}

}  // namespace

Result<QrCode> EncodeQr(std::string_view text) {
  if (text.empty()) return Error::Invalid("text", "二维码内容不能为空");
  std::string s(text);
  std::unique_ptr<QRcode, void (*)(QRcode*)> q(
      QRcode_encodeString(s.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
  if (!q) return Error::Invalid("text", "二维码内容过长");
  QrCode out;
  out.size = q->width;
  out.dark.resize(static_cast<size_t>(out.size) * out.size);
  for (size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = q->data[i] & 1;  // bit 0: dark
  return out;
}

std::string QrSvg(const QrCode& q, int margin) {
  const int side = q.size + 2 * margin;
  std::string path;
  for (int row = 0; row < q.size; ++row)
    for (int col = 0; col < q.size; ++col)
      if (q.At(row, col))
        path +=
            "M" + std::to_string(col + margin) + " " + std::to_string(row + margin) + "h1v1h-1z";
  std::string n = std::to_string(side);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
         n + " " + n + "\" width=\"" + std::to_string(side * 8) + "\" height=\"" +
         std::to_string(side * 8) + "\" shape-rendering=\"crispEdges\"><rect width=\"" + n +
         "\" height=\"" + n + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
}

Result<std::string> QrPng(const QrCode& q, int scale, int margin) {
  if (scale < 1 || scale > 32) return Error::Invalid("scale", "每个模块 1 至 32 像素");
  const int px = (q.size + 2 * margin) * scale;
  const int row_bytes = (px + 7) / 8;
  std::string raw;
  raw.reserve(static_cast<size_t>(px) * (row_bytes + 1));
  for (int y = 0; y < px; ++y) {
    raw.push_back(0);  // filter: none
    std::string line(row_bytes, '\0');
    for (int x = 0; x < px; ++x) {
      int row = y / scale - margin, col = x / scale - margin;
      bool dark = row >= 0 && col >= 0 && row < q.size && col < q.size && q.At(row, col);
      if (!dark) line[x / 8] = static_cast<char>(line[x / 8] | (0x80 >> (x % 8)));  // 1: white
    }
    raw += line;
  }
  uLongf zlen = compressBound(static_cast<uLong>(raw.size()));
  std::string z(zlen, '\0');
  if (compress2(reinterpret_cast<Bytef*>(z.data()), &zlen,
                reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()),
                Z_BEST_COMPRESSION) != Z_OK)
    return Error::Internal("二维码图片压缩失败");
  z.resize(zlen);
  std::string ihdr;
  Put32(ihdr, static_cast<uint32_t>(px));
  Put32(ihdr, static_cast<uint32_t>(px));
  ihdr +=
      std::string("\x01\x00\x00\x00\x00", 5);  // 1 bit, greyscale, deflate, no filter, no interlace
  std::string out("\x89PNG\r\n\x1a\n", 8);
  Chunk(out, "IHDR", ihdr);
  Chunk(out, "IDAT", z);
  Chunk(out, "IEND", "");
  return out;
}

}  // namespace ruralec::pdf
