#include "sales/import.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "core/validate.h"
#include "entity/entity.h"
#include "sales/import_internal.h"
#include "sales/sales.h"
#include "storage/figure_changes.h"

namespace ruralec::sales {
namespace {

using imports::Cells;
using imports::Column;
using imports::RowOutcome;
using internal::BackgroundWriter;
using internal::KeyHashes;

// ---------------------------------------------------------------- sales rows

enum SalesCol {
  kUscc,
  kName,
  kPeriod,
  kPlatform,
  kDirection,
  kAgri,
  kCategory,
  kAmount,
  kOrders,
  kExport,
  kBrand,
  kShop
};
constexpr Column kSalesColumns[] = {{"统一社会信用代码*", true},
                                    {"主体名称", false},
                                    {"所属期*", true},
                                    {"平台*", true},
                                    {"方向*", true},
                                    {"是否农产品*", true},
                                    {"品类", false},
                                    {"网络销售额(元)*", true},
                                    {"订单数", false},
                                    {"出口额(美元)", false},
                                    {"品牌", false},
                                    {"网店ID", false}};

std::optional<int64_t> ParseCount(const std::string& s) {
  if (s.empty() || s.size() > 15) return std::nullopt;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return std::stoll(s);
}

// "YYYY-MM" -> months since year 0 (a period is always valid here: ParsePeriod made it).
int MonthIndex(std::string_view period) {
  return ((period[0] - '0') * 1000 + (period[1] - '0') * 100 + (period[2] - '0') * 10 +
          (period[3] - '0')) *
             12 +
         (period[5] - '0') * 10 + (period[6] - '0') - 1;
}

// Fills the fields that need no database; returns the rejection if any. Same rules as
// sales::Validate (period, platform, amounts within CheckAmount, counts not negative).
std::optional<RowError> ParseSalesFields(const Cells& c, SalesInput& in) {
  std::string_view period_text = c.Get(kPeriod);
  // A month typed into a date cell is stored by Excel as the 1st of that month; the xlsx
  // reader gives it as "YYYY-MM-01". Any other full date is not a period.
  if (period_text.size() == 10 && period_text[4] == '-' && period_text[7] == '-' &&
      period_text.ends_with("-01"))
    period_text = period_text.substr(0, 7);
  auto period = ParsePeriod(period_text);
  if (!period.ok()) return c.Reject(kPeriod, period.error().message);
  in.period = std::move(*period);
  in.platform = c.Get(kPlatform);
  if (in.platform.empty()) return c.Reject(kPlatform, "平台不能为空");
  if (in.platform.size() > 100) return c.Reject(kPlatform, "平台名称过长");
  auto dir = ParseDirection(c.Get(kDirection));
  if (!dir.ok()) return c.Reject(kDirection, dir.error().message);
  in.direction = *dir;
  auto agri = entity::ParseFlag(c.Get(kAgri), "agricultural");
  if (!agri.ok()) return c.Reject(kAgri, agri.error().message);
  in.agricultural = *agri;
  in.category = c.Get(kCategory);
  if (c.Get(kAmount).empty()) return c.Reject(kAmount, "网络销售额不能为空");
  auto amount = Fen::Parse(c.Get(kAmount));
  if (!amount.ok()) return c.Reject(kAmount, "金额格式不正确，应如 125000.00 或 12.5万元");
  if (Status st = CheckAmount(*amount); !st.ok()) return c.Reject(kAmount, st.error().message);
  in.amount = *amount;
  if (const std::string& o = c.Get(kOrders); !o.empty()) {
    in.orders = ParseCount(o);
    if (!in.orders) return c.Reject(kOrders, "订单数应为非负整数");
  }
  if (const std::string& x = c.Get(kExport); !x.empty()) {
    auto usd = Fen::Parse(x);  // same decimal rules; the unit is US$ so 元 is refused
    if (!usd.ok() || usd->value < 0 || x.find("元") != std::string::npos)
      return c.Reject(kExport, "出口额应为美元金额，如 1234.56");
    if (Status st = CheckExportAmount(usd->value); !st.ok())
      return c.Reject(kExport, st.error().message);
    in.export_usd_cents = usd->value;
  }
  return std::nullopt;
}

void SetText(storage::Value& v, std::string_view s) {
  if (auto* p = std::get_if<std::string>(&v)) {
    p->assign(s);
  } else {
    v = std::string(s);
  }
}
storage::Value OptValue(const std::optional<int64_t>& v) {
  return v ? storage::Value{*v} : storage::Value{storage::Null{}};
}

// The sales rows of one batch. Per row: field rules, entity (cached per USCC with its region,
// scope and the months it already has ledger rows for), brand/shop (cached), duplicate in the
// file (key hashes) and in the ledger (probed only for months the entity already has rows
// in), then buffered and written kFlushRows at a time through BulkInsert on a BackgroundWriter
// into the TEMP stage; Publish moves the stage into the ledger in the batch's short write
// transaction (a staged import, imports.h).
class SalesHandler : public imports::RowHandler {
 public:
  SalesHandler(storage::Connection& conn, const account::Principal& who,
               const imports::BatchContext& batch, int64_t now)
      : who_(who),
        same_file_(batch.same_file),
        now_(now),
        creator_(who.id.valid() ? storage::Value{who.id.value} : storage::Value{storage::Null{}}),
        writer_(conn, kStage, kInsertColumns) {}

  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
    if (!stage_ready_) RETURN_IF_ERROR(CreateStage(conn));
    const std::string& uscc = c.Get(kUscc);
    if (Status st = validate::Uscc(uscc); !st.ok())
      return std::optional(c.Reject(kUscc, st.error().message));
    ASSIGN_OR_RETURN(const EntityInfo* e, FindEntity(conn, uscc));
    if (!e->id) return std::optional(c.Reject(kUscc, "该主体未登记，请先导入经营主体"));
    if (!e->in_scope) return std::optional(c.Reject(kUscc, "该主体所在区划不在您的管辖范围内"));
    SalesInput& in = in_;
    in = SalesInput{};
    in.entity_id = e->id;
    if (auto bad = ParseSalesFields(c, in)) return bad;
    ASSIGN_OR_RETURN(auto link, LinkShopAndBrand(conn, c, in));
    if (link) return link;
    std::string key = NaturalKey(in);
    ASSIGN_OR_RETURN(bool earlier, WrittenBySameFile(conn, key));
    if (earlier) return std::optional(c.AlreadyImported());
    ASSIGN_OR_RETURN(auto dup, CheckDuplicate(conn, c, *e, in.period, key));
    if (dup) return dup;
    seen_.Insert(KeyHashes::Of(key), c.row.number);
    used_.try_emplace(uscc, e->id, e->region.str());
    NoteChange(e->region, in.period);
    return Buffer(conn, *e, in, key, c.row.number);
  }

