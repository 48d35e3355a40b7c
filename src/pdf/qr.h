// QR codes (libqrencode, Debian libqrencode-dev): the module matrix of a text and the matrix
// as an image, SVG or PNG (written here with zlib: a 1-bit greyscale image, no other encoder).
// Error correction M, case-sensitive (8-bit and denser segments), the smallest version that
// holds the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ruralec::pdf {

struct QrCode {
  int size = 0;            // modules per side
  std::vector<bool> dark;  // row by row, size × size
  bool At(int row, int col) const { return dark[static_cast<size_t>(row) * size + col]; }
};

// kInvalidArgument (field "text") for an empty text or one too long for a QR code.
Result<QrCode> EncodeQr(std::string_view text);
// An SVG document, one unit per module, with a quiet zone of `margin` modules.
std::string QrSvg(const QrCode& q, int margin = 4);
// A PNG image, `scale` pixels per module (1–32), with a quiet zone of `margin` modules.
Result<std::string> QrPng(const QrCode& q, int scale = 8, int margin = 4);

}  // namespace ruralec::pdf
