// The stored form of a publication's content (document.h): canonical JSON.
#include "disclosure/document.h"

#include <nlohmann/json.hpp>

#include "crypto/crypto.h"

namespace ruralec::disclosure {
namespace {

using Json = nlohmann::json;

Json SectionJson(const Section& s) {
  Json out = {{"heading", s.heading}, {"paragraphs", s.paragraphs}, {"notes", s.notes}};
  if (s.table) {
    out["table"] = {{"columns", s.table->columns}, {"rows", s.table->rows}};
  } else {
    out["table"] = nullptr;
  }
  return out;
}

std::vector<std::string> Strings(const Json& j) {
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& v : j)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::string Text(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Section SectionFrom(const Json& j) {
  Section s;
  s.heading = Text(j, "heading");
  s.paragraphs = Strings(j.value("paragraphs", Json::array()));
  s.notes = Strings(j.value("notes", Json::array()));
  auto t = j.find("table");
  if (t != j.end() && t->is_object()) {
    Table table;
    table.columns = Strings(t->value("columns", Json::array()));
    for (const auto& row : t->value("rows", Json::array())) table.rows.push_back(Strings(row));
    s.table = std::move(table);
  }
  return s;
}

}  // namespace

std::string DocumentText(const Document& doc) {
  Json sections = Json::array();
  for (const auto& s : doc.sections) sections.push_back(SectionJson(s));
  Json j = {
      {"title", doc.title}, {"summary", doc.summary}, {"as_of", doc.as_of}, {"sections", sections}};
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<Document> ParseDocument(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("sections") || !j["sections"].is_array())
    return Error::Internal("公开内容无法读取");
  Document doc;
  doc.title = Text(j, "title");
  doc.summary = Text(j, "summary");
  doc.as_of = Text(j, "as_of");
  for (const auto& s : j["sections"])
    if (s.is_object()) doc.sections.push_back(SectionFrom(s));
  return doc;
}

std::string ContentHash(const std::string& text) { return crypto::Sha256Hex(text); }

}  // namespace ruralec::disclosure
