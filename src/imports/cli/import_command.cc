#include "imports/cli/import_command.h"

#include <deque>
#include <iostream>
#include <memory>

#include "runtime/cli.h"

namespace ruralec::imports::cli {
namespace {

struct ImportArgs {
  runtime::Options o;
  const runtime::CommandEnv* env = nullptr;
  std::string as, mode, errors, path;
  ImportFn run;
};

SystemClock& Clock() {
  static SystemClock clock;
  return clock;
}

std::string DefaultErrorsPath(const std::string& path) {
  size_t dot = path.find_last_of('.');
  size_t slash = path.find_last_of('/');
  std::string stem = dot == std::string::npos || (slash != std::string::npos && dot < slash)
                         ? path
                         : path.substr(0, dot);
  return stem + ".errors.xlsx";
}

// Streams every rejected row into the xlsx error workbook as it is found (opened at the first
// one), so the list is complete however many rows fail and memory stays flat.
class StreamedErrors {
 public:
  explicit StreamedErrors(std::string path) : path_(std::move(path)) {
    stream_.add = [this](const RowError& e) {
      if (!failed_.ok()) return;
      if (!writer_) {
        writer_ = std::make_unique<spreadsheet::XlsxStreamWriter>();
        failed_ = writer_->Open(path_, "导入错误", {"行号", "列", "原因"});
      }
      if (failed_.ok()) failed_ = writer_->Add({std::to_string(e.row), e.column, e.reason});
    };
    stream_.restart = [this] { writer_.reset(); };  // discards the partial file
  }
  ErrorStream* stream() { return &stream_; }
  Status Close() {
    if (!failed_.ok()) return failed_;
    if (!writer_) return spreadsheet::WriteXlsx(path_, ErrorListSheet(ImportReport{}));
    return writer_->Close();
  }

 private:
  std::string path_;
  ErrorStream stream_;
  std::unique_ptr<spreadsheet::XlsxStreamWriter> writer_;
  Status failed_;
};

void Report(const ImportReport& r, const ImportArgs& a, StreamedErrors* streamed) {
  if (r.already_imported) {
    std::cout << "该文件已导入（批次 " << r.batch_id << "），未新增数据\n";
    return;
  }
  if (!r.sheet.empty()) std::cout << "sheet " << r.sheet << ": ";
  std::cout << "rows " << r.rows_total << ", imported " << r.rows_imported << ", rejected "
            << r.rows_rejected
            << (r.rows_already_imported ? ", already imported by an earlier run of this file " +
                                              std::to_string(r.rows_already_imported)
                                        : "")
            << (r.rolled_back ? " (all-or-nothing: nothing written)" : "")
            << (r.batch_id ? ", batch " + std::to_string(r.batch_id) : "") << "\n";
  if (r.rows_rejected == 0) return;
  std::string out = a.errors.empty() ? DefaultErrorsPath(a.path) : a.errors;
  Status st = streamed ? streamed->Close() : spreadsheet::WriteCsv(out, ErrorListSheet(r));
  if (!st.ok()) runtime::Fail(st.error());
  std::cerr << "有 " << r.rows_rejected << " 行未通过校验，错误清单: " << out << "\n";
  throw CLI::RuntimeError(2);
}

void RunImport(const ImportArgs& a) {
  auto mode = ParseMode(a.mode);
  if (!mode.ok()) runtime::Fail(mode.error());
  auto ctx = a.env->open(a.o);
  if (!ctx.ok()) runtime::Fail(ctx.error());
  Result<account::Principal> who = Error::Internal("");
  {
    auto conn = (*ctx)->db().Acquire();
    who = account::PrincipalFor(*conn, a.as);
  }
  if (!who.ok()) runtime::Fail(who.error());
  ImportContext ic{(*ctx)->db(), (*ctx)->audit(), (*ctx)->clock(), (*ctx)->cipher()};
  std::string out = a.errors.empty() ? DefaultErrorsPath(a.path) : a.errors;
  std::unique_ptr<StreamedErrors> streamed;  // xlsx: every error; csv: the report's first 100,000
  if (!out.ends_with(".csv")) streamed = std::make_unique<StreamedErrors>(out);
  ImportOptions opt{streamed ? streamed->stream() : nullptr};
  auto r = a.run(ic, *who, a.path, *mode, opt);
  if (!r.ok()) runtime::Fail(r.error());
  Report(*r, a, streamed.get());
}

void AddImport(CLI::App* group, ImportArgs& a, const std::string& description) {
  auto* imp = group->add_subcommand("import", description);
  imp->add_option("--db", a.o.db, "数据库文件或 postgresql:// 地址")->required();
  imp->add_option("--key-file", a.o.key_file, "字段加密密钥文件");
  imp->add_option("--as", a.as, "以该用户身份导入（检查权限与管辖范围）")->required();
  imp->add_option("--mode", a.mode, "all-or-nothing（默认）或 valid-only");
  imp->add_option("--errors", a.errors, "错误清单输出文件（.xlsx 或 .csv）");
  imp->add_option("path", a.path, "PATH.csv")->required();
  imp->callback([&a] { RunImport(a); });
}

void AddTemplate(CLI::App* group, std::string& out,
                 const std::function<spreadsheet::Sheet()>& tmpl) {
  auto* t = group->add_subcommand("template", "生成导入模板 / write the import template");
  t->add_option("--out", out, "FILE.xlsx")->required();
  t->callback([&out, tmpl] {
    auto sheet = tmpl();
    Status st = out.ends_with(".csv") ? spreadsheet::WriteCsv(out, sheet)
                                      : spreadsheet::WriteXlsx(out, sheet);
    if (!st.ok()) runtime::Fail(st.error());
    std::cout << "wrote " << out << "\n";
  });
}

}  // namespace

void AddImportCommands(CLI::App* group, const runtime::CommandEnv& env, std::string description,
                       ImportFn run, std::function<spreadsheet::Sheet()> tmpl) {
  static std::deque<ImportArgs> args;  // CLI11 binds the options by reference
  static std::deque<std::string> outs;
  ImportArgs& a = args.emplace_back();
  a.env = &env;
  a.run = std::move(run);
  AddImport(group, a, description);
  AddTemplate(group, outs.emplace_back(), tmpl);
}

void AddTemplateCommand(CLI::App* group, std::function<spreadsheet::Sheet()> tmpl) {
  static std::deque<std::string> outs;
  AddTemplate(group, outs.emplace_back(), tmpl);
}

}  // namespace ruralec::imports::cli
