#!/usr/bin/env bash
# The benchmark: cchc against the XML parse floor (xmllint --stream) on the
# same generated files, for 21, 2 000 and 20 000 agencies × 120 sub-criteria,
# and the robustness Monte Carlo (51 agencies × 49 criteria, 10 000 draws).
#
#   tests/bench/bench.sh [BUILD_DIR] [SIZES...]      (default: build 21 2000 20000)
#
# Inputs are generated once (seeded, identical on every machine) under
# ${CCHC_BENCH_DIR:-/tmp/cchc-bench}. Needs xmllint (libxml2-utils) and GNU time.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(21 2000 20000)
data=${CCHC_BENCH_DIR:-/tmp/cchc-bench}
cchc=$build/cchc
gen=$build/cchc-bench-gen
[ -x "$cchc" ] && [ -x "$gen" ] || { echo "bench: build first (cmake --build $build)"; exit 2; }
command -v xmllint >/dev/null || { echo "bench: xmllint missing (apt-get install libxml2-utils)"; exit 2; }
mkdir -p "$data"

# wall seconds and peak resident KiB of a command, its output discarded
measure() {
  local t
  t=$(mktemp)
  /usr/bin/time -o "$t" -f '%e %M' "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; rm -f "$t"; exit 1; }
  tail -1 "$t"
  rm -f "$t"
}

# xmllint over every file, in as few processes as the argument limit allows
floor() {
  measure bash -c "find '$1' -name '*.xml' -print0 | xargs -0 xmllint --stream --noout"
}

printf '%-9s %9s %9s %7s %10s %10s %9s\n' agencies xmllint_s rank_s ratio gap_s rank_MiB files_MiB
for n in "${sizes[@]}"; do
  dir=$data/n$n
  [ -f "$dir/.done" ] || { rm -rf "$dir"; "$gen" "$dir" "$n" 120 2026; touch "$dir/.done"; }
  read -r fs fm < <(floor "$dir")
  read -r rs rm < <(measure "$cchc" rank "$dir/criteria.xml" "$dir/assessments" --format csv)
  read -r gs gm < <(measure "$cchc" gap "$dir/criteria.xml" "$dir/assessments" --agency a000001 --target-rank 10 --format json)
  size=$(du -sm "$dir" | cut -f1)
  ratio=$(awk -v a="$rs" -v b="$fs" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '%-9s %9s %9s %7s %10s %10s %9s\n' "$n" "$fs" "$rs" "${ratio}x" "$gs" "$((rm / 1024))" "$size"
done

# Robustness: 10 000 draws of 51 agencies × 49 criteria, one thread and all cores;
# draws per second with the loading time (a 1-draw run) taken off.
dir=$data/robust51
[ -f "$dir/.done" ] || { rm -rf "$dir"; "$gen" "$dir" 51 44 7; touch "$dir/.done"; }
for t in 1 0; do
  read -r one _ < <(measure "$cchc" robust "$dir/criteria.xml" "$dir/assessments" --draws 1 --threads 1)
  args=(--draws 10000 --seed 1)
  [ "$t" = 0 ] || args+=(--threads "$t")
  read -r all _ < <(measure "$cchc" robust "$dir/criteria.xml" "$dir/assessments" "${args[@]}")
  awk -v a="$all" -v o="$one" -v t="$t" 'BEGIN {
    d = a - o; if (d <= 0) d = 0.001;
    printf "robust 51x49, 10000 draws, %s: %.3f s (%.3f s after loading), %.0f draws/s\n",
      (t == 1 ? "1 thread" : "all cores"), a, d, 9999 / d }'
done
