#include "http/edge.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <span>

namespace ruralec::http::edge {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// A connection closed with part of its request unread is drained this long (and this much)
// first, so the client reads the response instead of a reset; at most kMaxLingering at once.
constexpr auto kLingerBudget = milliseconds(500);
constexpr size_t kLingerBytes = 1 << 20;
constexpr size_t kMaxLingering = 1024;
// How long a worker waits for the next request on its connection before handing it to the
// poller: waking the poller and a worker again for every request of a keep-alive client costs
// ~20 % throughput on a loaded machine; 50 ms held per request sent is no lever for an attacker.
constexpr auto kNextRequestWait = milliseconds(50);

int MsUntil(Clock::time_point t) {
  auto ms = std::chrono::duration_cast<milliseconds>(t - Clock::now()).count();
  return static_cast<int>(std::clamp<int64_t>(ms, 0, INT_MAX));
}

// Waits for `events` on fd until `deadline`; true when ready (a hang-up or error counts as
// ready: the next read or write reports it).
bool WaitFor(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd p{fd, events, 0};
    int r = ::poll(&p, 1, MsUntil(deadline));
    if (r > 0) return true;
    if (r == 0 || errno != EINTR) return false;
  }
}

// Numeric address of a socket end; IPv4-mapped IPv6 addresses as plain IPv4.
std::string AddressOf(int fd, bool peer, int& port) {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  auto* sa = reinterpret_cast<sockaddr*>(&ss);
  if ((peer ? getpeername(fd, sa, &len) : getsockname(fd, sa, &len)) != 0) return "";
  char buf[INET6_ADDRSTRLEN] = "";
  if (ss.ss_family == AF_INET) {
    auto* a = reinterpret_cast<sockaddr_in*>(&ss);
    inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
    port = ntohs(a->sin_port);
  } else if (ss.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&ss);
    if (IN6_IS_ADDR_V4MAPPED(&a->sin6_addr))
      inet_ntop(AF_INET, &a->sin6_addr.s6_addr[12], buf, sizeof buf);
    else
      inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
    port = ntohs(a->sin6_port);
  }
  return buf;
}

// A complete error response in the standard shape, written by the poller (no request parsed).
std::string RawError(int status, const char* reason, const Error& e) {
  std::string body = ErrorBody(e).dump();
  std::string retry =
      status == 503 ? "Retry-After: " + std::to_string(kRetryAfterSeconds) + "\r\n" : "";
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n" + retry +
         "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
         "Connection: close\r\n\r\n" +
         body;
}

std::string Unavailable(const std::string& message) {
  return RawError(HttpStatus(ErrorCode::kUnavailable), "Service Unavailable",
                  {ErrorCode::kUnavailable, message, ""});
}

}  // namespace