  // The last rows staged, the stage gets its natural-key index in one bulk build (sorted once,
  // still outside the write lock): the publishing INSERT … SELECT reads the stage in key order.
  // Built while rows arrive, the index cost three times as much (random inserts).
  Status Finish(storage::Connection& conn) override {
    RETURN_IF_ERROR(Flush(conn));
    RETURN_IF_ERROR(writer_.Wait());
    if (!stage_ready_ || conn.Dialect() != "sqlite") return {};
    auto conn_lock = writer_.ConnLock();
    return conn.ExecScript(std::string("CREATE INDEX ") + kStage + "_key ON " + kStage +
                           " (natural_key)");
  }

  // In the batch's write transaction: the entities of the staged rows are looked up again (a
  // region move or removal since they were checked restarts the import), then the staged rows
  // go into the ledger in one INSERT … SELECT, in natural-key order (the unique key and the
  // (entity_id, period) index then grow almost sequentially). A ledger row with the same key
  // written meanwhile fails the unique index: the import restarts and reports it as duplicate.
  Status Publish(storage::Connection& conn, int64_t batch) override {
    if (!stage_ready_) return {};
    for (const auto& [uscc, known] : used_) {
      ASSIGN_OR_RETURN(auto e, entity::FindByUscc(conn, uscc));
      if (!e || e->id != known.first || e->region.str() != known.second)
        return imports::RestartImport();
    }
    std::string cols, select;
    for (const auto& col : kInsertColumns) {
      cols += (cols.empty() ? "" : ", ") + col;
      select += (select.empty() ? "" : ", ") + (col == "batch_id" ? "CAST(? AS BIGINT)" : col);
    }
    if (conn.Dialect() == "postgresql")
      RETURN_IF_ERROR(conn.ExecScript("SET LOCAL work_mem = '256MB'"));
    auto n = conn.Exec("INSERT INTO sales_records (" + cols + ") SELECT " + select + " FROM " +
                           kStage + " ORDER BY natural_key",
                       {batch});
    if (!n.ok() && n.error().code == ErrorCode::kConflict) return imports::RestartImport();
    if (!n.ok()) return n.take_error();
    // The screen's stored figures of these counties are stale from this commit on.
    for (const auto& [county, month] : changed_)
      RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, *RegionCode::Parse(county), month, now_));
    return {};
  }

  void Discard(storage::Connection& conn) override {
    (void)writer_.Wait();
    auto conn_lock = writer_.ConnLock();
    (void)conn.ExecScript(std::string("DROP TABLE IF EXISTS ") + kStage);
  }

 private:
  static constexpr size_t kFlushRows = 2000;
  static constexpr size_t kMaxCached = 200000;  // entities or brands/shops; cleared when full

  struct EntityInfo {
    int64_t id = 0;  // 0: not registered
    RegionCode region;
    bool in_scope = false;
    std::vector<int> ledger_months;  // months with current ledger rows before this batch
  };

  // The county of each staged row with its earliest month (marked changed in Publish).
  void NoteChange(const RegionCode& region, const std::string& period) {
    auto [it, fresh] = changed_.try_emplace(region.county().str(), period);
    if (!fresh && period < it->second) it->second = period;
  }

  Result<const EntityInfo*> FindEntity(storage::Connection& conn, const std::string& uscc) {
    if (auto it = entities_.find(uscc); it != entities_.end()) return &it->second;
    if (entities_.size() >= kMaxCached) entities_.clear();
    auto conn_lock = writer_.ConnLock();
    ASSIGN_OR_RETURN(auto e, entity::FindByUscc(conn, uscc));
    EntityInfo info;
    if (e) {
      info.id = e->id;
      info.region = e->region;
      info.in_scope = who_.InScope(e->region);
      ASSIGN_OR_RETURN(auto months, conn.Query("SELECT DISTINCT period FROM sales_records WHERE "
                                               "entity_id = ? AND is_current = 1",
                                               {e->id}));
      for (const auto& m : months) info.ledger_months.push_back(MonthIndex(m.Text(0)));
      std::sort(info.ledger_months.begin(), info.ledger_months.end());
    }
    return &entities_.emplace(uscc, std::move(info)).first->second;
  }

  // The staging table: a TEMP table of this connection (no write lock on SQLite; private to the
  // session on PostgreSQL) with the ledger's insert columns, keyed by the file row (on SQLite the
  // rowid itself: rows arrive in file order, so staging appends), which the in-file duplicate
  // check reads by; the natural-key index comes once every row is staged (Finish).
  Status CreateStage(storage::Connection& conn) {
    bool sqlite = conn.Dialect() == "sqlite";
    std::string ddl =
        std::string("DROP TABLE IF EXISTS ") + kStage + "; CREATE TEMP TABLE " + kStage + " (";
    for (const auto& col : kInsertColumns) {
      bool text = col == "county_code" || col == "region_code" || col == "period" ||
                  col == "platform" || col == "direction" || col == "category" || col == "source" ||
                  col == "natural_key";
      if (col == "source_row")
        ddl += col + (sqlite ? " INTEGER PRIMARY KEY, " : " BIGINT PRIMARY KEY, ");
      else
        ddl += col + (text ? " TEXT, " : " BIGINT, ");
    }
    ddl.resize(ddl.size() - 2);
    ddl += ")";
    auto conn_lock = writer_.ConnLock();
    RETURN_IF_ERROR(conn.ExecScript(ddl));
    stage_ready_ = true;
    return {};
  }

  // Whether an earlier, partially accepted batch of this same file wrote the row (its key is
  // then in that batch, current or since corrected). The keys are loaded on the first row.
  Result<bool> WrittenBySameFile(storage::Connection& conn, const std::string& key) {
    if (same_file_.empty()) return false;
    if (!earlier_loaded_) {
      auto conn_lock = writer_.ConnLock();
      for (int64_t b : same_file_) {
        ASSIGN_OR_RETURN(
            auto rows, conn.Query("SELECT natural_key FROM sales_records WHERE batch_id = ?", {b}));
        for (const auto& r : rows) earlier_keys_.insert(r.Text(0));
      }
      earlier_loaded_ = true;
    }
    return earlier_keys_.contains(key);
  }

  // Brand (by name) or shop (by shop id) of the entity; nullopt when not registered.
  Result<std::optional<int64_t>> FindLinked(storage::Connection& conn, bool brand,
                                            int64_t entity_id, const std::string& name) {
    std::string key = (brand ? "b" : "s") + std::to_string(entity_id) + '\x1f' + name;
    if (auto it = linked_.find(key); it != linked_.end()) return it->second;
    if (linked_.size() >= kMaxCached) linked_.clear();
    auto conn_lock = writer_.ConnLock();
    std::optional<int64_t> id;
    if (brand) {
      ASSIGN_OR_RETURN(auto b, entity::FindBrand(conn, entity_id, name));
      if (b) id = b->id;
    } else {
      ASSIGN_OR_RETURN(auto s, entity::FindShop(conn, entity_id, name));
      if (s) id = s->id;
    }
    linked_.emplace(std::move(key), id);
    return id;
  }

  RowOutcome LinkShopAndBrand(storage::Connection& conn, const Cells& c, SalesInput& in) {
    if (const std::string& brand = c.Get(kBrand); !brand.empty()) {
      ASSIGN_OR_RETURN(in.brand_id, FindLinked(conn, true, in.entity_id, brand));
      if (!in.brand_id) return std::optional(c.Reject(kBrand, "该主体未登记品牌“" + brand + "”"));
    }
    if (const std::string& shop = c.Get(kShop); !shop.empty()) {
      ASSIGN_OR_RETURN(in.shop_id, FindLinked(conn, false, in.entity_id, shop));
      if (!in.shop_id) return std::optional(c.Reject(kShop, "该主体未登记网店“" + shop + "”"));
    }
    return std::optional<RowError>();
  }

  // A repeated key: an earlier row of this file (the hash names the row that first had it; the
  // staged row confirms it, so a collision never rejects a row) or a current ledger row (probed
  // only for months the entity already has rows in).
  RowOutcome CheckDuplicate(storage::Connection& conn, const Cells& c, const EntityInfo& e,
                            const std::string& period, const std::string& key) {
    if (int64_t first = seen_.Find(KeyHashes::Of(key)); first != 0) {
      ASSIGN_OR_RETURN(std::optional<int64_t> row, StagedRowOf(conn, key, first));
      if (row) return std::optional(c.Reject(-1, "与文件第" + std::to_string(*row) + "行重复"));
    }
    if (!std::binary_search(e.ledger_months.begin(), e.ledger_months.end(), MonthIndex(period)))
      return std::optional<RowError>();
    auto conn_lock = writer_.ConnLock();
    ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT 1 FROM sales_records WHERE natural_key = ? AND "
                                           "is_current = 1",
                                           {key}));
    if (rows.empty()) return std::optional<RowError>();
    return std::optional(c.Reject(-1,
                                  "与台账中已有记录重复（同一主体、所属期、平台、方向、品类），"
                                  "如需修改请使用更正"));
  }

  // The staged row with natural key `key`: `candidate` (the row whose key had the same hash)
  // when its key is `key`, else (a hash collision, practically never) found by reading the
  // stage. Earlier rows of the file are written first, so the query sees them.
  Result<std::optional<int64_t>> StagedRowOf(storage::Connection& conn, const std::string& key,
                                             int64_t candidate) {
    RETURN_IF_ERROR(Flush(conn));
    RETURN_IF_ERROR(writer_.Wait());
    auto conn_lock = writer_.ConnLock();
    ASSIGN_OR_RETURN(auto rows, conn.Query(std::string("SELECT natural_key FROM ") + kStage +
                                               " WHERE source_row = ?",
                                           {candidate}));
    if (!rows.empty() && rows[0].Text(0) == key) return std::optional(candidate);
    ASSIGN_OR_RETURN(rows, conn.Query(std::string("SELECT MIN(source_row) FROM ") + kStage +
                                          " WHERE natural_key = ?",
                                      {key}));
    if (rows.empty() || rows[0].IsNull(0)) return std::optional<int64_t>();
    return std::optional(rows[0].Int(0));
  }

  RowOutcome Buffer(storage::Connection& conn, const EntityInfo& e, const SalesInput& in,
                    const std::string& key, int64_t source_row) {
    if (pending_ == rows_.size()) rows_.emplace_back(kInsertColumns.size());
    std::vector<storage::Value>& r = rows_[pending_++];
    SetText(r[0], e.region.county().str());
    SetText(r[1], e.region.str());
    r[2] = in.entity_id;
    r[3] = OptValue(in.shop_id);
    r[4] = OptValue(in.brand_id);
    SetText(r[5], in.period);
    SetText(r[6], in.platform);
    SetText(r[7], DirectionName(in.direction));
    r[8] = int64_t{in.agricultural};
    SetText(r[9], in.category);
    r[10] = in.amount.value;
    r[11] = OptValue(in.orders);
    r[12] = OptValue(in.export_usd_cents);
    SetText(r[13], SourceName(Source::kImport));
    r[14] = int64_t{0};  // the batch id is given when the stage is published
    r[15] = source_row;
    SetText(r[16], key);
    r[17] = creator_;
    r[18] = now_;
    if (pending_ == kFlushRows) RETURN_IF_ERROR(Flush(conn));
    return std::optional<RowError>();
  }

  // Hands the buffered rows to the writer (returns at once unless a write is in flight).
  Status Flush(storage::Connection&) {
    if (pending_ == 0) return {};
    rows_.resize(pending_);
    pending_ = 0;
    return writer_.Submit(rows_);
  }

  static constexpr char kStage[] = "sales_import_stage";
  inline static const std::vector<std::string> kInsertColumns = {
      "county_code", "region_code", "entity_id",        "shop_id",      "brand_id",
      "period",      "platform",    "direction",        "agricultural", "category",
      "amount_fen",  "orders",      "export_usd_cents", "source",       "batch_id",
      "source_row",  "natural_key", "created_by",       "created_at"};

  const account::Principal& who_;
  std::vector<int64_t> same_file_;
  int64_t now_;
  bool earlier_loaded_ = false;
  std::unordered_set<std::string> earlier_keys_;
  storage::Value creator_;
  SalesInput in_;
  std::unordered_map<std::string, EntityInfo> entities_;
  std::unordered_map<std::string, std::optional<int64_t>> linked_;
  KeyHashes seen_;
  bool stage_ready_ = false;
  std::map<std::string, std::string> changed_;  // county → earliest staged month
  // Entities of the accepted rows: USCC -> (id, region code) as checked.
  std::unordered_map<std::string, std::pair<int64_t, std::string>> used_;
  std::vector<std::vector<storage::Value>> rows_;
  size_t pending_ = 0;
  BackgroundWriter writer_;  // last: joined first, before the buffers it may still read go
};

}  // namespace

