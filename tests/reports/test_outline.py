"""The printed report's outline: one list drives the chapters and the table of contents, so
every heading prints the title and level the contents list, and a section the year lacks is
in neither."""

import re

import pytest

from plans.models import ReportText
from plans.thai import to_thai_digits
from reports import printing
from reports.outline import outline, tables
from reports.selectors import annual_report
from tests import factories

pytestmark = pytest.mark.django_db


def _headings(html: str) -> dict[str, tuple[int, str]]:
    """Every heading's anchor -> (level, text): those with their own id, and the contents
    pages whose id is on their section."""
    found = {
        anchor: (int(level), text)
        for level, anchor, text in re.findall(r'<h(\d)[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', html)
    }
    for anchor, text in re.findall(
        r'<section class="toc" id="([^"]+)">\s*<h1 class="front">(.*?)</h1>', html
    ):
        found[anchor] = (1, text)
    return found


def test_every_heading_prints_its_contents_entry(fy2565_db):
    report = annual_report(fy2565_db)
    html = printing.annual_report_html(report)
    headings = _headings(html)
    entries = outline(report).contents
    assert [e.id for e in entries[:5]] == ["preface", "contents", "tables", "ch1", "ch1-background"]
    for entry in entries:
        assert headings[entry.id] == (entry.level, to_thai_digits(entry.title)), entry.id
    listed = re.findall(r'<li class="level-(\d)( front)?"><a class="title" href="#([^"]+)"', html)
    contents = [(int(level), anchor) for level, _front, anchor in listed if anchor in headings]
    assert contents == [(e.level, e.id) for e in entries]
    # Listed apart from how they print: highlights with a shorter title, and one heading.
    apart = {e.id for e in entries if e.contents_title != e.title}
    assert {anchor for anchor in apart if not anchor.startswith("highlight-")} == {"ch2-alignment"}


def test_a_section_the_year_lacks_is_neither_printed_nor_listed(plan):
    factories.project(plan, 1, budget="1000.00")
    ReportText.objects.create(plan=plan, key="background", title="", body="ย่อหน้าเดียว")
    report = annual_report(plan)
    ids = [e.id for e in outline(report).contents]
    html = printing.annual_report_html(report)
    assert ids[:4] == ["preface", "contents", "tables", "ch1"]
    for absent in ["ch1-background", "ch3-highlights", "ch5-vision", "appendix", "authors"]:
        assert absent not in ids
        assert f'id="{absent}"' not in html
    assert "<p>ย่อหน้าเดียว</p>" in html  # a text without a title prints without a heading
    assert 'id="project-1"' in html and "project-1" in ids


def test_the_list_of_tables_prints_each_tables_own_caption(fy2565_db):
    report = annual_report(fy2565_db)
    html = printing.annual_report_html(report)
    captions = re.findall(
        r'<table class="[^"]*" id="(table-\d+)">\s*<caption>([^<]*)</caption>', html
    )
    listed = re.findall(r'<a class="title" href="#(table-\d+)">([^<]*)</a>', html)
    assert listed == captions  # the same anchors and captions, in print order
    assert [t.number for t in tables(report)] == list(range(1, 14))
    assert tables(report)[13].caption == (
        "ตารางที่ ๑๓ แสดงผลการบริหารจัดการงบประมาณ ปีงบประมาณ พ.ศ. ๒๕๖๕"
    )
    assert tables(report)[10].caption.startswith(
        "ตารางที่ ๑๐ เปรียบเทียบคะแนนเฉลี่ยจากผลการสอบ O-NET ปีการศึกษา ๒๕๖๓ และ ๒๕๖๔"
    )
