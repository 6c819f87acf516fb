"""Thai segmentation, the query's terms and the highlight (search/text.py), without a
database."""

import re

import pytest

from search.text import fold, highlight, parse_query, snippet, tokens_text

PROJECT_1 = "โครงการป้องกันและแก้ไขปัญหายาเสพติดและอบายมุขในสถานศึกษา"


def found(query: str, text: str) -> bool:
    """What the search matches (search/selectors.py `matching`): every term, as typed or
    else each of its words."""
    tokens = tokens_text(text)

    def holds(term) -> bool:
        if re.search(term.pattern, tokens):
            return True
        return bool(term.fallback) and all(re.search(p, tokens) for p in term.fallback_patterns)

    return all(holds(t) for t in parse_query(query))


def test_folding_keeps_every_position():
    text = "ม.๓ (TO BE) ๔.๐\u200bก"
    assert fold(text) == "ม 3  to be  4 0 ก"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    "query",
    [
        "ยาเสพติด",  # one dictionary word
        "เสพติด",  # the second half of it: compounds are refined
        "โครงการ",  # newmm reads "โครง" "การป้องกัน" here
        "ป้องกัน",
        "แก้ไขปัญหา",
        "ปัญหา",
        "อบายมุข",
        "สถานศึกษา",
        "ศึกษา",
        "ป้องกันและแก้ไขปัญหายาเสพติด",  # a phrase typed without spaces
    ],
)
def test_a_word_is_found_however_the_text_was_segmented(query):
    assert found(query, PROJECT_1)


@pytest.mark.parametrize("query", ["เสพ", "ยาเส", "กัน", "ตา", "ราง", "ยาเสพติดบ้า"])
def test_a_piece_of_a_word_is_not_found(query):
    assert not found(query, PROJECT_1 + " ตาราง")


def test_the_words_of_an_unspaced_query_are_found_apart():
    # "ป้องกันยาเสพติด" is not in the text as such; both its words are.
    (term,) = parse_query("ป้องกันยาเสพติด")
    assert term.fallback == ("ป้องกัน", "ยาเสพติด")
    assert not re.search(term.pattern, tokens_text(PROJECT_1))
    assert all(re.search(p, tokens_text(PROJECT_1)) for p in term.fallback_patterns)


def test_digits_and_latin_letters_match_either_way():
    text = "ขับเคลื่อนงานโครงการ TO BE NUMBER ONE ของ สพฐ. ระยะที่ ๒"
    assert found("to be number one", text)
    assert found("ONE number", text)
    assert found("ระยะที่ 2", text)


def test_the_query_is_parsed_into_distinct_terms():
    assert [t.letters for t in parse_query("  ยาเสพติด  โรงเรียน ยาเสพติด ... ")] == [
        "ยาเสพติด",
        "โรงเรียน",
    ]
    assert parse_query("... ? !") == []


def test_the_highlight_marks_whole_words_and_escapes_the_rest():
    title = '<b>"คู่มือ"</b> ต่อต้านภัยยาเสพติด & อบายมุข'
    html = str(highlight(title, parse_query("ยาเสพติด คู่มือ")))
    assert html == (
        "&lt;b&gt;&quot;<mark>คู่มือ</mark>&quot;&lt;/b&gt; ต่อต้านภัย<mark>ยาเสพติด</mark> &amp; อบายมุข"
    )


def test_the_snippet_is_a_window_around_the_first_match():
    text = "ก่อนหน้า " * 30 + "นักเรียนมีภูมิคุ้มกันยาเสพติด" + " ต่อท้าย" * 60
    html = str(snippet(text, parse_query("ยาเสพติด")))
    assert html.startswith("…ก่อนหน้า")
    assert "นักเรียนมีภูมิคุ้มกัน<mark>ยาเสพติด</mark> ต่อท้าย" in html
    assert html.endswith("…")
    assert len(html) < 300
