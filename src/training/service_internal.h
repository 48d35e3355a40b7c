// Pieces shared by the training service files (service.cc, trainees.cc) and the import
// (import.cc). Internal to the training module.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "training/training.h"
#include "training/training_store.h"

namespace ruralec::training::internal {

// The caller's view: the region subtree (training:read) or their own sessions
// (training:read:own); kForbidden with neither.
Result<store::View> ViewOf(const account::Principal& who);
Result<std::string> Text(std::string_view v, std::string_view field, std::string_view label,
                         size_t max, bool optional);
// Maps each value or label of `values` to the dictionary's value (county additions included);
// an unknown one is kInvalidArgument naming `field`. Duplicates are dropped.
Status CheckDictList(storage::Connection& conn, const RegionCode& county, std::string_view dict,
                     std::string_view field, std::vector<std::string>& values);

// The session visible to the caller (kNotFound otherwise) and whether they may take its
// attendance (a trainer of it with training:attend, or training:edit with it in scope).
struct SessionAccess {
  Session session;
  bool teaches = false;
  bool writable = false;
};
Result<SessionAccess> SessionFor(storage::Connection& conn, const account::Principal& who,
                                 int64_t id);

// Normalizes and checks a trainee's fields (ID number upper-cased, name, mobile, home village,
// audiences). Returns the gender and birth date the ID states.
Result<store::NewTrainee> CheckTrainee(storage::Connection& conn, const account::Principal& who,
                                       TraineeInput in, CivilDate today);
// RegisterTrainee inside the caller's transaction without the audit entry when `audit` is
// false (an import writes one entry for its batch).
// Links `t` to the registered poor household whose head has `id_number` (households module),
// while the number is at hand; a linked trainee, or one heading no household, is left as is.
Status LinkHousehold(storage::Connection& conn, const Deps& d, const Trainee& t,
                     std::string_view id_number);
Result<Registered> RegisterIn(storage::Connection& conn, const Deps& d,
                              const account::Principal& who, const TraineeInput& in,
                              std::optional<int64_t> batch_id, bool audit);

}  // namespace ruralec::training::internal
