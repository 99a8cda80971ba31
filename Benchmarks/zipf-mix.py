#!/usr/bin/env python3
"""HTTP search throughput of `lawkb serve` and Datasette on one Zipf-distributed query mix.

A fixed rotation of a few queries flatters any server that caches answers. This benchmark
sends both servers the same long stream of queries drawn from the corpus's own vocabulary:

1. Vocabulary: the text columns (事项名称, 违法行为, 法律依据, 适用条件) of every tenth row
   of DATA/corpus.csv are cut into words with jieba (accurate mode, no HMM); every word and
   every phrase of two or three adjacent words of 3 to 10 Han characters is a candidate, and
   so is every run of 3 to 6 Han characters (the substrings people also type). Candidates
   found in at least two sampled rows are ranked by that count (ties by text). Three
   characters at least, so that the trigram index can answer every query too.
2. Stream: ranks are drawn with a Zipf distribution (P(rank r) ∝ 1 / r^s, --zipf s,
   default 1.0) from a seeded generator (--seed, default 13) until --queries (default
   10,000) distinct queries have been drawn. The stream keeps the repeats: popular queries
   come back, as they do on a real endpoint, while the long tail stays uncached.
3. Load: each server in turn (never both at once) is started, checked on the first five
   queries of the stream, then loaded with `wrk -t2 -c16 -d15s --latency` and a Lua script
   that walks the stream (thread k starts k/threads of the way in). lawkb is asked
   /api/search?q=Q&kind=list&limit=10 (as the side-by-side harness asks it); Datasette serves
   DATA/corpus_trigram.db the "lean" way: /corpus_trigram/items.json?_search=Q&_size=10
   &_nocount=1&_nofacet=1 (ten matching rows, no count, no facets, no ranking).

It prints, per server, req/s, p50/p90/p99 latency, non-200 answers and socket errors, the
server's peak RSS while serving (reset once the server answers, so that an out-of-date index
`lawkb serve` rebuilt at start does not count), the share of the requests sent that repeated
an earlier one, and the ratio lawkb ÷ Datasette.

    python3 Benchmarks/zipf-mix.py DATA [--lawkb .build/release/lawkb] [--duration 15]
        [--threads 2] [--connections 16] [--queries 10000] [--zipf 1.0] [--seed 13]
        [--mix zipf|rotation] [--only lawkb|datasette] [--json OUT] [--stream FILE]
        [--lawkb-args "--response-cache-mb 0"]

DATA is a directory made by the side-by-side harness (`side_by_side.sh N DATA`): corpus.csv,
corpus_trigram.db, Corpus/ and lawkb.sqlite (the index of Corpus/; `lawkb serve` rebuilds
it if it is out of date). `--mix rotation` sends DATA/queries.yaml in turn instead (the
harness's 30-query rotation), after three sequential passes over it on each server as the
harness makes them (the Zipf mix checks five queries only). --lawkb-args adds options to
`lawkb serve` (e.g. `--response-cache-mb 0` to measure it without its response cache).
--stream FILE keeps the drawn stream for the next runs. Needs python3 with jieba
(pip install jieba==0.42.1), datasette (pip install datasette==0.65.5) and wrk
(apt-get install wrk). Servers listen on loopback only (--lawkb-port 8181,
--datasette-port 8765) and are stopped by their process id. Run it on a quiet machine: it
prints the load average before each run.
"""
import argparse
import bisect
import collections
import csv
import itertools
import json
import os
import random
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

