#include "ownership.h"

#include <regex>
#include <sstream>

namespace ruralec::layout {

std::vector<CreatedTable> CreatedTables(const std::map<std::string, std::string>& migrations) {
  static const std::regex kOwner(R"(^--\s*owner:\s*([a-z_]+))");
  static const std::regex kCreate(R"(CREATE TABLE\s+(IF NOT EXISTS\s+)?([a-z_]+))",
                                  std::regex::icase);
  static const std::regex kDrop(R"(DROP TABLE\s+(IF EXISTS\s+)?([a-z_]+))", std::regex::icase);
  std::vector<CreatedTable> out;
  for (const auto& [file, text] : migrations) {  // in file-name (= migration) order
    std::istringstream in(text);
    std::string owner;
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (std::regex_search(line, m, kOwner)) owner = m[1];
      if (std::regex_search(line, m, kCreate)) out.push_back({m[2], owner, file});
      if (std::regex_search(line, m, kDrop)) {
        std::string dropped = m[2];
        std::erase_if(out, [&](const CreatedTable& t) { return t.table == dropped; });
      }
    }
  }
  return out;
}

namespace {

// The string-literal text of `src` with the line each piece starts on. Adjacent literals (only
// whitespace between them) are joined; any other code between literals ends the piece.
std::vector<std::pair<int, std::string>> Literals(const std::string& src) {
  std::vector<std::pair<int, std::string>> out;
  int line = 1;
  bool joinable = false;
  for (size_t i = 0; i < src.size(); ++i) {
    char c = src[i];
    if (c == '\n') ++line;
    if (c == '/' && i + 1 < src.size() && src[i + 1] == '/') {  // comment: skip the line
      while (i < src.size() && src[i] != '\n') ++i;
      ++line;
      continue;
    }
    if (c == '\'' && i + 2 < src.size()) {  // char literal such as '"'
      i += src[i + 1] == '\\' ? 3 : 2;
      continue;
    }
    if (c != '"') {
      if (!std::isspace(static_cast<unsigned char>(c))) joinable = false;
      continue;
    }
    std::string text;
    for (++i; i < src.size() && src[i] != '"'; ++i) {
      if (src[i] == '\\') ++i;
      if (src[i] == '\n') ++line;
      text += src[i];
    }
    if (joinable && !out.empty()) {
      out.back().second += text;
    } else {
      out.push_back({line, text});
    }
    joinable = true;
  }
  return out;
}

}  // namespace

std::vector<TableUse> TablesNamedInSql(const std::string& text) {
  static const std::regex kName(R"(\b(FROM|JOIN|INTO|UPDATE|TABLE|EXISTS)\s+([a-z_][a-z0-9_]*))");
  std::vector<TableUse> out;
  for (const auto& [line, literal] : Literals(text)) {
    for (std::sregex_iterator it(literal.begin(), literal.end(), kName), end; it != end; ++it) {
      out.push_back({line, (*it)[2]});
    }
  }
  return out;
}

}  // namespace ruralec::layout

namespace ruralec::layout {

std::vector<std::string> Violations(const std::string& path, const std::string& module,
                                    const std::string& text,
                                    const std::map<std::string, std::string>& owner_of) {
  std::vector<std::string> out;
  for (const TableUse& use : TablesNamedInSql(text)) {
    auto it = owner_of.find(use.table);
    if (it == owner_of.end() || it->second == module) continue;
    out.push_back(path + ":" + std::to_string(use.line) + " names " + use.table + " (owned by " +
                  it->second + ")");
  }
  return out;
}

}  // namespace ruralec::layout
