#!/usr/bin/env bash
# Load on cchc serve, on loopback only: SESSIONS (100) agency sessions at once
# for SECONDS (60), each saving one of its items, reading its live score and
# its estimated rank, then pausing THINK_MS (1000) like a person at a form.
# Reports p50/p99 latency and errors (README, "Server").
# Usage: bench/server-load.sh [SESSIONS [SECONDS [THINK_MS]]]
#   CCHC=path/to/cchc (default build/cchc), PORT (default 18080), THREADS (default: the server's, 16),
#   SYNC=normal|full (cchc serve --sync; default normal)
set -euo pipefail
cd "$(dirname "$0")/.."
sessions=${1:-100} seconds=${2:-60} think=${3:-1000}
cchc=${CCHC:-build/cchc} port=${PORT:-18080} threads=${THREADS:-16} sync=${SYNC:-normal}
out=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$out"' EXIT
cc -std=c11 -O2 -o "$out/server-load" bench/server-load.c tests/server_client.c tests/json_read.c -Itests \
   $(pkg-config --cflags --libs libcurl) -lm
"$cchc" serve --demo --sync "$sync" --listen "127.0.0.1:$port" --threads "$threads" >"$out/serve.log" 2>&1 &
pid=$!
for _ in $(seq 50); do
  grep -q listening "$out/serve.log" && break
  sleep 0.2
done
grep -q listening "$out/serve.log" || { cat "$out/serve.log" >&2; exit 1; }
echo "cchc serve --demo --sync $sync on 127.0.0.1:$port, $threads threads, $(nproc) cores"
"$out/server-load" "$port" "$sessions" "$seconds" "$think"
