// Table ownership, read from the sources: which module's migration creates each table, and
// which tables the SQL in a source file names. Used by layout_test.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace ruralec::layout {

struct CreatedTable {
  std::string table, owner, migration;  // owner from the migration's "-- owner: <module>" line
};

// The tables the migration texts ({file name, text}, applied in name order) leave: every CREATE
// TABLE not dropped by a later DROP TABLE; the owner is the module named by the last
// "-- owner: <module>" comment above it ("" when none).
std::vector<CreatedTable> CreatedTables(const std::map<std::string, std::string>& migrations);

struct TableUse {
  int line;
  std::string table;
};

// Tables named after FROM, JOIN, INTO, UPDATE, TABLE (and EXISTS) inside the string literals of
// C++ source `text`; adjacent literals ("SELECT x " "FROM t") are read as one.
std::vector<TableUse> TablesNamedInSql(const std::string& text);

}  // namespace ruralec::layout

namespace ruralec::layout {

// "path:line names <table> (owned by <owner>)" for each table named in `text` (a source file of
// `module`) that another module owns; tables missing from `owner_of` are not checked.
std::vector<std::string> Violations(const std::string& path, const std::string& module,
                                    const std::string& text,
                                    const std::map<std::string, std::string>& owner_of);

}  // namespace ruralec::layout
