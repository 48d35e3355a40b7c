// Identifiers of batches on labels (issue 23 item 5; docs/PRODUCTS.md "Identifiers and QR
// codes"): GS1 Digital Link URIs on the county's own domain.
//
// Contract:
//  - A batch's link is {base}/01/{key}/10/{lot}?t={public_code}: `key` is the product's GTIN-14,
//    or — for a product without one — its county item code, a GS1 restricted circulation number
//    (GTIN-13 prefix 04, numbers a company assigns for its own use) made of the product id, as a
//    GTIN-14 with a valid check digit; `t` is the batch's random public code, the only thing
//    that opens its public trace page (GTIN and lot are printed on the package and countable).
//  - A label may carry one item's link instead (serial-level, GS1 AI 21 after the lot):
//    {base}/01/{key}/10/{lot}/21/{serial}?t={public_code}, serials numbered from the one asked.
//    The serial is printed, not recorded: the page it opens is its batch's.
//  - `base` is the county's setting products.trace_base_url (an http(s) origin), else what the
//    caller gives (the request's origin). A county code is meaningful only under the county's
//    domain, never under id.gs1.org. The EPCIS class of a batch (trace.h EpcClass) does not
//    change with the setting.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "products/trace.h"
#include "settings/settings.h"

namespace ruralec::products::trace {

// The county parameter products.trace_base_url (参数设置): "" until the county sets it.
const settings::ParamDef& BaseUrlParam();
// The county item code of a product: "004" + the id on 10 digits + the GS1 check digit.
std::string CountyItemCode(int64_t product_id);
// The GTIN-14 under /01/: the product's GTIN, else its county item code.
std::string ItemKey(const Batch& b);
// The batch's Digital Link (contract above); `base` without a trailing slash. With a serial
// (digits), the link of one item of the batch: {base}/01/{key}/10/{lot}/21/{serial}?t={code}.
std::string DigitalLink(const std::string& base, const Batch& b, const std::string& serial = "");
// The console's public page of a batch: /t/{public_code}.
std::string PublicPath(const Batch& b);
// What a batch's label says beside its QR code, and the sheet's title.
struct LabelText {
  std::string title;
  std::vector<std::string> lines;  // product, lot, GTIN or county item code, producer
};
Result<LabelText> LabelTextOf(storage::Connection& conn, const Batch& b);
// The labels of items first … first + count - 1 of the batch (serial-level links): each its own
// link and its lot line with the serial; kInvalidArgument naming serial_from unless
// 1 ≤ first and the last serial ≤ kMaxSerial.
inline constexpr int64_t kMaxSerial = 999'999'999'999;
struct ItemLabel {
  std::string link;
  std::vector<std::string> lines;
};
Result<std::vector<ItemLabel>> SerialLabels(const std::string& base, const Batch& b,
                                            const LabelText& text, int64_t first, int count);
// Batch `id` with its product's GTIN (for the command line, which has no caller to check);
// kNotFound naming the id.
Result<Batch> BatchWithGtin(storage::Connection& conn, int64_t id);

// The county's setting products.trace_base_url ("" when not set).
Result<std::string> CountyBaseUrl(storage::Connection& conn, const std::string& county_code);

}  // namespace ruralec::products::trace
