"""Measures the Thai search index (search/): building it for the FY2565 seed (as load_demo
does) and for the national-scale synthetic data set, its size, and searches in one office.
Prints its measurements; asserts nothing.

Runs against a fresh SQLite file (or DATABASE_URL for an empty PostgreSQL database).

    BENCH_SIZE=small|full (default small: 20 offices; full: 245 offices, 30,000 schools)
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
workdir = tempfile.mkdtemp(prefix="search-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.db")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from demo.loader import Loader  # noqa: E402
from demo.national import Generator, Sizes  # noqa: E402
from plans.models import Office  # noqa: E402
from search import indexing, text  # noqa: E402
from search.models import SearchDocument  # noqa: E402
from search.selectors import search_for_user  # noqa: E402

SIZES = {
    "small": Sizes(offices=20, projects=20, schools=2000),
    "full": Sizes(),
}
QUERIES = ["ยาเสพติด", "ยาเสพติด โรงเรียน", "ป้องกันยาเสพติด", "การ", "สังเคราะห์", "ไม่มีคำนี้"]


def cold() -> None:
    """Forget the segmentation caches, as a new process would."""
    for cached in (text._segment_run, text._words, text._refine):
        cached.cache_clear()


def seconds(func):
    start = time.perf_counter()
    result = func()
    return result, time.perf_counter() - start


def index_size() -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_total_relation_size('search_searchdocument')")
            return f"{cursor.fetchone()[0] / 1e6:.1f} MB (table and indexes)"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT SUM(LENGTH(title) + LENGTH(body) + LENGTH(title_tokens) + LENGTH(body_tokens))"
            " FROM search_searchdocument"
        )
        return f"{(cursor.fetchone()[0] or 0) / 1e6:.1f} M characters of text"


def searches(user, office, label: str) -> None:
    for query in QUERIES:
        best, queries = None, 0
        for _ in range(5):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                found = search_for_user(user, office, query)
                list(found.page or [])
                elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
            queries = len(captured.captured_queries)
        print(
            f"  {label}: {query!r:<24} {found.total:6d} found  {best * 1000:7.1f} ms"
            f"  {queries} queries"
        )


def main():
    size = os.environ.get("BENCH_SIZE", "small")
    print(f"database: {connection.vendor}; national size: {size}")
    call_command("migrate", verbosity=0)

    cold()
    plan, loaded = seconds(lambda: Loader().load())
    docs = SearchDocument.objects.count()
    print(f"load_demo with its index: {loaded:.1f} s ({docs} documents)")
    cold()
    _, rebuilt = seconds(lambda: indexing.rebuild([plan.office_id]))
    _, warm = seconds(lambda: indexing.rebuild([plan.office_id]))
    print(f"FY2565 office index rebuilt: {rebuilt:.2f} s cold, {warm:.2f} s warm")
    superuser = get_user_model().objects.create_superuser("bench-search", password=None)
    searches(superuser, plan.office, "FY2565")

    counts, generated = seconds(lambda: Generator(SIZES[size]).run())
    print(f"national data generated in {generated:.0f} s: {counts}")
    offices = list(Office.objects.values_list("pk", flat=True))
    cold()
    with transaction.atomic():
        made, built = seconds(lambda: indexing.rebuild(offices))
    print(
        f"national index: {made} documents for {len(offices)} offices in {built:.0f} s"
        f" ({made / built:.0f} documents/s); {index_size()}"
    )
    synthetic = Office.objects.exclude(pk=plan.office_id).order_by("code").first()
    searches(superuser, synthetic, "a synthetic office")
    searches(superuser, plan.office, "FY2565 among them")


if __name__ == "__main__":
    main()
