// Field rules of entities, shops and brands shared by create, update and import. Every
// human-entered name goes through validate::ValidateText (trimmed; no control or bidi
// characters; not blank unless optional; bounded), so each function returns or writes back the
// trimmed value. Entered dates go through validate::PlausibleDate.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "entity/entity.h"

namespace ruralec::entity {

inline constexpr size_t kMaxNameChars = 100;      // entity, shop and brand names
inline constexpr size_t kMaxContactChars = 50;    // contact_name
inline constexpr size_t kMaxPlatformChars = 50;   // shop platform
inline constexpr size_t kMaxShopRefChars = 500;   // the platform's shop id or URL
inline constexpr size_t kMaxTrademarkChars = 50;  // trademark_no
inline constexpr size_t kMaxCategoryChars = 30;   // one brand category (no comma: stored joined)
inline constexpr size_t kMaxCategories = 20;      // categories per brand

Result<std::string> CleanName(std::string_view name);         // field "name"
Result<std::string> CleanContactName(std::string_view name);  // "contact_name", may be ""
// registered_on: plausible (validate::PlausibleDate, 1900-01-01..2099-12-31).
Status CheckRegisteredOn(const std::optional<CivilDate>& date);
// uscc, name, contact_name, mobile; names are trimmed in place. Validate() runs it on a copy.
Status Normalize(NewEntity& e);
Status ValidateShop(Shop& s);    // platform, shop_name (may be ""), shop_ref
Status ValidateBrand(Brand& b);  // name, trademark_no (may be ""), categories

}  // namespace ruralec::entity
