// The connection layer of the HTTP edge (issue 15 items 1 and 2). cpp-httplib parses requests
// and routes them; accepting, waiting and reading the socket are done here, because the
// library's own loop holds a worker thread per connection (idle keep-alive ones included), has
// only per-read timeouts (a client sending one header byte a second is never cut off), reads
// chunked bodies without limit and queues connections without bound. What this layer does:
//   - One poller thread holds every connection that has no complete request yet: new ones,
//     keep-alive ones between requests, and ones whose headers are still arriving. It closes
//     them after keep_alive_timeout without a byte, answers 408 when the request line and
//     headers are not complete within header_timeout of their first byte, and 431 beyond
//     kMaxHeaderBytes. Idle and trickling clients therefore hold no worker.
//   - A connection with complete headers goes to a bounded queue served by `threads` workers
//     (a worker keeps the connection 50 ms for its next request, then hands it back; at once
//     when other connections wait in the queue);
//     when queue_size are already waiting it is answered 503 (Retry-After) at once. At most
//     max_workers_per_ip of one address are queued or served at a time; the others wait
//     (parked, for at most header_timeout, then 503).
//   - The body is read by the worker: within body_timeout, with no silence longer than
//     read_timeout, and at most max_body_bytes on the wire however it is framed
//     (Content-Length is refused before reading; chunked stops at the limit: 413).
//   - At most max_connections_per_ip open connections per peer address (503 beyond).
//   The per-address limits are off with trust_forwarded_for (every peer is then the proxy) and
//   for 127.0.0.1 and ::1 (a reverse proxy or tooling on the same host, which must limit).
// A connection whose request was cut short is closed after the response, first draining what
// the client still sends for up to 500 ms / 1 MiB so that it reads the response, not a reset.
#pragma once

#include <httplib.h>
#include <poll.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/server.h"

namespace ruralec::http::edge {

inline constexpr size_t kMaxHeaderBytes = 64 << 10;  // request line + headers

// Why the current request's read stopped early (the error handler turns it into a status).
enum class ReadFailure { kNone, kHeaderTimeout, kHeadersTooLarge, kBodyTimeout, kBodyTooLarge };

// For the handlers of the library running on a worker thread, about that thread's connection.
// StartBody: the request line and headers are parsed; what is read next is the body.
void StartBody();
// The connection closes after this response (used when the body is left unread).
void CloseAfterResponse();
ReadFailure CurrentReadFailure();

class Connection;

class EdgeServer : public httplib::Server {
 public:
  explicit EdgeServer(const ServerConfig& config);
  ~EdgeServer() override;

  // Binds (port 0 = any free port); returns the port or -1.
  int BindSocket(const std::string& host, int port);
  // Accepts and serves until Stop(); queued and in-flight requests finish before it returns.
  void Serve();
  void Stop();

 private:
  using Clock = std::chrono::steady_clock;
  // Poller thread.
  void PollOnce();
  void DrainLingering(std::span<const pollfd> fds);
  std::unique_ptr<Connection> Watch(std::unique_ptr<Connection> c, short revents);
  std::unique_ptr<Connection> Ready(std::unique_ptr<Connection> c);
  void Returned(std::unique_ptr<Connection> c);
  void AcceptAll();
  void Admit(int fd);
  void Dispatch(std::unique_ptr<Connection> c);
  void Close(std::unique_ptr<Connection> c);
  void Answer(std::unique_ptr<Connection> c, const std::string& response);
  void Reject(int fd, const std::string& response);
  void Linger(int fd);
  bool Limited(const std::string& ip) const;
  int PerIpWorkers(const std::string& ip) const;
  // Worker threads.
  void Work();
  bool ServeRequests(Connection& c);  // true: keep the connection open (back to the poller)
  bool OthersWaiting();

  ServerConfig config_;
  int wake_[2] = {-1, -1};  // self-pipe: workers and Stop() wake the poller
  std::atomic<bool> stopping_{false};

  std::mutex mu_;  // guards the next five
  std::condition_variable work_cv_;
  std::deque<std::unique_ptr<Connection>> queue_;      // headers in, waiting for a worker
  std::vector<std::unique_ptr<Connection>> handback_;  // served, back to the poller
  std::unordered_map<std::string, int> per_ip_;        // open connections per peer address
  bool workers_done_ = false;

  // Poller thread only.
  std::vector<std::unique_ptr<Connection>> waiting_;  // idle, gathering headers, or parked
  std::unordered_map<std::string, int> active_;       // queued or in a worker, per address
  struct Lingering {
    int fd;
    Clock::time_point until;
    size_t drained;
  };
  std::vector<Lingering> lingering_;
  std::vector<std::thread> workers_;
};

}  // namespace ruralec::http::edge
