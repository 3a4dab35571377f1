"""Load benchmark: gunicorn on 127.0.0.1 against the bench database, driven by wrk.

    .venv/bin/python bench/generate.py        # once: the large synthetic registry
    .venv/bin/python bench/load.py            # 1, 8 and 32 connections, 5 s each
    .venv/bin/python bench/load.py --duration 10 --connections 1 8 32 --workers 3

For each endpoint that exists (the others are skipped and named), it prints
requests per second, p50/p95/p99 latency, the error count (connect/read/write/
timeout errors and HTTP 4xx/5xx) and the ratio of its throughput to the raw-SQL
reference endpoint (``/bench/agreements/``, mounted by ``bench.settings``) measured in
the same run at the same concurrency. Before the load it counts the SQL queries
each endpoint makes, on two different pages where that applies, to show they do
not grow with the data. Results are also written to ``bench/results/``.

Only 127.0.0.1 is ever targeted. gunicorn runs production settings (DEBUG off,
manifest static files) except plain http and no API throttle, which would turn a
load test into a throttling test.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from generate import bench_database_url, database_name  # noqa: E402

HOST = "127.0.0.1"
LUA = BENCH / "wrk_report.lua"
BODY = "bench-organ-1"
AGREEMENT = "bench-overenskommelse-1"
REFERENCE = "reference (raw SQL)"
STATIC = "static file"
STATIC_PATH = "/static/css/site.css"
HEALTH = "/healthz"
BENCH_SETTINGS = "bench.settings"


def endpoints() -> list[tuple[str, str]]:
    """(name, path) of every endpoint to measure that this version has."""
    from django.urls import NoReverseMatch, reverse

    wanted = [
        ("start page", ["web:start"], {}, ""),
        ("body page", ["web:body-detail"], {"slug": BODY}, ""),
        ("agreement page", ["web:agreement-detail"], {"slug": AGREEMENT}, ""),
        ("agreement list API", ["agreements-list", "agreement-list"], {}, "?page=3"),
        (
            "agreement detail API",
            ["agreements-detail", "agreement-detail"],
            {"slug": AGREEMENT},
            "",
        ),
        (
            "routing resolver API",
            ["routing-resolve"],
            {},
            "?matter=nationell-satsning&concerns=both&county=14&on=2017-06-01",
        ),
        ("search page", ["web:search"], {}, "?q=samverkan"),
        (REFERENCE, ["bench-agreements"], {}, "?page=3"),
    ]
    # The floor of every run: a static file served by whitenoise in the same gunicorn, and the
    # health check, which asks the database one question.
    found = [(STATIC, STATIC_PATH), (HEALTH, "/healthz")]
    for name, url_names, kwargs, query in wanted:
        for url_name in url_names:
            try:
                found.append((name, reverse(url_name, kwargs=kwargs) + query))
                break
            except NoReverseMatch:
                continue
        else:
            print(f"  (skipped {name}: no URL named {url_names[0]!r} in this version)")
    return found


def count_queries(paths: list[tuple[str, str]]) -> dict[str, list[int]]:
    """Queries to build each answer, on the page measured and on a later page where there
    is one. Built, not served from the read cache (which asks the database nothing)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client()
    counts = {}
    for name, path in paths:
        if name == STATIC:
            continue
        variants = [path]
        if "page=3" in path:
            variants.append(path.replace("page=3", "page=300"))
        counts[name] = []
        for variant in variants:
            client.get(variant)  # warm caches (content types, translations)
            with override_settings(READ_CACHE_SECONDS=0), CaptureQueriesContext(connection) as ctx:
                response = client.get(variant)
            counts[name].append(len(ctx.captured_queries) if response.status_code == 200 else -1)
    return counts


def ensure_wrk() -> str:
    path = shutil.which("wrk")
    if path:
        return path
    print("wrk is missing: installing Debian's package …", flush=True)
    if os.geteuid() != 0:
        sys.exit("wrk is not installed; run: sudo apt-get install wrk")
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    return shutil.which("wrk") or sys.exit("installing wrk failed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def server_env(url: str, workers: int, threads: int, read_cache: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "PYTEST_VERSION"}}
    env.update(
        DATABASE_URL=url,
        CONN_MAX_AGE="600",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},localhost",
        # Plain http on the loopback: no redirect to https, no secure-only cookies.
        SECURE_SSL_REDIRECT="false",
        SECURE_PROXY_SSL_HEADER="false",
        SECURE_HSTS_SECONDS="0",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        # The project's settings and URLs, plus the raw-SQL reference.
        DJANGO_SETTINGS_MODULE=BENCH_SETTINGS,
        API_THROTTLE_ANON="off",
        API_THROTTLE_USER="off",
        GUNICORN_WORKERS=str(workers),
        GUNICORN_THREADS=str(threads),
        GUNICORN_MAX_REQUESTS="0",
        GUNICORN_LOGLEVEL="warning",
    )
    if not read_cache:
        env["READ_CACHE_SECONDS"] = "0"
    return env