Result<ImportReport> ImportSales(const ImportContext& ctx, const account::Principal& who,
                                 const std::string& path, Mode mode, const ImportOptions& opt) {
  if (!who.Can("sales:import")) return Error::Forbidden("您没有导入销售数据的权限（sales:import）");
  int64_t now = ctx.clock.NowMs();
  imports::HandlerFactory make =
      [&who, now](storage::Connection& conn,
                  const imports::BatchContext& batch) -> std::unique_ptr<imports::RowHandler> {
    return std::make_unique<SalesHandler>(conn, who, batch, now);
  };
  return imports::Run(ctx, who, path, mode, {"sales", "sales.import", kSalesColumns, true}, make,
                      opt);
}

spreadsheet::Sheet SalesTemplate() {
  return imports::Template(
      "网络销售额", kSalesColumns,
      {"91341302MA2N00001C", "示例电商有限公司", "2024-03", "淘宝", "上行", "是", "水果",
       "12.5万元", "830", "", "", ""},
      {"带*的列为必填；列的顺序可以调整，但表头文字须与模板一致。",
       "所属期：年月，如 2024-03；方向：上行 或 下行；是否农产品：是 或 否。",
       "网络销售额：单位元，可写 125000.00 或 12.5万元；出口额：单位美元。",
       "同一主体、所属期、平台、方向、品类（及品牌、网店）只能有一行；已导入的数据请使用更正。",
       "品牌、网店ID须先在经营主体中登记。导入前请删除示例行。"});
}

