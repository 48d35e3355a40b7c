// Raw-socket tests of the HTTP edge (issue 15 items 1, 2, 8, 15): a real Server on a free port,
// clients speaking TCP byte by byte from distinct loopback addresses 127.0.0.2.., which count
// as remote clients for the per-address limits (127.0.0.1 is exempt, like a local proxy). Limits
// and timeouts are set small so the suite stays fast; the bounds checked are generous ("answers at
// all"), not speed targets.
#include "http/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "crypto/crypto.h"
#include "http/cache.h"
#include "storage/testing.h"

namespace ruralec::http {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// A client socket from `from` (a 127.0.0.x address) to the server.
class Client {
 public:
  Client(int port, const std::string& from) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in src{};
    src.sin_family = AF_INET;
    inet_pton(AF_INET, from.c_str(), &src.sin_addr);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&src), sizeof src);
    sockaddr_in dst{};
    dst.sin_family = AF_INET;
    dst.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &dst.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&dst), sizeof dst) == 0;
  }
  ~Client() { ::close(fd_); }
  bool connected() const { return connected_; }
  bool Send(const std::string& s) {
    size_t done = 0;
    while (done < s.size()) {
      ssize_t n = ::send(fd_, s.data() + done, s.size() - done, MSG_NOSIGNAL);
      if (n <= 0) return false;
      done += static_cast<size_t>(n);
    }
    return true;
  }
  // Everything received until the server closes, a full response arrives, or `wait` passes.
  std::string Read(milliseconds wait = milliseconds(3000)) {
    auto until = Clock::now() + wait;
    std::string got;
    while (!Complete(got)) {
      auto left = std::chrono::duration_cast<milliseconds>(until - Clock::now()).count();
      pollfd p{fd_, POLLIN, 0};
      if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) break;
      char buf[4096];
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      got.append(buf, static_cast<size_t>(n));
    }
    return got;
  }
  // True when the server has closed the connection within `wait` (data before EOF ignored).
  bool ClosedWithin(milliseconds wait) {
    auto until = Clock::now() + wait;
    for (;;) {
      auto left = std::chrono::duration_cast<milliseconds>(until - Clock::now()).count();
      pollfd p{fd_, POLLIN, 0};
      if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) return false;
      char buf[4096];
      if (::recv(fd_, buf, sizeof buf, 0) <= 0) return true;
    }
  }

 private:
  static bool Complete(const std::string& r) {
    size_t end = r.find("\r\n\r\n");
    if (end == std::string::npos) return false;
    size_t cl = r.find("Content-Length: ");
    if (cl == std::string::npos || cl > end) return false;
    return r.size() >= end + 4 + std::stoul(r.substr(cl + 16));
  }
  int fd_ = -1;
  bool connected_ = false;
};

int StatusOf(const std::string& response) {
  if (response.rfind("HTTP/1.1 ", 0) != 0) return -1;
  return std::stoi(response.substr(9, 3));
}

std::string Get(const std::string& path) { return "GET " + path + " HTTP/1.1\r\nHost: t\r\n\r\n"; }

// Collects what spdlog writes while it lives. The server's threads log through spdlog's default
// logger, so a capture must outlive the server: EdgeTest owns it and stops the server first.
class LogCapture {
 public:
  LogCapture() : previous_(spdlog::default_logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out_);
    sink->set_pattern("%v");
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("capture", sink));
    spdlog::set_level(spdlog::level::info);
  }
  ~LogCapture() { spdlog::set_default_logger(previous_); }
  // The log once it contains `text` (the access line is written after the response).
  std::string WaitFor(const std::string& text) {
    for (int i = 0; i < 100; ++i) {
      spdlog::default_logger()->flush();
      std::string s = out_.str();
      if (s.find(text) != std::string::npos) return s;
      std::this_thread::sleep_for(milliseconds(20));
    }
    return out_.str();
  }

 private:
  std::shared_ptr<spdlog::logger> previous_;
  std::ostringstream out_;
};

