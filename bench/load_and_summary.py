"""Measures loading the FY2565 seed and building the plan summary that the pages and the
report share: wall time, queries and peak memory. Prints its measurements; asserts nothing.

Runs against a fresh SQLite file (or DATABASE_URL if set to a PostgreSQL server)."""

import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
workdir = tempfile.mkdtemp(prefix="plan-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.db")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from demo.loader import Loader  # noqa: E402
from reports.selectors import office_budget, plan_summary  # noqa: E402


def timed(label, func, repeat=1):
    """Best wall time of `repeat` runs and the queries of the last; then one more run under
    tracemalloc for the Python-heap peak (tracemalloc slows the code, so not timed)."""
    best = None
    for _ in range(repeat):
        reset_queries()  # the query log is a bounded deque: start each capture empty
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            result = func()
            elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    tracemalloc.start()
    func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:<38} {best * 1000:9.1f} ms  {len(queries.captured_queries):6d} queries"
        f"  heap peak {peak / 1e6:6.1f} MB"
    )
    return result


def main():
    print(f"database: {connection.vendor} ({os.environ['DATABASE_URL'].split('@')[-1]})")
    call_command("migrate", verbosity=0)
    reset_queries()
    plan = timed("load_demo, empty database", lambda: Loader().load())
    timed("load_demo again (no change)", lambda: Loader().load(), repeat=2)
    summary = timed("plan_summary (14 projects, 51 ind.)", lambda: plan_summary(plan), repeat=5)
    timed("office_budget (table 13)", lambda: office_budget(plan), 5)
    print(f"indicators achieved: {summary.counts.achieved}/{summary.counts.reported}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
