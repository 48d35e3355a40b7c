// A small PDF writer for printable documents (the training certificate, the trace label sheet):
// one or more A4 pages with UTF-8 text in a CJK font, rectangles and QR codes, returned as bytes.
// Built on Debian's libharu (libhpdf-dev) and libqrencode (libqrencode-dev), both installed by
// scripts/setup. Two fonts: a TrueType file whose used glyphs are embedded (the file prints the
// same anywhere), or libharu's built-in Chinese font (SimSun, GBK encoding: HPDF_UseCNSFonts):
// nothing embedded, no font file needed, the reader supplies its own Song face.
// Coordinates are PDF points (1/72 inch) from the page's bottom-left corner.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ruralec::pdf {

// The font used: fonts-wqy-microhei (a scripts/setup package), face 0 of the collection.
inline constexpr const char* kDefaultFont = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

enum class Align { kLeft, kCenter, kRight };

class Document {
 public:
  // A document with one A4 page (landscape when asked) and the font loaded; kInternal when
  // the font file cannot be read or libharu fails.
  static Result<Document> Create(bool landscape, const std::string& font = kDefaultFont);
  // The same with libharu's built-in SimSun; text is converted from UTF-8 to GBK (a character
  // GBK lacks prints as '?').
  static Result<Document> CreateBuiltinCjk(bool landscape);
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  ~Document();

  // A new page of the same size; drawing goes to it from now on.
  Status AddPage();
  double width() const;
  double height() const;
  // The width of `utf8` at `size` points in the document's font.
  double TextWidth(double size, std::string_view utf8);
  // `utf8` on one line at baseline y; x is the left edge, the centre or the right edge.
  Status Text(double x, double y, double size, std::string_view utf8, Align align = Align::kLeft);
  // A rectangle's outline (line width `line`) or, with line 0, filled.
  Status Rect(double x, double y, double w, double h, double line);
  // A QR code of `text` (error correction M) filling the square of side `side` at (x, y).
  Status Qr(double x, double y, double side, std::string_view text);
  // The finished file (%PDF-…).
  Result<std::string> Bytes();

  struct Impl;  // libharu's document and page (pdf.cc)

 private:
  explicit Document(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ruralec::pdf
