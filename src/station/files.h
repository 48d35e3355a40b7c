// A station's files (issue 17 item 1): storefront photos inside and outside (门头照片, 店内照片;
// several each) and the operator company's agreement (承办协议), kept by the attachments module
// as owner {"station", "station", id} and served by attachments/api/file_routes.h under
// /stations/{id}/files.
//
// Contract:
//  - Slots: photo_outside and photo_inside take jpg/png only (at most 10 each); agreement takes
//    any accepted type (pdf, docx, an image scan; at most 5).
//  - Reads as the station's own reads (station.h View: staff of the region, the bound operator,
//    the operator company, auditors); a station outside the view is "not found".
//  - Adding needs station:file:add and, for staff, the station's region in scope (town staff:
//    their town); a station operator only for the station bound to the account.
#pragma once

#include <string>
#include <vector>

#include "account/account.h"
#include "attachments/api/file_routes.h"
#include "storage/db.h"

namespace ruralec::station {

std::vector<attachments::api::Slot> FileSlots();
// The access rule above (attachments::api::Access): the station's county when allowed.
Result<std::string> FileAccess(storage::Connection& conn, const account::Principal& who, int64_t id,
                               bool write);

}  // namespace ruralec::station
