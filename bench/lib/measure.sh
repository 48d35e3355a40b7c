# Shared by the import benches (bench/import/run.sh, bench/logistics/ingest.sh); sourced, with
# GEN (import_gen), ROWS and work (a scratch directory) set by the caller.
#
# measure LABEL COMMAND...: the `import_gen --measure` line (kept in $work/LABEL; the command's
# own output in $work/LABEL.log, shown when it fails).
measure() {
  local label=$1
  shift
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo -n "$label: "
  "$GEN" --measure "$ROWS" -- "$@" >"$work/$label.log" 2>&1 || { cat "$work/$label.log"; return 1; }
  tail -1 "$work/$label.log" | tee "$work/$label"
}
# ratio RAW IMPORT [cpu]: the import's rows/s as a share of the raw rate (wall; with a third
# argument also CPU, when both lines have it).
ratio() {
  local rw rc iw ic
  read -r rw rc <<<"$(sed -E 's/.*rows\/s ([0-9]+) \(wall\)  ([0-9]+) \(cpu\).*/\1 \2/' "$work/$1")"
  read -r iw ic <<<"$(sed -E 's/.*rows\/s ([0-9]+) \(wall\)  ([0-9]+) \(cpu\).*/\1 \2/' "$work/$2")"
  echo "ratio $2 / $1: $((100 * iw / rw))% of the raw rate (wall)${3:+, $((100 * ic / rc))% (cpu)}"
}
