#include "sales/import.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <span>
#include <unordered_map>

#include "core/validate.h"
#include "entity/entity.h"
#include "entity/validation.h"
#include "sales/import_internal.h"
#include "sales/sales.h"

namespace ruralec::sales {
namespace {

using internal::BackgroundWriter;
using internal::KeyHashes;
using spreadsheet::SheetRow;

struct Column {
  const char* header;  // as written in the template (with "*" for required and the unit)
  bool required;
};

// Header text without "*", the "(unit)" suffix and spaces: "网络销售额(元)*" -> "网络销售额".
std::string NormalizeHeader(std::string h) {
  for (const char* cut : {"(", "（"}) {
    if (size_t p = h.find(cut); p != std::string::npos) h.resize(p);
  }
  std::string out;
  for (char c : h) {
    if (c != '*' && c != ' ') out += c;
  }
  return out;
}

Result<std::vector<int>> MapHeaders(const SheetRow& header, std::span<const Column> cols) {
  std::vector<int> idx(cols.size(), -1);
  for (size_t i = 0; i < header.cells.size(); ++i) {
    std::string h = NormalizeHeader(header.cells[i]);
    for (size_t c = 0; c < cols.size(); ++c) {
      if (h == NormalizeHeader(cols[c].header) && idx[c] < 0) idx[c] = static_cast<int>(i);
    }
  }
  for (size_t c = 0; c < cols.size(); ++c) {
    if (cols[c].required && idx[c] < 0)
      return Error::Invalid("file",
                            "缺少必填列“" + NormalizeHeader(cols[c].header) + "”，请使用导入模板");
  }
  return idx;
}

// A data row seen through the header mapping.
struct Cells {
  const SheetRow& row;
  const std::vector<int>& idx;
  std::span<const Column> cols;
  const std::string& Get(int col) const {
    static const std::string kEmpty;
    int i = idx[static_cast<size_t>(col)];
    return i >= 0 && static_cast<size_t>(i) < row.cells.size() ? row.cells[static_cast<size_t>(i)]
                                                               : kEmpty;
  }
  RowError Reject(int col, std::string reason) const {
    return {row.number, col < 0 ? "" : NormalizeHeader(cols[static_cast<size_t>(col)].header),
            std::move(reason)};
  }
};

using RowOutcome = Result<std::optional<RowError>>;  // Error aborts; RowError rejects the row

// Imports the rows of one batch. Created afresh for every (re-)run of the transaction.
class RowHandler {
 public:
  virtual ~RowHandler() = default;
  virtual RowOutcome Row(storage::Connection& conn, const Cells& c) = 0;
  // Writes whatever the handler buffered; called once after the last row.
  virtual Status Finish(storage::Connection& conn) { return {}; }
};
using HandlerFactory =
    std::function<std::unique_ptr<RowHandler>(storage::Connection& conn, int64_t batch)>;

// Errors a row can cause that reject it; anything else (database failure) aborts the import.
bool IsRowError(const Error& e) {
  return e.code == ErrorCode::kInvalidArgument || e.code == ErrorCode::kConflict ||
         e.code == ErrorCode::kForbidden || e.code == ErrorCode::kNotFound;
}

constexpr char kRejectedSentinel[] = "__rows_rejected__";

void NoteError(RowError err, ImportReport& rep, const ImportOptions& opt) {
  ++rep.rows_rejected;
  if (opt.errors && opt.errors->add) opt.errors->add(err);
  if (rep.errors.size() < kMaxReportedErrors) rep.errors.push_back(std::move(err));
}

Status ReadRows(storage::Connection& conn, spreadsheet::RowReader& reader,
                std::span<const Column> cols, RowHandler& handler, ImportReport& rep,
                const ImportOptions& opt) {
  SheetRow row;
  std::string where = reader.SheetName().empty() ? "" : "工作表“" + reader.SheetName() + "”";
  ASSIGN_OR_RETURN(bool has_header, reader.Next(row));
  if (!has_header) return Error::Invalid("file", where + "文件为空");
  auto mapped = MapHeaders(row, cols);
  if (!mapped.ok()) return Error::Invalid("file", where + mapped.error().message);
  std::vector<int> idx = std::move(*mapped);
  while (true) {
    ASSIGN_OR_RETURN(bool more, reader.Next(row));
    if (!more) break;
    if (row.Blank()) continue;
    ++rep.rows_total;
    ASSIGN_OR_RETURN(std::optional<RowError> err, handler.Row(conn, Cells{row, idx, cols}));
    if (!err) {
      ++rep.rows_imported;
      continue;
    }
    NoteError(std::move(*err), rep, opt);
  }
  if (rep.rows_total == 0) return Error::Invalid("file", where + "文件中没有数据行");
  return handler.Finish(conn);
}

struct RunSpec {
  const char* kind;    // import_batches.kind
  const char* action;  // audit action
  std::span<const Column> cols;
};

// xlsx: the first visible sheet whose first row has every required column of the template.
spreadsheet::XlsxOptions ChooseSheet(std::span<const Column> cols) {
  return {[cols](const SheetRow& first) { return MapHeaders(first, cols).ok(); }};
}

Status RunInTx(const ImportContext& ctx, storage::Connection& conn, const account::Principal& who,
               const std::string& path, const std::string& hash, Mode mode, const RunSpec& spec,
               const HandlerFactory& make, const ImportOptions& opt, ImportReport& rep) {
  std::string county = who.region.county().str();
  ASSIGN_OR_RETURN(auto prior, conn.Query("SELECT id FROM import_batches WHERE county_code = ? "
                                          "AND kind = ? AND file_hash = ?",
                                          {county, std::string(spec.kind), hash}));
  if (!prior.empty()) {
    rep.already_imported = true;
    rep.batch_id = prior[0].Int(0);
    return {};
  }
  ASSIGN_OR_RETURN(auto reader, spreadsheet::Open(path, ChooseSheet(spec.cols)));
  rep.sheet = reader->SheetName();
  int64_t now = ctx.clock.NowMs();
  std::string name =
      path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  ASSIGN_OR_RETURN(
      storage::Row b,
      conn.QueryOne("INSERT INTO import_batches (county_code, kind, file_name, file_hash, mode, "
                    "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {county, std::string(spec.kind), name, hash,
                     std::string(mode == Mode::kValidOnly ? "valid_only" : "all_or_nothing"),
                     who.id.value, now},
                    "insert batch"));
  rep.batch_id = b.Int(0);
  auto handler = make(conn, rep.batch_id);
  RETURN_IF_ERROR(ReadRows(conn, *reader, spec.cols, *handler, rep, opt));
  if (mode == Mode::kAllOrNothing && rep.rows_rejected > 0)
    return Error{ErrorCode::kInvalidArgument, "rejected", kRejectedSentinel};
  RETURN_IF_ERROR(
      conn.Exec("UPDATE import_batches SET rows_total = ?, rows_imported = ?, "
                "rows_rejected = ? WHERE id = ?",
                {rep.rows_total, rep.rows_imported, rep.rows_rejected, rep.batch_id}));
  return ctx.audit.Append(conn, {who.ToActor(), spec.action, "import_batch",
                                 std::to_string(rep.batch_id), audit::Outcome::kSuccess,
                                 "file=" + name + " sha256=" + hash.substr(0, 16) +
                                     (rep.sheet.empty() ? "" : " sheet=" + rep.sheet) +
                                     " imported=" + std::to_string(rep.rows_imported) +
                                     " rejected=" + std::to_string(rep.rows_rejected)});
}

// A large import runs with a bigger page cache on SQLite (its indexes then stay in memory
// instead of being re-read from the WAL); restored afterwards since the connection is pooled.
class SqliteCacheForImport {
 public:
  explicit SqliteCacheForImport(storage::Connection& conn) : conn_(conn) {
    if (conn.Dialect() == "sqlite") (void)conn.ExecScript("PRAGMA cache_size = -131072");
  }
  ~SqliteCacheForImport() {
    if (conn_.Dialect() == "sqlite") (void)conn_.ExecScript("PRAGMA cache_size = -2000");
  }

