#include <signal.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <thread>

#include "app/app_context.h"
#include "app/commands.h"
#include "app/routes.h"
#include "calendar/cli/calendar_command.h"
#include "runtime/cli.h"

namespace ruralec::app {
namespace {

Result<std::pair<std::string, int>> ParseListen(const std::string& listen) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos) return Error::Invalid("listen", "应为 HOST:PORT");
  try {
    int port = std::stoi(listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    return std::pair(listen.substr(0, colon), port);
  } catch (...) {
    return Error::Invalid("listen", "端口无效: " + listen);
  }
}

// Blocks SIGTERM/SIGINT in every thread and stops the server from a dedicated waiter, so the
// shutdown runs outside signal context and in-flight requests finish.
std::thread StartSignalWaiter(http::Server& server, sigset_t set) {
  return std::thread([&server, set] {
    int sig = 0;
    sigwait(&set, &sig);
    if (sig == SIGUSR1) return;  // the server stopped on its own
    spdlog::info("signal {} received: finishing in-flight requests and stopping", sig);
    server.Stop();
  });
}

// Limits of the HTTP edge (docs/ARCHITECTURE.md "HTTP edge"); the defaults suit production.
void AddEdgeOptions(CLI::App& serve, http::ServerConfig& config) {
  serve.add_option("--queue-size", config.queue_size, "等待工作线程的连接上限（超出答503）")
      ->capture_default_str();
  serve
      .add_option("--max-connections-per-ip", config.max_connections_per_ip,
                  "每个客户端地址的连接上限（0=不限）")
      ->capture_default_str();
  serve
      .add_option("--max-workers-per-ip", config.max_workers_per_ip,
                  "每个客户端地址同时处理的请求上限（0=不限）")
      ->capture_default_str();
  serve.add_option("--header-timeout-ms", config.header_timeout_ms, "请求行和请求头的总时限")
      ->capture_default_str();
  serve.add_option("--keep-alive-timeout-ms", config.keep_alive_timeout_ms, "空闲连接保持时间")
      ->capture_default_str();
  serve.add_option("--read-timeout-ms", config.read_timeout_ms, "请求体最长静默时间")
      ->capture_default_str();
  serve.add_option("--body-timeout-ms", config.body_timeout_ms, "请求体的总时限")
      ->capture_default_str();
  serve.add_option("--write-timeout-ms", config.write_timeout_ms, "响应发送最长停顿时间")
      ->capture_default_str();
  serve.add_option("--max-body-bytes", config.max_body_bytes, "请求体上限（字节）")
      ->capture_default_str();
}

// Loads the calendar on first start so deadlines work without an extra step.
void EnsureReferenceData(AppContext& ctx) {
  auto added = calendar::ImportCalendar(ctx);
  if (!added.ok())
    spdlog::warn("calendar reference data not loaded: {}", added.error().message);
  else if (*added > 0)
    spdlog::info("loaded {} calendar years from chinese-days", *added);
}

}  // namespace

void AddServeCommand(CLI::App& app) {
  auto* serve = app.add_subcommand("serve", "启动服务 / serve the platform");
  static AppOptions o;
  static http::ServerConfig config;
  static std::string listen = "127.0.0.1:8080";
  serve->add_option("--db", o.db, "数据库文件或 postgresql:// 地址")->required();
  serve->add_option("--listen", listen, "HOST:PORT（端口0表示任选空闲端口）");
  serve->add_option("--key-file", o.key_file, "字段加密密钥文件（默认 <db>.key）");
  serve->add_option("--web", config.web_dir, "Web控制台静态文件目录");
  serve->add_option("--threads", config.threads, "工作线程数");
  serve->add_flag("--secure-cookies", config.secure_cookies,
                  "会话Cookie加Secure（TLS反向代理之后）");
  serve->add_flag("--trust-forwarded-for", config.trust_forwarded_for,
                  "从X-Forwarded-For取客户端IP");
  AddEdgeOptions(*serve, config);
  serve->callback([] {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    auto hp = ParseListen(listen);
    if (!hp.ok()) runtime::Fail(hp.error());
    o.pool_size = std::min(config.threads + 2, 16);  // requests wait for a connection
    static SystemClock clock;  // outlives the context (a leak under LeakSanitizer before)
    auto ctx = Open(o, clock);
    if (!ctx.ok()) runtime::Fail(ctx.error());
    EnsureReferenceData(**ctx);
    auto server = BuildServer(**ctx, config);
    auto port = server->Bind(hp->first, hp->second);
    if (!port.ok()) runtime::Fail(port.error());
    std::cout << "ruralec listening on http://" << hp->first << ":" << *port << std::endl;
    std::thread waiter = StartSignalWaiter(*server, set);
    server->Run();
    pthread_kill(waiter.native_handle(), SIGUSR1);
    waiter.join();
    spdlog::info("stopped");
  });
}

}  // namespace ruralec::app