class EdgeTest : public ::testing::Test {
 protected:
  EdgeTest()
      : cipher_(crypto::FieldCipher::FromKey({})),
        audit_(clock_, crypto::RecordMac::FromKey({})),
        accounts_(tdb_.db(), clock_, cipher_, audit_) {
    config_.web_dir = "";
    config_.threads = 4;
    config_.queue_size = 16;
    config_.max_connections_per_ip = 6;
    config_.max_workers_per_ip = 2;
    config_.max_body_bytes = 1024;
    config_.header_timeout_ms = 300;
    config_.keep_alive_timeout_ms = 300;
    config_.read_timeout_ms = 300;
    config_.body_timeout_ms = 600;
    config_.write_timeout_ms = 1000;
    spdlog::set_level(spdlog::level::warn);
  }
  ~EdgeTest() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    log_.reset();  // only now: a server thread may still be writing its access line
  }
  LogCapture& CaptureLog() {
    log_ = std::make_unique<LogCapture>();
    return *log_;
  }

  void Start() {
    server_ = std::make_unique<Server>(config_, accounts_, audit_, tdb_.db());
    Route open{.auth = false};
    server_->Post("/echo", open, [](Request& req, Reply&) -> Result<Json> {
      ASSIGN_OR_RETURN(Json body, req.Body());
      return Json{{"got", body}};
    });
    server_->Get("/slow", open, [](Request&, Reply&) -> Result<Json> {
      std::this_thread::sleep_for(milliseconds(800));
      return Json{{"slow", true}};
    });
    server_->Get("/internal", open, [](Request&, Reply&) -> Result<Json> {
      return Error{ErrorCode::kInternal, "no such table: secret_table", "", ""};
    });
    server_->Post("/race", open, [](Request&, Reply&) -> Result<Json> {
      // What PostgreSQL's storage answers once a transaction lost every serialization retry.
      return Error{ErrorCode::kRetry, "并发冲突，请重试", "",
                   "ERROR: could not serialize access due to read/write dependencies"};
    });
    server_->Get("/private", Route{}, [](Request&, Reply&) -> Result<Json> { return Json{}; });
    server_->Get("/cached", open, [](Request& req, Reply& reply) -> Result<Json> {
      return Cacheable(req, reply, Json{{"page", "溯源"}}, 60);
    });
    server_->Post("/write", open, [this](Request&, Reply&) -> Result<Json> {
      auto conn = tdb_.db().Acquire();
      RETURN_IF_ERROR(conn->ExecScript("PRAGMA busy_timeout = 100"));
      RETURN_IF_ERROR(
          storage::InTransaction(*conn, storage::TxMode::kWrite, []() -> Status { return {}; }));
      return Json{{"written", true}};
    });
    auto port = server_->Bind("127.0.0.1", 0);
    ASSERT_TRUE(port.ok());
    port_ = *port;
    thread_ = std::thread([this] { server_->Run(); });
  }

  // Status of GET /healthz from `from`, or -1 when it does not answer within `wait`.
  int Healthz(const std::string& from, milliseconds wait = milliseconds(3000)) {
    Client c(port_, from);
    if (!c.connected() || !c.Send(Get("/healthz"))) return -1;
    return StatusOf(c.Read(wait));
  }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  crypto::FieldCipher cipher_;
  audit::AuditLog audit_;
  account::Accounts accounts_;
  ServerConfig config_;
  std::unique_ptr<LogCapture> log_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

// ---------------------------------------------------------------- item 1: body limits

std::string Chunked(const std::string& body, size_t chunk) {
  std::string out;
  for (size_t i = 0; i < body.size(); i += chunk) {
    std::string part = body.substr(i, chunk);
    std::ostringstream size;
    size << std::hex << part.size();
    out += size.str() + "\r\n" + part + "\r\n";
  }
  return out + "0\r\n\r\n";
}

std::string PostChunked(const std::string& path) {
  return "POST " + path +
         " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
         "Transfer-Encoding: chunked\r\n\r\n";
}

