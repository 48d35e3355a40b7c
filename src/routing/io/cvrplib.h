// CVRPLIB / TSPLIB instance reader (.vrp: EUC_2D or EXPLICIT FULL_MATRIX; LKH-3 .vrpspd with
// PICKUP_AND_DELIVERY_SECTION; VRPLIB VRPTW with TIME_WINDOW_SECTION) and CVRPLIB .sol
// writer/reader.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "core/result.h"
#include "routing/model.h"

namespace ruralec::routing {

// How EUC_2D distances become integers.
//  kNearest: nint(d), the CVRPLIB X and TSPLIB convention.
//  kDimacs: floor(10 d) in tenths, the convention of the Solomon and Gehring–Homberger VRPTW
//    collections (DIMACS challenge): times (windows, service) are scaled by 10 as well, so the
//    problem is in tenths of the file's unit and `scale` is 10.
//  kAuto: kDimacs for TYPE VRPTW, kNearest otherwise.
enum class Rounding { kAuto, kNearest, kDimacs };

struct CvrplibInstance {
  std::string name;
  Problem problem;    // one depot; stop k is CVRPLIB customer k+1
  int64_t scale = 1;  // problem units per file unit (10 under kDimacs)
};

// Parses a CVRPLIB/TSPLIB/LKH-3/VRPLIB instance. The fleet is VEHICLES if given, otherwise
// ceil(1.3 * total demand / capacity) + 3 identical vehicles (enough to never bind). The
// depot's time window (TIME_WINDOW_SECTION) bounds every route. Errors name the line number.
Result<CvrplibInstance> ParseCvrplib(std::istream& in, Rounding rounding = Rounding::kAuto);
Result<CvrplibInstance> ReadCvrplibFile(const std::string& path,
                                        Rounding rounding = Rounding::kAuto);

// "Route #1: 3 7 12" lines (customers numbered 1..n-1) then "Cost N".
std::string FormatSol(const Solution& solution);
// Parses a .sol file into routes of stop indices (customer number - 1) and the stated cost.
struct SolFile {
  std::vector<std::vector<int>> routes;
  int64_t cost = -1;
};
Result<SolFile> ParseSol(std::istream& in);

}  // namespace ruralec::routing
