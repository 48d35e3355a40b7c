#include "training/files.h"

#include "training/service_internal.h"

namespace ruralec::training {

std::vector<attachments::api::Slot> FileSlots() {
  return {{"plan", "培训方案", {}, 10},
          {"trainers", "讲师简介", {}, 10},
          {"syllabus", "课程大纲", {}, 10},
          {"signin", "签到表", {}, 10},
          {"photo", "培训照片", attachments::ImagesOnly(), 30}};
}

Result<std::string> FileAccess(storage::Connection& conn, const account::Principal& who, int64_t id,
                               bool write) {
  ASSIGN_OR_RETURN(internal::SessionAccess a, internal::SessionFor(conn, who, id));
  if (write && !(who.Can("training:evidence") && a.writable))
    return Error::Forbidden("没有为该班次上传培训材料的权限");
  return a.session.region.county().str();
}

}  // namespace ruralec::training
