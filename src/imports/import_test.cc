// The import runner's contract with a stand-in handler: which imports record the file's hash as
// the idempotence key, how a re-import of a partially accepted file treats the rows it already
// wrote, and that the file's type is checked before its history (issue 15 item 9).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>

#include "imports/imports.h"
#include "storage/testing.h"

namespace ruralec::imports {
namespace {

constexpr Column kCols[] = {{"编号*", true}, {"数值*", true}};

// Writes each accepted row's 编号 to test_rows; a 数值 of "bad" is rejected while `broken` holds
// (the cause the user fixes outside the file, e.g. an entity not yet registered).
class KeyHandler : public RowHandler {
 public:
  KeyHandler(BatchContext batch, const bool& broken) : batch_(std::move(batch)), broken_(broken) {}
  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
    for (int64_t b : batch_.same_file) {
      ASSIGN_OR_RETURN(auto hit, conn.Query("SELECT 1 FROM test_rows WHERE batch_id = ? AND "
                                            "row_key = ?",
                                            {b, c.Get(0)}));
      if (!hit.empty()) return std::optional(c.AlreadyImported());
    }
    if (c.Get(1) == "bad" && broken_) return std::optional(c.Reject(1, "尚不能导入"));
    RETURN_IF_ERROR(conn.Exec("INSERT INTO test_rows (batch_id, row_key) VALUES (?, ?)",
                              {batch_.id, c.Get(0)}));
    return std::optional<RowError>();
  }

 private:
  BatchContext batch_;
  const bool& broken_;
};

class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(c->ExecScript("CREATE TABLE test_rows (batch_id BIGINT, row_key TEXT)").ok());
    who_.id = UserId{0};
    who_.username = "county";
    who_.region = *RegionCode::Parse("341302");
  }
  std::string Write(const std::string& name, const std::string& content) {
    auto p = tdb_.dir() / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  Result<ImportReport> Import(const std::string& path, Mode mode) {
    HandlerFactory make = [this](storage::Connection&, const BatchContext& b) {
      return std::unique_ptr<RowHandler>(new KeyHandler(b, broken_));
    };
    return imports::Run({tdb_.db(), audit_, clock_, cipher_}, who_, path, mode,
                        {"sales", "sales.import", kCols}, make, {});
  }
  int64_t Count(const std::string& sql) {
    auto c = tdb_.db().Acquire();
    return c->QueryOne(sql, {}, "count")->Int(0);
  }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  crypto::FieldCipher cipher_ = crypto::FieldCipher::FromKey({});
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  account::Principal who_;
  bool broken_ = true;
};

constexpr char kFile[] = "编号,数值\na,1\nb,2\nc,bad\n";

TEST_F(RunnerTest, PartiallyAcceptedFileCanBeImportedAgainOnceFixed) {
  std::string path = Write("三月.csv", kFile);
  auto first = Import(path, Mode::kValidOnly);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->rows_imported, 2);
  EXPECT_EQ(first->rows_rejected, 1);

  // Unchanged cause: nothing new, the two rows written before are not written again.
  auto again = Import(path, Mode::kValidOnly);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->already_imported);
  EXPECT_EQ(again->rows_already_imported, 2);
  EXPECT_EQ(again->rows_imported, 0);
  EXPECT_EQ(again->rows_rejected, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM test_rows"), 2);

  broken_ = false;  // the cause is fixed
  auto fixed = Import(path, Mode::kValidOnly);
  ASSERT_TRUE(fixed.ok()) << fixed.error().message;
  EXPECT_FALSE(fixed->already_imported);
  EXPECT_EQ(fixed->rows_imported, 1);
  EXPECT_EQ(fixed->rows_already_imported, 2);
  EXPECT_EQ(fixed->rows_rejected, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM test_rows"), 3);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT row_key) FROM test_rows"), 3);

  // Now wholly imported: the file is the idempotence key.
  auto done = Import(path, Mode::kValidOnly);
  ASSERT_TRUE(done.ok());
  EXPECT_TRUE(done->already_imported);
  EXPECT_EQ(done->batch_id, fixed->batch_id);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM test_rows"), 3);
}