 private:
  storage::Connection& conn_;
};

Result<ImportReport> Run(const ImportContext& ctx, const account::Principal& who,
                         const std::string& path, Mode mode, const RunSpec& spec,
                         const HandlerFactory& make, const ImportOptions& opt) {
  ASSIGN_OR_RETURN(std::string hash, spreadsheet::FileSha256(path));
  auto conn = ctx.db.Acquire();
  SqliteCacheForImport cache(*conn);
  ImportReport rep;
  bool first_run = true;
  Status st = storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    if (!first_run && opt.errors && opt.errors->restart) opt.errors->restart();
    first_run = false;
    rep = ImportReport{};
    return RunInTx(ctx, *conn, who, path, hash, mode, spec, make, opt, rep);
  });
  if (!st.ok() && st.error().field == kRejectedSentinel) {
    rep.rolled_back = true;
    rep.rows_imported = 0;
    rep.batch_id = 0;
    return rep;
  }
  if (!st.ok()) return st.take_error();
  return rep;
}

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
// in), then buffered and written kFlushRows at a time through BulkInsert on a BackgroundWriter.
class SalesHandler : public RowHandler {
 public:
  SalesHandler(storage::Connection& conn, const account::Principal& who, int64_t batch, int64_t now)
      : who_(who),
        batch_(batch),
        now_(now),
        creator_(who.id.valid() ? storage::Value{who.id.value} : storage::Value{storage::Null{}}),
        writer_(conn, "sales_records", kInsertColumns) {}

  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
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
    ASSIGN_OR_RETURN(auto dup, CheckDuplicate(conn, c, *e, in.period, key));
    if (dup) return dup;
    seen_.Insert(KeyHashes::Of(key));
    return Buffer(conn, *e, in, key, c.row.number);
  }

  Status Finish(storage::Connection& conn) override {
    RETURN_IF_ERROR(Flush(conn));
    return writer_.Wait();
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

  RowOutcome CheckDuplicate(storage::Connection& conn, const Cells& c, const EntityInfo& e,
                            const std::string& period, const std::string& key) {
    bool in_file = seen_.Contains(KeyHashes::Of(key));
    bool in_ledger_month =
        std::binary_search(e.ledger_months.begin(), e.ledger_months.end(), MonthIndex(period));
    if (!in_file && !in_ledger_month) return std::optional<RowError>();
    RETURN_IF_ERROR(Flush(conn));  // earlier rows of this file must be visible to the query
    RETURN_IF_ERROR(writer_.Wait());
    auto conn_lock = writer_.ConnLock();
    ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT batch_id, source_row FROM sales_records WHERE "
                                           "natural_key = ? AND is_current = 1",
                                           {key}));
    if (rows.empty()) return std::optional<RowError>();  // a hash collision: not a duplicate
    if (rows[0].OptInt(0) == batch_)
      return std::optional(c.Reject(-1, "与文件第" + rows[0].Text(1) + "行重复"));
    return std::optional(c.Reject(-1,
                                  "与台账中已有记录重复（同一主体、所属期、平台、方向、品类），"
                                  "如需修改请使用更正"));
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
    r[14] = batch_;
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

  inline static const std::vector<std::string> kInsertColumns = {
      "county_code", "region_code", "entity_id",        "shop_id",      "brand_id",
      "period",      "platform",    "direction",        "agricultural", "category",
      "amount_fen",  "orders",      "export_usd_cents", "source",       "batch_id",
      "source_row",  "natural_key", "created_by",       "created_at"};

  const account::Principal& who_;
  int64_t batch_, now_;
  storage::Value creator_;
  SalesInput in_;
  std::unordered_map<std::string, EntityInfo> entities_;
  std::unordered_map<std::string, std::optional<int64_t>> linked_;
  KeyHashes seen_;
  std::vector<std::vector<storage::Value>> rows_;
  size_t pending_ = 0;
  BackgroundWriter writer_;  // last: joined first, before the buffers it may still read go
};

}  // namespace

