// Inserts N parcel-event-like rows into a database (SQLite file or postgresql:// URL) through
// storage::Connection::BulkInsert in batches of one transaction each, and prints rows/s.
//   bulk_insert TARGET [ROWS=1000000] [BATCH=50000]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "storage/db.h"

using ruralec::storage::Value;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bulk_insert TARGET [ROWS] [BATCH]\n");
    return 2;
  }
  std::string target = argv[1];
  int64_t rows = argc > 2 ? std::atoll(argv[2]) : 1'000'000;
  int64_t batch = argc > 3 ? std::atoll(argv[3]) : 50'000;
  auto db = ruralec::storage::Open(target, 1);
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.error().message.c_str());
    return 1;
  }
  auto conn = (*db)->Acquire();
  (void)conn->ExecScript("DROP TABLE IF EXISTS bench_parcel_events");
  if (!conn->ExecScript("CREATE TABLE bench_parcel_events (waybill_no TEXT NOT NULL, carrier TEXT "
                        "NOT NULL, event TEXT NOT NULL, at BIGINT NOT NULL, node_code TEXT NOT "
                        "NULL, county_code TEXT NOT NULL, operator TEXT)")
           .ok()) {
    return 1;
  }
  static const char* kEvents[] = {"accepted",         "sorted",    "transferred",
                                  "out_for_delivery", "delivered", "signed"};
  const std::vector<std::string> cols = {"waybill_no", "carrier",     "event",   "at",
                                         "node_code",  "county_code", "operator"};
  auto start = std::chrono::steady_clock::now();
  for (int64_t done = 0; done < rows;) {
    std::vector<std::vector<Value>> chunk;
    int64_t n = std::min(batch, rows - done);
    chunk.reserve(n);
    for (int64_t i = done; i < done + n; ++i) {
      chunk.push_back({"YT" + std::to_string(9'000'000'000 + i / 6),
                       std::string(i % 2 ? "zto" : "yto"), std::string(kEvents[i % 6]),
                       int64_t{1'700'000'000'000} + i * 1000,
                       "341302" + std::to_string(100'000 + i % 400), std::string("341302000000"),
                       i % 5 ? Value(std::string("扫描员") + std::to_string(i % 97))
                             : Value(ruralec::storage::Null{})});
    }
    auto r = ruralec::storage::InTransaction<int64_t>(
        *conn, ruralec::storage::TxMode::kWrite,
        [&]() { return conn->BulkInsert("bench_parcel_events", cols, chunk); });
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.error().message.c_str());
      return 1;
    }
    done += n;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto count = conn->Query("SELECT COUNT(*) FROM bench_parcel_events");
  std::printf("%s rows=%lld seconds=%.2f rows_per_s=%.0f\n", std::string((*db)->Dialect()).c_str(),
              static_cast<long long>(count->at(0).Int(0)), secs, rows / secs);
  (void)conn->ExecScript("DROP TABLE bench_parcel_events");
  return 0;
}