HAN_RUN = re.compile(r"[\u4e00-\u9fff]{3,}")
TEXT_COLUMNS = slice(1, 5)  # 事项名称, 违法行为, 法律依据, 适用条件: what both indexes hold
SAMPLE_EVERY = 10
LUA = r"""
local paths = {}
for line in io.lines(%(paths_file)s) do paths[#paths + 1] = line end
local n = #paths
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
function init(args)
  counter = math.floor(tid * n / %(threads)d)
  ok = 0
  bad = 0
  first = counter
end
function request()
  local path = paths[(counter %% n) + 1]
  counter = counter + 1
  return wrk.format("GET", path)
end
function response(status, headers, body)
  if status == 200 then ok = ok + 1 else bad = bad + 1 end
end
function done(summary, latency, requests)
  local tok, tbad, spans = 0, 0, {}
  for _, t in ipairs(threads) do
    tok = tok + t:get("ok")
    tbad = tbad + t:get("bad")
    spans[#spans + 1] = string.format("[%%d,%%d]", t:get("first"), t:get("counter"))
  end
  io.write(string.format('WRKJSON {"requests":%%d,"duration_us":%%d,"ok":%%d,"non200":%%d,' ..
    '"err_connect":%%d,"err_read":%%d,"err_write":%%d,"err_timeout":%%d,' ..
    '"mean_us":%%.1f,"max_us":%%d,"p50_us":%%d,"p90_us":%%d,"p99_us":%%d,"spans":[%%s]}\n',
    summary.requests, summary.duration, tok, tbad,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency.mean, latency.max, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), table.concat(spans, ",")))
end
"""


