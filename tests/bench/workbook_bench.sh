#!/bin/bash
# The self-assessment workbook's speed: one `cchc template` (the target: under 50 ms), and N agency
# workbooks imported and ranked by `cchc rank` on one core (the target: 100 in under 1 s), against
# ranking the same agencies' XML. Inputs come from cchc-bench-gen (seeded: a 120-leaf set with a
# survey), each agency's workbook written by `cchc template --from` its XML. Times are medians of 5.
#
# usage: tests/bench/workbook_bench.sh [BUILD_DIR] [AGENCIES]     (default build, 100)
set -euo pipefail
build=${1:-build}
n=${2:-100}
cchc=$build/cchc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$build/cchc-bench-gen" "$tmp/gen" "$n" >/dev/null
mkdir "$tmp/books"
for f in "$tmp"/gen/assessments/*.xml; do
  id=$(basename "$f" .xml)
  "$cchc" template "$tmp/gen/criteria.xml" --agency "$id" --from "$f" -o "$tmp/books/$id.xlsx"
done

# median of 5 runs of a command: "WALL CPU" in seconds (CPU = user + system: on a shared machine
# the wall time wanders with the load, the CPU time does not)
median() {
  local runs=()
  for _ in 1 2 3 4 5; do
    /usr/bin/time -o "$tmp/time" -f '%e %U %S' "$@" >/dev/null
    runs+=("$(awk '{ printf "%.3f %.3f", $1, $2 + $3 }' "$tmp/time")")
  done
  local wall cpu
  wall=$(printf '%s\n' "${runs[@]}" | cut -d' ' -f1 | sort -n | sed -n 3p)
  cpu=$(printf '%s\n' "${runs[@]}" | cut -d' ' -f2 | sort -n | sed -n 3p)
  echo "$wall $cpu"
}

files=("$tmp"/gen/assessments/*.xml)
first=${files[0]}
t_template=$(median taskset -c 0 "$cchc" template "$tmp/gen/criteria.xml" --agency x --from "$first" \
  -o "$tmp/one.xlsx")
t_books=$(median taskset -c 0 "$cchc" rank "$tmp/gen/criteria.xml" "$tmp/books")
t_xml=$(median taskset -c 0 "$cchc" rank "$tmp/gen/criteria.xml" "$tmp/gen/assessments")
size=$(du -sk "$tmp/books" | cut -f1)
cmp <("$cchc" rank "$tmp/gen/criteria.xml" "$tmp/books") <("$cchc" rank "$tmp/gen/criteria.xml" "$tmp/gen/assessments")
show() { printf '%-44s %6.3f s CPU (%.3f s wall)\n' "$1" "${2#* }" "${2% *}"; }
show "template, one workbook of 120 leaves:" "$t_template"
show "rank $n workbooks ($size KiB):" "$t_books"
show "rank the same $n agencies as XML:" "$t_xml"
echo "the two rankings are identical"