TEST_F(RunnerTest, AllOrNothingReimportSkipsTheRowsAlreadyWritten) {
  std::string path = Write("三月.csv", kFile);
  ASSERT_TRUE(Import(path, Mode::kValidOnly).ok());
  auto refused = Import(path, Mode::kAllOrNothing);  // still broken: rolled back, nothing kept
  ASSERT_TRUE(refused.ok());
  EXPECT_TRUE(refused->rolled_back);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM import_batches"), 1);
  broken_ = false;
  auto r = Import(path, Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->rolled_back);
  EXPECT_EQ(r->rows_imported, 1);
  EXPECT_EQ(r->rows_already_imported, 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM test_rows"), 3);
  EXPECT_TRUE(Import(path, Mode::kAllOrNothing)->already_imported);
}

TEST_F(RunnerTest, FullyAcceptedValidOnlyImportIsTheKey) {
  broken_ = false;
  std::string path = Write("三月.csv", kFile);
  ASSERT_EQ(Import(path, Mode::kValidOnly)->rows_imported, 3);
  auto again = Import(Write("副本.csv", kFile), Mode::kAllOrNothing);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_imported);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM test_rows"), 3);
}

TEST_F(RunnerTest, PartialBatchRecordedUnderTheOldRuleIsReKeyed) {
  std::string path = Write("三月.csv", kFile);
  ASSERT_EQ(Import(path, Mode::kValidOnly)->rows_rejected, 1);
  {  // before issue 15 item 9 a partial batch kept the bare hash
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(
        c->Exec("UPDATE import_batches SET file_hash = ?", {*spreadsheet::FileSha256(path)}).ok());
  }
  broken_ = false;
  auto r = Import(path, Mode::kValidOnly);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->already_imported);
  EXPECT_EQ(r->rows_imported, 1);
  EXPECT_EQ(r->rows_already_imported, 2);
  EXPECT_TRUE(Import(path, Mode::kValidOnly)->already_imported);
}

TEST_F(RunnerTest, FileTypeIsCheckedBeforeTheFileHistory) {
  broken_ = false;
  std::string xlsx = (tdb_.dir() / "ok.xlsx").string();
  spreadsheet::Sheet sheet{"数据", {"编号*", "数值*"}, {{"a", "1"}}, {}};
  ASSERT_TRUE(spreadsheet::WriteXlsx(xlsx, sheet).ok());
  ASSERT_EQ(Import(xlsx, Mode::kAllOrNothing)->rows_imported, 1);
  std::string as_csv = (tdb_.dir() / "ok.csv").string();
  std::filesystem::copy_file(xlsx, as_csv);
  auto r = Import(as_csv, Mode::kAllOrNothing);
  ASSERT_FALSE(r.ok()) << "already_imported=" << r->already_imported;
  EXPECT_EQ(r.error().field, "file");
  // The same bytes under their own type are still the imported file.
  std::string copy = (tdb_.dir() / "copy.xlsx").string();
  std::filesystem::copy_file(xlsx, copy);
  EXPECT_TRUE(Import(copy, Mode::kAllOrNothing)->already_imported);
}

TEST_F(RunnerTest, HeaderIsCheckedBeforeTheFileHistory) {
  broken_ = false;
  std::string path = Write("ok.csv", kFile);
  ASSERT_TRUE(Import(path, Mode::kAllOrNothing).ok());
  // The same bytes imported under a template that needs another column are refused.
  HandlerFactory make = [this](storage::Connection&, const BatchContext& b) {
    return std::unique_ptr<RowHandler>(new KeyHandler(b, broken_));
  };
  constexpr Column kOther[] = {{"编号*", true}, {"金额*", true}};
  auto r = imports::Run({tdb_.db(), audit_, clock_, cipher_}, who_, path, Mode::kAllOrNothing,
                        {"sales", "sales.import", kOther}, make, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "file");
}

// ---------------------------------------------------------------- staged imports (item 8)

