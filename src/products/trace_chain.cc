// The seven steps and their EPCIS mapping, event times, identifiers, and the per-batch chain:
// what a row's hash covers and its verification (trace.h).
#include <algorithm>
#include <cstdio>

#include "products/trace.h"
#include "products/trace_store.h"
#include "storage/where.h"

namespace ruralec::products::trace {

const std::vector<Step>& Steps() {
  // CBV 2.0 vocabularies (bizStep, disposition) as the EPCIS 2.0 JSON schema lists them.
  static const std::vector<Step> k = {
      {"planting", "种植", "ObjectEvent", "ADD", "commissioning", "active", true},
      {"breeding", "养殖", "ObjectEvent", "ADD", "commissioning", "active", true},
      {"processing", "加工", "TransformationEvent", "", "commissioning", "in_progress", true},
      {"packing", "包装", "ObjectEvent", "OBSERVE", "packing", "in_progress", false},
      {"inspecting", "检测", "ObjectEvent", "OBSERVE", "inspecting", "", false},
      {"shipping", "运输", "ObjectEvent", "OBSERVE", "shipping", "in_transit", false},
      {"selling", "销售", "ObjectEvent", "OBSERVE", "retail_selling", "retail_sold", false},
  };
  return k;
}

const Step* FindStep(std::string_view name_or_label) {
  for (const auto& s : Steps())
    if (name_or_label == s.name || name_or_label == s.label) return &s;
  return nullptr;
}

const std::vector<std::pair<std::string, std::string>>& Units() {
  static const std::vector<std::pair<std::string, std::string>> k = {
      {"KGM", "千克"}, {"GRM", "克"}, {"TNE", "吨"}, {"LTR", "升"}, {"H87", "件"}, {"XBX", "箱"}};
  return k;
}

namespace {

bool Digits(std::string_view s, size_t from, size_t n, int& out) {
  if (from + n > s.size()) return false;
  out = 0;
  for (size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

std::string Two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

// "+08:00" → minutes east of UTC; false unless ±HH:MM within ±14:00.
bool OffsetMinutes(std::string_view o, int& minutes) {
  int h = 0, m = 0;
  if (o.size() != 6 || (o[0] != '+' && o[0] != '-') || o[3] != ':') return false;
  if (!Digits(o, 1, 2, h) || !Digits(o, 4, 2, m) || h > 14 || m > 59 || (h == 14 && m != 0))
    return false;
  minutes = (h * 60 + m) * (o[0] == '-' ? -1 : 1);
  return true;
}

}  // namespace

Result<std::pair<int64_t, std::string>> ParseEventTime(std::string_view t, std::string_view field) {
  auto bad = [&] {
    return Error::Invalid(std::string(field),
                          "时间格式应为 2023-09-01T08:00:00+08:00: " + std::string(t));
  };
  if (t.size() < 19 || t[10] != 'T' || t[13] != ':' || t[16] != ':') return bad();
  auto date = CivilDate::Parse(t.substr(0, 10), field);
  if (!date.ok()) return bad();
  int h = 0, mi = 0, s = 0, ms = 0;
  if (!Digits(t, 11, 2, h) || !Digits(t, 14, 2, mi) || !Digits(t, 17, 2, s) || h > 23 || mi > 59 ||
      s > 59)
    return bad();
  size_t pos = 19;
  if (pos < t.size() && t[pos] == '.') {
    size_t end = pos + 1;
    while (end < t.size() && t[end] >= '0' && t[end] <= '9') ++end;
    if (end == pos + 1 || end - pos - 1 > 9) return bad();
    int frac = 0;
    Digits(t, pos + 1, std::min<size_t>(3, end - pos - 1), frac);
    for (size_t k = end - pos - 1; k < 3; ++k) frac *= 10;
    ms = frac;
    pos = end;
  }
  std::string offset = "+08:00";
  std::string_view rest = t.substr(pos);
  int minutes = 8 * 60;
  if (rest == "Z") {
    offset = "+00:00";
    minutes = 0;
  } else if (!rest.empty()) {
    if (!OffsetMinutes(rest, minutes)) return bad();
    offset = std::string(rest);
  }
  int64_t local = date->DaysSinceEpoch() * 86'400'000 + (h * 3600 + mi * 60 + s) * 1000LL + ms;
  return std::pair<int64_t, std::string>{local - minutes * 60'000LL, offset};
}

std::string FormatEventTime(int64_t utc_ms, const std::string& offset) {
  int minutes = 0;
  if (!OffsetMinutes(offset, minutes)) minutes = 0;
  int64_t local = utc_ms + minutes * 60'000LL;
  int64_t days = local >= 0 ? local / 86'400'000 : (local - 86'399'999) / 86'400'000;
  int64_t rest = local - days * 86'400'000;
  int ms = static_cast<int>(rest % 1000);
  int secs = static_cast<int>(rest / 1000);
  std::string out = CivilDate::FromDays(days).ToString() + "T" + Two(secs / 3600) + ":" +
                    Two(secs / 60 % 60) + ":" + Two(secs % 60);
  if (ms != 0) {
    char buf[8];
    std::snprintf(buf, sizeof buf, ".%03d", ms);
    out += buf;
  }
  return out + (minutes == 0 && offset != "-00:00" ? std::string("+00:00") : offset);
}

std::string EpcClass(const Batch& b) {
  if (!b.gtin.empty()) return "https://id.gs1.org/01/" + b.gtin + "/10/" + b.lot;
  return "urn:ruralec:lot:" + b.county_code + ":" + std::to_string(b.product_id) + ":" + b.lot;
}

std::string LocationUri(const std::string& region_code) {
  return "urn:ruralec:region:" + region_code;
}

std::string TagInput(const Event& e, const Batch& b) {
  std::string out;
  auto add = [&](const std::string& v) { out += v + '\x1f'; };
  for (const std::string& v :
       {std::to_string(e.batch_id),
        std::to_string(b.product_id),
        b.lot,
        e.county_code,
        std::to_string(e.seq),
        e.event_id,
        e.kind,
        e.step,
        e.event_type,
        e.action,
        e.biz_step,
        e.disposition,
        e.read_point,
        e.biz_location,
        std::to_string(e.event_time),
        e.time_zone_offset,
        e.quantity,
        e.input_quantity,
        e.uom,
        store::IlmdText(e.ilmd),
        e.test_report,
        e.note,
        e.error_reason,
        e.corrective_ids.empty() ? std::string() : storage::JoinedList(e.corrective_ids),
        e.fingerprint,
        e.actor_id ? std::to_string(*e.actor_id) : std::string(),
        e.actor_name,
        std::to_string(e.record_time),
        e.prev_hash})
    add(v);
  return out;
}

namespace {

std::string Where(const Batch& b) {
  return "批次 " + std::to_string(b.id) + "（批号 " + b.lot + "）";
}

std::string What(const Batch& b, const Event& e) {
  return Where(b) + "第 " + std::to_string(e.seq) + " 条事件（编号 " + std::to_string(e.id) + "，" +
         e.event_id + "）";
}

// The first row of `b`'s chain that does not hold, as a violation; "" when it holds. `events`
// are the rows after seq `seq` (whose hash is `prev`); on return `seq` and `prev` are the last
// row's that held.
std::string CheckChain(const crypto::RecordMac& mac, const Batch& b,
                       const std::vector<Event>& events, std::optional<int64_t>& bad, int64_t& seq,
                       std::string& prev) {
  std::string where = Where(b);
  for (const auto& e : events) {
    std::string what = What(b, e);
    bad = e.id;
    if (e.seq != seq + 1)
      return what + ": 序号不连续（应为 " + std::to_string(seq + 1) + "，有事件被删除或调换）";
    if (e.prev_hash != prev) return what + ": 与前一条事件的哈希不符（有事件被删除或调换）";
    if (!mac.Check(kTagContext, TagInput(e, b), e.hash))
      return what + ": 哈希校验不符（事件内容被改动）";
    prev = e.hash;
    seq = e.seq;
  }
  bad.reset();
  if (b.event_count != seq || b.head_hash != prev)
    return where + ": 记录的事件数 " + std::to_string(b.event_count) + " 与链上的 " +
           std::to_string(seq) + " 条不符（末尾的事件被删除）";
  return "";
}

}  // namespace

Result<VerifyReport> Verify(storage::Connection& conn, const crypto::RecordMac& mac,
                            std::optional<int64_t> batch) {
  return storage::InTransaction<VerifyReport>(
      conn, storage::TxMode::kRead, [&]() -> Result<VerifyReport> {
        VerifyReport rep;
        ASSIGN_OR_RETURN(auto batches, store::BatchesToVerify(conn, batch));
        if (batch && batches.empty()) return Error::NotFound("批次不存在");
        for (const auto& b : batches) {
          ASSIGN_OR_RETURN(auto events, store::EventsOf(conn, b.id));
          ++rep.batches;
          rep.events += static_cast<int64_t>(events.size());
          int64_t seq = 0;
          std::string prev;
          std::string v = CheckChain(mac, b, events, rep.bad_event, seq, prev);
          if (!v.empty()) {
            rep.ok = false;
            rep.violation = v;
            return rep;
          }
        }
        return rep;
      });
}

std::string MarkInput(int64_t batch_id, int64_t seq, const std::string& hash) {
  return std::to_string(batch_id) + '\x1f' + std::to_string(seq) + '\x1f' + hash + '\x1f';
}

namespace {

// The batch's mark, if it holds: its tag, the marked row (there, with the mark's hash, its own
// tag holding) and no row of the prefix missing. A violation otherwise.
Result<std::string> CheckMark(storage::Connection& conn, const crypto::RecordMac& mac,
                              const Batch& b, const store::Mark& m, VerifyReport& rep) {
  if (m.seq < 1 || !mac.Check(kMarkContext, MarkInput(b.id, m.seq, m.hash), m.tag))
    return Where(b) + ": 链的校验点被改动";
  ASSIGN_OR_RETURN(auto row, store::EventAt(conn, b.id, m.seq));
  if (!row)
    return Where(b) + "第 " + std::to_string(m.seq) + " 条事件（已校验）不见了（事件被删除或调换）";
  rep.bad_event = row->id;
  if (row->hash != m.hash || !mac.Check(kTagContext, TagInput(*row, b), row->hash))
    return What(b, *row) + ": 哈希校验不符（已校验的事件被改动）";
  ASSIGN_OR_RETURN(int64_t n, store::CountUpTo(conn, b.id, m.seq));
  rep.bad_event.reset();
  if (n != m.seq)
    return Where(b) + "前 " + std::to_string(m.seq) + " 条已校验的事件只剩 " + std::to_string(n) +
           " 条（有事件被删除）";
  return std::string();
}

}  // namespace

Result<VerifyReport> CheckRecent(storage::Connection& conn, const crypto::RecordMac& mac,
                                 const Batch& batch) {
  return storage::InTransaction<VerifyReport>(
      conn, storage::TxMode::kRead, [&]() -> Result<VerifyReport> {
        // The count and head as of this transaction (an event may have been appended since the
        // caller read the batch).
        ASSIGN_OR_RETURN(auto now, store::GetBatch(conn, batch.id));
        if (!now) return Error::NotFound("批次不存在");
        const Batch& b = *now;
        VerifyReport rep;
        rep.batches = 1;
        ASSIGN_OR_RETURN(auto mark, store::MarkOf(conn, b.id));
        int64_t seq = 0;
        std::string prev;
        if (mark) {
          ASSIGN_OR_RETURN(std::string v, CheckMark(conn, mac, b, *mark, rep));
          if (!v.empty()) {
            rep.ok = false;
            rep.violation = v;
            return rep;
          }
          seq = rep.marked = mark->seq;
          prev = mark->hash;
        }
        ASSIGN_OR_RETURN(auto events, store::EventsAfter(conn, b.id, seq));
        rep.events = seq + static_cast<int64_t>(events.size());
        std::string v = CheckChain(mac, b, events, rep.bad_event, seq, prev);
        rep.held_seq = seq;
        rep.held_hash = prev;
        rep.ok = v.empty();
        rep.violation = v;
        return rep;
      });
}

Status MoveMark(storage::Connection& conn, const crypto::RecordMac& mac, const Batch& b,
                const VerifyReport& r, int64_t now_ms) {
  if (!r.ok || r.held_seq <= r.marked) return {};
  store::Mark m{r.held_seq, r.held_hash,
                mac.Tag(kMarkContext, MarkInput(b.id, r.held_seq, r.held_hash))};
  return store::SetMark(conn, b, m, now_ms);
}

}  // namespace ruralec::products::trace
