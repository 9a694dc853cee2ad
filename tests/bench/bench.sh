#!/usr/bin/env bash
# The benchmark: cchc against the XML parse floor (xmllint --stream --noout) on
# the same generated input, for 21, 2 000 and 20 000 agencies × 120 sub-criteria,
# each size in two layouts of the same data: a folder of one file per agency
# (nN/assessments/) and one multi-agency bundle beside it (nN/assessments.xml);
# then the robustness Monte Carlo (51 agencies × 49 criteria, 10 000 draws).
#
#   tests/bench/bench.sh [BUILD_DIR] [SIZES...]      (default: build 21 2000 20000)
#
# One table row per size and layout (files, bundle):
#   xmllint_s  the floor's wall seconds: xmllint over criteria.xml and the
#              assessments (for the folder in as few processes as the argument
#              limit allows, for the bundle one process); every time is the
#              median of CCHC_BENCH_RUNS (3) runs
#   rank_s     cchc rank CRITERIA INPUT --format csv; ratio = rank_s / xmllint_s
#   gap_s      cchc gap CRITERIA INPUT --agency a000001 --target-rank 10 --format json;
#              gap_ratio = gap_s / xmllint_s
#   rank_MiB   cchc rank's peak resident memory
#   input_MiB  the bytes read: criteria.xml and the assessments (apparent size)
# The input is read once before each layout is timed, so that xmllint (timed
# first) and cchc both read from the page cache.
# A cchc run that fails shows "failed" in its cell, with the first line of its
# error on stderr, and the run goes on; the script then exits 1.
#
# Inputs are generated once by cchc-bench-gen (seeded, identical on every
# machine) under ${CCHC_BENCH_DIR:-/tmp/cchc-bench}: nN/.done marks the folder
# and nN/.bundle.done the bundle; remove a marker to regenerate. Needs xmllint
# (libxml2-utils) and GNU time. To reproduce:
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build build
#   tests/bench/bench.sh build
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
failures=0

# Wall seconds (the median of ${CCHC_BENCH_RUNS:-3} runs: a shared machine's
# timings wander) and peak resident KiB (the largest) of a command, its output
# discarded, into $secs and $kib. If a run fails: "failed" in both, LABEL and
# the first line of its error output on stderr, and one more in $failures.
runs=${CCHC_BENCH_RUNS:-3}
measure() {
  local label=$1 t e why r all=() peak=0 s k
  shift
  t=$(mktemp)
  e=$(mktemp)
  for ((r = 0; r < runs; r++)); do
    if /usr/bin/time -o "$t" -f '%e %M' "$@" >/dev/null 2>"$e"; then
      read -r s k < <(tail -1 "$t")
      all+=("$s")
      ((k > peak)) && peak=$k
    else
      secs=failed kib=failed
      why=$(head -n1 "$e")
      [ -n "$why" ] || why=$(head -n1 "$t") # killed: time says by which signal
      echo "bench: $label failed: $why" >&2
      failures=$((failures + 1))
      rm -f "$t" "$e"
      return
    fi
  done
  secs=$(printf '%s\n' "${all[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  kib=$peak
  rm -f "$t" "$e"
}

# A over B to two places; "-" if A failed or B is below the timer's 10 ms
ratio() {
  if [ "$1" = failed ]; then echo -; else awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; fi
}

# Size N's data in DIR: the folder and the bundle from one run of the generator,
# or only the bundle beside a folder generated before the bundle existed.
prepare() {
  local dir=$1 n=$2
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"
    "$gen" --both "$dir" "$n" 120 2026
    touch "$dir/.done" "$dir/.bundle.done"
  elif [ ! -f "$dir/.bundle.done" ]; then
    "$gen" --bundle "$dir" "$n" 120 2026
    touch "$dir/.bundle.done"
  fi
}

row() { printf '%-9s %-7s %9s %8s %7s %8s %9s %8s %9s\n' "$@"; }
row agencies layout xmllint_s rank_s ratio gap_s gap_ratio rank_MiB input_MiB
for n in "${sizes[@]}"; do
  dir=$data/n$n
  prepare "$dir" "$n"
  for layout in files bundle; do
    # every side reads from the page cache: read the input once before timing
    if [ "$layout" = files ]; then
      find "$dir/criteria.xml" "$dir/assessments" -type f -print0 | xargs -0 cat >/dev/null
    else
      cat "$dir/criteria.xml" "$dir/assessments.xml" >/dev/null
    fi
    if [ "$layout" = files ]; then
      in=$dir/assessments
      measure "xmllint on n$n $layout" bash -c \
        'find "$@" -name "*.xml" -print0 | xargs -0 xmllint --stream --noout' floor "$dir/criteria.xml" "$in"
    else
      in=$dir/assessments.xml
      measure "xmllint on n$n $layout" xmllint --stream --noout "$dir/criteria.xml" "$in"
    fi
    [ "$secs" != failed ] || exit 1 # the generated data does not parse: nothing to compare with
    fs=$secs
    measure "cchc rank on n$n $layout" "$cchc" rank "$dir/criteria.xml" "$in" --format csv
    rs=$secs rk=$kib
    measure "cchc gap on n$n $layout" "$cchc" gap "$dir/criteria.xml" "$in" --agency a000001 --target-rank 10 --format json
    gs=$secs
    if [ "$rk" = failed ]; then rmib=-; else rmib=$((rk / 1024)); fi
    size=$(du -cb "$dir/criteria.xml" "$in" | tail -1 | awk '{ printf "%.1f", $1 / 1048576 }')
    row "$n" "$layout" "$fs" "$rs" "$(ratio "$rs" "$fs")" "$gs" "$(ratio "$gs" "$fs")" "$rmib" "$size"
  done
done

# Robustness: 10 000 draws of 51 agencies × 49 criteria, one thread and all cores;
# draws per second with the loading time (a 1-draw run) taken off.
dir=$data/robust51
[ -f "$dir/.done" ] || { rm -rf "$dir"; "$gen" "$dir" 51 44 7; touch "$dir/.done"; }
for t in 1 0; do
  what=$([ "$t" = 1 ] && echo "1 thread" || echo "all cores")
  measure "cchc robust, $what, 1 draw" "$cchc" robust "$dir/criteria.xml" "$dir/assessments" --draws 1 --threads 1
  one=$secs
  args=(--draws 10000 --seed 1)
  [ "$t" = 0 ] || args+=(--threads "$t")
  measure "cchc robust, $what" "$cchc" robust "$dir/criteria.xml" "$dir/assessments" "${args[@]}"
  all=$secs
  if [ "$one" = failed ] || [ "$all" = failed ]; then
    echo "robust 51x49, 10000 draws, $what: failed"
    continue
  fi
  awk -v a="$all" -v o="$one" -v w="$what" 'BEGIN {
    d = a - o; if (d <= 0) d = 0.001;
    printf "robust 51x49, 10000 draws, %s: %.3f s (%.3f s after loading), %.0f draws/s\n",
      w, a, d, 9999 / d }'
done

if ((failures)); then
  echo "bench: $failures run(s) failed (see above)" >&2
  exit 1
fi
