// Generates a sales-import workload: E business entities (one shop each) spread over the towns
// and villages of the database's county, and N monthly sales rows for them in the template's
// layout, as csv and (optionally) as xlsx written by libxlsxwriter in constant-memory mode.
//   import_gen --db TARGET --out DIR --rows N [--entities E] [--xlsx]
//   import_gen --db TARGET --count    prints "sales_rows N sales_batches B sales_audit A"
//   import_gen --measure ROWS -- COMMAND ARGS...
//       runs COMMAND as a child and prints its wall time, CPU time, rows/s and peak RSS
//       (getrusage of the child: ru_maxrss)
// Writes DIR/entities.csv, DIR/sales.csv and DIR/sales.xlsx. Row i belongs to entity i % E
// (a platform's monthly export lists every entity, then the next month), so ledger inserts land
// all over the indexes as they would in real use. Every row is valid and its natural key unique.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "core/validate.h"
#include "storage/db.h"

namespace {

constexpr std::string_view kUsccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const char* const kPlatforms[] = {"淘宝", "京东", "拼多多", "抖音", "快手"};
const char* const kCategories[] = {"水果", "粮油", "畜禽", "茶叶", "服装"};
const char* const kSalesHeaders[] = {
    "统一社会信用代码*", "主体名称", "所属期*",      "平台*", "方向*", "是否农产品*", "品类",
    "网络销售额(元)*",   "订单数",   "出口额(美元)", "品牌",  "网店ID"};

// A valid 统一社会信用代码 for entity `n` registered in county `county6`.
std::string Uscc(const std::string& county6, int64_t n) {
  std::string code = "91" + county6;
  std::string org(9, '0');
  for (int i = 8; i >= 0; --i, n /= 31) org[static_cast<size_t>(i)] = kUsccChars[n % 31];
  code += org;
  int sum = 0, weight = 1;
  for (char c : code) {
    sum += static_cast<int>(kUsccChars.find(c)) * weight;
    weight = weight * 3 % 31;
  }
  code += kUsccChars[(31 - sum % 31) % 31];
  return code;
}

struct SalesRow {
  std::string cells[12];
  bool amount_is_number = false;
  double amount_number = 0;
};

SalesRow MakeRow(int64_t i, int64_t entities, const std::vector<std::string>& usccs) {
  int64_t e = i % entities, k = i / entities;  // k-th row of entity e: unique (period, platform)
  SalesRow r;
  r.cells[0] = usccs[static_cast<size_t>(e)];
  r.cells[1] = "主体" + std::to_string(e);
  char period[16];
  std::snprintf(period, sizeof period, "%04lld-%02lld",
                static_cast<long long>(2020 + (k % 60) / 12), static_cast<long long>(k % 12 + 1));
  r.cells[2] = period;
  r.cells[3] = kPlatforms[(k / 60) % 5];
  r.cells[4] = (e % 3 == 0) ? "下行" : "上行";
  r.cells[5] = (e % 2 == 0) ? "是" : "否";
  r.cells[6] = kCategories[e % 5];
  int64_t fen = 100 + (i * 7919) % 50'000'000;
  if (i % 3 == 0) {
    r.cells[7] =
        std::to_string(fen / 100) + "." + std::to_string(fen / 10 % 10) + std::to_string(fen % 10);
    r.amount_is_number = true;
    r.amount_number = static_cast<double>(fen) / 100.0;
  } else if (i % 3 == 1) {
    r.cells[7] =
        std::to_string(fen / 1'000'000) + "." + std::to_string(fen / 100'000 % 10) + "万元";
  } else {
    r.cells[7] = std::to_string(fen / 100);
  }
  r.cells[8] = std::to_string(i % 1000);
  if (i % 10 == 0) r.cells[9] = std::to_string(i % 5000) + ".25";
  if (i % 4 == 0) r.cells[11] = "shop-" + std::to_string(e);
  return r;
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

int WriteXlsx(const std::string& path, int64_t rows, int64_t entities,
              const std::vector<std::string>& usccs) {
  lxw_workbook_options opt = {};
  opt.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &opt);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "网络销售额");
  for (int c = 0; c < 12; ++c)
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), kSalesHeaders[c], nullptr);
  for (int64_t i = 0; i < rows; ++i) {
    SalesRow r = MakeRow(i, entities, usccs);
    auto row = static_cast<lxw_row_t>(i + 1);
    for (int c = 0; c < 12; ++c) {
      if (c == 7 && r.amount_is_number) {
        worksheet_write_number(ws, row, 7, r.amount_number, nullptr);
      } else if (c == 8) {
        worksheet_write_number(ws, row, 8, std::atof(r.cells[8].c_str()), nullptr);
      } else if (!r.cells[c].empty()) {
        worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), r.cells[c].c_str(), nullptr);
      }
    }
  }
  return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}

