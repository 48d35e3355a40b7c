// Programme text ⇄ a JSON tree in the file format's shape (docs/PROGRAMME_FORMAT.md), for the
// console's programme editor. The tree is the file's structure with every scalar a string
// except `true`/`false` (booleans): numbers stay as written ("1.50" is not 1.5), so a value
// that went through the form is the value the plan wrote.
//
// Contract: ToYaml(ToTree(t)) parses to the same programme as `t` (comments and layout are
// not kept: a version saved from the form is written in one canonical layout, block style,
// keys in the format's order). Null, empty strings, empty lists and empty maps are left out,
// so a field the clerk cleared is absent, as in a hand-written file.
#pragma once

#include <map>
#include <string>

#include "core/result.h"
#include "http/server.h"
#include "programme/programme.h"

namespace ruralec::programme::api {

// kInvalidArgument (field "yaml") on a YAML syntax error; the top level must be a map.
Result<http::Json> YamlToTree(const std::string& text);

struct EmittedYaml {
  std::string text;
  // 1-based line of the emitted text → the tree path written on it, e.g. "targets[0].value",
  // "award_rules[2].amount.tiers[1]"; a list item owns the line of its first key.
  std::map<int, std::string> path_at_line;
};
// kInvalidArgument naming the path when the tree is not an object or holds numbers that are
// not finite.
Result<EmittedYaml> TreeToYaml(const http::Json& tree);

// The path of a checker issue's line: the line's own path, else the nearest earlier line's
// (a message about a missing key sits on its parent's line); "" for line 0.
std::string PathAtLine(const EmittedYaml& emitted, int line);

// The form field a checker issue is about: PathAtLine, narrowed to the key when the issue is a
// missing key ("targets[1]" + "缺少字段 text" → "targets[1].text"). The checker reports most
// problems on their item's first line, so most paths name an item (targets[1]), not a field.
std::string IssuePath(const EmittedYaml& emitted, const Issue& issue);

}  // namespace ruralec::programme::api