// Stages accepted keys in memory; Publish writes them with the batch id. Every Row first runs
// `during_rows` (what another user does meanwhile); Publish answers RestartImport() while
// `restarts_left` > 0.
class StagedHandler : public RowHandler {
 public:
  struct Hooks {
    std::function<void()> during_rows;
    int restarts_left = 0;
    int publishes = 0;
  };
  explicit StagedHandler(Hooks& hooks) : hooks_(hooks) {}
  RowOutcome Row(storage::Connection&, const Cells& c) override {
    if (hooks_.during_rows) hooks_.during_rows();
    if (c.Get(1) == "bad") return std::optional(c.Reject(1, "不能导入"));
    keys_.push_back(c.Get(0));
    return std::optional<RowError>();
  }
  Status Publish(storage::Connection& conn, int64_t batch) override {
    ++hooks_.publishes;
    if (hooks_.restarts_left > 0) {
      --hooks_.restarts_left;
      return RestartImport();
    }
    for (const auto& k : keys_)
      RETURN_IF_ERROR(
          conn.Exec("INSERT INTO test_rows (batch_id, row_key) VALUES (?, ?)", {batch, k}));
    return {};
  }

 private:
  Hooks& hooks_;
  std::vector<std::string> keys_;
};

class StagedTest : public RunnerTest {
 protected:
  Result<ImportReport> ImportStaged(const std::string& path, Mode mode,
                                    const ImportOptions& opt = {}) {
    HandlerFactory make = [this](storage::Connection&, const BatchContext&) {
      return std::unique_ptr<RowHandler>(new StagedHandler(hooks_));
    };
    return imports::Run({tdb_.db(), audit_, clock_, cipher_}, who_, path, mode,
                        {"sales", "sales.import", kCols, true}, make, opt);
  }
  StagedHandler::Hooks hooks_;
};

constexpr char kGoodFile[] = "编号,数值\na,1\nb,2\n";

// Before item 8 the whole import was one write transaction: this write waited for it (the
// 10 s busy timeout on SQLite) and failed.
TEST_F(StagedTest, RowsAreCheckedWithoutHoldingTheWriteLock) {
  std::vector<Status> writes;
  std::vector<double> waited_ms;
  hooks_.during_rows = [&] {
    auto other = tdb_.db().Acquire();
    auto t0 = std::chrono::steady_clock::now();
    writes.push_back(storage::InTransaction(*other, storage::TxMode::kWrite, [&]() -> Status {
      auto n = other->Exec("INSERT INTO test_rows (batch_id, row_key) VALUES (0, 'form')");
      if (!n.ok()) return n.take_error();
      return {};
    }));
    waited_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  };
  auto r = ImportStaged(Write("ok.csv", kGoodFile), Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows_imported, 2);
  ASSERT_EQ(writes.size(), 2u);
  for (size_t i = 0; i < writes.size(); ++i) {
    EXPECT_TRUE(writes[i].ok()) << writes[i].error().message;
    EXPECT_LT(waited_ms[i], 2000);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM test_rows WHERE batch_id = 0"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM test_rows WHERE batch_id > 0"), 2);
}

TEST_F(StagedTest, AllOrNothingWithRejectedRowsNeverPublishes) {
  auto r = ImportStaged(Write("bad.csv", kFile), Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->rolled_back);
  EXPECT_EQ(hooks_.publishes, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM import_batches"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM test_rows"), 0);
}

TEST_F(StagedTest, ARestartRunsTheWholeImportAgain) {
  hooks_.restarts_left = 1;
  int restarted = 0;
  ErrorStream stream{[](const RowError&) {}, [&] { ++restarted; }};
  auto r = ImportStaged(Write("ok.csv", kGoodFile), Mode::kAllOrNothing, {&stream});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(restarted, 1);
  EXPECT_EQ(hooks_.publishes, 2);
  EXPECT_EQ(r->rows_imported, 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM import_batches"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM test_rows"), 2);
}

TEST_F(StagedTest, DataThatKeepsChangingIsA503NotAnEndlessImport) {
  hooks_.restarts_left = 100;
  auto r = ImportStaged(Write("ok.csv", kGoodFile), Mode::kAllOrNothing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(r.error().field, "");
  EXPECT_EQ(hooks_.publishes, kMaxRuns);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM import_batches"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM test_rows"), 0);
}

