#include "runtime/work.h"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <stdexcept>
#include <thread>

namespace ruralec::runtime {
namespace {

using std::chrono::milliseconds;

WorkItems Todo(const std::string& key, int64_t count) {
  WorkItems w;
  w.todos.push_back({key, key, count, "warning", "/x"});
  return w;
}

struct Fixture {
  Module a, b;
  std::map<std::string, RunProvider> behaviour;
  Fixture() {
    a.name = "award";
    a.title = "奖补";
    a.work = {{"approvals", "award:approve", nullptr}, {"broken", "", nullptr}};
    b.name = "reporting";
    b.title = "指标填报";
    b.work = {{"confirm", "", nullptr}, {"slow", "", nullptr}, {"throws", "", nullptr}};
    behaviour["approvals"] = [](const WorkProvider&) { return Todo("award.approvals", 2); };
    behaviour["broken"] = [](const WorkProvider&) -> Result<WorkItems> {
      return Error::Internal("数据库不可用");
    };
    behaviour["confirm"] = [](const WorkProvider&) { return Todo("reporting.confirm", 3); };
    behaviour["slow"] = [](const WorkProvider&) {
      std::this_thread::sleep_for(milliseconds(2000));
      return Todo("reporting.slow", 1);
    };
    behaviour["throws"] = [](const WorkProvider&) -> Result<WorkItems> {
      throw std::runtime_error("boom");
    };
  }
  RunProvider Run() {
    // a copy: the late provider's thread outlives the fixture
    return [this](const WorkProvider& p) {
      RunProvider fn = behaviour.at(p.name);
      return fn(p);
    };
  }
};

account::Principal Caller(std::set<std::string> permissions) {
  account::Principal p;
  p.username = "clerk";
  p.permissions = std::move(permissions);
  return p;
}

// A failing, throwing or late provider is one error line; the others' items still come back,
// in module order, and the collection returns at its time limit, not the late provider's.
TEST(CollectWorkTest, AFailingProviderIsIsolated) {
  Fixture f;
  ModuleList modules = {&f.a, &f.b};
  auto start = std::chrono::steady_clock::now();
  auto lines = CollectWork(modules, Caller({"award:approve"}), f.Run(), {milliseconds(300)});
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(took, milliseconds(1500));
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0].provider, "approvals");
  EXPECT_EQ(lines[0].error, "");
  ASSERT_EQ(lines[0].items.todos.size(), 1u);
  EXPECT_EQ(lines[0].items.todos[0].count, 2);
  EXPECT_EQ(lines[1].error, "数据库不可用");
  EXPECT_EQ(lines[2].module, "reporting");
  EXPECT_EQ(lines[2].items.todos[0].count, 3);
  EXPECT_NE(lines[3].error.find("超时"), std::string::npos);
  EXPECT_TRUE(lines[3].items.todos.empty());
  EXPECT_NE(lines[4].error.find("boom"), std::string::npos);
}

// A provider whose permission the caller lacks is not asked at all.
TEST(CollectWorkTest, OnlyProvidersTheCallerMayAskRun) {
  Fixture f;
  int approvals = 0;
  f.behaviour["approvals"] = [&approvals](const WorkProvider&) {
    ++approvals;
    return Todo("award.approvals", 2);
  };
  f.b.work.clear();
  ModuleList modules = {&f.a, &f.b};
  auto lines = CollectWork(modules, Caller({}), f.Run(), {milliseconds(1000)});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].provider, "broken");
  EXPECT_EQ(approvals, 0);
}

}  // namespace
}  // namespace ruralec::runtime
