#include "runtime/dicts.h"

namespace ruralec::runtime {

std::vector<FoundDict> AllDicts(const Context& ctx) {
  std::vector<FoundDict> out;
  for (const Module* m : ctx.modules())
    for (const Dict& d : m->dicts) out.push_back({m, &d});
  return out;
}

Result<FoundDict> FindDict(const Context& ctx, const std::string& name) {
  for (const FoundDict& f : AllDicts(ctx))
    if (f.dict->name == name) return f;
  return Error::NotFound("字典 " + name + " 不存在");
}

Result<std::vector<settings::CountyEntry>> CountyDictEntries(Context& ctx,
                                                             storage::Connection& conn,
                                                             const Dict& d,
                                                             const RegionCode& county) {
  std::vector<DictEntry> builtin = d.entries;
  if (d.load) {
    ASSIGN_OR_RETURN(builtin, d.load(ctx));
  }
  std::vector<settings::CountyEntry> out;
  for (const auto& e : builtin) out.push_back({e.value, e.label, true, false});
  if (!d.extension || county.empty()) return out;
  std::vector<settings::CountyEntry> added;
  if (d.extension->additions) {
    ASSIGN_OR_RETURN(added, d.extension->additions(conn, county.county()));
  } else {
    ASSIGN_OR_RETURN(added, settings::CountyEntries(conn, county.county(), d.name));
  }
  for (auto& e : added) e.builtin = false;
  out.insert(out.end(), added.begin(), added.end());
  return out;
}

}  // namespace ruralec::runtime