def start_server(env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [
            str(gunicorn),
            "governance.wsgi:application",
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"{HOST}:{port}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,  # the JSON request lines: not measured here
        stderr=log.open("w"),
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn exited; see {log}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=5) as r:
                if r.status == 200:
                    return process
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    stop_server(process)
    sys.exit(f"gunicorn did not answer /healthz within 120 s; see {log}")


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def single_request(port: int, name: str, path: str) -> float | None:
    """Seconds one request takes (the second of two), or None when it does not answer 200."""
    seconds = None
    for _ in range(2):
        started = time.monotonic()
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=120) as r:
                r.read()
                if r.status != 200:
                    print(f"  (skipped {name}: {path} answered {r.status})")
                    return None
        except urllib.error.HTTPError as exc:
            print(f"  (skipped {name}: {path} answered {exc.code})")
            return None
        seconds = time.monotonic() - started
    return seconds


def wait_until_settled(process: subprocess.Popen, limit: float = 60) -> None:
    """Wait until gunicorn's workers are done starting: each generates the OpenAPI document in
    a thread once it serves, and the first runs would otherwise share the cores with that."""
    import psutil

    def busy(seconds: float) -> float:
        tree = psutil.Process(process.pid)
        processes = [tree, *tree.children(recursive=True)]
        before = {}
        for p in processes:
            with contextlib.suppress(psutil.NoSuchProcess):
                before[p] = sum(p.cpu_times()[:2])
        time.sleep(seconds)
        used = 0.0
        for p, start in before.items():
            with contextlib.suppress(psutil.NoSuchProcess):
                used += sum(p.cpu_times()[:2]) - start
        return used / seconds

    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and busy(0.5) > 0.1:
        pass


