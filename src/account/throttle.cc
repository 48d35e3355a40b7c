// Failed-login counters (auth_throttle): per (username, address), per username and per address.
// Every attempt is reserved on all three counters in a write transaction before the password is
// checked, so parallel attempts never evaluate more guesses than a limit allows (issue 15
// items 11-13).
#include <sodium.h>

#include <algorithm>

#include "account/internal.h"

namespace ruralec::account::internal {
namespace {

struct Counter {
  const char* kind;
  std::string subject;
  storage::Value username;
  int limit;
  bool by_address;
};

std::vector<Counter> CountersFor(const std::string& username, const std::string& ip) {
  return {{"pair", username + " " + ip, username, kMaxFailures, false},
          {"user", username, username, kMaxFailuresPerUser, false},
          {"ip", ip, storage::Null{}, kMaxFailuresPerAddress, true}};
}

struct State {
  int64_t failed = 0, pending = 0, window_start = 0;
  std::optional<int64_t> locked_until;
};

// The counter's state at `now`: a window older than kFailureWindowMs (and no running lock)
// starts afresh.
Result<State> Load(storage::Connection& conn, const Counter& c, int64_t now) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT failed_count, pending, window_start, locked_until "
                                         "FROM auth_throttle WHERE kind = ? AND subject = ?",
                                         {c.kind, c.subject}));
  State s{0, 0, now, std::nullopt};
  if (rows.empty()) return s;
  State old{rows[0].Int(0), rows[0].Int(1), rows[0].Int(2), rows[0].OptInt(3)};
  bool locked = old.locked_until && *old.locked_until > now;
  if (!locked && now - old.window_start >= kFailureWindowMs) return s;
  if (!locked) old.locked_until.reset();
  return old;
}

Status Store(storage::Connection& conn, const Counter& c, const State& s) {
  storage::Value lock = s.locked_until ? storage::Value(*s.locked_until) : storage::Null{};
  RETURN_IF_ERROR(conn.Exec(
      "INSERT INTO auth_throttle (kind, subject, username, failed_count, pending, window_start, "
      "locked_until) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, subject) DO UPDATE SET "
      "failed_count = excluded.failed_count, pending = excluded.pending, "
      "window_start = excluded.window_start, locked_until = excluded.locked_until",
      {c.kind, c.subject, c.username, s.failed, s.pending, s.window_start, lock}));
  return {};
}

// Rows whose window and lock are over carry no information. Cleared now and then (not on
// every failure: on PostgreSQL a range delete in each SERIALIZABLE transaction would make
// parallel failures conflict).
Status Sweep(storage::Connection& conn, int64_t now) {
  if (randombytes_uniform(64) != 0) return {};
  RETURN_IF_ERROR(
      conn.Exec("DELETE FROM auth_throttle WHERE window_start < ? AND "
                "(locked_until IS NULL OR locked_until < ?)",
                {now - 2 * kFailureWindowMs, now}));
  return {};
}

}  // namespace

Result<std::optional<Throttled>> ReserveAttempt(storage::Connection& conn,
                                                const std::string& username, const std::string& ip,
                                                int64_t now) {
  auto counters = CountersFor(username, ip);
  std::vector<State> states;
  for (const auto& c : counters) {
    ASSIGN_OR_RETURN(State s, Load(conn, c, now));
    if (s.locked_until) return std::optional<Throttled>(Throttled{*s.locked_until, c.by_address});
    // Full of attempts still being judged: one of them may yet lock, so wait a minute.
    if (s.failed + s.pending >= c.limit)
      return std::optional<Throttled>(Throttled{now + 60'000, c.by_address});
    states.push_back(s);
  }
  for (size_t i = 0; i < counters.size(); ++i) {
    ++states[i].pending;
    RETURN_IF_ERROR(Store(conn, counters[i], states[i]));
  }
  return std::optional<Throttled>();
}

Result<std::optional<Throttled>> RecordFailure(storage::Connection& conn,
                                               const std::string& username, const std::string& ip,
                                               int64_t now) {
  std::optional<Throttled> locked;
  for (const auto& c : CountersFor(username, ip)) {
    ASSIGN_OR_RETURN(State s, Load(conn, c, now));
    s.pending = std::max<int64_t>(s.pending - 1, 0);
    ++s.failed;
    if (!s.locked_until && s.failed >= c.limit) {
      s.locked_until = now + kLockoutMs;
      if (!locked) locked = Throttled{*s.locked_until, c.by_address};
    }
    RETURN_IF_ERROR(Store(conn, c, s));
  }
  RETURN_IF_ERROR(Sweep(conn, now));
  return locked;
}

Status ReleaseAttempt(storage::Connection& conn, const std::string& username, const std::string& ip,
                      int64_t now) {
  // The right password clears the username's failures and lock but keeps the attempts still
  // being judged, so those and later ones together stay within the limit. The address keeps its
  // failures (else logging in to one's own account would reset a spraying budget).
  auto counters = CountersFor(username, ip);
  for (size_t i = 0; i < counters.size(); ++i) {
    ASSIGN_OR_RETURN(State s, Load(conn, counters[i], now));
    s.pending = std::max<int64_t>(s.pending - 1, 0);
    if (!counters[i].by_address) {
      s.failed = 0;
      s.locked_until.reset();
    }
    RETURN_IF_ERROR(Store(conn, counters[i], s));
  }
  return {};
}

}  // namespace ruralec::account::internal
