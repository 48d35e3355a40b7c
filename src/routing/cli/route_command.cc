#include "routing/cli/route_command.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
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
  std::string rounding = "auto";
  std::vector<std::string> params;  // name=value tuning of SolveOptions
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

// Tuning knobs reachable from the command line (`--param name=value`), for benchmarks and
// experiments; the defaults are the measured best (docs/ROUTING.md).
void SetParam(SolveOptions& o, const std::string& spec) {
  const auto eq = spec.find('=');
  if (eq == std::string::npos) Die("--param wants name=value, got " + spec);
  const std::string name = spec.substr(0, eq), value = spec.substr(eq + 1);
  double v = 0;
  try {
    v = std::stod(value);
  } catch (...) {
    Die("--param " + name + ": not a number: " + value);
  }
  const std::map<std::string, std::function<void(double)>> knobs = {
      {"granular_neighbours", [&](double x) { o.granular_neighbours = static_cast<int>(x); }},
      {"population_min", [&](double x) { o.population_min = static_cast<int>(x); }},
      {"generation_size", [&](double x) { o.generation_size = static_cast<int>(x); }},
      {"elite", [&](double x) { o.elite = static_cast<int>(x); }},
      {"close", [&](double x) { o.close = static_cast<int>(x); }},
      {"iterations_without_improvement",
       [&](double x) { o.iterations_without_improvement = static_cast<int64_t>(x); }},
      {"penalty_window", [&](double x) { o.penalty_window = std::max(1, static_cast<int>(x)); }},
      {"time_penalty_start", [&](double x) { o.time_penalty_start = x; }},
      {"ruin_recreate_percent", [&](double x) { o.ruin_recreate_percent = static_cast<int>(x); }},
      {"ruin_min", [&](double x) { o.ruin_min = std::max(1, static_cast<int>(x)); }},
      {"ruin_max", [&](double x) { o.ruin_max = static_cast<int>(x); }},
      {"string_ruin_percent", [&](double x) { o.string_ruin_percent = static_cast<int>(x); }},
      {"route_ruin_percent", [&](double x) { o.route_ruin_percent = static_cast<int>(x); }},
      {"timed_insertion", [&](double x) { o.timed_insertion = x != 0; }},
      {"ruin_recreate_from_clients",
       [&](double x) { o.ruin_recreate_from_clients = static_cast<int>(x); }},
      {"annealing_start", [&](double x) { o.annealing_start = x; }},
      {"annealing_end", [&](double x) { o.annealing_end = x; }},
      {"decomposition_every", [&](double x) { o.decomposition_every = static_cast<int>(x); }},
      {"decomposition_clients", [&](double x) { o.decomposition_clients = static_cast<int>(x); }},
      {"decomposition_iterations",
       [&](double x) { o.decomposition_iterations = static_cast<int>(x); }},
  };
  auto it = knobs.find(name);
  if (it == knobs.end()) Die("--param: unknown name " + name);
  it->second(v);
}

void RunSolve(const SolveArgs& a) {
  if (a.vrp.empty() == a.json.empty()) Die("give exactly one of --vrp FILE or --json FILE");
  Problem problem;
  std::string name;
  int64_t scale = 1;
  if (!a.vrp.empty()) {
    const Rounding rounding = a.rounding == "nearest"  ? Rounding::kNearest
                              : a.rounding == "dimacs" ? Rounding::kDimacs
                                                       : Rounding::kAuto;
    auto inst = ReadCvrplibFile(a.vrp, rounding);
    if (!inst.ok()) Die(inst.error().message);
    problem = std::move(inst->problem);
    name = inst->name;
    scale = inst->scale;
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
  for (const std::string& p : a.params) SetParam(opt, p);
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
            << "scale " << scale << "\n"
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
  solve
      ->add_option("--rounding", args->rounding,
                   "EUC_2D distances: nearest (CVRPLIB), dimacs (tenths, truncated; VRPTW "
                   "collections), auto (dimacs for TYPE VRPTW)")
      ->check(CLI::IsMember({"auto", "nearest", "dimacs"}));
  solve->add_option("--param", args->params,
                    "tuning, name=value (repeatable; see docs/ROUTING.md \"Parameters\")");
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
