// The columns the two record imports share (records_import.cc, events_import.cc): the station
// found by its region and name and writable by the importer, the item of its county, a
// quantity and an amount. Internal to the station module.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "imports/imports.h"
#include "region/region.h"
#include "station/records_store.h"

namespace ruralec::station::internal {

// A station named by a file, looked up once.
struct FileStation {
  std::optional<store::StationRef> ref;
  bool writable = false;          // CanImport
  std::vector<RecordItem> items;  // of its county
};

class StationFinder {
 public:
  explicit StationFinder(const account::Principal& who);
  // The station of the row's region and name cells, or (nullptr) the row's rejection in
  // `reject`: an unknown region or station, or one the importer may not import for.
  Result<FileStation*> Find(storage::Connection& conn, const imports::Cells& c, int region_col,
                            int name_col, std::optional<imports::RowError>& reject);

 private:
  const account::Principal& who_;
  region::LazyNameResolver regions_;
  std::unordered_map<std::string, FileStation> known_;
  std::unordered_map<std::string, std::vector<RecordItem>> items_;
};

// The item, quantity and amount cells checked as one figure (CheckFigure); nullopt with the
// rejection in `reject`.
struct FileFigure {
  RecordItem item;
  int64_t quantity = 0, amount_fen = 0;
};
std::optional<FileFigure> ReadFigure(const imports::Cells& c, const FileStation& s, int item_col,
                                     int quantity_col, int amount_col,
                                     std::optional<imports::RowError>& reject);

}  // namespace ruralec::station::internal
