// Batches and trace events: create, read, record, correct, each write with its audit entry in
// one transaction and each event appended to its batch's chain (trace.h contract).
#include "products/trace.h"

#include <algorithm>
#include <map>

#include "account/stamp.h"
#include "core/validate.h"
#include "entity/entity.h"
#include "products/epcis_io.h"
#include "products/epcis_store.h"
#include "products/products.h"
#include "products/products_store.h"
#include "products/service_internal.h"
#include "products/trace_store.h"
#include "region/region.h"

namespace ruralec::products::trace {
namespace {

bool LotChars(std::string_view lot) {
  if (lot.empty() || lot.size() > 20) return false;
  return std::all_of(lot.begin(), lot.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
           c == '_' || c == '-';
  });
}

// A decimal of at most 12 integer digits and 3 decimals, greater than 0 ("" passes).
Status CheckQuantity(const std::string& q, std::string_view field) {
  if (q.empty()) return {};
  size_t dot = q.find('.');
  std::string whole = q.substr(0, dot), frac = dot == std::string::npos ? "" : q.substr(dot + 1);
  auto digits = [](const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  bool ok = !whole.empty() && whole.size() <= 12 && digits(whole) && digits(frac) &&
            frac.size() <= 3 && (dot == std::string::npos || !frac.empty()) &&
            q.find_first_not_of("0.") != std::string::npos;
  if (!ok) return Error::Invalid(std::string(field), "数量应为大于 0 的数，最多 3 位小数: " + q);
  return {};
}

Status CheckUnit(const std::string& uom, const std::string& quantity) {
  if (uom.empty() && quantity.empty()) return {};
  if (uom.empty()) return Error::Invalid("uom", "请填写数量的单位");
  for (const auto& [code, label] : Units())
    if (code == uom) return {};
  return Error::Invalid("uom", "单位应为 KGM（千克）、GRM、TNE、LTR、H87（件）或 XBX（箱）");
}

Result<Batch> Visible(storage::Connection& conn, const account::Principal& who, int64_t id) {
  if (!who.Can("products:read")) return Error::Forbidden("没有查看溯源批次的权限");
  ASSIGN_OR_RETURN(auto b, store::GetBatch(conn, id));
  if (!b || !internal::Sees(who, b->region, b->entity_id))
    return Error::NotFound("批次不存在或不在您的管辖范围内");
  return *b;
}

// The product's name and GTIN on a batch (the EPC class needs the GTIN).
Status NameBatches(storage::Connection& conn, std::vector<Batch>& items) {
  std::vector<int64_t> entities;
  for (auto& b : items) {
    entities.push_back(b.entity_id);
    ASSIGN_OR_RETURN(auto p, products::store::GetProduct(conn, b.product_id));
    if (p) {
      b.product_name = p->name;
      b.gtin = p->gtin;
    }
  }
  ASSIGN_OR_RETURN(auto names, entity::NamesByIds(conn, entities));
  for (auto& b : items)
    if (names.contains(b.entity_id)) b.entity_name = names[b.entity_id].name;
  return {};
}

// The batch named, its chain's verdict from the mark (CheckRecent) and, when `events`, its rows.
Result<BatchDetail> DetailOf(storage::Connection& conn, const Deps& d, Batch b, bool events) {
  BatchDetail out;
  std::vector<Batch> one = {std::move(b)};
  RETURN_IF_ERROR(NameBatches(conn, one));
  out.batch = std::move(one[0]);
  if (events) {
    ASSIGN_OR_RETURN(out.events, store::EventsOf(conn, out.batch.id));
    std::map<std::string, std::string> declared;
    for (const auto& decl : out.events)
      if (decl.kind == "error_declaration") declared[decl.event_id] = decl.error_reason;
    for (auto& e : out.events)
      if (auto it = declared.find(e.event_id); e.kind == "event" && it != declared.end())
        e.declared_reason = it->second;
  }
  ASSIGN_OR_RETURN(out.chain, CheckRecent(conn, d.mac, out.batch));
  return out;
}

std::string Fingerprint(const EventInput& in) {
  auto date = [](const std::optional<CivilDate>& x) { return x ? x->ToString() : ""; };
  return crypto::Sha256Hex(
      in.step + "|" + in.event_time + "|" + in.read_point.str() + "|" + in.biz_location.str() +
      "|" + in.quantity + "|" + in.input_quantity + "|" + in.uom + "|" + date(in.harvest_start) +
      "|" + date(in.harvest_end) + "|" + date(in.production_date) + "|" + date(in.best_before) +
      "|" + in.test_report + "|" + in.result + "|" + in.note);
}

std::string NewEventId() {
  std::string h = crypto::Sha256Hex(crypto::RandomToken(32));
  h[12] = '4';
  h[16] = "89ab"[h[16] % 4];
  return "urn:uuid:" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" +
         h.substr(16, 4) + "-" + h.substr(20, 12);
}

bool IsUuidUrn(const std::string& id) {
  if (id.size() != 45 || id.rfind("urn:uuid:", 0) != 0) return false;
  for (size_t i = 9; i < id.size(); ++i) {
    char c = id[i];
    bool dash = i == 17 || i == 22 || i == 27 || i == 32;
    if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Status CheckLocation(storage::Connection& conn, const Batch& b, const RegionCode& r,
                     std::string_view field) {
  if (r.county() != b.region.county())
    return Error::Invalid(std::string(field), "地点应在本批次产品所在县内");
  ASSIGN_OR_RETURN(bool exists, region::Exists(conn, r));
  if (!exists) return Error::Invalid(std::string(field), "区划不存在: " + r.str());
  return {};
}

void AddIlmd(Event& e, const char* key, const std::optional<CivilDate>& d) {
  if (d) e.ilmd.emplace_back(key, d->ToString());
}

// The event the input describes on batch `b` (its chain fields are set when appended).
Result<Event> Build(storage::Connection& conn, const Deps& d, const Batch& b, EventInput& in) {
  const Step* step = FindStep(in.step);
  if (!step) return Error::Invalid("step", "环节应为种植、养殖、加工、包装、检测、运输或销售");
  Event e;
  e.batch_id = b.id;
  e.county_code = b.county_code;
  e.step = step->name;
  e.event_type = step->event_type;
  e.action = step->action;
  e.biz_step = step->biz_step;
  e.disposition = step->disposition;
  ASSIGN_OR_RETURN(auto when, ParseEventTime(in.event_time));
  if (when.first > d.clock.NowMs() + 5 * 60'000)
    return Error::Invalid("event_time", "事件时间不能晚于现在");
  if (when.first < 946'684'800'000) return Error::Invalid("event_time", "事件时间应在 2000 年以后");
  e.event_time = when.first;
  e.time_zone_offset = when.second;
  if (in.read_point.empty()) in.read_point = b.region;
  if (in.biz_location.empty()) in.biz_location = in.read_point;
  RETURN_IF_ERROR(CheckLocation(conn, b, in.read_point, "read_point"));
  RETURN_IF_ERROR(CheckLocation(conn, b, in.biz_location, "biz_location"));
  e.read_point = in.read_point.str();
  e.biz_location = in.biz_location.str();
  RETURN_IF_ERROR(CheckQuantity(in.quantity, "quantity"));
  RETURN_IF_ERROR(CheckQuantity(in.input_quantity, "input_quantity"));
  if (!in.input_quantity.empty() && e.event_type != std::string("TransformationEvent"))
    return Error::Invalid("input_quantity", "只有加工环节填写投入数量");
  RETURN_IF_ERROR(CheckUnit(in.uom, in.quantity + in.input_quantity));
  e.quantity = in.quantity;
  e.input_quantity = in.input_quantity;
  e.uom = in.uom;
  bool dates = in.harvest_start || in.harvest_end || in.production_date || in.best_before;
  if (dates && !step->ilmd)
    return Error::Invalid("ilmd", "只有种植、养殖、加工环节填写采收或生产日期");
  if (in.harvest_start && in.harvest_end && *in.harvest_end < *in.harvest_start)
    return Error::Invalid("harvest_end", "采收结束日不能早于开始日");
  if (step->ilmd) e.ilmd.emplace_back("cbvmda:lotNumber", b.lot);
  AddIlmd(e, "cbvmda:harvestStartDate", in.harvest_start);
  AddIlmd(e, "cbvmda:harvestEndDate", in.harvest_end);
  AddIlmd(e, "cbvmda:productionDate", in.production_date);
  AddIlmd(e, "cbvmda:bestBeforeDate", in.best_before);
  ASSIGN_OR_RETURN(e.note, validate::ValidateText(in.note, {"note", "说明", 500, true}));
  ASSIGN_OR_RETURN(e.test_report, validate::ValidateText(
                                      in.test_report, {"test_report", "检测报告编号", 60, true}));
  if (e.step == "inspecting") {
    if (e.test_report.empty()) return Error::Invalid("test_report", "检测环节须填写检测报告编号");
    if (in.result != "pass" && in.result != "fail")
      return Error::Invalid("result", "检测结果应为 pass（合格）或 fail（不合格）");
    e.disposition = in.result == "pass" ? "conformant" : "non_conformant";
  } else if (!e.test_report.empty() || !in.result.empty()) {
    return Error::Invalid("test_report", "只有检测环节填写检测报告和结果");
  }
  e.fingerprint = Fingerprint(in);
  return e;
}

// Appends `e` to batch `b`'s chain (b's head moves) and writes the audit entry.
Result<Event> Append(storage::Connection& conn, const Deps& d, const account::Principal& who,
                     Batch& b, Event e, const char* action) {
  // The chain as it stands: when it holds, the mark moves to the new row below.
  ASSIGN_OR_RETURN(VerifyReport chain, CheckRecent(conn, d.mac, b));
  e.seq = b.event_count + 1;
  e.prev_hash = b.head_hash;
  if (who.id.valid()) e.actor_id = who.id.value;
  e.actor_name = internal::ActorName(who);
  e.record_time = d.clock.NowMs();
  e.hash = d.mac.Tag(kTagContext, TagInput(e, b));
  ASSIGN_OR_RETURN(e.id, store::InsertEvent(conn, e));
  // The query store's copy (epcis.h), unless a captured event already holds the eventID.
  epcis::Stored copy = epcis::FromTrace(e, b);
  ASSIGN_OR_RETURN(auto taken,
                   epcis::store::Fingerprint(conn, b.county_code, copy.event_id, copy.declaration));
  if (taken)
    return Error::Conflict("事件编号 " + e.event_id + " 已被采集的 EPCIS 事件使用", "event_id");
  ASSIGN_OR_RETURN(int64_t copy_row,
                   epcis::store::Insert(conn, b.county_code, copy, e.id, e.actor_id));
  (void)copy_row;
  b.event_count = e.seq;
  b.head_hash = e.hash;
  RETURN_IF_ERROR(store::SetHead(conn, b.id, b.event_count, b.head_hash));
  chain.held_seq = e.seq;
  chain.held_hash = e.hash;
  RETURN_IF_ERROR(MoveMark(conn, d.mac, b, chain, e.record_time));
  RETURN_IF_ERROR(d.audit.Append(
      conn, account::AuditOf(who, action, "trace_event", e.id,
                             "batch=" + std::to_string(b.id) + " seq=" + std::to_string(e.seq) +
                                 " step=" + e.step + " event=" + e.event_id +
                                 (e.error_reason.empty() ? "" : " error=" + e.error_reason))));
  return e;
}

// The batch for a write: visible, in scope, its product not removed.
Result<Batch> Writable(storage::Connection& conn, const account::Principal& who, int64_t id) {
  if (!who.Can("products:trace")) return Error::Forbidden("没有登记溯源事件的权限");
  ASSIGN_OR_RETURN(Batch b, Visible(conn, who, id));
  if (!internal::MayWrite(who, b.region, b.entity_id))
    return Error::Forbidden("该批次不在您的管辖范围内");
  ASSIGN_OR_RETURN(auto p, products::store::GetProduct(conn, b.product_id));
  if (p && p->admission == Admission::kRemoved)
    return Error::Conflict("产品已移出产品库，不能再登记溯源事件", "batch_id");
  if (p) b.gtin = p->gtin;
  return b;
}

// An event id the client sent: the first event when it is the same event, else a conflict.
Result<std::optional<Event>> Repeat(storage::Connection& conn, const Event& e) {
  ASSIGN_OR_RETURN(auto prior, store::FindEvent(conn, e.event_id, "event"));
  if (!prior) return std::optional<Event>();
  if (prior->batch_id != e.batch_id || prior->fingerprint != e.fingerprint)
    return Error::Conflict("事件编号 " + e.event_id + " 已用于另一条事件", "event_id");
  prior->repeated = true;
  return prior;
}

}  // namespace

Result<BatchDetail> CreateBatch(const Deps& d, const account::Principal& who, BatchInput in) {
  if (!who.Can("products:trace")) return Error::Forbidden("没有登记溯源批次的权限");
  if (!LotChars(in.lot))
    return Error::Invalid("lot", "批号应为 1 至 20 位字母、数字或 . _ -: " + in.lot);
  RETURN_IF_ERROR(CheckQuantity(in.quantity, "quantity"));
  RETURN_IF_ERROR(CheckUnit(in.uom, in.quantity));
  if (in.produced_on)
    RETURN_IF_ERROR(
        validate::PlausibleDate(*in.produced_on, "produced_on", ShanghaiDate(d.clock.NowMs())));
  auto conn = d.db.Acquire();
  return storage::InTransaction<BatchDetail>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<BatchDetail> {
        auto p = products::VisibleProduct(*conn, who, in.product_id);
        if (!p.ok()) return Error::Invalid("product_id", "产品不存在或不在您的管辖范围内");
        if (!internal::MayWrite(who, p->region, p->entity_id))
          return Error::Forbidden("该产品不在您的管辖范围内");
        if (p->admission != Admission::kAdmitted)
          return Error::Conflict("产品尚未入库（或已暂停、移出），不能登记批次", "product_id");
        ASSIGN_OR_RETURN(bool taken, store::LotTaken(*conn, p->id, in.lot));
        if (taken) return Error::Conflict("该产品已有批号 " + in.lot, "lot");
        Batch b;
        b.county_code = p->county_code;
        b.region = p->region;
        b.product_id = p->id;
        b.entity_id = p->entity_id;
        b.lot = in.lot;
        b.quantity = in.quantity;
        b.uom = in.uom;
        b.produced_on = in.produced_on;
        b.public_code = crypto::RandomToken(12);
        ASSIGN_OR_RETURN(b.id,
                         store::InsertBatch(*conn, b, account::StampOf(who, d.clock.NowMs())));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, account::AuditOf(who, "trace.batch.create", "trace_batch", b.id,
                                    "product=" + std::to_string(b.product_id) + " lot=" + b.lot)));
        ASSIGN_OR_RETURN(auto stored, store::GetBatch(*conn, b.id));
        return DetailOf(*conn, d, *stored, true);
      });
}

Result<Page<Batch>> ListBatches(const Deps& d, const account::Principal& who, BatchFilter f,
                                const PageRequest& page) {
  if (!who.Can("products:read")) return Error::Forbidden("没有查看溯源批次的权限");
  if (f.region.empty()) f.region = who.region;
  if (!who.InScope(f.region))
    return Error::Forbidden("区划 " + f.region.str() + " 不在您的管辖范围内");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto out, store::ListBatches(*conn, f, internal::Owner(who), page));
  RETURN_IF_ERROR(NameBatches(*conn, out.items));
  return out;
}

Result<BatchDetail> GetBatch(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Batch b, Visible(*conn, who, id));
  return DetailOf(*conn, d, b, true);
}