Result<Mode> ParseMode(std::string_view text) {
  if (text.empty() || text == "all-or-nothing") return Mode::kAllOrNothing;
  if (text == "valid-only") return Mode::kValidOnly;
  return Error::Invalid("mode", "导入方式应为 all-or-nothing 或 valid-only");
}

Result<ImportReport> ImportSales(const ImportContext& ctx, const account::Principal& who,
                                 const std::string& path, Mode mode) {
  return ImportSales(ctx, who, path, mode, ImportOptions{});
}

Result<ImportReport> ImportSales(const ImportContext& ctx, const account::Principal& who,
                                 const std::string& path, Mode mode, const ImportOptions& opt) {
  if (!who.Can("sales:import")) return Error::Forbidden("您没有导入销售数据的权限（sales:import）");
  int64_t now = ctx.clock.NowMs();
  HandlerFactory make = [&who, now](storage::Connection& conn,
                                    int64_t batch) -> std::unique_ptr<RowHandler> {
    return std::make_unique<SalesHandler>(conn, who, batch, now);
  };
  return Run(ctx, who, path, mode, {"sales", "sales.import", kSalesColumns}, make, opt);
}

namespace {

// ---------------------------------------------------------------- entity rows

enum EntityCol {
  kEUscc,
  kEName,
  kEKind,
  kERegion,
  kERegistered,
  kEContact,
  kEMobile,
  kELinkage,
  kEContract,
  kEPoor,
  kEPlatform,
  kEShopName,
  kEShopRef
};
constexpr Column kEntityColumns[] = {
    {"统一社会信用代码*", true},   {"主体名称*", true},     {"主体类型*", true},
    {"所在区划代码*", true},       {"注册日期", false},     {"联系人", false},
    {"联系电话", false},           {"利益联结机制", false}, {"订单农业", false},
    {"带动建档立卡贫困户", false}, {"网店平台", false},     {"网店名称", false},
    {"网店ID或网址", false}};

int EntityColumnOf(const std::string& field) {
  if (field == "uscc") return kEUscc;
  if (field == "name") return kEName;
  if (field == "mobile") return kEMobile;
  if (field == "contact_name") return kEContact;
  if (field == "region_code") return kERegion;
  if (field == "registered_on") return kERegistered;
  if (field == "platform") return kEPlatform;
  if (field == "shop_name") return kEShopName;
  if (field == "shop_ref") return kEShopRef;
  return -1;
}

std::optional<RowError> ParseEntityFields(const Cells& c, entity::NewEntity& e) {
  e.uscc = c.Get(kEUscc);
  e.name = c.Get(kEName);
  auto kind = entity::ParseKind(c.Get(kEKind));
  if (!kind.ok()) return c.Reject(kEKind, kind.error().message);
  e.kind = *kind;
  auto region = RegionCode::Parse(c.Get(kERegion));
  if (!region.ok()) return c.Reject(kERegion, "区划代码应为12位统计用区划代码");
  e.region = *region;
  if (const std::string& d = c.Get(kERegistered); !d.empty()) {
    auto date = CivilDate::Parse(d);
    if (!date.ok()) return c.Reject(kERegistered, "注册日期应为 YYYY-MM-DD");
    e.registered_on = *date;
  }
  e.contact_name = c.Get(kEContact);
  e.mobile = c.Get(kEMobile);
  const std::pair<int, bool*> flags[] = {{kELinkage, &e.linkage.model},
                                         {kEContract, &e.linkage.contract_farming},
                                         {kEPoor, &e.linkage.employs_poor}};
  for (const auto& [col, out] : flags) {
    auto f = entity::ParseFlag(c.Get(col), "flag");
    if (!f.ok()) return c.Reject(col, f.error().message);
    *out = *f;
  }
  if (Status st = entity::Validate(e); !st.ok())
    return c.Reject(EntityColumnOf(st.error().field), st.error().message);
  return std::nullopt;
}

RowOutcome EntityRow(storage::Connection& conn, const ImportContext& ctx,
                     const account::Principal& who, const Cells& c, int64_t batch, int64_t now) {
  entity::NewEntity e;
  if (auto bad = ParseEntityFields(c, e)) return bad;
  ASSIGN_OR_RETURN(auto prior,
                   conn.Query("SELECT batch_id FROM entities WHERE uscc = ?", {e.uscc}));
  if (!prior.empty()) {
    bool same = prior[0].OptInt(0) == batch;
    return std::optional(
        c.Reject(kEUscc, same ? "与文件中前面的行重复" : "该统一社会信用代码已登记"));
  }
  entity::Shop shop{0, 0, c.Get(kEPlatform), c.Get(kEShopName), c.Get(kEShopRef)};
  bool has_shop = !shop.platform.empty() || !shop.shop_ref.empty();
  if (has_shop && (shop.platform.empty() || shop.shop_ref.empty()))
    return std::optional(c.Reject(shop.platform.empty() ? kEPlatform : kEShopRef,
                                  "登记网店须同时填写网店平台和网店ID或网址"));
  if (has_shop) {
    if (Status st = entity::ValidateShop(shop); !st.ok())
      return std::optional(c.Reject(EntityColumnOf(st.error().field), st.error().message));
    ASSIGN_OR_RETURN(auto dup, conn.Query("SELECT 1 FROM entity_shops WHERE platform = ? AND "
                                          "shop_ref = ?",
                                          {shop.platform, shop.shop_ref}));
    if (!dup.empty()) return std::optional(c.Reject(kEShopRef, "该平台上的网店已登记"));
  }
  auto id = entity::Insert(conn, ctx.cipher, who, e, now, batch);
  if (!id.ok() && IsRowError(id.error())) {
    int col =
        id.error().code == ErrorCode::kForbidden ? kERegion : EntityColumnOf(id.error().field);
    return std::optional(c.Reject(col, id.error().message));
  }
  if (!id.ok()) return id.take_error();
  if (has_shop) {
    shop.entity_id = *id;
    auto s = entity::AddShop(conn, shop, now);
    if (!s.ok()) return s.take_error();  // checked above: a failure here is not the row's fault
  }
  return std::optional<RowError>();
}

class EntityHandler : public RowHandler {
 public:
  EntityHandler(const ImportContext& ctx, const account::Principal& who, int64_t batch, int64_t now)
      : ctx_(ctx), who_(who), batch_(batch), now_(now) {}
  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
    return EntityRow(conn, ctx_, who_, c, batch_, now_);
  }

