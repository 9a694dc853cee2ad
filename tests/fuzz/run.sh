#!/usr/bin/env bash
# Build the libFuzzer harnesses with clang in build-fuzz/ and run each one for
# SECONDS (default 60), seeded from criteria/, samples/, tests/data/ and
# tests/fuzz/seeds/.
# Any crash, leak, undefined behaviour, timeout, broken loader contract or
# (fuzz_assessment_shape) disagreement between the native assessment checker
# and the XSD fails the script; the input is saved as
# build-fuzz/artifacts/<harness>-*.
# Usage: tests/fuzz/run.sh [SECONDS]    (see tests/fuzz/README.md)
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-60}
build=${CCHC_FUZZ_BUILD:-build-fuzz}   # another build folder: CCHC_FUZZ_BUILD=/tmp/bf
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCCHC_FUZZ=ON -DCCHC_SANITIZE=ON -DCCHC_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j "$jobs" --target fuzz_criteria fuzz_assessment fuzz_plan \
      fuzz_assessment_shape fuzz_xlsx fuzz_plan_book
mkdir -p "$build/artifacts"

for name in criteria assessment plan assessment_shape xlsx plan_book; do
  case $name in
    criteria)   seeds=(criteria tests/data tests/fuzz/seeds/criteria) ;;
    assessment) seeds=(samples/hue-2018 tests/data tests/fuzz/seeds/assessment) ;;
    plan)       seeds=(samples/plans tests/data) ;;
    assessment_shape)
                seeds=(samples/hue-2018 tests/data tests/fuzz/seeds/assessment tests/fuzz/seeds/shape) ;;
    xlsx)       seeds=(tests/data/xlsx tests/data/hostile/xlsx tests/fuzz/seeds/xlsx) ;;
    plan_book)  seeds=(tests/fuzz/seeds/plan_book) ;;
  esac
  # the first folder collects what the fuzzer finds and is kept between runs
  corpus=$build/corpus/$name
  mkdir -p "$corpus"
  log=$build/fuzz-$name.log
  echo "fuzz: $name for ${seconds}s (log: $log)"
  dict=tests/fuzz/xml.dict
  case $name in xlsx | plan_book) dict=tests/fuzz/xlsx.dict ;; esac
  if ! "$build/fuzz/fuzz_$name" -max_total_time="$seconds" -max_len=65536 -timeout=30 \
         -rss_limit_mb=2048 -dict="$dict" -print_final_stats=1 \
         -artifact_prefix="$build/artifacts/$name-" "$corpus" "${seeds[@]}" >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz: $name found a problem; the input is in $build/artifacts/" >&2
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^#[0-9]+[[:space:]]+DONE' "$log" || true
done
echo "fuzz: all harnesses ran ${seconds}s each without a finding"
