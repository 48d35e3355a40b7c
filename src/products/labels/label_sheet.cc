#include "products/labels/label_sheet.h"

#include "pdf/pdf.h"
#include "pdf/qr.h"

namespace ruralec::products::labels {
namespace {

constexpr double kMargin = 28, kTitle = 26, kQr = 102, kPad = 10;

// The longest prefix of `text` (whole UTF-8 characters) that fits `width`, with "…" when cut.
std::string Fit(pdf::Document& doc, double size, const std::string& text, double width) {
  if (doc.TextWidth(size, text) <= width) return text;
  std::string s = text;
  while (!s.empty()) {
    size_t cut = s.size() - 1;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s.resize(cut);
    if (doc.TextWidth(size, s + "…") <= width) return s + "…";
  }
  return s;
}

// The label whose bottom-left corner is (x, y), w × h points.
Status DrawLabel(pdf::Document& doc, const Label& l, double x, double y, double w, double h) {
  RETURN_IF_ERROR(doc.Rect(x, y, w, h, 0.3));  // the cut line
  const double qy = y + (h - kQr) / 2;
  RETURN_IF_ERROR(doc.Qr(x + kPad, qy, kQr, l.uri));
  const double tx = x + kPad + kQr + kPad, tw = x + w - kPad - tx;
  double ty = y + h - 28;
  for (size_t i = 0; i < l.lines.size() && i < 4; ++i) {
    const double size = i == 0 ? 11 : 8.5;
    RETURN_IF_ERROR(doc.Text(tx, ty, size, Fit(doc, size, l.lines[i], tw)));
    ty -= i == 0 ? 20 : 16;
  }
  return {};
}

}  // namespace

Result<std::string> SheetPdf(const Sheet& s) {
  const int count = s.each.empty() ? s.count : static_cast<int>(s.each.size());
  if (count < 1 || count > kMaxLabels)
    return Error::Invalid("count", "标签数量应为 1 至 " + std::to_string(kMaxLabels));
  ASSIGN_OR_RETURN(pdf::Document doc, pdf::Document::CreateBuiltinCjk(false));
  const double w = (doc.width() - 2 * kMargin) / kColumns;
  const double h = (doc.height() - 2 * kMargin - kTitle) / kRows;
  for (int i = 0; i < count; ++i) {
    int slot = i % kPerPage;
    if (slot == 0) {
      if (i > 0) RETURN_IF_ERROR(doc.AddPage());
      RETURN_IF_ERROR(doc.Text(kMargin, doc.height() - kMargin - 12, 12, s.title));
    }
    double x = kMargin + (slot % kColumns) * w;
    double y = doc.height() - kMargin - kTitle - (slot / kColumns + 1) * h;
    RETURN_IF_ERROR(DrawLabel(doc, s.each.empty() ? s.label : s.each[i], x, y, w, h));
  }
  return doc.Bytes();
}

Result<std::string> QrImage(std::string_view uri, std::string_view format) {
  if (format != "png" && format != "svg")
    return Error::Invalid("format", "二维码格式应为 png 或 svg");
  ASSIGN_OR_RETURN(pdf::QrCode q, pdf::EncodeQr(uri));
  if (format == "svg") return pdf::QrSvg(q);
  return pdf::QrPng(q, 8, 4);
}

}  // namespace ruralec::products::labels
