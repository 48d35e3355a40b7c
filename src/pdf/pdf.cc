#include "pdf/pdf.h"

#include <hpdf.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <filesystem>

#include "pdf/qr.h"

namespace ruralec::pdf {

// libharu reports errors through a callback; the status is kept and checked after each call.
struct Document::Impl {
  HPDF_Doc doc = nullptr;
  HPDF_Page page = nullptr;
  HPDF_Font font = nullptr;
  bool gbk = false;  // the built-in font: text goes in as GBK
  bool landscape = false;
  HPDF_STATUS error = HPDF_OK, detail = 0;

  ~Impl() {
    if (doc) HPDF_Free(doc);
  }
  Status Check(const char* what) {
    if (error == HPDF_OK) return {};
    char code[32];
    std::snprintf(code, sizeof code, "%04X/%u", static_cast<unsigned>(error),
                  static_cast<unsigned>(detail));
    error = HPDF_OK;
    return Error{ErrorCode::kInternal, std::string("PDF 生成失败 (") + what + " " + code + ")", ""};
  }
};

namespace {

void OnError(HPDF_STATUS error, HPDF_STATUS detail, void* data) {
  auto* impl = static_cast<Document::Impl*>(data);
  impl->error = error;
  impl->detail = detail;
}

// UTF-8 to GBK with glibc's iconv; a character GBK lacks (or a broken sequence) becomes '?'.
std::string ToGbk(std::string_view utf8) {
  iconv_t cd = iconv_open("GBK", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(static_cast<intptr_t>(-1))) return std::string(utf8);
  std::string out(utf8.size() + 4, '\0');  // GBK is never longer than UTF-8
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size(), out_left = out.size();
  char* o = out.data();
  while (in_left > 0 && iconv(cd, &in, &in_left, &o, &out_left) == static_cast<size_t>(-1)) {
    if (errno != EILSEQ && errno != EINVAL) break;
    unsigned char c = static_cast<unsigned char>(*in);
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    n = std::min(n, in_left);
    in += n;
    in_left -= n;
    if (out_left > 0) {
      *o++ = '?';
      --out_left;
    }
  }
  out.resize(static_cast<size_t>(o - out.data()));
  iconv_close(cd);
  return out;
}

Status NewPage(Document::Impl& impl) {
  impl.page = HPDF_AddPage(impl.doc);
  HPDF_Page_SetSize(impl.page, HPDF_PAGE_SIZE_A4,
                    impl.landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
  return impl.Check("page");
}

}  // namespace

Document::Document(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

Result<Document> Document::Create(bool landscape, const std::string& font) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(font, ec))
    return Error{ErrorCode::kInternal, "PDF 字体文件不存在: " + font, ""};
  auto impl = std::make_unique<Impl>();
  impl->doc = HPDF_New(OnError, impl.get());
  if (!impl->doc) return Error{ErrorCode::kInternal, "PDF 生成失败 (HPDF_New)", ""};
  HPDF_UseUTFEncodings(impl->doc);
  HPDF_SetCompressionMode(impl->doc, HPDF_COMP_ALL);
  const char* name = HPDF_LoadTTFontFromFile2(impl->doc, font.c_str(), 0, HPDF_TRUE);
  RETURN_IF_ERROR(impl->Check("font"));
  impl->font = HPDF_GetFont(impl->doc, name, "UTF-8");
  impl->landscape = landscape;
  RETURN_IF_ERROR(NewPage(*impl));
  return Document(std::move(impl));
}

Result<Document> Document::CreateBuiltinCjk(bool landscape) {
  auto impl = std::make_unique<Impl>();
  impl->doc = HPDF_New(OnError, impl.get());
  if (!impl->doc) return Error{ErrorCode::kInternal, "PDF 生成失败 (HPDF_New)", ""};
  HPDF_UseCNSFonts(impl->doc);
  HPDF_UseCNSEncodings(impl->doc);
  HPDF_SetCompressionMode(impl->doc, HPDF_COMP_ALL);
  impl->font = HPDF_GetFont(impl->doc, "SimSun", "GBK-EUC-H");
  RETURN_IF_ERROR(impl->Check("font"));
  impl->gbk = true;
  impl->landscape = landscape;
  RETURN_IF_ERROR(NewPage(*impl));
  return Document(std::move(impl));
}

Status Document::AddPage() { return NewPage(*impl_); }

double Document::width() const { return HPDF_Page_GetWidth(impl_->page); }
double Document::height() const { return HPDF_Page_GetHeight(impl_->page); }

double Document::TextWidth(double size, std::string_view utf8) {
  std::string s = impl_->gbk ? ToGbk(utf8) : std::string(utf8);
  HPDF_Page_SetFontAndSize(impl_->page, impl_->font, static_cast<HPDF_REAL>(size));
  return HPDF_Page_TextWidth(impl_->page, s.c_str());
}

Status Document::Text(double x, double y, double size, std::string_view utf8, Align align) {
  std::string s = impl_->gbk ? ToGbk(utf8) : std::string(utf8);
  HPDF_Page p = impl_->page;
  HPDF_Page_SetFontAndSize(p, impl_->font, static_cast<HPDF_REAL>(size));
  double w = HPDF_Page_TextWidth(p, s.c_str());
  double left = align == Align::kLeft ? x : align == Align::kCenter ? x - w / 2 : x - w;
  HPDF_Page_BeginText(p);
  HPDF_Page_TextOut(p, static_cast<HPDF_REAL>(left), static_cast<HPDF_REAL>(y), s.c_str());
  HPDF_Page_EndText(p);
  return impl_->Check("text");
}

Status Document::Rect(double x, double y, double w, double h, double line) {
  HPDF_Page p = impl_->page;
  if (line > 0) HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(line));  // not inside a path
  HPDF_Page_Rectangle(p, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y),
                      static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
  if (line > 0)
    HPDF_Page_Stroke(p);
  else
    HPDF_Page_Fill(p);
  return impl_->Check("rect");
}

Status Document::Qr(double x, double y, double side, std::string_view text) {
  auto q = EncodeQr(text);
  if (!q.ok()) return Error{ErrorCode::kInternal, "二维码生成失败", ""};
  const int n = q->size;
  const double m = side / n;  // one module
  HPDF_Page p = impl_->page;
  for (int row = 0; row < n; ++row)
    for (int col = 0; col < n; ++col)
      if (q->At(row, col))
        HPDF_Page_Rectangle(p, static_cast<HPDF_REAL>(x + col * m),
                            static_cast<HPDF_REAL>(y + (n - 1 - row) * m),
                            static_cast<HPDF_REAL>(m), static_cast<HPDF_REAL>(m));
  HPDF_Page_Fill(p);
  return impl_->Check("qr");
}

Result<std::string> Document::Bytes() {
  HPDF_SaveToStream(impl_->doc);
  RETURN_IF_ERROR(impl_->Check("save"));
  std::string out(HPDF_GetStreamSize(impl_->doc), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
  HPDF_ReadFromStream(impl_->doc, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
  out.resize(size);
  RETURN_IF_ERROR(impl_->Check("read"));
  return out;
}

}  // namespace ruralec::pdf
