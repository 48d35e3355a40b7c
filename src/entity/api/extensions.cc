#include "entity/api/extensions.h"

#include <map>
#include <mutex>

namespace ruralec::entity::api {
namespace {

std::mutex& Mutex() {
  static std::mutex m;
  return m;
}
std::map<std::string, Extension>& Registry() {
  static std::map<std::string, Extension> r;
  return r;
}

}  // namespace

void Extend(const std::string& module, Extension e) {
  std::lock_guard lock(Mutex());
  Registry()[module] = std::move(e);
}

std::vector<Extension> Extensions() {
  std::lock_guard lock(Mutex());
  std::vector<Extension> out;
  for (const auto& [name, e] : Registry()) out.push_back(e);
  return out;
}

}  // namespace ruralec::entity::api
