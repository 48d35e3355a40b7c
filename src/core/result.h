// Errors cross module boundaries as values. An Error carries a machine code, a human message
// (Chinese where a user will read it) and, for input errors, the offending field.
// The HTTP layer maps ErrorCode to a status in exactly one place (http/error_map.cc).
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace ruralec {

enum class ErrorCode {
  kInvalidArgument,  // bad input: a field failed validation
  kNotFound,         // the object does not exist (or is outside the caller's scope for reads)
  kConflict,         // uniqueness or state conflict
  kUnauthenticated,  // no valid session / wrong credentials
  kSessionExpired,   // idle or absolute session expiry
  kForbidden,        // authenticated but not allowed (permission or region scope)
  kLocked,           // account locked after repeated failures
  kPasswordExpired,  // must change password before doing anything else
  kCsrf,             // missing or wrong CSRF token
  kPayloadTooLarge,
  kRetry,        // a concurrent transaction won (serialization failure): safe to re-run
  kUnavailable,  // dependency not ready (database, reference data)
  kInternal,
};

// Stable snake_case name used on the wire ({"code": "..."}).
const char* ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string field;
  // For the server log only, never sent to a client: e.g. the database's own error text.
  std::string detail;

  static Error Invalid(std::string field, std::string message) {
    return {ErrorCode::kInvalidArgument, std::move(message), std::move(field)};
  }
  static Error NotFound(std::string message) {
    return {ErrorCode::kNotFound, std::move(message), {}};
  }
  static Error Conflict(std::string message, std::string field = {}) {
    return {ErrorCode::kConflict, std::move(message), std::move(field)};
  }
  static Error Forbidden(std::string message) {
    return {ErrorCode::kForbidden, std::move(message), {}};
  }
  static Error Internal(std::string message) {
    return {ErrorCode::kInternal, std::move(message), {}};
  }
};

// Result<T>: either a value or an Error. Result<void> carries only the error.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }
  Error&& take_error() {
    assert(!ok());
    return std::get<1>(std::move(v_));
  }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : e_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return !e_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const {
    assert(!ok());
    return *e_;
  }
  Error&& take_error() {
    assert(!ok());
    return std::move(*e_);
  }

 private:
  std::optional<Error> e_;
};

using Status = Result<void>;

}  // namespace ruralec

// Propagate an error from an expression returning Result<...>.
// `lhs` is a declaration or an lvalue (`auto x`, `out.field`), so it cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define RURALEC_CONCAT_INNER(a, b) a##b
#define RURALEC_CONCAT(a, b) RURALEC_CONCAT_INNER(a, b)
#define RETURN_IF_ERROR(expr)               \
  do {                                      \
    auto _st = (expr);                      \
    if (!_st.ok()) return _st.take_error(); \
  } while (0)
#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.take_error();     \
  lhs = std::move(tmp).value()
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL(RURALEC_CONCAT(_res_, __LINE__), lhs, expr)
// NOLINTEND(bugprone-macro-parentheses)