int Measure(int64_t rows, char** cmd) {
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    execv(cmd[0], cmd);
    std::perror("execv");
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) return 1;
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
               static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  std::printf(
      "rows %lld  wall %.2f s  cpu %.2f s  rows/s %.0f (wall)  %.0f (cpu)  peak RSS %.1f MB"
      "  exit %d\n",
      static_cast<long long>(rows), wall, cpu, static_cast<double>(rows) / wall,
      static_cast<double>(rows) / cpu, static_cast<double>(ru.ru_maxrss) / 1024.0,
      WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

// What a restarted process sees: the ledger rows, sales batches and their audit entries.
int Count(const std::string& target) {
  auto db = ruralec::storage::Open(target, 1);
  if (!db.ok()) {
    std::fprintf(stderr, "import_gen: %s\n", db.error().message.c_str());
    return 1;
  }
  auto conn = (*db)->Acquire();
  auto n = conn->QueryOne(
      "SELECT (SELECT COUNT(*) FROM sales_records), (SELECT COUNT(*) FROM import_batches WHERE "
      "kind = 'sales'), (SELECT COUNT(*) FROM audit_log WHERE action = 'sales.import')",
      {}, "count");
  if (!n.ok()) return 1;
  std::printf("sales_rows %lld sales_batches %lld sales_audit %lld\n",
              static_cast<long long>(n->Int(0)), static_cast<long long>(n->Int(1)),
              static_cast<long long>(n->Int(2)));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_target, out;
  int64_t rows = 1'000'000, entities = 0;
  bool xlsx = false;
  if (argc > 3 && std::string(argv[1]) == "--measure" && std::string(argv[3]) == "--")
    return Measure(std::atoll(argv[2]), argv + 4);
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" && i + 1 < argc)
      db_target = argv[++i];
    else if (a == "--out" && i + 1 < argc)
      out = argv[++i];
    else if (a == "--rows" && i + 1 < argc)
      rows = std::atoll(argv[++i]);
    else if (a == "--entities" && i + 1 < argc)
      entities = std::atoll(argv[++i]);
    else if (a == "--xlsx")
      xlsx = true;
    else if (a == "--count")
      return Count(db_target);
    else {
      std::fprintf(stderr,
                   "usage: import_gen --db TARGET --out DIR --rows N [--entities E] [--xlsx]\n");
      return 2;
    }
  }
  if (entities <= 0) entities = std::max<int64_t>(1, rows / 100);
  if (rows > entities * 300) {
    std::fprintf(stderr, "import_gen: at most 300 rows per entity\n");
    return 2;
  }
  auto db = ruralec::storage::Open(db_target, 1);
  if (!db.ok()) {
    std::fprintf(stderr, "import_gen: %s\n", db.error().message.c_str());
    return 1;
  }
  auto regions = (*db)->Acquire()->Query(
      "SELECT code, county_code FROM regions WHERE level IN ('town', 'village') ORDER BY code");
  if (!regions.ok() || regions->empty()) {
    std::fprintf(stderr, "import_gen: the database has no towns or villages\n");
    return 1;
  }
  std::vector<std::string> usccs;
  std::ofstream ent(out + "/entities.csv", std::ios::binary);
  ent << "统一社会信用代码*,主体名称*,主体类型*,所在区划代码*,注册日期,网店平台,网店名称,"
         "网店ID或网址\n";
  for (int64_t e = 0; e < entities; ++e) {
    const auto& region = (*regions)[static_cast<size_t>(e) % regions->size()];
    usccs.push_back(Uscc(region.Text(1).substr(0, 6), e + 1));
    if (!ruralec::validate::Uscc(usccs.back()).ok()) return 1;
    ent << usccs.back() << ",主体" << e << ",企业," << region.Text(0) << ",2019-0" << (e % 9 + 1)
        << "-15,淘宝,店铺" << e << ",shop-" << e << "\n";
  }
  std::ofstream csv(out + "/sales.csv", std::ios::binary);
  for (int c = 0; c < 12; ++c) csv << (c ? "," : "") << kSalesHeaders[c];
  csv << "\n";
  for (int64_t i = 0; i < rows; ++i) {
    SalesRow r = MakeRow(i, entities, usccs);
    for (int c = 0; c < 12; ++c) csv << (c ? "," : "") << Csv(r.cells[c]);
    csv << "\n";
  }
  csv.close();
  ent.close();
  if (xlsx && WriteXlsx(out + "/sales.xlsx", rows, entities, usccs) != 0) return 1;
  std::printf("import_gen: %lld entities, %lld sales rows in %s\n",
              static_cast<long long>(entities), static_cast<long long>(rows), out.c_str());
  return 0;
}
