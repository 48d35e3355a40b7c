// A fund's figures for the ledger views and the constraint panel (docs/FUNDS.md "Figures"): pure
// arithmetic over the balances the ledger keeps, no SQL. Plan vs committed vs advanced vs paid per
// category, what arrived and what is left, and the three constraints of 004: 公共服务中心 ≤ 15%
// of the fund, uplink ≥ 50% of the approved spending, advances ≤ the fund's share.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "funds/rules.h"

namespace ruralec::funds {

// One category (or the fund as a whole, code ""): its plan and where its approved money sits.
struct CategoryFigures {
  std::string code, name;
  Fen planned;
  Fen approved;  // committed + advanced + paid + claw-back
  Fen committed, advanced, paid, clawback;
};

// The uplink shares of a project's live commitments: Σ amount × pct and Σ amount (fen).
struct UplinkSums {
  int64_t weighted = 0;  // fen × percent
  int64_t amount = 0;
};

struct Constraints {
  // 公共服务中心 approved, in basis points (1/100 %) of the fund's amount; over 1500 = over 15%.
  int64_t psc_bp = 0;
  bool psc_over = false;
  // Uplink share of the approved spending, in basis points; ≥ 5000 meets 004's 50%. -1 when
  // nothing is approved yet (no share to show).
  int64_t uplink_bp = -1;
  bool uplink_met = false;
  // Projects whose outstanding advance exceeds the fund's share of their approved subsidy (a
  // decommitment after an advance can do this; the ledger refuses new advances for them).
  std::vector<std::string> advance_over;
  // Projects that failed acceptance (不合格, not rectified: no subsidy) still holding committed or
  // advanced money: the finance staff's decommitment and claw-back still to enter.
  std::vector<std::string> failed_holding;
};

struct FundFigures {
  Fen arrived;    // net of what was given back to the treasury
  Fen available;  // arrived, not committed
  CategoryFigures total;
  std::vector<CategoryFigures> categories;  // the plan's, in its order
  Constraints constraints;
};

// `uplink`: per project, from the unreversed commitments (read_store.h ProjectUplink). A
// project's share weighs its approved subsidy.
FundFigures FiguresOf(const FundState& s, const std::map<std::string, UplinkSums>& uplink);

}  // namespace ruralec::funds
