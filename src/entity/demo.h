// Generated demonstration businesses for `ruralec demo` (issue 26 item 12): two or three per
// town of the demo county — enterprises, co-operatives, family farms and individual businesses
// with a shop each and a brand for some — so the entity, sales and award pages have something
// real to show. Every name ends in （演示）, credit codes carry DM in their organisation part,
// contacts are 演示联系人: nobody mistakes them for real registrations. Deterministic for a
// county. Meant for a fresh database (`ruralec demo` refuses one that has users).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "account/account.h"
#include "core/result.h"
#include "core/types.h"
#include "crypto/crypto.h"
#include "entity/entity.h"
#include "storage/db.h"

namespace ruralec::entity {

struct DemoBusiness {
  int64_t id = 0;
  Kind kind = Kind::kEnterprise;
  RegionCode region;
  std::string name, product;  // product: what it sells, for the ledger's category
  int64_t shop_id = 0;
  int64_t brand_id = 0;  // 0: no brand
  int rank = 0;          // 0 = the largest seller; the sales demo sizes its figures by it
};

// Inserts the businesses, shops and brands as `who` (a county user) in one transaction.
Result<std::vector<DemoBusiness>> GenerateDemo(storage::Connection& conn,
                                               const crypto::FieldCipher& cipher,
                                               const account::Principal& who,
                                               const RegionCode& county, int64_t now_ms);

// The check character of a credit code's first 17 characters (GB 32100-2015).
char UsccCheck(std::string_view first17);

}  // namespace ruralec::entity
