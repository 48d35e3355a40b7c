// CVRPLIB / TSPLIB instance reader (.vrp: EUC_2D with nint rounding or EXPLICIT FULL_MATRIX;
// LKH-3 .vrpspd with PICKUP_AND_DELIVERY_SECTION) and CVRPLIB .sol writer/reader.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "core/result.h"
#include "routing/model.h"

namespace ruralec::routing {

struct CvrplibInstance {
  std::string name;
  Problem problem;  // one depot; stop k is CVRPLIB customer k+1
};

// Parses a CVRPLIB/TSPLIB/LKH-3 instance. The fleet is VEHICLES if given, otherwise
// ceil(1.3 * total demand / capacity) + 3 identical vehicles (enough to never bind).
// Errors name the line number.
Result<CvrplibInstance> ParseCvrplib(std::istream& in);
Result<CvrplibInstance> ReadCvrplibFile(const std::string& path);

// "Route #1: 3 7 12" lines (customers numbered 1..n-1) then "Cost N".
std::string FormatSol(const Solution& solution);
// Parses a .sol file into routes of stop indices (customer number - 1) and the stated cost.
struct SolFile {
  std::vector<std::vector<int>> routes;
  int64_t cost = -1;
};
Result<SolFile> ParseSol(std::istream& in);

}  // namespace ruralec::routing