 private:
  const ImportContext& ctx_;
  const account::Principal& who_;
  int64_t batch_, now_;
};

std::string TemplateHeader(const Column& c) { return c.header; }

}  // namespace

Result<ImportReport> ImportEntities(const ImportContext& ctx, const account::Principal& who,
                                    const std::string& path, Mode mode) {
  return ImportEntities(ctx, who, path, mode, ImportOptions{});
}

Result<ImportReport> ImportEntities(const ImportContext& ctx, const account::Principal& who,
                                    const std::string& path, Mode mode, const ImportOptions& opt) {
  if (!who.Can("entity:edit")) return Error::Forbidden("您没有登记经营主体的权限（entity:edit）");
  int64_t now = ctx.clock.NowMs();
  HandlerFactory make = [&ctx, &who, now](storage::Connection&,
                                          int64_t batch) -> std::unique_ptr<RowHandler> {
    return std::make_unique<EntityHandler>(ctx, who, batch, now);
  };
  return Run(ctx, who, path, mode, {"entities", "entity.import", kEntityColumns}, make, opt);
}

spreadsheet::Sheet SalesTemplate() {
  spreadsheet::Sheet s{"网络销售额", {}, {}, {}};
  for (const auto& c : kSalesColumns) s.headers.push_back(TemplateHeader(c));
  s.rows.push_back({"91341302MA2N00001C", "示例电商有限公司", "2024-03", "淘宝", "上行", "是",
                    "水果", "12.5万元", "830", "", "", ""});
  s.notes = {
      "带*的列为必填；列的顺序可以调整，但表头文字须与模板一致。",
      "所属期：年月，如 2024-03；方向：上行 或 下行；是否农产品：是 或 否。",
      "网络销售额：单位元，可写 125000.00 或 12.5万元；出口额：单位美元。",
      "同一主体、所属期、平台、方向、品类（及品牌、网店）只能有一行；已导入的数据请使用更正。",
      "品牌、网店ID须先在经营主体中登记。导入前请删除示例行。"};
  return s;
}