TEST_F(EdgeTest, ChunkedBodyOverTheLimitIs413) {
  Start();
  Client c(port_, "127.0.0.2");
  std::string huge = "{\"x\":\"" + std::string(256 << 10, 'a') + "\"}";
  c.Send(PostChunked("/api/v1/echo") + Chunked(huge, 4096));  // may fail: the server stops reading
  std::string r = c.Read();
  EXPECT_EQ(StatusOf(r), 413) << r.substr(0, 200);
  EXPECT_NE(r.find("\"code\":\"payload_too_large\""), std::string::npos) << r.substr(0, 300);
  EXPECT_EQ(Healthz("127.0.0.9"), 200);
}

TEST_F(EdgeTest, ChunkedBodyWithinTheLimitIsRead) {
  Start();
  Client c(port_, "127.0.0.2");
  ASSERT_TRUE(c.Send(PostChunked("/api/v1/echo") + Chunked("{\"name\":\"农户\"}", 5)));
  std::string r = c.Read();
  EXPECT_EQ(StatusOf(r), 200) << r;
  EXPECT_NE(r.find("农户"), std::string::npos) << r;
}

TEST_F(EdgeTest, OversizeContentLengthIs413BeforeTheBodyArrives) {
  Start();
  Client c(port_, "127.0.0.2");
  ASSERT_TRUE(
      c.Send("POST /api/v1/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 314572800\r\n\r\n{\"x\":"));
  std::string r = c.Read();
  EXPECT_EQ(StatusOf(r), 413) << r;
  EXPECT_NE(r.find("payload_too_large"), std::string::npos) << r;
}

TEST_F(EdgeTest, CompressedRequestBodiesAreRefused) {
  Start();
  Client c(port_, "127.0.0.2");
  ASSERT_TRUE(
      c.Send("POST /api/v1/echo HTTP/1.1\r\nHost: t\r\nContent-Encoding: gzip\r\n"
             "Content-Length: 4\r\n\r\nabcd"));
  std::string r = c.Read();
  EXPECT_EQ(StatusOf(r), 400) << r;
  EXPECT_NE(r.find("\"field\":\"body\""), std::string::npos) << r;
}

// ---------------------------------------------------------------- item 2: slow and idle clients

// Sends one header byte every `gap` until told to stop or the server closes.
class Trickler {
 public:
  Trickler(int port, const std::string& from, milliseconds gap)
      : client_(port, from), thread_([this, gap] {
          std::string req = "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow: ";
          for (size_t i = 0; !stop_; ++i) {
            if (!client_.Send(std::string(1, i < req.size() ? req[i] : 'a'))) break;
            std::this_thread::sleep_for(gap);
          }
        }) {}
  ~Trickler() {
    stop_ = true;
    thread_.join();
  }
  Client& client() { return client_; }

