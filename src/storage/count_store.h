// The backends' store of list totals behind Connection::CountOf (one per connection): a count
// is kept with the database's change stamp read just before it ran, and is answered again only
// while the stamp is the same. A backend's stamp must change with every commit that could
// change a count: by other connections and processes and by this connection. It is read before
// the count, so a commit landing in between leaves the stored count newer than its stamp, never
// older (the next call counts again). Inside a transaction the caller's uncommitted writes are
// in no stamp: backends count there without the store.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>

#include "core/result.h"
#include "storage/db.h"

namespace ruralec::storage {

class CountStore {
 public:
  // The stored count of `sql` with `params` under `stamp`, or the fresh one `count()` returns
  // (stored under `stamp`).
  template <typename Count>
  Result<int64_t> Get(std::string stamp, std::string_view sql, const Params& params, Count count) {
    std::string key = Key(sql, params);
    if (auto it = counts_.find(key); it != counts_.end() && it->second.first == stamp) {
      return it->second.second;
    }
    ASSIGN_OR_RETURN(int64_t n, count());
    if (counts_.size() >= kMax) counts_.clear();
    counts_[std::move(key)] = {std::move(stamp), n};
    return n;
  }
  // For writes that move no stamp (SQLite's restore through the backup API).
  void Clear() { counts_.clear(); }

 private:
  static constexpr size_t kMax = 64;  // per connection; a few KB

  // The SQL (which holds no NUL) and each parameter with its type and length: distinct
  // inputs, distinct keys.
  static std::string Key(std::string_view sql, const Params& params) {
    std::string key(sql);
    for (const auto& v : params) {
      key.push_back('\0');
      if (auto* i = std::get_if<int64_t>(&v)) {
        key += "i" + std::to_string(*i);
      } else if (auto* t = std::get_if<std::string>(&v)) {
        key += "s" + std::to_string(t->size()) + ":" + *t;
      } else {
        key += "n";
      }
    }
    return key;
  }

  std::unordered_map<std::string, std::pair<std::string, int64_t>> counts_;
};

}  // namespace ruralec::storage
