#include "products/epcis_io.h"

#include <cstdlib>
#include <map>

#include "crypto/crypto.h"

namespace ruralec::products::epcis {
namespace {

using Json = nlohmann::json;

Json QuantityElement(const trace::Batch& b, const std::string& quantity, const std::string& uom) {
  Json q = {{"epcClass", trace::EpcClass(b)}};
  if (!quantity.empty()) {
    if (quantity.find('.') == std::string::npos)
      q["quantity"] = std::strtoll(quantity.c_str(), nullptr, 10);
    else
      q["quantity"] = std::strtod(quantity.c_str(), nullptr);
    if (!uom.empty()) q["uom"] = uom;
  }
  return q;
}

std::string Fingerprint(Json event) {
  event.erase("recordTime");
  return crypto::Sha256Hex(event.dump());
}

}  // namespace

Json Context() {
  return Json::array({"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                      Json::object({{"rlc", "urn:ruralec:epcis:"}})});
}

Json EventJson(const trace::Event& e, const trace::Batch& b) {
  Json j = {{"type", e.event_type},
            {"eventTime", trace::FormatEventTime(e.event_time, e.time_zone_offset)},
            {"eventTimeZoneOffset", e.time_zone_offset},
            {"recordTime", FormatUtc(e.record_time)},
            {"eventID", e.event_id}};
  if (e.event_type == "TransformationEvent") {
    j["inputQuantityList"] = Json::array({QuantityElement(b, e.input_quantity, e.uom)});
    j["outputQuantityList"] = Json::array({QuantityElement(b, e.quantity, e.uom)});
  } else {
    j["action"] = e.action;
    j["quantityList"] = Json::array({QuantityElement(b, e.quantity, e.uom)});
  }
  j["bizStep"] = e.biz_step;
  if (!e.disposition.empty()) j["disposition"] = e.disposition;
  j["readPoint"] = {{"id", trace::LocationUri(e.read_point)}};
  j["bizLocation"] = {{"id", trace::LocationUri(e.biz_location)}};
  if (!e.ilmd.empty()) {
    Json ilmd = Json::object();
    for (const auto& [k, v] : e.ilmd) ilmd[k] = v;
    j["ilmd"] = ilmd;
  }
  j["rlc:step"] = e.step;
  if (!e.test_report.empty()) j["rlc:testReport"] = e.test_report;
  if (e.kind == "error_declaration") {
    Json decl = {{"declarationTime", FormatUtc(e.record_time)}, {"reason", e.error_reason}};
    if (!e.corrective_ids.empty()) decl["correctiveEventIDs"] = e.corrective_ids;
    if (!e.note.empty()) decl["rlc:note"] = e.note;
    j["errorDeclaration"] = decl;
  } else if (!e.note.empty()) {
    j["rlc:note"] = e.note;
  }
  return j;
}

Json DocumentJson(const trace::BatchDetail& d, int64_t now_ms) {
  Json events = Json::array();
  for (const auto& e : d.events) events.push_back(EventJson(e, d.batch));
  return {{"@context", Context()},
          {"type", "EPCISDocument"},
          {"schemaVersion", "2.0"},
          {"creationDate", FormatUtc(now_ms)},
          {"epcisBody", {{"eventList", events}}}};
}

Json QueryDocumentJson(const std::vector<std::string>& events, const std::string& next_token,
                       int64_t now_ms) {
  Json list = Json::array();
  for (const auto& text : events) list.push_back(Json::parse(text, nullptr, false));
  Json doc = {{"@context", Context()},
              {"type", "EPCISQueryDocument"},
              {"schemaVersion", "2.0"},
              {"creationDate", FormatUtc(now_ms)},
              {"epcisBody",
               {{"queryResults",
                 {{"queryName", "SimpleEventQuery"}, {"resultsBody", {{"eventList", list}}}}}}}};
  if (!next_token.empty()) doc["rlc:nextPageToken"] = next_token;
  return doc;
}

Stored FromTrace(const trace::Event& e, const trace::Batch& b) {
  Json j = EventJson(e, b);
  Stored s;
  s.event_id = e.event_id;
  s.declaration = e.kind == "error_declaration";
  s.event_type = e.event_type;
  s.event_time = e.event_time;
  s.record_time = e.record_time;
  s.biz_step = e.biz_step;
  s.disposition = e.disposition;
  s.read_point = trace::LocationUri(e.read_point);
  s.biz_location = trace::LocationUri(e.biz_location);
  s.epcs = {trace::EpcClass(b)};
  s.document = j.dump();
  s.fingerprint = Fingerprint(j);
  return s;
}

std::string CbvShort(const std::string& value) {
  for (const char* prefix : {"https://ref.gs1.org/cbv/BizStep-", "https://ref.gs1.org/cbv/Disp-",
                             "urn:epcglobal:cbv:bizstep:", "urn:epcglobal:cbv:disp:"})
    if (value.rfind(prefix, 0) == 0) return value.substr(std::string(prefix).size());
  return value;
}

namespace {

const char* const kTypes[] = {"ObjectEvent", "AggregationEvent", "TransactionEvent",
                              "TransformationEvent", "AssociationEvent"};

// The reason an event cannot be captured, "" when it can; `where` gets the key at fault.
struct Reader {
  const Json& ev;
  std::string where;

  std::string Text(const char* key, bool required, std::string& out) {
    auto it = ev.find(key);
    if (it == ev.end()) {
      if (required) {
        where = key;
        return std::string("缺少 ") + key;
      }
      return "";
    }
    if (!it->is_string() || it->get_ref<const std::string&>().empty() ||
        it->get_ref<const std::string&>().size() > 1000) {
      where = key;
      return std::string(key) + " 应为非空字符串";
    }
    out = it->get<std::string>();
    return "";
  }

  std::string Id(const char* key, std::string& out) {
    auto it = ev.find(key);
    if (it == ev.end()) return "";
    auto id = it->find("id");
    if (!it->is_object() || id == it->end() || !id->is_string()) {
      where = key;
      return std::string(key) + " 应为含 id 的对象";
    }
    out = id->get<std::string>();
    return "";
  }

  void Epcs(std::vector<std::string>& out) const {
    for (const char* list : {"epcList", "childEPCs", "inputEPCList", "outputEPCList"})
      if (auto it = ev.find(list); it != ev.end() && it->is_array())
        for (const auto& x : *it)
          if (x.is_string()) out.push_back(x.get<std::string>());
    for (const char* list :
         {"quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList"})
      if (auto it = ev.find(list); it != ev.end() && it->is_array())
        for (const auto& q : *it)
          if (q.is_object() && q.contains("epcClass") && q["epcClass"].is_string())
            out.push_back(q["epcClass"].get<std::string>());
    if (auto it = ev.find("parentID"); it != ev.end() && it->is_string())
      out.push_back(it->get<std::string>());
  }

  std::string Read(Stored& s) {
    if (!ev.is_object()) return "事件应为 JSON 对象";
    if (std::string r = Text("type", true, s.event_type); !r.empty()) return r;
    bool known = false;
    for (const char* t : kTypes) known = known || s.event_type == t;
    if (!known) {
      where = "type";
      return "未知的事件类型: " + s.event_type;
    }
    std::string time, offset, action;
    if (std::string r = Text("eventTime", true, time); !r.empty()) return r;
    auto parsed = trace::ParseEventTime(time);
    bool has_offset =
        time.back() == 'Z' ||
        (time.size() > 6 && (time[time.size() - 6] == '+' || time[time.size() - 6] == '-'));
    if (!parsed.ok() || !has_offset) {
      where = "eventTime";
      return "eventTime 应为带时区的时间（如 2023-09-01T08:00:00+08:00）: " + time;
    }
    s.event_time = parsed->first;
    if (std::string r = Text("eventTimeZoneOffset", true, offset); !r.empty()) return r;
    if (!trace::ParseEventTime("2000-01-01T00:00:00" + offset).ok() || offset.size() != 6) {
      where = "eventTimeZoneOffset";
      return "eventTimeZoneOffset 应为 ±HH:MM: " + offset;
    }
    if (s.event_type != "TransformationEvent") {
      if (std::string r = Text("action", true, action); !r.empty()) return r;
      if (action != "ADD" && action != "OBSERVE" && action != "DELETE") {
        where = "action";
        return "action 应为 ADD、OBSERVE 或 DELETE: " + action;
      }
    }
    if (std::string r = Text("eventID", false, s.event_id); !r.empty()) return r;
    if (!s.event_id.empty() && s.event_id.find(':') == std::string::npos) {
      where = "eventID";
      return "eventID 应为 URI: " + s.event_id;
    }
    if (std::string r = Text("bizStep", false, s.biz_step); !r.empty()) return r;
    if (std::string r = Text("disposition", false, s.disposition); !r.empty()) return r;
    s.biz_step = CbvShort(s.biz_step);
    s.disposition = CbvShort(s.disposition);
    if (std::string r = Id("readPoint", s.read_point); !r.empty()) return r;
    if (std::string r = Id("bizLocation", s.biz_location); !r.empty()) return r;
    s.declaration = ev.contains("errorDeclaration");
    Epcs(s.epcs);
    return "";
  }
};

}  // namespace

Result<std::vector<Stored>> ReadCapture(const Json& doc, int64_t now_ms, size_t max_events) {
  if (!doc.is_object()) return Error::Invalid("body", "请求体应为 EPCIS 2.0 JSON-LD 文档");
  if (!doc.contains("type") || doc["type"] != "EPCISDocument")
    return Error::Invalid("type", "type 应为 EPCISDocument");
  const Json* list = nullptr;
  if (auto b = doc.find("epcisBody"); b != doc.end() && b->is_object())
    if (auto l = b->find("eventList"); l != b->end() && l->is_array()) list = &*l;
  if (!list) return Error::Invalid("epcisBody.eventList", "缺少 epcisBody.eventList");
  if (list->size() > max_events)
    return Error::Invalid("epcisBody.eventList",
                          "一个文档最多 " + std::to_string(max_events) + " 个事件");
  std::vector<Stored> out;
  std::map<std::string, size_t> seen;
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& ev = (*list)[i];
    Reader r{ev, ""};
    Stored s;
    std::string place = "epcisBody.eventList[" + std::to_string(i) + "]";
    if (std::string why = r.Read(s); !why.empty())
      return Error::Invalid(
          place + (r.where.empty() ? "" : "." + r.where),
          "第 " + std::to_string(i + 1) + " 个事件（索引 " + std::to_string(i) + "）: " + why);
    Json stored = ev;
    stored["recordTime"] = FormatUtc(now_ms);
    s.record_time = now_ms;
    s.fingerprint = Fingerprint(stored);
    if (s.event_id.empty()) s.event_id = "ni:///sha-256;" + s.fingerprint + "?ver=CBV2.0";
    s.document = stored.dump();
    std::string key = s.event_id + (s.declaration ? "#declaration" : "");
    if (auto it = seen.find(key); it != seen.end()) {
      if (out[it->second].fingerprint != s.fingerprint)
        return Error::Invalid(
            place + ".eventID",
            "第 " + std::to_string(i + 1) + " 个事件的 eventID 与本文档中另一事件相同而内容不同");
      continue;
    }
    seen[key] = out.size();
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace ruralec::products::epcis
