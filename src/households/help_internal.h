// Field rules of employment and shops, shared by the service (help.cc) and the import
// (help_import.cc).
#pragma once

#include "households/help.h"

namespace ruralec::households::internal {

// FieldCipher context of a household member's name.
inline constexpr char kMemberContext[] = "households.member_name";

// Trims and checks the fields (names, position, dates not in the future, until ≥ since);
// kInvalidArgument naming the field.
Status CheckEmployment(EmploymentInput& in, CivilDate today);
Status CheckShop(ShopInput& in, CivilDate today);
// Links a shop naming an entity and a shop id/URL to that entity's shop record (help.h);
// kInvalidArgument naming shop_ref when the entity has none.
Status LinkEntityShop(storage::Connection& conn, ShopInput& in);

}  // namespace ruralec::households::internal
