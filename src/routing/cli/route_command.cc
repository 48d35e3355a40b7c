#include "routing/cli/route_command.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>

#include "routing/checker.h"
#include "routing/io/cvrplib.h"
#include "routing/io/json_io.h"
#include "routing/rural.h"
#include "routing/solver.h"

namespace ruralec::routing {
namespace {

struct SolveArgs {
  std::string vrp, json, sol, out;
  double time_limit = 10;
  uint64_t seed = 1;
  int threads = 1;
  int64_t max_iterations = -1;
  bool verbose = false;
  bool cpu_time = false;
};

double ProcessCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

[[noreturn]] void Die(const std::string& msg) {
  std::cerr << "route: " << msg << "\n";
  throw CLI::RuntimeError(1);
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  if (!out) Die("cannot write " + path);
}

void RunSolve(const SolveArgs& a) {
  if (a.vrp.empty() == a.json.empty()) Die("give exactly one of --vrp FILE or --json FILE");
  Problem problem;
  std::string name;
  if (!a.vrp.empty()) {
    auto inst = ReadCvrplibFile(a.vrp);
    if (!inst.ok()) Die(inst.error().message);
    problem = std::move(inst->problem);
    name = inst->name;
  } else {
    auto p = ReadProblemJsonFile(a.json);
    if (!p.ok()) Die(a.json + ": " + p.error().field + ": " + p.error().message);
    problem = std::move(*p);
    name = a.json;
  }
  SolveOptions opt;
  opt.time_limit_seconds = a.time_limit;
  opt.seed = a.seed;
  opt.threads = a.threads;
  opt.max_iterations = a.max_iterations;
  opt.cpu_time = a.cpu_time;
  const auto t0 = std::chrono::steady_clock::now();
  const double cpu0 = ProcessCpuSeconds();
  ProgressCallback progress;
  if (a.verbose) {
    progress = [](const Progress& p) {
      std::cerr << (p.improved ? "  " : "  . ") << p.seconds << " s  it " << p.iteration
                << "  best " << p.best_cost << "\n";
      return true;
    };
  }
  auto sol = Solve(problem, opt, progress);
  if (!sol.ok()) Die(sol.error().message);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu_secs = ProcessCpuSeconds() - cpu0;
  const CheckReport check = CheckSolution(problem, *sol);
  if (!a.sol.empty()) WriteFile(a.sol, FormatSol(*sol));
  if (!a.json.empty()) {
    const std::string plan = SolutionToJson(problem, *sol);
    if (a.out.empty()) {
      std::cout << plan << "\n";
    } else {
      WriteFile(a.out, plan);
    }
  }
  std::cout << "instance " << name << "\n"
            << "routes " << sol->routes.size() << "\n"
            << "unserved " << sol->unserved.size() << "\n"
            << "distance " << sol->total_distance << "\n"
            << "feasible " << (check.feasible ? "yes" : "no") << "\n"
            << "seconds " << secs << "\n"
            << "cpu_seconds " << cpu_secs << "\n"
            << "cost " << std::llround(sol->cost.total()) << std::endl;
}

void AddSolve(CLI::App& route) {
  auto args = std::make_shared<SolveArgs>();
  CLI::App* solve = route.add_subcommand("solve", "Solve a routing instance");
  solve->add_option("--vrp", args->vrp, "CVRPLIB .vrp or LKH-3 .vrpspd instance");
  solve->add_option("--json", args->json, "problem in the platform JSON format");
  solve->add_option("--time-limit", args->time_limit, "seconds (wall clock unless --cpu-time)")
      ->check(CLI::PositiveNumber);
  solve->add_flag("--cpu-time", args->cpu_time,
                  "measure --time-limit in CPU time of each search thread (fair on a loaded "
                  "machine)");
  solve->add_option("--seed", args->seed, "random seed");
  solve->add_option("--sol", args->sol, "write routes in CVRPLIB .sol format");
  solve->add_option("--out", args->out, "write the JSON plan here (with --json; default stdout)");
  solve->add_option("--threads", args->threads, "independent searches in parallel")
      ->check(CLI::Range(1, 64));
  solve->add_option("--max-iterations", args->max_iterations, "stop after N genetic iterations");
  solve->add_flag("--verbose", args->verbose, "print improvements to stderr");
  solve->callback([args] { RunSolve(*args); });
}

void AddGenerate(CLI::App& route) {
  auto opt = std::make_shared<RuralOptions>();
  auto out = std::make_shared<std::string>();
  CLI::App* gen =
      route.add_subcommand("generate-rural", "Write a synthetic rural county instance (JSON)");
  gen->add_option("--villages", opt->villages, "village stations")->check(CLI::Range(1, 5000));
  gen->add_option("--vehicles", opt->vehicles, "vehicles")->check(CLI::Range(1, 500));
  gen->add_option("--seed", opt->seed, "generator seed");
  gen->add_option("--out", *out, "output file")->required();
  gen->callback([opt, out] {
    WriteFile(*out, ProblemToJson(MakeRuralProblem(*opt)));
    std::cout << "wrote " << *out << "\n";
  });
}

}  // namespace

void AddRouteCommand(CLI::App& app) {
  CLI::App* route = app.add_subcommand("route", "Vehicle routing (co-delivery plans)");
  route->require_subcommand(1);
  AddSolve(*route);
  AddGenerate(*route);
}

}  // namespace ruralec::routing
