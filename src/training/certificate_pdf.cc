// The printable certificate (certificate_pdf.h contract).
#include "training/certificate_pdf.h"

#include "account/stamp.h"
#include "pdf/pdf.h"
#include "training/training_store.h"

namespace ruralec::training {
namespace {

std::string ChineseDate(const CivilDate& d) {
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" +
         std::to_string(d.day()) + "日";
}

// The page: a double frame, the title, three lines of text, the code and dates at the bottom
// left, the QR code at the bottom right.
Result<std::string> Layout(const Certificate& c, const std::string& name,
                           const std::string& verify_url) {
  ASSIGN_OR_RETURN(pdf::Document doc, pdf::Document::Create(true));
  const double w = doc.width(), h = doc.height(), mid = w / 2;
  RETURN_IF_ERROR(doc.Rect(24, 24, w - 48, h - 48, 2.5));
  RETURN_IF_ERROR(doc.Rect(32, 32, w - 64, h - 64, 0.8));
  RETURN_IF_ERROR(doc.Text(mid, h - 120, 34, "电子商务培训合格证书", pdf::Align::kCenter));
  RETURN_IF_ERROR(doc.Text(110, h - 200, 22, name + "："));
  RETURN_IF_ERROR(doc.Text(mid, h - 250, 17,
                           "于 " + ChineseDate(c.starts_on) + " 至 " + ChineseDate(c.ends_on) +
                               " 参加" + c.organiser_name + "组织的",
                           pdf::Align::kCenter));
  RETURN_IF_ERROR(doc.Text(mid, h - 285, 17,
                           "“" + c.course_title + "”（" + c.level_label + "）" + c.session_name +
                               "培训，经考核合格，特发此证。",
                           pdf::Align::kCenter));
  RETURN_IF_ERROR(doc.Text(80, 150, 13, "组织单位：" + c.organiser_name));
  RETURN_IF_ERROR(doc.Text(80, 125, 13, "合格日期：" + ChineseDate(c.qualified_on)));
  RETURN_IF_ERROR(doc.Text(80, 100, 13, "证书编号：" + c.code));
  RETURN_IF_ERROR(doc.Qr(w - 190, 80, 110, verify_url));
  RETURN_IF_ERROR(doc.Text(w - 135, 64, 10, "扫码查验证书", pdf::Align::kCenter));
  return doc.Bytes();
}

}  // namespace

Result<std::string> CertificatePdf(const Deps& d, const account::Principal& who,
                                   const std::string& code, const std::string& verify_url) {
  Certificate c;
  int64_t trainee_id = 0;
  {
    auto conn = d.db.Acquire();
    ASSIGN_OR_RETURN(c, VerifyCertificate(*conn, code));
    ASSIGN_OR_RETURN(auto row, store::CertificateByCode(*conn, code));
    trainee_id = row->trainee_id;
  }
  auto t = GetTrainee(d, who, trainee_id);  // the caller's view of the trainee
  if (!t.ok()) return Error::NotFound("证书编号 " + code + " 不存在");
  ASSIGN_OR_RETURN(std::string bytes, Layout(c, t->name, verify_url));
  auto conn = d.db.Acquire();
  RETURN_IF_ERROR(d.audit.Append(*conn, AuditOf(who, "training.certificate.pdf", "training_trainee",
                                                trainee_id, "code=" + code)));
  return bytes;
}

}  // namespace ruralec::training
