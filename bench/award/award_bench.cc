// Award evaluation benchmark: N entities (default 100,000) × 12 months of uplink ledger rows
// in a fresh database, then the 002 plan (埇桥区) with local tiers for R02, R03 and R11 is
// evaluated for 2019. Generation, the ledger read (LoadSubjects: SQL + aggregation with record
// ids) and the rule evaluation (pure) are timed separately.
//   award_bench TARGET [ENTITIES=100000]      (TARGET: a new SQLite file or postgresql:// URL)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "award/award.h"
#include "award/data.h"
#include "programme/check.h"
#include "programme/yaml_reader.h"
#include "region/region.h"
#include "storage/migrate.h"

using namespace ruralec;
using storage::Null;
using storage::Value;

namespace {

// Process CPU seconds: on a shared, overloaded machine the wall time mostly measures waiting.
double Cpu() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

void Die(const Error& e) {
  std::fprintf(stderr, "error: %s\n", e.message.c_str());
  std::exit(1);
}

template <typename T>
T Must(Result<T> r) {
  if (!r.ok()) Die(r.error());
  return std::move(r).value();
}

void MustOk(Status s) {
  if (!s.ok()) Die(s.error());
}

std::string Town(int64_t i) { return "341302" + std::to_string(100 + i % 20) + "000"; }

// Entities with 12 months each; a spread of sizes so every tier and both sides of each
// threshold occur: most sell 0–50万/year, 1% over 1000万, brands on every 10th entity.
void Generate(storage::Connection& c, int64_t n) {
  std::vector<region::Division> d;
  for (const char* code : {"34", "3413", "341302"}) d.push_back({*RegionCode::Parse(code), code});
  for (int t = 0; t < 20; ++t) d.push_back({*RegionCode::Parse(Town(t)), "镇" + std::to_string(t)});
  Must(region::UpsertDivisions(c, d));
  Must(region::SetTags(c, *RegionCode::Parse("341302"), {"poverty_county"}, 0));
  std::vector<std::vector<Value>> ents, brands, sales;
  for (int64_t i = 1; i <= n; ++i) {
    char uscc[19];
    std::snprintf(uscc, sizeof uscc, "91341302%010lld", static_cast<long long>(i));
    ents.push_back({i, std::string("341302000000"), Town(i), std::string(uscc),
                    "企业" + std::to_string(i), std::string(i % 7 ? "enterprise" : "cooperative"),
                    int64_t{0}, int64_t{0}});
    if (i % 10 == 0)
      brands.push_back(
          {i / 10, std::string("341302000000"), i, "品牌" + std::to_string(i), int64_t{0}});
  }
  MustOk(storage::InTransaction(c, storage::TxMode::kWrite, [&]() -> Status {
    RETURN_IF_ERROR(c.BulkInsert(
        "entities",
        {"id", "county_code", "region_code", "uscc", "name", "kind", "created_at", "updated_at"},
        ents));
    RETURN_IF_ERROR(
        c.BulkInsert("brands", {"id", "county_code", "entity_id", "name", "created_at"}, brands));
    return {};
  }));
  int64_t id = 0;
  for (int m = 1; m <= 12; ++m) {
    sales.clear();
    char period[8];
    std::snprintf(period, sizeof period, "2019-%02d", m);
    for (int64_t i = 1; i <= n; ++i) {
      int64_t month_fen = (i % 100 == 0) ? (i % 300 + 90) * 1000000 : (i % 997) * 3000;
      bool exports = i % 500 == 0;
      sales.push_back({++id, std::string("341302000000"), Town(i), i,
                       i % 10 == 0 ? Value(i / 10) : Value(Null{}), std::string(period),
                       std::string("淘宝"), std::string("uplink"), month_fen,
                       exports ? Value(int64_t{(i % 3 + 4) * 1'000'000}) : Value(Null{}),
                       std::string("import"), std::to_string(id), int64_t{1}, int64_t{0}});
    }
    MustOk(storage::InTransaction(c, storage::TxMode::kWrite, [&]() -> Status {
      RETURN_IF_ERROR(
          c.BulkInsert("sales_records",
                       {"id", "county_code", "region_code", "entity_id", "brand_id", "period",
                        "platform", "direction", "amount_fen", "export_usd_cents", "source",
                        "natural_key", "is_current", "created_at"},
                       sales));
      return {};
    }));
  }
}

programme::Programme Plan() {
  auto parsed = programme::ReadProgrammeFile(std::string(RURALEC_SOURCE_DIR) +
                                             "/programmes/002_yongqiao_2019_upgrade.yaml");
  auto& p = parsed.programme;
  auto tiers = [](const char* lo, const char* hi, const char* a1, const char* a2) {
    programme::LocalValues v;
    v.set_by = "bench";
    v.tiers = {{programme::Quantity{lo, "万元"}, programme::Quantity{hi, "万元"},
                programme::Quantity{a1, "万元"}},
               {programme::Quantity{hi, "万元"}, std::nullopt, programme::Quantity{a2, "万元"}}};
    return v;
  };
  for (auto& r : p.award_rules) {
    if (r.id == "R02") r.local = tiers("1000", "2000", "50", "100");
    if (r.id == "R03") r.local = tiers("100", "500", "10", "30");
    if (r.id == "R11") {
      r.local = tiers("0", "1", "20", "50");
      r.local->tiers[0].from = programme::Quantity{"50", "万美元"};
      r.local->tiers[0].to = r.local->tiers[1].from = programme::Quantity{"60", "万美元"};
    }
  }
  auto issues = programme::Check(p, "002", nullptr);
  if (!issues.empty()) Die(Error::Internal(programme::FormatIssue(issues[0])));
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: award_bench TARGET [ENTITIES]\n");
    return 2;
  }
  int64_t n = argc > 2 ? std::atoll(argv[2]) : 100'000;
  auto db = Must(storage::Open(argv[1], 1));
  Must(storage::Migrate(*db));
  auto conn = db->Acquire();
  auto t0 = std::chrono::steady_clock::now();
  // An existing benchmark database (same N) is reused: generation is not what is measured.
  if (Must(conn->QueryOne("SELECT COUNT(*) FROM entities", {}, "n")).Int(0) == 0)
    Generate(*conn, n);
  double gen = Since(t0);
  programme::Programme plan = Plan();
  double c1 = Cpu();
  auto t1 = std::chrono::steady_clock::now();
  award::SubjectData data = Must(award::LoadSubjects(*conn, *RegionCode::Parse("341302"), 2019));
  double load = Since(t1), load_cpu = Cpu() - c1;
  double c2 = Cpu();
  auto t2 = std::chrono::steady_clock::now();
  award::Evaluation ev = Must(award::Evaluate({&plan, "2019", &data, {}}));
  double eval = Since(t2), eval_cpu = Cpu() - c2;
  int64_t payable = 0;
  for (const auto& l : ev.lines) payable += l.amount_fen ? 1 : 0;
  std::printf(
      "%s entities=%lld records=%lld generate_s=%.2f load_s=%.2f evaluate_s=%.3f "
      "total_s=%.2f load_cpu_s=%.2f evaluate_cpu_s=%.3f lines=%zu payable=%lld total_yuan=%s\n",
      std::string(db->Dialect()).c_str(), static_cast<long long>(n), static_cast<long long>(n * 12),
      gen, load, eval, load + eval, load_cpu, eval_cpu, ev.lines.size(),
      static_cast<long long>(payable), Fen{ev.total_fen}.ToYuan().c_str());
  return 0;
}
