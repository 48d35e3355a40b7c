#!/usr/bin/env bash
# Routing benchmark: CVRPLIB X subset + Dethloff VRPSPD (LKH-3 format) + a synthetic rural
# county instance. Prints cost and gap to the best-known solution per instance and averages.
#
#   bench/routing/run.sh [TIME_LIMIT_SECONDS=60] [SEED=1]
#
# Instances are read from $RURALEC_SHARED_DIR/bench/cvrplib (default: ../shared relative to
# the repository root). Runs one instance at a time, single-threaded. ROUTING_BIN=PATH picks the
# binary (default build/ruralec, else build/bench/routing/routing_solve).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SHARED=${RURALEC_SHARED_DIR:-$ROOT/../shared}
DIR=$SHARED/bench/cvrplib
LIMIT=${1:-60}
SEED=${2:-1}
RURAL_LIMIT=${RURAL_LIMIT:-5}

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
  awk -F'\t' -v s="$1" -v i="$2" '$1 == s && $2 == i {
    if (s ~ /^VRPSPD/) printf "%.0f\n", $3 * 10000; else print $3 }' "$DIR/BKS.tsv"
}

printf '%-16s %-13s %10s %10s %8s %7s\n' set instance bks cost gap% secs
run_set() {  # run_set SET_LABEL BKS_SET FILES...
  local label=$1 set=$2
  shift 2
  local sum=0 count=0 worst=0
  for f in "$@"; do
    local name best out cost secs gap
    name=$(basename "${f%.*}")
    best=$(bks "$set" "$name")
    if ! out=$("$BIN" route solve --vrp "$f" --time-limit "$LIMIT" --seed "$SEED" 2>"$WORK/err"); then
      printf '%-16s %-13s %10s %10s %8s %7s  input error: %s\n' "$label" "$name" "$best" - - - "$(head -c 200 "$WORK/err")"
      continue
    fi
    cost=$(tail -n 1 <<<"$out" | awk '{print $2}')
    secs=$(awk '$1 == "seconds" {printf "%.1f", $2}' <<<"$out")
    gap=$(awk -v c="$cost" -v b="$best" 'BEGIN {printf "%.2f", 100 * (c - b) / b}')
    printf '%-16s %-13s %10s %10s %8s %7s\n' "$label" "$name" "$best" "$cost" "$gap" "$secs"
    sum=$(awk -v s="$sum" -v g="$gap" 'BEGIN {print s + g}')
    worst=$(awk -v w="$worst" -v g="$gap" 'BEGIN {print (g > w ? g : w)}')
    count=$((count + 1))
  done
  if ((count > 0)); then
    awk -v s="$sum" -v n="$count" -v w="$worst" -v l="$label" \
      'BEGIN {printf "%-16s average gap %.2f%% over %d instances, worst %.2f%%\n", l, s / n, n, w}'
  fi
}

mapfile -t X < <(ls "$DIR"/X/*.vrp | sort -t n -k 2 -V)
run_set X X "${X[@]}"
mapfile -t SPD < <(ls "$DIR"/VRPSPD/*.vrpspd)
run_set VRPSPD VRPSPD_Dethloff "${SPD[@]}"

# Rural county: 380 villages, 12 vehicles (2 depots, mixed fleet, windows, pickups).
"$BIN" route generate-rural --villages 380 --vehicles 12 --seed 1 --out "$WORK/rural.json" >/dev/null
"$BIN" route solve --json "$WORK/rural.json" --out "$WORK/plan.json" --time-limit "$RURAL_LIMIT" --seed "$SEED" |
  awk -v t="$RURAL_LIMIT" '{v[$1] = $2} END {printf "rural-380        routes %s unserved %s distance %s m feasible %s cost %s yuan (%s s limit)\n",
    v["routes"], v["unserved"], v["distance"], v["feasible"], v["cost"], t}'
