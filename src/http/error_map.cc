// The one place where domain errors become HTTP statuses.
#include "http/server.h"

namespace ruralec::http {

int HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kUnauthenticated:
    case ErrorCode::kSessionExpired:
      return 401;
    case ErrorCode::kCsrf:
    case ErrorCode::kForbidden:
    case ErrorCode::kPasswordExpired:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kLocked:
      return 423;
    // Busy or locked database, a serialization race still lost after storage's retries, a full
    // queue: transient, so 503 (the server adds Retry-After to every 503), never 409/500.
    case ErrorCode::kUnavailable:
    case ErrorCode::kRetry:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

Json ErrorBody(const Error& e) {
  return Json{{"code", ErrorCodeName(e.code)}, {"message", e.message}, {"field", e.field}};
}

}  // namespace ruralec::http
