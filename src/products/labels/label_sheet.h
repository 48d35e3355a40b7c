// Trace labels (溯源标签, issue 23 item 5): a batch's QR code as an image (PNG or SVG) and an A4
// sheet of labels to print and stick on packages (PDF). Plain structs in, bytes out: the
// encoders (libqrencode, libharu with its built-in Chinese font, zlib) stay behind src/pdf.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ruralec::products::labels {

// One label: the URI its QR code holds and up to four lines of text beside it (a line too wide
// is shortened with "…").
struct Label {
  std::string uri;
  std::vector<std::string> lines;
};

struct Sheet {
  std::string title;  // printed at the top of each page
  Label label;        // every label of the sheet is this one
  int count = 0;      // labels in all (kPerPage a page); 1–kMaxLabels
  // When not empty, the labels one by one instead (each its own URI: serial-level links); their
  // number is the count.
  std::vector<Label> each;
};

inline constexpr int kColumns = 2, kRows = 6, kPerPage = kColumns * kRows;
inline constexpr int kMaxLabels = 50 * kPerPage;

// The PDF (A4 portrait, kPerPage labels a page, cut lines around each); kInvalidArgument
// (field count) outside 1–kMaxLabels.
Result<std::string> SheetPdf(const Sheet& s);

// The QR code of `uri` as "png" (8 pixels a module) or "svg"; kInvalidArgument (field format)
// for another format.
Result<std::string> QrImage(std::string_view uri, std::string_view format);

}  // namespace ruralec::products::labels
