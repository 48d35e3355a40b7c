#!/usr/bin/env bash
# Routing benchmark: CVRPLIB X subset + Dethloff VRPSPD (LKH-3 format) + a synthetic rural
# county instance. Prints cost and gap to the best-known solution per instance and averages.
#
#   bench/routing/run.sh [TIME_LIMIT_SECONDS=60] [SEED=1]
#
# Instances are read from $RURALEC_SHARED_DIR/bench/cvrplib (default: ../shared relative to
# the repository root). Runs one instance at a time, single-threaded. ROUTING_BIN=PATH picks the
# binary (default build/ruralec, else build/bench/routing/routing_solve).
# CPU_TIME=1 measures the limit in the solving thread's CPU time (`route solve --cpu-time`):
# the fair "N s on one core" on a shared, loaded machine. ONLY='X-n1001 X-n502' restricts the
# run to instances whose name contains one of the words (no VRPSPD/rural/VRPTW unless named;
# ONLY='_10_' runs the twelve Gehring–Homberger VRPTW instances of $RURALEC_SHARED_DIR/bench/vrptw).
# JOBS=N solves N instances of a set at a time (each still single-threaded); only meaningful
# with CPU_TIME=1, where each solve is charged its own thread's CPU time.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SHARED=${RURALEC_SHARED_DIR:-$ROOT/../shared}
DIR=$SHARED/bench/cvrplib
TW_DIR=$SHARED/bench/vrptw
LIMIT=${1:-60}
SEED=${2:-1}
RURAL_LIMIT=${RURAL_LIMIT:-5}
CLOCK_FLAG=()
[[ ${CPU_TIME:-0} == 1 ]] && CLOCK_FLAG=(--cpu-time)
ONLY=${ONLY:-}
JOBS=${JOBS:-1}
PARAMS=()  # PARAMS_LIST='ruin_recreate_from_clients=700 …': --param for every solve (experiments)
for p in ${PARAMS_LIST:-}; do PARAMS+=(--param "$p"); done

if [[ -n ${ROUTING_BIN:-} ]]; then  # explicit binary (e.g. build/bench/routing/routing_solve)
  SRC_BIN=$ROUTING_BIN
elif [[ -x $ROOT/build/ruralec ]]; then
  SRC_BIN=$ROOT/build/ruralec
elif [[ -x $ROOT/build/bench/routing/routing_solve ]]; then
  SRC_BIN=$ROOT/build/bench/routing/routing_solve
else
  echo "build first: cmake -S . -B build -G Ninja && cmake --build build" >&2
  exit 1
fi
# Run a private copy so a rebuild during a long benchmark cannot mix binaries.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$SRC_BIN" "$WORK/solver"
BIN=$WORK/solver

bks() {  # bks SET INSTANCE -> value in the instance's own (scaled) unit
  if [[ $1 == VRPTW ]]; then  # tenths (DIMACS convention, `scale 10` in the solver's output)
    awk -F'\t' -v i="$2" '$1 == i { printf "%.0f\n", $2 * 10 }' "$TW_DIR/BKS.tsv"
    return
  fi
  awk -F'\t' -v s="$1" -v i="$2" '$1 == s && $2 == i {
    if (s ~ /^VRPSPD/) printf "%.0f\n", $3 * 10000; else print $3 }' "$DIR/BKS.tsv"
}

selected() {  # selected NAME -> true if ONLY is empty or names it
  [[ -z $ONLY ]] && return 0
  local w
  for w in $ONLY; do [[ $1 == *"$w"* ]] && return 0; done
  return 1
}

echo "clock: $([[ ${CPU_TIME:-0} == 1 ]] && echo 'thread CPU time' || echo 'wall clock'), limit ${LIMIT} s, seed $SEED, $(date -u '+%F %T') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %-13s %10s %10s %8s %7s %7s %6s %6s %4s\n' set instance bks cost gap% secs cpu load routes ok
solve_one() {  # solve_one FILE PREFIX -> PREFIX.out, .err, .rc, .load
  local rc=0
  "$BIN" route solve --vrp "$1" --time-limit "$LIMIT" --seed "$SEED" "${CLOCK_FLAG[@]}" "${PARAMS[@]}" \
    >"$2.out" 2>"$2.err" || rc=$?
  echo "$rc" >"$2.rc"
  cut -d' ' -f1 /proc/loadavg >"$2.load"
}

