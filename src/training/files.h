// A training session's evidence (issue 18 item 1: the 004 application materials): the training
// plan (培训方案), trainer profiles (讲师简介), the syllabus (课程大纲), sign-in sheets (签到表)
// and photos (培训照片), kept by the attachments module as owner {"training", "session", id}
// and served by attachments/api/file_routes.h under /training/sessions/{id}/files.
//
// Contract:
//  - Slots: plan, trainers, syllabus and signin take any accepted type (pdf, docx, xlsx, jpg,
//    png, txt); photos jpg/png only. At most 10 files per slot (photos 30).
//  - Reads as the session's own reads (training.h scope: staff who see its region, its
//    trainers, auditors); a session outside the view is "not found".
//  - Adding needs training:evidence and a session the caller may write: staff with the region
//    in scope, or a trainer of the session.
#pragma once

#include <string>
#include <vector>

#include "account/account.h"
#include "attachments/api/file_routes.h"
#include "storage/db.h"

namespace ruralec::training {

std::vector<attachments::api::Slot> FileSlots();
// The access rule above (attachments::api::Access): the session's county when allowed.
Result<std::string> FileAccess(storage::Connection& conn, const account::Principal& who, int64_t id,
                               bool write);

}  // namespace ruralec::training