spreadsheet::Sheet EntitiesTemplate() {
  spreadsheet::Sheet s{"经营主体", {}, {}, {}};
  for (const auto& c : kEntityColumns) s.headers.push_back(TemplateHeader(c));
  s.rows.push_back({"91341302MA2N00001C", "示例电商有限公司", "企业", "341302100000", "2019-03-01",
                    "张三", "13800138000", "是", "否", "否", "淘宝", "示例旗舰店", "123456"});
  s.notes = {
      "带*的列为必填；列的顺序可以调整，但表头文字须与模板一致。",
      "主体类型：企业、合作社、家庭农场、个体工商户、运营服务商。",
      "所在区划代码：12位统计用区划代码，须为乡镇（街道）或行政村（社区），且在您的管辖范围内。",
      "利益联结机制、订单农业、带动建档立卡贫困户：是 或 否。",
      "联系电话加密保存，列表中只显示掩码。导入前请删除示例行。"};
  return s;
}

Result<spreadsheet::Sheet> ExportBatch(storage::Connection& conn, int64_t batch_id) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT e.uscc, e.name, s.period, s.platform, s.direction, s.agricultural, "
                 "s.category, s.amount_fen, s.orders, s.export_usd_cents, b.name, sh.shop_ref "
                 "FROM sales_records s JOIN entities e ON e.id = s.entity_id "
                 "LEFT JOIN brands b ON b.id = s.brand_id "
                 "LEFT JOIN entity_shops sh ON sh.id = s.shop_id "
                 "WHERE s.batch_id = ? AND s.is_current = 1 ORDER BY s.source_row, s.id",
                 {batch_id}));
  spreadsheet::Sheet sheet = SalesTemplate();
  sheet.rows.clear();
  for (const auto& r : rows) {
    sheet.rows.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3),
                          r.Text(4) == "uplink" ? "上行" : "下行", r.Int(5) ? "是" : "否",
                          r.Text(6), Fen{r.Int(7)}.ToPlain(), r.Text(8),
                          r.IsNull(9) ? "" : Fen{r.Int(9)}.ToPlain(), r.Text(10), r.Text(11)});
  }
  return sheet;
}

spreadsheet::Sheet ErrorSheet(const ImportReport& report) {
  spreadsheet::Sheet s{"导入错误", {"行号", "列", "原因"}, {}, {}};
  for (const auto& e : report.errors) s.rows.push_back({std::to_string(e.row), e.column, e.reason});
  if (report.rows_rejected > static_cast<int64_t>(report.errors.size()))
    s.rows.push_back(
        {"", "",
         "另有 " + std::to_string(report.rows_rejected - report.errors.size()) + " 行错误未列出"});
  if (!report.sheet.empty()) s.notes.push_back("行号为工作表“" + report.sheet + "”中的行号");
  return s;
}

}  // namespace ruralec::sales