Result<spreadsheet::Sheet> ExportBatch(storage::Connection& conn, int64_t batch_id) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT entity_id, period, platform, direction, agricultural, category, "
                 "amount_fen, orders, export_usd_cents, brand_id, shop_id FROM sales_records "
                 "WHERE batch_id = ? AND is_current = 1 ORDER BY source_row, id",
                 {batch_id}));
  // uscc/name, brand names and shop ids from the entity module, one batch read each.
  std::vector<int64_t> entity_ids, brand_ids, shop_ids;
  for (const auto& r : rows) {
    entity_ids.push_back(r.Int(0));
    if (!r.IsNull(9)) brand_ids.push_back(r.Int(9));
    if (!r.IsNull(10)) shop_ids.push_back(r.Int(10));
  }
  ASSIGN_OR_RETURN(auto entities, entity::NamesByIds(conn, std::move(entity_ids)));
  ASSIGN_OR_RETURN(auto brands, entity::BrandNamesByIds(conn, std::move(brand_ids)));
  ASSIGN_OR_RETURN(auto shops, entity::ShopRefsByIds(conn, std::move(shop_ids)));
  spreadsheet::Sheet sheet = SalesTemplate();
  sheet.rows.clear();
  for (const auto& r : rows) {
    const entity::EntityName& e = entities[r.Int(0)];
    sheet.rows.push_back(
        {e.uscc, e.name, r.Text(1), r.Text(2), r.Text(3) == "uplink" ? "上行" : "下行",
         r.Int(4) ? "是" : "否", r.Text(5), Fen{r.Int(6)}.ToPlain(), r.Text(7),
         r.IsNull(8) ? "" : Fen{r.Int(8)}.ToPlain(), r.IsNull(9) ? "" : brands[r.Int(9)],
         r.IsNull(10) ? "" : shops[r.Int(10)]});
  }
  return sheet;
}

}  // namespace ruralec::sales
