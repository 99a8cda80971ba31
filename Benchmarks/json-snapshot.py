#!/usr/bin/env python3
"""Writes the JSON of every `lawkb` command and every JSON route, on the shipped corpus, into
one directory, so that two builds can be compared byte for byte:

    Benchmarks/json-snapshot.py /tmp/before          # with the build to compare against
    Benchmarks/json-snapshot.py /tmp/after           # after the change
    diff -r /tmp/before /tmp/after                   # nothing: the JSON is unchanged

It indexes `Corpus/` into a scratch file, runs `.build/debug/lawkb` (or `LAWKB=path`) with
`--json`, then serves the same index on a free port and fetches every API route (each with
the example of its parameters from /openapi.json, and the cases listed below). Outputs that
depend on the day or the build (`as_of` defaults, build times, index paths) are the same
within one day on one machine; run both snapshots the same day.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAWKB = os.environ.get("LAWKB", os.path.join(ROOT, ".build/debug/lawkb"))

COMMANDS = [
    ["search", "违法行为轻微 及时改正"], ["search", "处罚", "--limit", "20", "--offset", "5"],
    ["search", "标签", "--kind", "list", "--department", "市场监管局", "--list-kind", "免罚清单", "--as-of", "2023-01-01"],
    ["search", "携带车辆营运证"], ["search", "超载"], ["search", "时效"], ["search", "NEAR(处罚"],
    ["ask", "市监局的免罚清单有哪些"], ["ask", "行政处罚法第33条"], ["ask", "交通运输局裁量基准2023年有什么变化"],
    ["ask", "2022年10月31日前要完成什么"], ["ask", "当场处罚的罚款限额"],
    ["article", "行政处罚法", "33"], ["article", "道路运输条例", "68", "--version", "2022"],
    ["cite", "《中华人民共和国行政处罚法》第三十三条第二款"],
    ["cited-by", "行政处罚法", "33"], ["cited-by", "行政处罚法", "33", "--list-kind", "免罚清单"],
    ["cited-by", "道路运输条例", "63", "--version", "2022"], ["cited-by", "行政强制法", "16", "--as-of", "2023-01-01"],
    ["deadlines"], ["documents"], ["document", "道路运输条例", "--version", "2022"], ["document", "食品安全法"],
    ["departments"], ["lists"], ["lists", "--department", "市监局"],
    ["list", "市监局", "免罚清单"], ["list", "交通运输局", "裁量基准", "--as-of", "2023-01-01"], ["list", "不予处罚"],
    ["changes"], ["changes", "--kind", "裁量基准", "--department", "市监局"],
    ["check-benchmarks"], ["check-benchmarks", "--every-version"],
]

EXTRA_ROUTES = [
    "/api/search?q=%E5%A4%84%E7%BD%9A&limit=20&offset=3",
    "/api/search?q=%22%E8%BF%9D%E6%B3%95",
    "/api/search?q=",
    "/api/articles/%E8%A1%8C%E6%94%BF%E5%A4%84%E7%BD%9A%E6%B3%95/999",
    "/api/articles/%E9%81%93%E8%B7%AF%E8%BF%90%E8%BE%93%E6%9D%A1%E4%BE%8B/68?version=2022",
    "/api/lists/%E5%B8%82%E7%9B%91%E5%B1%80/%E8%A3%81%E9%87%8F%E5%9F%BA%E5%87%86?as_of=2023-01-01",
    "/api/cited-by/%E9%81%93%E8%B7%AF%E8%BF%90%E8%BE%93%E6%9D%A1%E4%BE%8B/63?version=2022",
    "/api/benchmark-checks?every_version=true",
    "/api/ask?q=%E5%B8%82%E7%9B%91%E5%B1%80%E5%85%8D%E7%BD%9A%E6%B8%85%E5%8D%95",
    "/api/nothing-here",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="lawkb-snapshot-")
    index = os.path.join(scratch, "lawkb.sqlite")
    subprocess.run([LAWKB, "index", "--output", index], cwd=ROOT, check=True, capture_output=True)
    for number, command in enumerate(COMMANDS):
        result = subprocess.run([LAWKB, *command, "--json", "--index", index], cwd=ROOT, capture_output=True)
        with open(os.path.join(out, f"cli-{number:02d}-{command[0]}.json"), "wb") as f:
            f.write(b"$ lawkb " + " ".join(command).encode() + b"\n")
            f.write(b"status %d\n" % result.returncode)
            f.write(result.stdout)
            f.write(result.stderr)
    port = free_port()
    server = subprocess.Popen([LAWKB, "serve", "--port", str(port), "--index", index, "--expose-operations"],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                fetch(base + "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        _, body = fetch(base + "/openapi.json")
        document = json.loads(body)
        with open(os.path.join(out, "openapi.json"), "wb") as f:
            f.write(body)
        targets = []
        for path, item in sorted(document["paths"].items()):
            if not path.startswith("/api/"):
                continue
            target = path
            query = []
            for parameter in item["get"].get("parameters", []):
                example = str(parameter.get("example", ""))
                if parameter["in"] == "path":
                    target = target.replace("{" + parameter["name"] + "}", urllib.parse.quote(example))
                elif parameter.get("required"):
                    query.append((parameter["name"], example))
            targets.append(target + ("?" + urllib.parse.urlencode(query) if query else ""))
        for number, target in enumerate(targets + EXTRA_ROUTES):
            status, body = fetch(base + target)
            with open(os.path.join(out, f"http-{number:02d}.json"), "wb") as f:
                f.write(f"GET {target}\nstatus {status}\n".encode())
                f.write(body)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"{len(COMMANDS)} commands and {len(targets) + len(EXTRA_ROUTES)} routes written to {out}")


if __name__ == "__main__":
    main()