 private:
  Client client_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

TEST_F(EdgeTest, TricklingAndIdleConnectionsDoNotStopHealthz) {
  config_.header_timeout_ms = 5000;  // the tricklers stay in their header phase throughout
  Start();
  std::vector<std::unique_ptr<Trickler>> tricklers;
  std::vector<std::unique_ptr<Client>> idle;
  for (int i = 0; i < 6; ++i) {
    tricklers.push_back(std::make_unique<Trickler>(port_, "127.0.0.2", milliseconds(50)));
    idle.push_back(std::make_unique<Client>(port_, "127.0.0.3"));
  }
  std::this_thread::sleep_for(milliseconds(200));
  EXPECT_EQ(Healthz("127.0.0.9"), 200);
}

TEST_F(EdgeTest, HeadersMustArriveWithinTheHeaderDeadline) {
  Start();
  Trickler t(port_, "127.0.0.2", milliseconds(50));
  // 300 ms allowed; the trickler would go on for ever.
  EXPECT_TRUE(t.client().ClosedWithin(milliseconds(3000)));
}

TEST_F(EdgeTest, IdleKeepAliveConnectionsHoldNoWorker) {
  config_.threads = 2;
  config_.keep_alive_timeout_ms = 5000;
  Start();
  std::vector<std::unique_ptr<Client>> idle;
  for (const char* from : {"127.0.0.2", "127.0.0.3"}) {
    for (int i = 0; i < 4; ++i) {  // each has finished one request and keeps the connection
      idle.push_back(std::make_unique<Client>(port_, from));
      ASSERT_TRUE(idle.back()->Send(Get("/healthz")));
      ASSERT_EQ(StatusOf(idle.back()->Read()), 200);
    }
  }
  EXPECT_EQ(Healthz("127.0.0.9", milliseconds(2000)), 200);
}

TEST_F(EdgeTest, IdleConnectionsAreClosedAfterTheKeepAliveTimeout) {
  Start();
  Client c(port_, "127.0.0.2");
  ASSERT_TRUE(c.Send(Get("/healthz")));
  ASSERT_EQ(StatusOf(c.Read()), 200);
  EXPECT_TRUE(c.ClosedWithin(milliseconds(3000)));
}

TEST_F(EdgeTest, ShortBodyDoesNotHoldAWorker) {
  Start();
  Client c(port_, "127.0.0.2");
  ASSERT_TRUE(c.Send("POST /api/v1/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 500\r\n\r\n{\"a\""));
  std::string r = c.Read(milliseconds(3000));
  EXPECT_EQ(StatusOf(r), 408) << r;
}

TEST_F(EdgeTest, ConnectionsPerAddressAreCapped) {
  config_.keep_alive_timeout_ms = 3000;
  Start();
  std::vector<std::unique_ptr<Client>> open;
  for (int i = 0; i < config_.max_connections_per_ip; ++i)
    open.push_back(std::make_unique<Client>(port_, "127.0.0.4"));
  Client extra(port_, "127.0.0.4");
  std::string r = extra.Read();
  EXPECT_EQ(StatusOf(r), 503) << r;
  EXPECT_NE(r.find("Retry-After: "), std::string::npos) << r;
  EXPECT_NE(r.find("\"code\":\"unavailable\""), std::string::npos) << r;
  EXPECT_EQ(Healthz("127.0.0.5"), 200);  // other addresses are served
}

TEST_F(EdgeTest, FullQueueAnswers503) {
  config_.threads = 1;
  config_.queue_size = 1;
  Start();
  Client busy(port_, "127.0.0.2");
  ASSERT_TRUE(busy.Send(Get("/api/v1/slow")));  // holds the only worker 800 ms
  std::this_thread::sleep_for(milliseconds(150));
  Client queued(port_, "127.0.0.3");
  ASSERT_TRUE(queued.Send(Get("/healthz")));  // waits in the queue
  std::this_thread::sleep_for(milliseconds(150));
  Client refused(port_, "127.0.0.4");
  ASSERT_TRUE(refused.Send(Get("/healthz")));
  std::string r = refused.Read(milliseconds(500));
  EXPECT_EQ(StatusOf(r), 503) << r;
  EXPECT_EQ(StatusOf(busy.Read()), 200);
  EXPECT_EQ(StatusOf(queued.Read()), 200);
}

// ---------------------------------------------------------------- item 8: storage errors

TEST_F(EdgeTest, BusyDatabaseIs503WithRetryAfterAndNoDatabaseText) {
  Start();
  auto holder = tdb_.db().Acquire();
  ASSERT_TRUE(holder->Begin(storage::TxMode::kWrite).ok());  // holds the write lock
  Client c(port_, "127.0.0.2");
  ASSERT_TRUE(c.Send("POST /api/v1/write HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\n{}"));
  std::string r = c.Read();
  ASSERT_TRUE(holder->Rollback().ok());
  EXPECT_EQ(StatusOf(r), 503) << r;
  EXPECT_NE(r.find("Retry-After: "), std::string::npos) << r;
  for (const char* leak : {"locked", "BEGIN", "SQL", "sqlite", "database is"})
    EXPECT_EQ(r.find(leak), std::string::npos) << leak << " in " << r;
}

// A cacheable answer carries its ETag and max-age (not no-store), and the same ETag sent back
// is 304 with no body; every other API answer stays no-store.
// A refused session cookie is cleared; a request that sent none gets no clearing header: a
// page's request still in flight while the same browser signs in would otherwise arrive after
// the sign-in's cookie and drop the new session (the e2e lost its admin session this way).
TEST_F(EdgeTest, OnlyARefusedSessionCookieIsCleared) {
  Start();
  Client none(port_, "127.0.0.1");
  ASSERT_TRUE(none.Send(Get("/api/v1/private")));
  std::string r = none.Read();
  EXPECT_EQ(StatusOf(r), 401);
  EXPECT_EQ(r.find("Set-Cookie"), std::string::npos) << r;
  Client stale(port_, "127.0.0.1");
  ASSERT_TRUE(stale.Send(
      "GET /api/v1/private HTTP/1.1\r\nHost: t\r\nCookie: ruralec_session=stale\r\n\r\n"));
  r = stale.Read();
  EXPECT_EQ(StatusOf(r), 401);
  EXPECT_NE(r.find("Set-Cookie: ruralec_session=; Path=/"), std::string::npos) << r;
  EXPECT_NE(r.find("Max-Age=0"), std::string::npos) << r;
}

TEST_F(EdgeTest, ACacheableAnswerIs304WhenTheClientHoldsIt) {
  Start();
  Client c(port_, "127.0.0.2");
  ASSERT_TRUE(c.Send(Get("/api/v1/cached")));
  std::string r = c.Read();
  EXPECT_EQ(StatusOf(r), 200) << r;
  EXPECT_NE(r.find("Cache-Control: public, max-age=60"), std::string::npos) << r;
  EXPECT_EQ(r.find("no-store"), std::string::npos) << r;
  size_t at = r.find("ETag: ");
  ASSERT_NE(at, std::string::npos) << r;
  std::string etag = r.substr(at + 6, r.find("\r\n", at) - at - 6);
  ASSERT_TRUE(c.Send("GET /api/v1/cached HTTP/1.1\r\nHost: t\r\nIf-None-Match: W/\"x\", " + etag +
                     "\r\n\r\n"));
  r = c.Read();
  EXPECT_EQ(StatusOf(r), 304) << r;
  EXPECT_EQ(r.find("溯源"), std::string::npos) << r;
  ASSERT_TRUE(c.Send("GET /api/v1/cached HTTP/1.1\r\nHost: t\r\nIf-None-Match: \"other\"\r\n\r\n"));
  EXPECT_EQ(StatusOf(c.Read()), 200);
  Client d(port_, "127.0.0.2");
  ASSERT_TRUE(d.Send(Get("/api/v1/internal")));
  EXPECT_NE(d.Read().find("Cache-Control: no-store"), std::string::npos);
}

// A serialization race lost on every retry is as transient as a busy database: 503 with
// Retry-After (it was 409 `conflict`, which tells a client its data is wrong).
TEST_F(EdgeTest, LostSerializationRaceIs503WithRetryAfter) {
  Start();
  Client c(port_, "127.0.0.2");
  ASSERT_TRUE(c.Send("POST /api/v1/race HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\n{}"));
  std::string r = c.Read();
  EXPECT_EQ(StatusOf(r), 503) << r;
  EXPECT_NE(r.find("Retry-After: "), std::string::npos) << r;
  EXPECT_EQ(r.find("serialize"), std::string::npos) << r;
}

TEST_F(EdgeTest, InternalErrorsKeepTheirTextInTheLog) {
  LogCapture& log = CaptureLog();
  Start();
  Client c(port_, "127.0.0.2");
  ASSERT_TRUE(c.Send(Get("/api/v1/internal")));
  std::string r = c.Read();
  EXPECT_EQ(StatusOf(r), 500) << r;
  EXPECT_EQ(r.find("secret_table"), std::string::npos) << r;
  size_t id = r.find("X-Request-Id: ");
  ASSERT_NE(id, std::string::npos);
  std::string request_id = r.substr(id + 14, r.find("\r\n", id) - id - 14);
  EXPECT_NE(r.find(request_id, r.find("\r\n\r\n")), std::string::npos) << "id in the message";
  std::string logged = log.WaitFor("secret_table");
  EXPECT_NE(logged.find(request_id + " GET /api/v1/internal internal: no such table: secret_table"),
            std::string::npos)
      << logged;
}

// ---------------------------------------------------------------- item 15: log injection

TEST_F(EdgeTest, AccessLogEscapesControlCharacters) {
  LogCapture& log = CaptureLog();
  Start();
  Client c(port_, "127.0.0.2");
  ASSERT_TRUE(c.Send(Get("/x%0d%0a2026-01-01%20FORGED%20line%1b[31m")));
  EXPECT_EQ(StatusOf(c.Read()), 404);
  std::string logged = log.WaitFor("FORGED");
  EXPECT_NE(logged.find("/x\\x0d\\x0a2026-01-01 FORGED line\\x1b[31m 404"), std::string::npos)
      << logged;
  EXPECT_EQ(logged.find("\nFORGED"), std::string::npos);
  EXPECT_EQ(logged.find('\r'), std::string::npos);
  EXPECT_EQ(logged.find('\x1b'), std::string::npos);
}

// ---------------------------------------------------------------- web console files (issue 26)

std::string GetWith(const std::string& path, const std::string& accept) {
  return "GET " + path + " HTTP/1.1\r\nHost: t\r\nAccept-Encoding: " + accept + "\r\n\r\n";
}

std::string BodyOf(const std::string& response) {
  size_t end = response.find("\r\n\r\n");
  return end == std::string::npos ? "" : response.substr(end + 4);
}

TEST_F(EdgeTest, WebFilesGoOutAsStoredAndAreNeverCompressedAgain) {
  namespace fs = std::filesystem;
  fs::path web = fs::temp_directory_path() / ("ruralec-web-" + std::to_string(::getpid()));
  fs::create_directories(web / "assets");
  std::ofstream(web / "index.html") << "<html>console</html>";
  std::ofstream(web / "assets" / "app-1.js") << std::string(20000, 'a');
  std::ofstream(web / "assets" / "app-1.js.br") << "STORED-BROTLI";
  std::ofstream(web / "assets" / "style-1.css") << std::string(20000, 'b');
  config_.web_dir = web.string();
  Start();
  struct Case {
    std::string path, accept;
    int status;
    std::string encoding_header, body;
  } cases[] = {
      {"/assets/app-1.js", "gzip, br", 200, "Content-Encoding: br", "STORED-BROTLI"},
      {"/assets/app-1.js", "identity", 200, "", std::string(20000, 'a')},
      // no stored copy: sent plain, the library must not compress it on the fly
      {"/assets/style-1.css", "gzip, br", 200, "", std::string(20000, 'b')},
      {"/programmes/3", "gzip, br", 200, "", "<html>console</html>"},
  };
  for (const auto& c : cases) {
    Client client(port_, "127.0.0.2");
    ASSERT_TRUE(client.Send(GetWith(c.path, c.accept)));
    std::string r = client.Read();
    EXPECT_EQ(StatusOf(r), c.status) << c.path;
    EXPECT_EQ(BodyOf(r), c.body) << c.path << " " << c.accept;
    if (c.encoding_header.empty())
      EXPECT_EQ(r.find("Content-Encoding"), std::string::npos) << c.path << " " << c.accept;
    else
      EXPECT_NE(r.find(c.encoding_header), std::string::npos) << c.path;
  }
  Client api(port_, "127.0.0.2");
  ASSERT_TRUE(api.Send(Get("/api/v1/no-such-route")));
  std::string r = api.Read();
  EXPECT_EQ(StatusOf(r), 404);
  EXPECT_NE(r.find("not_found"), std::string::npos);
  fs::remove_all(web);
}

TEST(LogSafe, EscapesControlsKeepsText) {
  EXPECT_EQ(LogSafe("/api/v1/主体?a=1"), "/api/v1/主体?a=1");
  EXPECT_EQ(LogSafe("a\r\nb\tc\x7f"), "a\\x0d\\x0ab\\x09c\\x7f");
  EXPECT_EQ(LogSafe("back\\slash"), "back\\\\slash");
  EXPECT_EQ(LogSafe("c1\xc2\x9b"), "c1\\xc2\\x9b");  // U+009B (CSI) as UTF-8
  EXPECT_EQ(LogSafe("bad\xff\xe4"), "bad\\xff\\xe4");
}

}  // namespace
}  // namespace ruralec::http
