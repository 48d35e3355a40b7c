// Who and when of a write, for a table's created_by / updated_by and created_at / updated_at
// columns (account::StampOf builds one from the caller).
#pragma once

#include <cstdint>
#include <optional>

namespace ruralec::storage {

struct Stamp {
  std::optional<int64_t> by;  // user id, none for the command line's system actor
  int64_t now_ms = 0;
};

}  // namespace ruralec::storage
