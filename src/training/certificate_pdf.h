// The printable training certificate (issue 18 item 4): an A4 landscape PDF with the holder's
// full name, the course, level, session dates, organiser, the day of qualification, the
// certificate code and a QR code of the public verification page — made on the server with
// libharu (pdf/pdf.h), so it prints the same from any browser.
#pragma once

#include <string>

#include "training/training.h"

namespace ruralec::training {

// For a caller who sees the certificate's trainee (training:read with the home village in
// scope, or a trainer of a session of theirs); kNotFound otherwise or for an unknown code.
// `verify_url` is what the QR code opens (the console's /verify/{code} page). Audited
// "training.certificate.pdf" (the file carries the full name).
Result<std::string> CertificatePdf(const Deps& d, const account::Principal& who,
                                   const std::string& code, const std::string& verify_url);

}  // namespace ruralec::training
