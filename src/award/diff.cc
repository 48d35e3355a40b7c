// Difference between the last approved list and a new evaluation; publication masking.
#include <algorithm>
#include <map>

#include "award/award.h"
#include "crypto/person_name.h"

namespace ruralec::award {

LineKey KeyOf(const Line& l) { return {l.rule_id, l.subject_kind, l.subject_id}; }

Result<Diff> DiffLines(const std::vector<Line>& approved, const std::vector<Line>& current) {
  Diff d;
  std::map<LineKey, const Line*> old_lines, new_lines;
  for (const auto& l : approved) {
    old_lines[KeyOf(l)] = &l;
    if (!AddMoney(&d.old_total_fen, l.amount_fen.value_or(0))) return MoneyOverflow("已核定清单");
  }
  for (const auto& l : current) {
    new_lines[KeyOf(l)] = &l;
    if (!AddMoney(&d.new_total_fen, l.amount_fen.value_or(0))) return MoneyOverflow("新清单");
  }
  auto entry = [](std::string change, const LineKey& k, const Line* o, const Line* n) {
    DiffEntry e{std::move(change), k, (n ? n : o)->subject_name};
    if (o) {
      e.old_amount_fen = o->amount_fen;
      e.old_status = LineStatusName(o->status);
    }
    if (n) {
      e.new_amount_fen = n->amount_fen;
      e.new_status = LineStatusName(n->status);
    }
    return e;
  };
  for (const auto& [k, o] : old_lines) {
    auto it = new_lines.find(k);
    if (it == new_lines.end()) {
      d.entries.push_back(entry("removed", k, o, nullptr));
    } else if (it->second->amount_fen != o->amount_fen || it->second->status != o->status) {
      d.entries.push_back(entry("changed", k, o, it->second));
    } else {
      ++d.unchanged;
    }
  }
  for (const auto& [k, n] : new_lines)
    if (!old_lines.count(k)) d.entries.push_back(entry("added", k, nullptr, n));
  std::stable_sort(d.entries.begin(), d.entries.end(),
                   [](const DiffEntry& a, const DiffEntry& b) { return a.key < b.key; });
  return d;
}

std::string MaskName(const std::string& name, bool personal) {
  return personal ? crypto::MaskPersonName(name) : name;
}

}  // namespace ruralec::award
