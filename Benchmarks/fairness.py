#!/usr/bin/env python3
"""Fairness under load: does one client's stream of slow requests starve another client?

A *searcher* (from 127.0.0.1) sends searches at a steady pace, first alone, then while a
*heavy client* (from 127.0.0.2, another address on the loopback) keeps CONNECTIONS
connections busy with slow routes (/changes, whole-list pages, broad searches). The
searcher's median and p99 latency are printed for both phases; the heavy client's answers
are counted by status.

    python3 Benchmarks/fairness.py --port 8080 --seconds 20 --connections 8

Run it against a server over a large index, e.g. one built from `lawkb generate`:

    lawkb generate --items 30000 --output /tmp/lawkb-30k
    lawkb index --public --corpus /tmp/lawkb-30k/Corpus --output /tmp/lawkb-30k/public.sqlite
    lawkb serve --public --index /tmp/lawkb-30k/public.sqlite --corpus /tmp/lawkb-30k/Corpus --port 8080

Only loopback addresses are used. Both loops stop by themselves after --seconds.
"""
import argparse
import http.client
import statistics
import threading
import time
import urllib.parse
from collections import Counter

SEARCHES = ["不予处罚", "责令改正", "行政处罚法 第三十三条", "首次违法", "罚款", "道路运输",
            "食品经营许可", "危害后果轻微", "警告", "从轻处罚"]
SLOW_ROUTES = ["/changes", "/api/changes", "/api/search?q=%E5%A4%84%E7%BD%9A&limit=50",
               "/lists", "/api/search?q=%E8%A1%8C%E6%94%BF%E5%A4%84%E7%BD%9A%E6%B3%95"]


def get(connection, path):
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response.status


def searcher(port, seconds, pace, latencies, statuses):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=("127.0.0.1", 0))
    deadline = time.monotonic() + seconds
    index = 0
    while time.monotonic() < deadline:
        started = time.monotonic()
        query = urllib.parse.quote(SEARCHES[index % len(SEARCHES)])
        statuses[get(connection, f"/api/search?q={query}&offset={index % 7}")] += 1
        latencies.append((time.monotonic() - started) * 1000)
        index += 1
        time.sleep(max(0.0, pace - (time.monotonic() - started)))


def heavy(port, seconds, worker, statuses, stop):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=("127.0.0.2", 0))
    deadline = time.monotonic() + seconds
    index = worker
    while time.monotonic() < deadline and not stop.is_set():
        try:
            status = get(connection, SLOW_ROUTES[index % len(SLOW_ROUTES)])
        except (OSError, http.client.HTTPException):
            status = "error"
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=("127.0.0.2", 0))
        statuses[status] += 1
        if status == 429:
            time.sleep(0.05)  # a client that honours nothing still cannot spin on a closed door
        index += 1


def summary(name, latencies):
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"{name}: {len(ordered)} searches, median {statistics.median(ordered):.1f} ms, p99 {p99:.1f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--pace", type=float, default=0.1, help="seconds between the searcher's requests")
    arguments = parser.parse_args()

    alone, alone_statuses = [], Counter()
    searcher(arguments.port, arguments.seconds, arguments.pace, alone, alone_statuses)
    print(summary("searcher alone       ", alone), dict(alone_statuses))

    loaded, loaded_statuses, heavy_statuses = [], Counter(), Counter()
    stop = threading.Event()
    workers = [threading.Thread(target=heavy, args=(arguments.port, arguments.seconds + 2, n, heavy_statuses, stop))
               for n in range(arguments.connections)]
    for worker in workers:
        worker.start()
    time.sleep(2)  # let the heavy client fill its turns first
    searcher(arguments.port, arguments.seconds, arguments.pace, loaded, loaded_statuses)
    stop.set()
    for worker in workers:
        worker.join()
    print(summary("searcher under load  ", loaded), dict(loaded_statuses))
    print(f"heavy client ({arguments.connections} connections): {dict(heavy_statuses)}")
    ratio = statistics.median(loaded) / statistics.median(alone)
    print(f"median under load / alone: {ratio:.2f}x")


if __name__ == "__main__":
    main()