def wait_until_idle(port: int, limit: float = 120) -> None:
    """Let requests that wrk left in flight finish before the next run starts."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=limit) as r:
                r.read()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() - started < 0.25:
            return
        time.sleep(1)


def run_wrk(wrk: str, url: str, connections: int, duration: int) -> dict:
    threads = min(connections, 2)
    result = subprocess.run(
        [
            wrk,
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "-s",
            str(LUA),
            url,
        ],
        capture_output=True,
        text=True,
        timeout=duration + 60,
    )
    match = re.search(r"^BENCH (.*)$", result.stdout, re.M)
    if not match:
        raise RuntimeError(f"wrk printed no summary:\n{result.stdout}\n{result.stderr}")
    fields = dict(pair.split("=") for pair in match.group(1).split())
    return {k: float(v) for k, v in fields.items()}


def median_run(runs: list[dict]) -> dict:
    """The run of median throughput, whole (its latencies with it).

    gunicorn's threaded workers each accept connections as they come, so one run's
    connections may all land on one worker (one core, under its GIL) and the next spread
    over three: single runs of the same answer differ by up to a factor of two at eight
    connections. The median of several runs is the figure that repeats."""
    ordered = sorted(runs, key=lambda r: r["rps"])
    return ordered[len(ordered) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description="Load benchmark against gunicorn on 127.0.0.1")
    parser.add_argument("--duration", type=int, default=5, help="seconds per run (default 5)")
    parser.add_argument("--connections", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs per endpoint and concurrency; the median run is reported (default 3)",
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (default 4)")
    parser.add_argument(
        "--no-read-cache",
        action="store_true",
        help="build every page and API answer (READ_CACHE_SECONDS=0), as on a cache miss",
    )
    parser.add_argument("--only", nargs="*", help="measure only endpoints whose name has this")
    parser.add_argument(
        "--max-latency",
        type=float,
        default=3.0,
        help="skip the load runs of an endpoint whose single request takes longer (s)",
    )
    args = parser.parse_args()
    if args.duration < 1 or args.duration > 120 or any(c < 1 or c > 256 for c in args.connections):
        sys.exit("--duration must be 1–120 s and --connections 1–256")
    if not 1 <= args.repeat <= 9:
        sys.exit("--repeat must be 1–9")

    url = bench_database_url()
    if "bench" not in database_name(url):
        sys.exit("the bench database's name must contain 'bench'")
    wrk = ensure_wrk()

    os.environ.update(
        DATABASE_URL=url,
        DEBUG="true",
        DJANGO_SETTINGS_MODULE=BENCH_SETTINGS,
        API_THROTTLE_ANON="off",
        API_THROTTLE_USER="off",
    )
    import django

    django.setup()
    import logging

    logging.getLogger("governance.request").setLevel(logging.WARNING)
    from agreements.models import Agreement

    agreements = Agreement.objects.count()
    if not Agreement.objects.filter(slug=AGREEMENT).exists():
        sys.exit("the bench database has no generated registry: run bench/generate.py first")
    paths = endpoints()
    if args.only:
        paths = [
            (n, p)
            for n, p in paths
            if any(o in n for o in args.only) or n in (REFERENCE, STATIC, HEALTH)
        ]
    queries = count_queries(paths)

    port = free_port()
    results_dir = BENCH / "results"
    results_dir.mkdir(exist_ok=True)
    log = results_dir / "gunicorn.log"
    env = server_env(url, args.workers, args.threads, read_cache=not args.no_read_cache)
    print(
        f"Registry: {agreements} agreements. gunicorn {args.workers} workers x "
        f"{args.threads} threads on {HOST}:{port}, read cache "
        f"{'off' if args.no_read_cache else 'on'}; wrk {args.duration} s per run, "
        f"median of {args.repeat}; "
        f"{os.cpu_count()} cores shared with wrk and PostgreSQL.",
        flush=True,
    )
    server = start_server(env, port, log)
    wait_until_settled(server)
    rows = []
    try:
        live, too_slow = [], {}
        for name, path in paths:
            seconds = single_request(port, name, path)
            if seconds is None:
                continue
            if seconds > args.max_latency:
                too_slow[name] = seconds
                print(
                    f"  {name:22} one request takes {seconds:.1f} s (> {args.max_latency} s): "
                    "not load-tested",
                    flush=True,
                )
            else:
                live.append((name, path))
        for connections in args.connections:
            for name, path in live:
                wait_until_idle(port)
                # A short warm-up so every worker has its connection and caches (the
                # read cache is per worker: eight connections reach all of them).
                run_wrk(wrk, f"http://{HOST}:{port}{path}", max(connections, 8), 1)
                # The requests the warm-up left in flight finish before the first run.
                wait_until_settled(server, limit=10)
                runs = []
                for _ in range(args.repeat):
                    stats = run_wrk(wrk, f"http://{HOST}:{port}{path}", connections, args.duration)
                    if not stats["requests"]:
                        # Nothing came back within the run: every connection is an error.
                        stats["errors"] = connections
                    runs.append(stats)
                stats = median_run(runs)
                rows.append(
                    {
                        "endpoint": name,
                        "path": path,
                        "connections": connections,
                        **stats,
                        "errors": sum(r["errors"] for r in runs),
                        "rps_runs": [r["rps"] for r in runs],
                    }
                )
                print(
                    f"  {name:22} c={connections:<3} {stats['rps']:8.1f} req/s  "
                    f"p50 {stats['p50_ms']:7.1f}  p95 {stats['p95_ms']:7.1f}  "
                    f"p99 {stats['p99_ms']:7.1f} ms  errors {int(rows[-1]['errors'])}  "
                    f"runs {' '.join(f'{r:.0f}' for r in rows[-1]['rps_runs'])}",
                    flush=True,
                )
    finally:
        stop_server(server)

    reference = {r["connections"]: r["rps"] for r in rows if r["endpoint"] == REFERENCE}
    static = {r["connections"]: r["rps"] for r in rows if r["endpoint"] == STATIC}
    print()
    print(
        f"{'endpoint':22} {'conn':>4} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'errors':>6} {'vs ref':>7} {'vs static':>9} {'queries':>8}"
    )
    for r in rows:
        ref = reference.get(r["connections"])
        ratio = f"{r['rps'] / ref:.2f}" if ref else "–"
        floor = static.get(r["connections"])
        vs_static = f"{r['rps'] / floor:.2f}" if floor else "–"
        q = "/".join(str(n) for n in queries.get(r["endpoint"], []))
        print(
            f"{r['endpoint']:22} {r['connections']:>4} {r['rps']:>8.1f} {r['p50_ms']:>8.1f} "
            f"{r['p95_ms']:>8.1f} {r['p99_ms']:>8.1f} {int(r['errors']):>6} {ratio:>7} "
            f"{vs_static:>9} {q:>8}"
        )
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    out = results_dir / f"load-{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "agreements": agreements,
                "workers": args.workers,
                "threads": args.threads,
                "read_cache": not args.no_read_cache,
                "duration_s": args.duration,
                "repeat": args.repeat,
                "queries_per_request": queries,
                "too_slow_s": too_slow,
                "results": rows,
            },
            indent=1,
        )
    )
    for name, seconds in too_slow.items():
        print(f"{name:22} not load-tested: one request takes {seconds:.1f} s")
    print(
        "\nqueries to build an answer (page 3 / page 300 where paged); none to serve it from "
        f"the read cache; results in {out}"
    )
    if any(r["errors"] for r in rows) or too_slow:
        sys.exit(1)


if __name__ == "__main__":
    main()
