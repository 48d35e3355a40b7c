// What changed between two versions of a programme, item by item, for the version history.
// Works on the format-shaped trees (yaml_json.h), so it names the file's own keys.
//
// Contract: lists of items are matched by their key (`id`, `number`, `stage`, `project_type`,
// `setting`, `metric`, `region_tag`, `region`, `name`: the first one every item on both sides
// has, unique on each side), else by position; an item present on one side only is one
// `added` / `removed` change carrying the whole item; lists of words (issuers, lead_units) and
// scalars are compared whole (`changed`, with before and after). Paths read
// "targets[T01].value", "tasks[3].deadline", "phases[#2].name" (# = by position).
#pragma once

#include <string>
#include <vector>

#include "http/server.h"

namespace ruralec::programme::api {

struct TreeChange {
  std::string path;
  std::string op;  // added | removed | changed
  http::Json before, after;
};

std::vector<TreeChange> DiffTrees(const http::Json& before, const http::Json& after);

}  // namespace ruralec::programme::api