def vocabulary(csv_path):
    """Candidate queries ranked by the number of sampled rows holding them (see the header)."""
    import jieba
    import logging
    jieba.setLogLevel(logging.WARNING)
    csv.field_size_limit(1 << 27)
    rows = collections.Counter()
    with open(csv_path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for number, row in enumerate(reader):
            if number % SAMPLE_EVERY:
                continue
            terms = set()
            for text in row[TEXT_COLUMNS]:
                for run in HAN_RUN.findall(text):
                    words = list(jieba.cut(run, HMM=False))
                    for start in range(len(words)):
                        phrase = ""
                        for word in words[start:start + 3]:
                            phrase += word
                            if 3 <= len(phrase) <= 10:
                                terms.add(phrase)
                    for size in (3, 4, 5, 6):
                        terms.update(run[i:i + size] for i in range(len(run) - size + 1))
            rows.update(terms)
    return sorted((term for term, count in rows.items() if count >= 2), key=lambda t: (-rows[t], t))


def zipf_stream(pool, distinct, exponent, seed):
    """Queries drawn from `pool` (rank order) with P(r) ∝ r^-exponent until `distinct` differ."""
    if len(pool) < distinct:
        sys.exit(f"the corpus offers {len(pool)} candidate queries, fewer than --queries {distinct}")
    weights = list(itertools.accumulate(1.0 / rank ** exponent for rank in range(1, len(pool) + 1)))
    generator = random.Random(seed)
    seen, stream = set(), []
    while len(seen) < distinct:
        query = pool[min(bisect.bisect_left(weights, generator.random() * weights[-1]), len(pool) - 1)]
        stream.append(query)
        seen.add(query)
    return stream


def rotation(queries_yaml):
    """The `- query: "…"` entries of the harness's queries.yaml, in order."""
    queries = []
    with open(queries_yaml, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("- query:"):
                queries.append(json.loads(line[len("- query:"):].strip()))
    return queries


def repeat_share(stream, spans):
    """Share of the requests in `spans` (per thread: first and next counter) that repeated one
    sent before them, counting all threads together in the order of the stream."""
    seen, sent, repeats = set(), 0, 0
    for first, end in spans:
        for counter in range(first, end):
            query = stream[counter % len(stream)]
            sent += 1
            repeats += query in seen
            seen.add(query)
    return repeats / sent if sent else 0.0


def port_busy(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def get(url, timeout=60):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def reset_peak_rss(pid):
    """Resets the peak RSS of `pid` (VmHWM) to its current RSS: what serving costs, not what
    starting did (an out-of-date index is rebuilt before the server answers)."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def peak_rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def run_server(name, command, ready_path, port, paths, stream, args, workdir):
    """Starts `command`, checks it, loads it with wrk over `paths`, stops it; the figures."""
    if port_busy(port):
        sys.exit(f"port {port} already in use on 127.0.0.1")
    base = f"http://127.0.0.1:{port}"
    log_path = os.path.join(workdir, f"{name}.log")
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    print(f"[{name}] started pid {server.pid}: {' '.join(command)}", flush=True)
    try:
        deadline = time.time() + 300
        while True:
            if server.poll() is not None:
                sys.exit(f"{name} exited early (rc {server.returncode}); see {log_path}")
            try:
                if get(base + ready_path, timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline:
                sys.exit(f"{name} did not come up in 300 s; see {log_path}")
            time.sleep(0.3)
        reset_peak_rss(server.pid)
        # The harness checks each server with three sequential passes over its rotation
        # before loading it; the Zipf stream is only sampled, so that its tail stays cold.
        checked = paths if args.mix == "rotation" else paths[:5]
        passes = 3 if args.mix == "rotation" else 1
        checks = collections.Counter(get(base + path)[0] for _ in range(passes) for path in checked)
        paths_file = os.path.join(workdir, f"{name}.paths")
        with open(paths_file, "w", encoding="utf-8") as f:
            f.write("\n".join(paths) + "\n")
        lua = os.path.join(workdir, f"{name}.lua")
        with open(lua, "w", encoding="utf-8") as f:
            f.write(LUA % {"paths_file": json.dumps(paths_file), "threads": args.threads})
        wrk = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s",
               "--timeout", "10s", "--latency", "-s", lua, base + "/"]
        load = open("/proc/loadavg").read().split()[:3]
        print(f"[{name}] load average {' '.join(load)}; {' '.join(wrk[:6])} --latency -s {name}.lua", flush=True)
        output = subprocess.run(wrk, capture_output=True, text=True, timeout=args.duration + 120).stdout
        found = re.search(r"^WRKJSON (\{.*\})$", output, re.M)
        if not found:
            sys.exit(f"wrk printed no summary:\n{output}")
        summary = json.loads(found.group(1))
        seconds = summary["duration_us"] / 1e6
        errors = sum(summary[k] for k in ("err_connect", "err_read", "err_write", "err_timeout"))
        return {
            "requests": summary["requests"], "req_per_s": round(summary["requests"] / seconds, 1),
            "p50_ms": summary["p50_us"] / 1e3, "p90_ms": summary["p90_us"] / 1e3,
            "p99_ms": summary["p99_us"] / 1e3, "non200": summary["non200"], "socket_errors": errors,
            "check_statuses": dict(checks), "peak_rss_mb": peak_rss_mb(server.pid),
            "repeat_share": round(repeat_share(stream, summary["spans"]), 3),
            "load_before": load, "wrk": " ".join(wrk[:-3]),
        }
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=40)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        print(f"[{name}] stopped pid {server.pid} (rc {server.returncode})", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", help="directory with corpus.csv, corpus_trigram.db, Corpus/, lawkb.sqlite")
    parser.add_argument("--lawkb", default=".build/release/lawkb")
    parser.add_argument("--mix", choices=("zipf", "rotation"), default="zipf")
    parser.add_argument("--queries", type=int, default=10_000, help="distinct queries in the Zipf stream")
    parser.add_argument("--zipf", type=float, default=1.0, help="exponent s of P(rank r) ∝ r^-s")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--only", choices=("lawkb", "datasette"))
    parser.add_argument("--lawkb-port", type=int, default=8181)
    parser.add_argument("--datasette-port", type=int, default=8765)
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--lawkb-args", default="", help="more options for `lawkb serve`, as one string")
    parser.add_argument("--stream", help="read the Zipf stream from this file if it exists, else write it there "
                        "(one query a line), to skip the vocabulary pass on the next runs")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not 1 <= args.queries <= 1_000_000 or args.zipf <= 0 or args.duration < 1:
        sys.exit("--queries must be 1 to 1,000,000, --zipf positive, --duration at least 1")
    data = os.path.abspath(args.data)
    needed = ["corpus.csv", "corpus_trigram.db", "Corpus", "lawkb.sqlite"]
    missing = [name for name in needed if not os.path.exists(os.path.join(data, name))]
    if missing:
        sys.exit(f"{data} lacks {', '.join(missing)} (made by side_by_side.sh)")
    for tool in ("wrk", "datasette") if args.only != "lawkb" else ("wrk",):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found (apt-get install wrk; pip install datasette==0.65.5)")

    started = time.perf_counter()
    if args.mix == "zipf" and args.stream and os.path.exists(args.stream):
        with open(args.stream, encoding="utf-8") as f:
            stream = [line.rstrip("\n") for line in f if line.strip()]
        print(f"[mix] {len(stream)} requests, {len(set(stream))} distinct, read from {args.stream}", flush=True)
    elif args.mix == "zipf":
        pool = vocabulary(os.path.join(data, "corpus.csv"))
        stream = zipf_stream(pool, args.queries, args.zipf, args.seed)
        if args.stream:
            with open(args.stream, "w", encoding="utf-8") as f:
                f.write("\n".join(stream) + "\n")
        print(f"[mix] {len(pool)} candidate queries; Zipf s={args.zipf} seed {args.seed}: {len(stream)} requests, "
              f"{len(set(stream))} distinct ({time.perf_counter() - started:.1f} s); most drawn: "
              f"{', '.join(q for q, _ in collections.Counter(stream).most_common(5))}", flush=True)
    else:
        stream = rotation(os.path.join(data, "queries.yaml"))
        print(f"[mix] rotation of {len(stream)} queries from queries.yaml", flush=True)

    def quote(query):
        return urllib.parse.quote(query, safe="")

    results = {}
    with tempfile.TemporaryDirectory(prefix="zipf-mix-") as workdir:
        if args.only != "datasette":
            lawkb = os.path.abspath(args.lawkb)
            command = [lawkb, "serve", "--index", os.path.join(data, "lawkb.sqlite"),
                       "--corpus", os.path.join(data, "Corpus"), "--host", "127.0.0.1",
                       "--port", str(args.lawkb_port)] + shlex.split(args.lawkb_args)
            paths = [f"/api/search?q={quote(q)}&kind=list&limit=10" for q in stream]
            results["lawkb"] = run_server("lawkb", command, "/healthz", args.lawkb_port, paths, stream, args, workdir)
        if args.only != "lawkb":
            database = os.path.join(data, "corpus_trigram.db")
            command = ["datasette", "serve", database, "--host", "127.0.0.1", "--port", str(args.datasette_port),
                       "--setting", "sql_time_limit_ms", "1000"]
            paths = [f"/corpus_trigram/items.json?_search={quote(q)}&_size=10&_nocount=1&_nofacet=1" for q in stream]
            results["datasette"] = run_server(
                "datasette", command, "/-/versions.json", args.datasette_port, paths, stream, args, workdir)

    print()
    print(f"| server ({args.mix} mix, {len(set(stream))} distinct) | req/s | p50 ms | p90 ms | p99 ms "
          f"| non-200 | socket errors | repeats sent | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {r['req_per_s']} | {r['p50_ms']:.1f} | {r['p90_ms']:.1f} | {r['p99_ms']:.1f} "
              f"| {r['non200']} | {r['socket_errors']} | {r['repeat_share']:.0%} | {r['peak_rss_mb']} |")
    if len(results) == 2 and results["datasette"]["req_per_s"]:
        ratio = results["lawkb"]["req_per_s"] / results["datasette"]["req_per_s"]
        results["ratio_req_per_s"] = round(ratio, 2)
        print(f"\nlawkb ÷ Datasette lean: {ratio:.2f}× req/s")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"mix": args.mix, "queries": args.queries, "zipf": args.zipf, "seed": args.seed,
                       "requests_in_stream": len(stream), "results": results}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
