#include "products/cli/trace_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "products/labels/label_sheet.h"
#include "products/links.h"
#include "products/trace.h"
#include "runtime/cli.h"

namespace ruralec::products::cli {

namespace {

// `trace labels --db F --batch ID --out FILE.pdf [--count N] [--base-url URL]
// [--serial-from S]`: the batch's A4 label sheet; the QR codes hold its Digital Link on the
// county's domain (the setting products.trace_base_url, or --base-url) — with --serial-from,
// each label one item's link (/21/S, S+1, …).
void AddLabels(CLI::App* trace, const runtime::CommandEnv& env) {
  auto* cmd = trace->add_subcommand("labels", "打印批次溯源标签 (A4 PDF) / a batch's label sheet");
  static runtime::Options o;
  static int64_t batch = 0;
  static int count = labels::kPerPage;
  static int64_t serial_from = 0;
  static std::string out, base_url;
  runtime::AddDbOptions(cmd, o);
  cmd->add_option("--batch", batch, "批次编号 / batch id")->required();
  cmd->add_option("--out", out, "输出 PDF 文件 / FILE.pdf")->required();
  cmd->add_option("--count", count, "标签张数（每页 12 张）/ labels (12 a page)");
  cmd->add_option("--base-url", base_url, "二维码网址的域名 / origin of the links (https://host)");
  cmd->add_option("--serial-from", serial_from,
                  "每张标签一个单品序列号，从此号起 / one item serial a label, from this one");
  cmd->callback([&env] {
    auto ctx = runtime::OpenOrFail(env, o);
    auto conn = ctx->db().Acquire();
    auto b = trace::BatchWithGtin(*conn, batch);
    if (!b.ok()) runtime::Fail(b.error());
    std::string base = base_url;
    if (!base.empty()) {
      auto checked = settings::CheckValue(trace::BaseUrlParam(), base);
      if (!checked.ok()) runtime::Fail(Error::Invalid("base_url", checked.error().message));
      base = *checked;
    } else {
      auto set = trace::CountyBaseUrl(*conn, b->county_code);
      if (!set.ok()) runtime::Fail(set.error());
      base = *set;
    }
    if (base.empty())
      runtime::Fail(
          Error::Invalid("base_url", "请在参数设置中填写本县的溯源码域名，或用 --base-url 指定"));
    auto text = trace::LabelTextOf(*conn, *b);
    if (!text.ok()) runtime::Fail(text.error());
    std::string link = trace::DigitalLink(base, *b);
    labels::Sheet sheet{text->title, {link, text->lines}, count, {}};
    if (serial_from != 0) {
      auto items = trace::SerialLabels(base, *b, *text, serial_from, count);
      if (!items.ok()) runtime::Fail(items.error());
      for (auto& l : *items) sheet.each.push_back({l.link, l.lines});
      if (!sheet.each.empty()) link = sheet.each.front().uri + " …";
    }
    auto pdf = labels::SheetPdf(sheet);
    if (!pdf.ok()) runtime::Fail(pdf.error());
    std::ofstream file(out, std::ios::binary);
    file << *pdf;
    if (!file.good()) runtime::Fail(Error::Invalid("out", "无法写入 " + out));
    std::cout << "wrote " << out << ": " << count << " labels, " << link << "\n";
  });
}

}  // namespace

void AddTraceCommand(CLI::App& app, const runtime::CommandEnv& env) {
  auto* trace = app.add_subcommand("trace", "溯源 / traceability");
  trace->require_subcommand(1);
  AddLabels(trace, env);
  auto* verify = trace->add_subcommand("verify", "校验溯源事件链 / verify the trace event chains");
  static runtime::Options o;
  static int64_t batch = 0;
  runtime::AddDbOptions(verify, o);
  verify->add_option("--batch", batch, "只校验这个批次 / one batch only");
  verify->callback([&env] {
    // The chain is keyed from the key file: a missing file must not be created afresh here.
    std::string key = o.key_file.empty() ? o.db + ".key" : o.key_file;
    if (!std::filesystem::exists(key))
      runtime::Fail(
          Error::Invalid("key_file", "密钥文件不存在（校验溯源事件链需要记录时的密钥）: " + key));
    auto mac = crypto::RecordMac::FromKeyFile(key);
    if (!mac.ok()) runtime::Fail(mac.error());
    auto ctx = runtime::OpenOrFail(env, o);
    auto conn = ctx->db().Acquire();
    auto rep = trace::Verify(*conn, *mac, batch > 0 ? std::optional<int64_t>(batch) : std::nullopt);
    if (!rep.ok()) runtime::Fail(rep.error());
    if (rep->ok) {
      std::cout << "ok: " << rep->batches << " batches, " << rep->events << " events verified\n";
      return;
    }
    std::cout << "VIOLATION: " << rep->violation << "\n";
    runtime::Exit(runtime::kExitRefused);
  });
}

}  // namespace ruralec::products::cli
