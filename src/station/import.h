// Spreadsheet import of the station registry (csv and xlsx), through the shared runner of the
// imports module (imports/imports.h has the file, mode, batch, re-import and error contract;
// batches are import_batches rows of kind "stations", audited "station.import").
// Row rules: every data row goes through the same rules as POST /stations (station.h); a
// station already registered (same region and name) is a rejected row, so re-importing an
// edited file adds only the new stations. Stations carry their batch id.
#pragma once

#include <string>

#include "account/account.h"
#include "imports/imports.h"
#include "spreadsheet/spreadsheet.h"
#include "station/station.h"

namespace ruralec::station {

// Needs station:import and station:edit; regions in the importer's scope.
Result<imports::ImportReport> ImportStations(const imports::ImportContext& ctx,
                                             const account::Principal& who, const std::string& path,
                                             imports::Mode mode,
                                             const imports::ImportOptions& options = {});

spreadsheet::Sheet StationsTemplate();

}  // namespace ruralec::station
