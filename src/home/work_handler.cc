#include "home/work_handler.h"

#include <algorithm>

#include "runtime/work.h"

namespace ruralec::home {
namespace {

using http::Json;

int Rank(const std::string& severity) {
  if (severity == "danger") return 0;
  if (severity == "warning") return 1;
  return 2;
}

Json WorkJson(const std::vector<runtime::WorkLine>& lines) {
  struct Todo {
    const runtime::WorkLine* line;
    const runtime::WorkTodo* todo;
  };
  std::vector<Todo> todos;
  Json figures = Json::array(), errors = Json::array();
  for (const auto& l : lines) {
    if (!l.error.empty())
      errors.push_back({{"module", l.module},
                        {"module_title", l.module_title},
                        {"provider", l.provider},
                        {"message", l.error}});
    for (const auto& t : l.items.todos)
      if (t.count > 0) todos.push_back({&l, &t});
    for (const auto& f : l.items.figures)
      figures.push_back({{"module", l.module},
                         {"key", f.key},
                         {"label", f.label},
                         {"value", f.value},
                         {"unit", f.unit},
                         {"link", f.link}});
  }
  std::stable_sort(todos.begin(), todos.end(), [](const Todo& a, const Todo& b) {
    return Rank(a.todo->severity) < Rank(b.todo->severity);
  });
  Json items = Json::array();
  for (const auto& [l, t] : todos)
    items.push_back({{"module", l->module},
                     {"module_title", l->module_title},
                     {"key", t->key},
                     {"label", t->label},
                     {"count", t->count},
                     {"severity", t->severity},
                     {"link", t->link}});
  return {{"todos", items}, {"figures", figures}, {"errors", errors}};
}

}  // namespace

void RegisterWorkRoute(http::Server& s, runtime::Context& ctx) {
  s.Get("/home/work", http::Route{}, [&ctx](http::Request& req, http::Reply&) -> Result<Json> {
    return WorkJson(runtime::CollectWork(ctx, req.principal()));
  });
}

}  // namespace ruralec::home