// One client connection: the poller gathers its request line and headers without blocking,
// then a worker lets the library read (headers from the buffer, the body from the socket under
// the body deadlines) and write through it.
class Connection final : public httplib::Stream {
 public:
  Connection(int fd, std::string ip, int port, const ServerConfig& config)
      : fd_(fd), ip_(std::move(ip)), port_(port), config_(config) {}
  ~Connection() override {
    if (fd_ >= 0) ::close(fd_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  int fd() const { return fd_; }
  const std::string& ip() const { return ip_; }
  int Release() { return std::exchange(fd_, -1); }

  enum class Gather { kMore, kComplete, kClosed, kTooLarge };
  // Poller: takes what has arrived (never blocks) and says whether the headers are complete.
  Gather GatherHeaders();
  bool HeaderComplete() const { return in_.find("\r\n\r\n", off_) != std::string::npos; }
  bool HasBuffered() const { return off_ < in_.size(); }
  // Worker: whether the next request's headers are complete within `wait` (a client on a
  // keep-alive connection usually sends it at once; this spares it the trip through the poller).
  bool NextRequestWithin(milliseconds wait) {
    if (HeaderComplete()) return true;
    if (!WaitFor(fd_, POLLIN, Clock::now() + wait)) return false;
    Gather g = GatherHeaders();
    if (g == Gather::kClosed) closed_ = true;
    return g == Gather::kComplete;
  }
  bool closed() const { return closed_; }
  // Poller: waiting for a request. The header deadline runs from its first byte.
  void Idle(Clock::time_point now) {
    header_started = HasBuffered();
    deadline = now + milliseconds(header_started ? config_.header_timeout_ms
                                                 : config_.keep_alive_timeout_ms);
  }

  // Worker: one request.
  void StartRequest() {
    phase_ = Phase::kHeaders;
    header_deadline_ = Clock::now() + milliseconds(config_.header_timeout_ms);
    header_bytes_ = body_bytes_ = 0;
    failure_ = ReadFailure::kNone;
    close_after_ = false;
  }
  void StartBody() {
    phase_ = Phase::kBody;
    body_deadline_ = Clock::now() + milliseconds(config_.body_timeout_ms);
  }
  ReadFailure failure() const { return failure_; }
  void set_close_after() { close_after_ = true; }
  // The request was cut short or its body left unread: close after the response.
  bool MustClose() const { return close_after_ || failure_ != ReadFailure::kNone; }

  int served = 0;               // requests on this connection so far
  bool keep = false;            // back to the poller after the worker (else closed)
  bool header_started = false;  // some of the next request has arrived
  bool parked = false;          // headers complete, waiting for its address's turn
  Clock::time_point deadline;   // poller: keep-alive, header or parking deadline

  bool is_readable() const override {
    return HasBuffered() || WaitFor(fd_, POLLIN, ReadDeadline());
  }
  bool is_writable() const override {
    return WaitFor(fd_, POLLOUT, Clock::now() + milliseconds(config_.write_timeout_ms));
  }
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = ip_;
    port = port_;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = AddressOf(fd_, false, port);
  }
  socket_t socket() const override { return fd_; }

 private:
  enum class Phase { kHeaders, kBody };
  Clock::time_point ReadDeadline() const {
    if (phase_ == Phase::kHeaders) return header_deadline_;
    return std::min(body_deadline_, Clock::now() + milliseconds(config_.read_timeout_ms));
  }
  ssize_t Fill();

  int fd_;
  std::string ip_;
  int port_;
  const ServerConfig& config_;
  Phase phase_ = Phase::kHeaders;
  Clock::time_point header_deadline_, body_deadline_;
  size_t header_bytes_ = 0, body_bytes_ = 0;
  ReadFailure failure_ = ReadFailure::kNone;
  bool close_after_ = false;
  bool closed_ = false;  // the client closed its end
  std::string in_;       // received, not yet handed to the library from off_
  size_t off_ = 0;
};

namespace {
thread_local Connection* t_current = nullptr;
}  // namespace

void StartBody() {
  if (t_current) t_current->StartBody();
}
void CloseAfterResponse() {
  if (t_current) t_current->set_close_after();
}
ReadFailure CurrentReadFailure() { return t_current ? t_current->failure() : ReadFailure::kNone; }

Connection::Gather Connection::GatherHeaders() {
  in_.erase(0, off_);
  off_ = 0;
  char buf[16384];
  for (;;) {
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n > 0) {
      in_.append(buf, static_cast<size_t>(n));
      if (in_.size() > kMaxHeaderBytes) break;
      continue;
    }
    if (n == 0) return Gather::kClosed;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return Gather::kClosed;
    break;
  }
  if (HeaderComplete()) return Gather::kComplete;
  return in_.size() > kMaxHeaderBytes ? Gather::kTooLarge : Gather::kMore;
}

ssize_t Connection::Fill() {
  in_.clear();
  off_ = 0;
  char buf[16384];
  for (;;) {
    if (!WaitFor(fd_, POLLIN, ReadDeadline())) {
      failure_ =
          phase_ == Phase::kHeaders ? ReadFailure::kHeaderTimeout : ReadFailure::kBodyTimeout;
      return -1;
    }
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n >= 0) {
      in_.assign(buf, static_cast<size_t>(n));
      return n;
    }
    if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1;
  }
}

