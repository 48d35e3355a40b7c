#include "home/module.h"

#include "home/work_handler.h"
#include "http/server.h"
#include "runtime/context.h"

namespace ruralec::home {

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "home";
    m.title = "首页";
    m.routes = [](http::Server& s, runtime::Context& c) { RegisterWorkRoute(s, c); };
    return m;
  }();
  return m;
}

}  // namespace ruralec::home
