// The database adapter feeding Evaluate(): entities, brands and one year of the sales ledger
// inside a region subtree, the region tags of every subject's region and its ancestors, and
// the approved award history of the programme. SQL stays here and in award/lists.h.
// Subject kinds with a data source today: entity, brand, export, station, demonstration
// (designations recognised in the year and still recognised on 31 December,
// designation::RecognisedIn), purchase (the buying entities' current purchases from poor
// households and poverty villages of the year, households::PurchasesOfYear: purchase_from_poor
// and purchase_amount in fen, evidence the purchase ids) and trainee (a person's first
// qualification per course level, in its year: training::FirstQualificationsIn; metric
// training_qualified = 1, evidence the enrolment). Projects have none yet (their module plugs in
// later), so rules on them evaluate to "no data source".
#pragma once

#include <string>
#include <vector>

#include "award/award.h"
#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::award {

// Metrics: online_sales (all directions, fen), uplink_online_sales (fen), online_export_sales
// (US cents, entity rows carrying an export amount). Evidence: the ids of the current ledger
// rows summed into each metric. Stations (station::YearFigures): uplink_online_sales and
// uplink_service_with_sales (fen, the year's 代卖/uplink service records; the latter only when
// above zero), station_service_performance (count, every service of the year); evidence: the
// ids of the current station_service_records summed.
Result<SubjectData> LoadSubjects(storage::Connection& conn, const RegionCode& scope, int year);

}  // namespace ruralec::award