// Hands out buffered bytes, counting them against the phase's size limit.
ssize_t Connection::read(char* ptr, size_t size) {
  if (!HasBuffered()) {
    ssize_t n = Fill();
    if (n <= 0) return n;
  }
  size_t n = std::min(size, in_.size() - off_);
  if (phase_ == Phase::kHeaders) {
    header_bytes_ += n;
    if (header_bytes_ > kMaxHeaderBytes) {
      failure_ = ReadFailure::kHeadersTooLarge;
      return -1;
    }
  } else {
    if (body_bytes_ >= config_.max_body_bytes) {
      failure_ = ReadFailure::kBodyTooLarge;
      return -1;
    }
    n = std::min(n, config_.max_body_bytes - body_bytes_);
    body_bytes_ += n;
  }
  std::memcpy(ptr, in_.data() + off_, n);
  off_ += n;
  return static_cast<ssize_t>(n);
}

// Writes everything, failing after write_timeout without progress.
ssize_t Connection::write(const char* ptr, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::send(fd_, ptr + done, size - done, MSG_NOSIGNAL);
    if (n > 0) {
      done += static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      if (WaitFor(fd_, POLLOUT, Clock::now() + milliseconds(config_.write_timeout_ms))) continue;
    }
    return -1;
  }
  return static_cast<ssize_t>(size);
}

EdgeServer::EdgeServer(const ServerConfig& config) : config_(config) {
  if (::pipe2(wake_, O_CLOEXEC | O_NONBLOCK) != 0) wake_[0] = wake_[1] = -1;
  // Only for the Keep-Alive response header the library writes.
  set_keep_alive_timeout(std::max(1, config.keep_alive_timeout_ms / 1000));
  set_keep_alive_max_count(static_cast<size_t>(std::max(1, config.keep_alive_max_requests)));
  set_payload_max_length(config.max_body_bytes);
}

EdgeServer::~EdgeServer() {
  Stop();
  socket_t s = svr_sock_.exchange(INVALID_SOCKET);
  if (s != INVALID_SOCKET) ::close(s);
  for (int fd : wake_)
    if (fd >= 0) ::close(fd);
}

int EdgeServer::BindSocket(const std::string& host, int port) {
  int bound = port == 0 ? bind_to_any_port(host) : bind_to_port(host, port) ? port : -1;
  if (bound > 0) ::listen(svr_sock_, SOMAXCONN);  // the library listens with a backlog of 5
  return bound;
}

void EdgeServer::Stop() {
  stopping_ = true;
  if (wake_[1] >= 0) (void)!::write(wake_[1], "x", 1);
}

void EdgeServer::Serve() {
  ::fcntl(svr_sock_, F_SETFL, ::fcntl(svr_sock_, F_GETFL) | O_NONBLOCK);
  for (int i = 0; i < std::max(1, config_.threads); ++i) workers_.emplace_back([this] { Work(); });
  while (!stopping_) PollOnce();
  // Stopping: no new connections, waiting ones close, queued ones get one request each.
  socket_t s = svr_sock_.exchange(INVALID_SOCKET);
  if (s != INVALID_SOCKET) ::close(s);
  for (auto& c : waiting_) Close(std::move(c));
  waiting_.clear();
  {
    std::lock_guard lk(mu_);
    workers_done_ = true;
  }
  work_cv_.notify_all();
  for (auto& t : workers_) t.join();
  workers_.clear();
  for (auto& c : handback_) Close(std::move(c));
  handback_.clear();
  for (const auto& l : lingering_) ::close(l.fd);
  lingering_.clear();
}

void EdgeServer::PollOnce() {
  std::vector<pollfd> fds{{wake_[0], POLLIN, 0}, {svr_sock_, POLLIN, 0}};
  auto next = Clock::now() + std::chrono::seconds(1);
  for (const auto& c : waiting_) {
    fds.push_back({c->fd(), static_cast<short>(c->parked ? 0 : POLLIN), 0});
    next = std::min(next, c->deadline);
  }
  for (const auto& l : lingering_) {
    fds.push_back({l.fd, POLLIN, 0});
    next = std::min(next, l.until);
  }
  if (::poll(fds.data(), fds.size(), MsUntil(next)) < 0 && errno != EINTR) return;
  char drain[4096];
  while (::read(wake_[0], drain, sizeof drain) > 0) {
  }
  DrainLingering(std::span(fds).subspan(2 + waiting_.size()));
  std::vector<std::unique_ptr<Connection>> ready;
  {
    std::lock_guard lk(mu_);
    ready.swap(handback_);
  }
  std::vector<std::unique_ptr<Connection>> waiting;
  for (size_t i = 0; i < waiting_.size(); ++i) {
    if (auto c = Watch(std::move(waiting_[i]), fds[2 + i].revents)) waiting.push_back(std::move(c));
  }
  waiting_ = std::move(waiting);
  for (auto& c : ready) Returned(std::move(c));
  if (fds[1].revents & POLLIN) AcceptAll();
}