Result<BatchDetail> GetBatchHead(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Batch b, Visible(*conn, who, id));
  return DetailOf(*conn, d, b, false);
}

Result<Event> RecordEvent(const Deps& d, const account::Principal& who, int64_t batch_id,
                          EventInput in) {
  if (!in.event_id.empty() && !IsUuidUrn(in.event_id))
    return Error::Invalid("event_id", "事件编号应为 urn:uuid:（小写 UUID）");
  auto conn = d.db.Acquire();
  return storage::InTransaction<Event>(*conn, storage::TxMode::kWrite, [&]() -> Result<Event> {
    ASSIGN_OR_RETURN(Batch b, Writable(*conn, who, batch_id));
    ASSIGN_OR_RETURN(Event e, Build(*conn, d, b, in));
    e.event_id = in.event_id.empty() ? NewEventId() : in.event_id;
    ASSIGN_OR_RETURN(auto prior, Repeat(*conn, e));
    if (prior) return *prior;
    return Append(*conn, d, who, b, e, "trace.event.record");
  });
}

Result<std::vector<Event>> Correct(const Deps& d, const account::Principal& who, int64_t batch_id,
                                   int64_t event_row, CorrectionInput in) {
  if (in.reason != "incorrect_data" && in.reason != "did_not_occur")
    return Error::Invalid("reason",
                          "原因应为 incorrect_data（数据有误）或 did_not_occur（未发生）");
  ASSIGN_OR_RETURN(in.note, validate::ValidateText(in.note, {"note", "更正说明", 500}));
  auto conn = d.db.Acquire();
  using Out = std::vector<Event>;
  return storage::InTransaction<Out>(*conn, storage::TxMode::kWrite, [&]() -> Result<Out> {
    ASSIGN_OR_RETURN(Batch b, Writable(*conn, who, batch_id));
    ASSIGN_OR_RETURN(auto orig, store::GetEvent(*conn, event_row));
    if (!orig || orig->batch_id != b.id || orig->kind != "event")
      return Error::NotFound("该批次没有这条事件");
    std::optional<Event> fix;
    if (in.corrective) {
      ASSIGN_OR_RETURN(fix, Build(*conn, d, b, *in.corrective));
      fix->event_id = NewEventId();
    }
    std::string fp = crypto::Sha256Hex(in.reason + "|" + in.note + "|" +
                                       (fix ? fix->fingerprint : std::string()));
    ASSIGN_OR_RETURN(auto declared, store::FindEvent(*conn, orig->event_id, "error_declaration"));
    if (declared) {
      if (declared->fingerprint != fp)
        return Error::Conflict("这条事件已声明有误，不能再次更正（请更正其更正事件）", "event_id");
      Out out;
      declared->repeated = true;
      out.push_back(*declared);
      for (const auto& id : declared->corrective_ids) {
        ASSIGN_OR_RETURN(auto c, store::FindEvent(*conn, id, "event"));
        if (c) out.push_back(*c);
      }
      return out;
    }
    Event decl = *orig;
    decl.kind = "error_declaration";
    decl.error_reason = in.reason;
    decl.note = in.note;
    decl.fingerprint = fp;
    if (fix) decl.corrective_ids = {fix->event_id};
    Out out;
    ASSIGN_OR_RETURN(Event stored, Append(*conn, d, who, b, decl, "trace.event.correct"));
    out.push_back(stored);
    if (fix) {
      ASSIGN_OR_RETURN(Event corrective, Append(*conn, d, who, b, *fix, "trace.event.record"));
      out.push_back(corrective);
    }
    return out;
  });
}

}  // namespace ruralec::products::trace
