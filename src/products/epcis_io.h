// EPCIS 2.0 JSON-LD, the module's one file format (like routing/io for its instances): trace
// events written as EPCIS events and documents, and EPCIS documents read for capture
// (docs/PRODUCTS.md "EPCIS mapping", "EPCIS interface"). Every document written validates
// against GS1's EPCIS 2.0 JSON Schema
// (TraceTest.TheBatchsEpcisDocumentValidatesAgainstTheGs1Schema).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "products/trace.h"

namespace ruralec::products::epcis {

// The JSON-LD context of our documents: GS1's, and the prefix of our extension fields
// ("rlc:step", "rlc:testReport", "rlc:note", "rlc:nextPageToken") = urn:ruralec:epcis:.
nlohmann::json Context();
nlohmann::json EventJson(const trace::Event& e, const trace::Batch& b);
nlohmann::json DocumentJson(const trace::BatchDetail& d, int64_t now_ms);
// A query answer (EPCISQueryDocument, SimpleEventQuery) holding `events` (each a stored event's
// JSON text), with the next page's token when there is one.
nlohmann::json QueryDocumentJson(const std::vector<std::string>& events,
                                 const std::string& next_token, int64_t now_ms);

// One event as the query store keeps it (table epcis_events).
struct Stored {
  std::string event_id;
  bool declaration = false;  // carries an errorDeclaration
  std::string event_type;
  int64_t event_time = 0, record_time = 0;
  std::string biz_step, disposition, read_point, biz_location;  // bizStep/disposition: CBV short
  std::vector<std::string> epcs;  // every EPC, EPC class and parent id it names
  std::string document;           // the event's JSON as served (recordTime set)
  std::string fingerprint;        // sha-256 of the event without recordTime
};

// A trace event of ours as the query store keeps it.
Stored FromTrace(const trace::Event& e, const trace::Batch& b);

// Reads an EPCIS document for capture: every event checked (type, eventTime with its offset,
// eventTimeZoneOffset, action, eventID a URI, bizStep/disposition, locations), recordTime set to
// `now_ms`. All or nothing: the first bad event is kInvalidArgument naming its place
// ("epcisBody.eventList[3].eventTime") and the reason. An event without eventID is given
// "ni:///sha-256;<hex of the event>?ver=CBV2.0". At most `max_events` events.
Result<std::vector<Stored>> ReadCapture(const nlohmann::json& doc, int64_t now_ms,
                                        size_t max_events = 10'000);

// "https://ref.gs1.org/cbv/BizStep-shipping", "urn:epcglobal:cbv:bizstep:shipping" → "shipping";
// anything else unchanged.
std::string CbvShort(const std::string& value);

}  // namespace ruralec::products::epcis
