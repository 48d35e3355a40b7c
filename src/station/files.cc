#include "station/files.h"

#include "station/service_internal.h"

namespace ruralec::station {

std::vector<attachments::api::Slot> FileSlots() {
  return {{"photo_outside", "门头照片（外景）", attachments::ImagesOnly(), 10},
          {"photo_inside", "店内照片", attachments::ImagesOnly(), 10},
          {"agreement", "承办协议", {}, 5}};
}

Result<std::string> FileAccess(storage::Connection& conn, const account::Principal& who, int64_t id,
                               bool write) {
  ASSIGN_OR_RETURN(Station s, internal::VisibleStation(conn, who, id));
  if (write) {
    if (!who.Can("station:file:add")) return Error::Forbidden("没有上传站点照片和协议的权限");
    bool staff = who.Can("station:read");
    auto own = who.BoundTo("station");
    if (staff ? !who.InScope(s.region) : !(own && *own == s.id))
      return Error::Forbidden("没有为该站点上传文件的权限");
  }
  return s.region.county().str();
}

}  // namespace ruralec::station