run_set() {  # run_set SET_LABEL BKS_SET FILES...
  local label=$1 set=$2
  shift 2
  local sum=0 count=0 worst=0 k=0 files=() f infeasible=0
  for f in "$@"; do
    selected "$(basename "${f%.*}")" && files+=("$f")
  done
  for f in "${files[@]}"; do  # at most JOBS solves at a time
    while (($(jobs -rp | wc -l) >= JOBS)); do wait -n || true; done
    solve_one "$f" "$WORK/$label.$k" &
    k=$((k + 1))
  done
  wait
  k=0
  for f in "${files[@]}"; do
    local name best out cost secs cpu load gap routes feasible res=$WORK/$label.$k
    k=$((k + 1))
    name=$(basename "${f%.*}")
    best=$(bks "$set" "$name")
    if [[ $(cat "$res.rc") != 0 ]]; then
      printf '%-16s %-13s %10s %10s %8s %7s  input error: %s\n' "$label" "$name" "$best" - - - "$(head -c 200 "$res.err")"
      continue
    fi
    out=$(cat "$res.out")
    cost=$(tail -n 1 <<<"$out" | awk '{print $2}')
    secs=$(awk '$1 == "seconds" {printf "%.1f", $2}' <<<"$out")
    cpu=$(awk '$1 == "cpu_seconds" {printf "%.1f", $2}' <<<"$out")
    load=$(cat "$res.load")
    routes=$(awk '$1 == "routes" {print $2}' <<<"$out")
    feasible=$(awk '$1 == "feasible" {print $2}' <<<"$out")
    [[ $feasible == yes ]] || infeasible=$((infeasible + 1))
    gap=$(awk -v c="$cost" -v b="$best" 'BEGIN {printf "%.2f", 100 * (c - b) / b}')
    printf '%-16s %-13s %10s %10s %8s %7s %7s %6s %6s %4s\n' "$label" "$name" "$best" "$cost" "$gap" "$secs" "$cpu" "$load" "$routes" "$feasible"
    sum=$(awk -v s="$sum" -v g="$gap" 'BEGIN {print s + g}')
    worst=$(awk -v w="$worst" -v g="$gap" 'BEGIN {print (g > w ? g : w)}')
    count=$((count + 1))
  done
  if ((count > 0)); then
    awk -v s="$sum" -v n="$count" -v w="$worst" -v l="$label" \
      'BEGIN {printf "%-16s average gap %.2f%% over %d instances, worst %.2f%%\n", l, s / n, n, w}'
    ((infeasible == 0)) || echo "$label: $infeasible plan(s) NOT feasible by the checker"
  fi
}

mapfile -t X < <(ls "$DIR"/X/*.vrp | sort -t n -k 2 -V)
run_set X X "${X[@]}"
mapfile -t SPD < <(ls "$DIR"/VRPSPD/*.vrpspd)
run_set VRPSPD VRPSPD_Dethloff "${SPD[@]}"
# Gehring–Homberger 1,000-customer VRPTW (two per class), only when named: ONLY='_10_'.
if [[ -n $ONLY && -d $TW_DIR ]]; then
  mapfile -t TW < <(ls "$TW_DIR"/*.vrp)
  run_set VRPTW VRPTW "${TW[@]}"
fi

selected rural-380 || exit 0
# Rural county: 380 villages, 12 vehicles (2 depots, mixed fleet, windows, pickups).
"$BIN" route generate-rural --villages 380 --vehicles 12 --seed 1 --out "$WORK/rural.json" >/dev/null
"$BIN" route solve --json "$WORK/rural.json" --out "$WORK/plan.json" --time-limit "$RURAL_LIMIT" --seed "$SEED" "${CLOCK_FLAG[@]}" |
  awk -v t="$RURAL_LIMIT" '{v[$1] = $2} END {printf "rural-380        routes %s unserved %s distance %s m feasible %s cost %s yuan (%s s limit)\n",
    v["routes"], v["unserved"], v["distance"], v["feasible"], v["cost"], t}'
