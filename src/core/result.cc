#include "core/result.h"

namespace ruralec {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kSessionExpired:
      return "session_expired";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kLocked:
      return "account_locked";
    case ErrorCode::kPasswordExpired:
      return "password_change_required";
    case ErrorCode::kCsrf:
      return "csrf_failed";
    case ErrorCode::kPayloadTooLarge:
      return "payload_too_large";
    case ErrorCode::kRetry:
      return "concurrent_update";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace ruralec
