// Registered poor households (建档立卡贫困户) and the e-commerce help they receive
// (docs/HOUSEHOLDS.md, issue 19). This header: the household register.
//
// Contract:
//  - A household lives in a village (region level village, 12 digits). Its head is identified by
//    a 居民身份证号 (GB 11643, validate::IdCard), stored encrypted (FieldCipher, context
//    "households.id_number") with a keyed blind index: one household per head (kConflict). The
//    head's name is stored encrypted too ("households.head_name") with a masked copy.
//  - Status is a dictionary (`household_statuses`): registered 建档立卡贫困户, lifted 已脱贫 with
//    the year (2014 … this year), monitored 监测户. Willing (意愿) and able (能力) to take part
//    in e-commerce each carry the date the household said so (required when true, never in the
//    future). Products: up to 20 names. Paired helpers (结对帮扶): unit / entity / grower (大户)
//    / capable (能人), each with a name (an entity helper names an existing entity).
//  - Poverty status is sensitive personal information. Reads need household:read and the
//    household's village inside the caller's region; outside it a household is "not found".
//    Lists show the head's name unmasked only to callers whose region is the household's town
//    or below (town staff of that town); everyone above sees the masked name. The ID number is
//    always masked. The unmasked name and ID number come only from Reveal (household:pii),
//    which writes a "pii.view" audit entry in the same transaction. No public page reads them.
//  - Writes need household:edit and the village in the caller's scope; every write is audited
//    ("household.create" / "household.update") in its transaction, without personal data in
//    the detail.
// Tables owned: households, household_helpers (and purchases, household_employments,
// household_shops: purchases.h, help.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "crypto/crypto.h"
#include "storage/db.h"

namespace ruralec::households {

enum class PovertyStatus { kRegistered, kLifted, kMonitored };
const char* StatusName(PovertyStatus s);   // registered | lifted | monitored
const char* StatusLabel(PovertyStatus s);  // 建档立卡贫困户 | 已脱贫 | 监测户
// The code name or the Chinese label.
Result<PovertyStatus> ParseStatus(std::string_view text, std::string_view field = "status");

enum class HelperKind { kUnit, kEntity, kGrower, kCapable };
const char* HelperKindName(HelperKind k);   // unit | entity | grower | capable
const char* HelperKindLabel(HelperKind k);  // 帮扶单位 | 经营主体 | 大户 | 能人
Result<HelperKind> ParseHelperKind(std::string_view text, std::string_view field = "helpers");

struct Helper {
  HelperKind kind = HelperKind::kUnit;
  std::string name;
  std::optional<int64_t> entity_id;  // kind entity
};

struct HouseholdInput {
  RegionCode region;  // the village
  std::string head_name, id_number;
  int members = 1;
  PovertyStatus status = PovertyStatus::kRegistered;
  std::optional<int> lifted_year;  // status lifted only
  bool willing = false, able = false;
  std::optional<CivilDate> willing_on, able_on;
  std::vector<std::string> products;
  std::vector<Helper> helpers;
};

struct Household {
  int64_t id = 0;
  RegionCode region;
  std::string region_name;
  std::string head_name;  // masked unless the caller may see it (contract above)
  bool name_masked = true;
  std::string id_masked;
  int members = 1;
  PovertyStatus status = PovertyStatus::kRegistered;
  std::optional<int> lifted_year;
  bool willing = false, able = false;
  std::optional<CivilDate> willing_on, able_on;
  std::vector<std::string> products;
  std::vector<Helper> helpers;
  std::string source;  // form | import | generated
  std::optional<int64_t> batch_id;
  int64_t created_at = 0, updated_at = 0;
};

struct Filter {
  RegionCode region;  // subtree; default (empty) the caller's region
  std::optional<PovertyStatus> status;
  std::optional<bool> willing_and_able;
  std::string product;
};

struct Deps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
  const crypto::FieldCipher& cipher;
};

// The field rules (name, ID number, members, status/year, dates, products, helpers' names);
// kInvalidArgument naming the field. Region existence and level are checked by Register.
Status Validate(const HouseholdInput& in, CivilDate today);

// Registers a household. Needs household:edit; the region must be a village in scope.
// kConflict when the head's ID number is registered. Audited "household.create".
Result<Household> Register(const Deps& d, const account::Principal& who, const HouseholdInput& in);
// Replaces the fields (the ID number may change only to one not registered). Audited
// "household.update".
Result<Household> Update(const Deps& d, const account::Principal& who, int64_t id,
                         const HouseholdInput& in);
Result<Household> Get(const Deps& d, const account::Principal& who, int64_t id);
Result<Page<Household>> List(const Deps& d, const account::Principal& who, Filter f,
                             const PageRequest& page);

// The unmasked head name and ID number (household:pii; the household visible). Audited
// "pii.view" in the same transaction.
struct Revealed {
  std::string head_name, id_number;
};
Result<Revealed> Reveal(const Deps& d, const account::Principal& who, int64_t id);

// Whether `who` sees the head's name of a household in `village` unmasked: their region is
// the village's town or below it.
bool SeesNames(const account::Principal& who, const RegionCode& village);
// "张*", "欧阳**": the first character and a star for each other one.
std::string MaskName(std::string_view name);

// ---- read side for other modules and this module's files (no permission check) ----

// The household whose head has `id_number` (by blind index), if registered.
struct HouseholdRef {
  int64_t id = 0;
  RegionCode region;
  bool willing = false, able = false;
};
Result<std::optional<HouseholdRef>> FindByIdNumber(storage::Connection& conn,
                                                   const crypto::FieldCipher& cipher,
                                                   std::string_view id_number);
Result<std::optional<HouseholdRef>> FindById(storage::Connection& conn, int64_t id);

}  // namespace ruralec::households
