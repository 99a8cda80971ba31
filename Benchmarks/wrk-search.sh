#!/usr/bin/env bash
# Load test of /api/search with the development queries, on a running `lawkb serve`.
#   Benchmarks/wrk-search.sh [BASE_URL] [DURATION] [CONNECTIONS]
# Needs wrk (apt-get install wrk) and python3. Sends traffic to BASE_URL only (default loopback).
set -euo pipefail
base=${1:-http://127.0.0.1:8080}
duration=${2:-15s}
connections=${3:-16}
queries=$(dirname "$0")/../../shared/eval/queries.yaml
script=$(mktemp --suffix=.lua)
trap 'rm -f "$script"' EXIT
python3 - "$queries" > "$script" <<'PY'
import sys, urllib.parse
paths = []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    if line.startswith("- query:"):
        query = line[len("- query:"):].strip()
        paths.append("/api/search?q=" + urllib.parse.quote(query))
print("local paths = {" + ",".join('"%s"' % p for p in paths) + "}")
print("local i = 0")
print("request = function() i = i + 1; return wrk.format('GET', paths[(i % #paths) + 1]) end")
PY
wrk -t2 -c"$connections" -d"$duration" --latency -s "$script" "$base"
