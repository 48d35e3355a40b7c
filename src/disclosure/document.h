// The content of a publication: a plain document of sections with paragraphs and tables of text
// cells, whatever the kind — so one renderer (html.h) and one JSON form serve every kind, and a
// table cell is exactly what the public reads. Stored as canonical JSON (keys sorted, no spaces,
// UTF-8 unescaped); its SHA-256 is the publication's content hash, which anyone can recompute
// over the bytes GET /api/v1/public/{county}/publications/{id}/content serves.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace ruralec::disclosure {

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // each as long as `columns`
};

struct Section {
  std::string heading;
  std::vector<std::string> paragraphs;
  std::optional<Table> table;
  std::vector<std::string> notes;  // small print under the table
};

struct Document {
  std::string title;
  std::string summary;  // one or two sentences: the page's meta description
  std::string as_of;    // the civil date (Asia/Shanghai) the figures are as of
  std::vector<Section> sections;
};

// Canonical JSON text of `doc` and back; ParseDocument refuses text that is no such document.
std::string DocumentText(const Document& doc);
Result<Document> ParseDocument(const std::string& text);
// Lower-case hex SHA-256 of the text.
std::string ContentHash(const std::string& text);

}  // namespace ruralec::disclosure