// The same file imported by someone else while this import checked its rows: the history is
// read again in the write transaction, so the file is not imported twice.
TEST_F(StagedTest, SameFileImportedMeanwhileIsAlreadyImported) {
  std::string path = Write("ok.csv", kGoodFile);
  bool nested = false;
  hooks_.during_rows = [&] {
    if (nested) return;
    nested = true;
    auto other = ImportStaged(path, Mode::kAllOrNothing);
    EXPECT_TRUE(other.ok() && other->rows_imported == 2);
  };
  auto r = ImportStaged(path, Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->already_imported);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM import_batches"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM test_rows"), 2);
}

}  // namespace
}  // namespace ruralec::imports

namespace ruralec::imports {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// Issue 26 item 6: an all-or-nothing import that wrote nothing gives back the whole file with a
// reason column; the clerk fixes the bad cell in that workbook and imports the workbook itself.
TEST_F(RunnerTest, ErrorWorkbookOfARolledBackImportIsTheWholeFileToFixInPlace) {
  auto refused = Import(Write("三月.csv", kFile), Mode::kAllOrNothing);
  ASSERT_TRUE(refused.ok());
  ASSERT_TRUE(refused->rolled_back);
  // Stored for download and read back, as the HTTP path does.
  auto id = SaveErrorReport(tdb_.db(), cipher_, who_, 0, "sales", "三月.csv", *refused);
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto conn = tdb_.db().Acquire();
  auto stored = LoadErrorReport(*conn, cipher_, *id, 0);
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  spreadsheet::Sheet sheet = ErrorSheet(stored->report);
  EXPECT_EQ(sheet.headers, (std::vector<std::string>{"错误原因", "原行号", "编号", "数值"}));
  EXPECT_EQ(
      sheet.rows,
      (Rows{{"", "2", "a", "1"}, {"", "3", "b", "2"}, {"数值：尚不能导入", "4", "c", "bad"}}));
  ASSERT_FALSE(sheet.notes.empty());
  EXPECT_NE(sheet.notes[1].find("全部 3 行"), std::string::npos) << sheet.notes[1];

  sheet.rows[2][3] = "3";  // the fix, made in the error workbook
  std::string fixed = (tdb_.dir() / "三月-错误.xlsx").string();
  ASSERT_TRUE(spreadsheet::WriteXlsx(fixed, sheet).ok());
  auto again = Import(fixed, Mode::kAllOrNothing);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->rows_imported, 3);
  EXPECT_EQ(again->rows_rejected, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM test_rows"), 3);
}

TEST_F(RunnerTest, ErrorWorkbookOfAFileWhoseEveryRowFailedIsStillTheWholeFile) {
  auto refused = Import(Write("全错.csv", "编号,数值\nx,bad\ny,bad\n"), Mode::kAllOrNothing);
  ASSERT_TRUE(refused.ok());
  spreadsheet::Sheet sheet = ErrorSheet(*refused);
  EXPECT_EQ(sheet.rows.size(), 2u);
  EXPECT_NE(sheet.notes[1].find("全部 2 行"), std::string::npos) << sheet.notes[1];
}

TEST_F(RunnerTest, ErrorWorkbookOfAValidOnlyImportHoldsOnlyTheRowsNotWritten) {
  auto partly = Import(Write("三月.csv", kFile), Mode::kValidOnly);
  ASSERT_TRUE(partly.ok());
  EXPECT_TRUE(partly->passed.empty());
  spreadsheet::Sheet sheet = ErrorSheet(*partly);
  EXPECT_EQ(sheet.rows, (Rows{{"数值：尚不能导入", "4", "c", "bad"}}));
  EXPECT_NE(sheet.notes[1].find("其余 2 行已导入"), std::string::npos) << sheet.notes[1];
}

TEST_F(RunnerTest, GbkCsvIsImportedAndSaysSo) {
  // 编号,数值 / 甲,1 in GBK, as Excel on Chinese Windows saves "CSV (逗号分隔)".
  auto rep = Import(Write("gbk.csv", "\xB1\xE0\xBA\xC5,\xCA\xFD\xD6\xB5\r\n\xBC\xD7,1\r\n"),
                    Mode::kAllOrNothing);
  ASSERT_TRUE(rep.ok()) << rep.error().message;
  EXPECT_EQ(rep->encoding, "GBK");
  EXPECT_EQ(rep->rows_imported, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM test_rows WHERE row_key = '甲'"), 1);
}

}  // namespace
}  // namespace ruralec::imports