void EdgeServer::DrainLingering(std::span<const pollfd> fds) {
  auto now = Clock::now();
  char drain[16384];
  std::vector<Lingering> still;
  for (size_t i = 0; i < lingering_.size(); ++i) {
    Lingering& l = lingering_[i];
    bool done = now >= l.until;
    if (!done && fds[i].revents) {
      ssize_t n = ::recv(l.fd, drain, sizeof drain, 0);
      done = n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR);
      if (n > 0) done = (l.drained += static_cast<size_t>(n)) > kLingerBytes;
    }
    if (done)
      ::close(l.fd);
    else
      still.push_back(l);
  }
  lingering_ = std::move(still);
}

// One waiting connection after poll(): returned when it keeps waiting.
std::unique_ptr<Connection> EdgeServer::Watch(std::unique_ptr<Connection> c, short revents) {
  auto now = Clock::now();
  if (c->parked) {
    if (active_[c->ip()] < PerIpWorkers(c->ip())) {
      c->parked = false;
      Dispatch(std::move(c));
    } else if (now >= c->deadline) {
      Answer(std::move(c), Unavailable("来自您地址的请求过多，请稍后重试"));
    } else {
      return c;
    }
    return nullptr;
  }
  if (revents) {
    switch (c->GatherHeaders()) {
      case Connection::Gather::kComplete:
        return Ready(std::move(c));
      case Connection::Gather::kClosed:
        Close(std::move(c));
        return nullptr;
      case Connection::Gather::kTooLarge:
        Answer(std::move(c), RawError(431, "Request Header Fields Too Large",
                                      Error::Invalid("headers", "请求头过大")));
        return nullptr;
      case Connection::Gather::kMore:
        if (!c->header_started) c->Idle(now);  // the header deadline starts
        break;
    }
  }
  if (now < c->deadline) return c;
  if (c->header_started)
    Answer(std::move(c), RawError(408, "Request Timeout", Error::Invalid("", "请求超时")));
  else
    Close(std::move(c));  // idle for keep_alive_timeout
  return nullptr;
}

// Headers complete: to a worker, or parked while its address has its share of workers.
std::unique_ptr<Connection> EdgeServer::Ready(std::unique_ptr<Connection> c) {
  if (active_[c->ip()] < PerIpWorkers(c->ip())) {
    Dispatch(std::move(c));
    return nullptr;
  }
  c->parked = true;
  c->deadline = Clock::now() + milliseconds(config_.header_timeout_ms);
  return c;
}

// The per-address limits apply to remote clients: not behind a trusted proxy (every peer is
// the proxy), nor to 127.0.0.1 / ::1 (a reverse proxy or tooling on this host).
bool EdgeServer::Limited(const std::string& ip) const {
  return !config_.trust_forwarded_for && ip != "127.0.0.1" && ip != "::1";
}

int EdgeServer::PerIpWorkers(const std::string& ip) const {
  if (!Limited(ip) || config_.max_workers_per_ip <= 0) return INT_MAX;
  return config_.max_workers_per_ip;
}

// Back from a worker.
void EdgeServer::Returned(std::unique_ptr<Connection> c) {
  auto it = active_.find(c->ip());
  if (it != active_.end() && --it->second <= 0) active_.erase(it);
  if (!c->keep || stopping_) return Close(std::move(c));
  c->Idle(Clock::now());
  if (c->HeaderComplete()) {
    if (auto parked = Ready(std::move(c))) waiting_.push_back(std::move(parked));
    return;
  }
  waiting_.push_back(std::move(c));
}

void EdgeServer::AcceptAll() {
  for (int n = 0; n < 256; ++n) {
    int fd = ::accept4(svr_sock_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0) {
      Admit(fd);
      continue;
    }
    if (errno == EMFILE || errno == ENFILE) std::this_thread::sleep_for(milliseconds(10));
    return;
  }
}

void EdgeServer::Admit(int fd) {
  int port = 0;
  std::string ip = AddressOf(fd, true, port);
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  bool cap = config_.max_connections_per_ip > 0 && Limited(ip);
  bool refuse = false;
  {
    std::lock_guard lk(mu_);
    int& open = per_ip_[ip];
    if (cap && open >= config_.max_connections_per_ip)
      refuse = true;
    else
      ++open;
  }
  if (refuse) {
    spdlog::warn("connection refused: {} has {} open connections", LogSafe(ip),
                 config_.max_connections_per_ip);
    return Reject(fd, Unavailable("来自您地址的连接过多，请稍后重试"));
  }
  auto c = std::make_unique<Connection>(fd, std::move(ip), port, config_);
  c->Idle(Clock::now());
  waiting_.push_back(std::move(c));
}

// To a worker, or 503 when the queue is full.
void EdgeServer::Dispatch(std::unique_ptr<Connection> c) {
  std::string ip = c->ip();
  {
    std::lock_guard lk(mu_);
    if (queue_.size() < config_.queue_size) {
      queue_.push_back(std::move(c));
      work_cv_.notify_one();
      ++active_[ip];
      return;
    }
  }
  spdlog::warn("request from {} refused: {} already wait for a worker", LogSafe(ip),
               config_.queue_size);
  Answer(std::move(c), Unavailable("服务繁忙，请稍后重试"));
}

void EdgeServer::Work() {
  for (;;) {
    std::unique_ptr<Connection> c;
    {
      std::unique_lock lk(mu_);
      work_cv_.wait(lk, [&] { return !queue_.empty() || workers_done_; });
      if (queue_.empty()) return;
      c = std::move(queue_.front());
      queue_.pop_front();
    }
    c->keep = ServeRequests(*c);
    {
      std::lock_guard lk(mu_);
      handback_.push_back(std::move(c));
    }
    if (wake_[1] >= 0) (void)!::write(wake_[1], "x", 1);
  }
}

// Whether connections wait in the queue for a worker: then a worker serves them in turn rather
// than the next request of the connection it holds (first come, first served; a worker holding
// its connection while others queued made the slowest requests wait many turns).
bool EdgeServer::OthersWaiting() {
  std::lock_guard lk(mu_);
  return !queue_.empty();
}

// The requests arriving complete in quick succession (the poller gathers any others).
bool EdgeServer::ServeRequests(Connection& c) {
  t_current = &c;
  bool keep = true;
  do {
    c.StartRequest();
    bool last = stopping_ || ++c.served >= config_.keep_alive_max_requests;
    bool closed = false;
    bool ok = process_request(c, last, closed, nullptr);
    if (!ok || closed || last || c.MustClose()) {
      keep = false;
      break;
    }
  } while (!OthersWaiting() && c.NextRequestWithin(kNextRequestWait));
  t_current = nullptr;
  return keep && !c.closed();
}

// Poller thread (or Serve() after the workers stopped).
void EdgeServer::Close(std::unique_ptr<Connection> c) {
  {
    std::lock_guard lk(mu_);
    auto it = per_ip_.find(c->ip());
    if (it != per_ip_.end() && --it->second <= 0) per_ip_.erase(it);
  }
  if (c->fd() >= 0 && c->MustClose()) Linger(c->Release());
}

// Writes a whole response (no request parsed) and closes.
void EdgeServer::Answer(std::unique_ptr<Connection> c, const std::string& response) {
  int fd = c->Release();
  Close(std::move(c));
  Reject(fd, response);
}

void EdgeServer::Reject(int fd, const std::string& response) {
  (void)::send(fd, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  Linger(fd);
}

void EdgeServer::Linger(int fd) {
  ::shutdown(fd, SHUT_WR);
  if (stopping_ || lingering_.size() >= kMaxLingering) {
    ::close(fd);
    return;
  }
  lingering_.push_back({fd, Clock::now() + kLingerBudget, 0});
}

}  // namespace ruralec::http::edge
