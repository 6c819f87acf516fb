"""Thai text for the search index: folding, word segmentation, the query's terms, and the
highlighted snippet. Pure Python (pythainlp, no Django models).

**Folding** (`fold`) maps a text character by character, so its length never changes and a
position in the folded text is the same position in the original (the snippet relies on
it): Latin letters to lower case, Thai digits to Arabic ones (plans.thai), and every
character that is neither a letter, a digit nor a Thai character to a space (punctuation,
brackets, the zero-width space Thai writers use).

**Segmentation** (`segment`) cuts each space-free run of the folded text wherever pythainlp's
dictionary word tokenizer (`newmm`, offline) or greedy longest matching over the same
dictionary cuts it (they disagree where a text is ambiguous: newmm reads "โครง"
"การป้องกัน" and "กิจ" "กรรมการ" where a reader sees "โครงการ" "ป้องกัน" and "กิจกรรม"
"การ"), then *refines* each word of three syllables or more that the dictionary can split
into two or more shorter dictionary words of two letters or more: "ยาเสพติด" becomes "ยา"
"เสพติด", "การป้องกัน" "การ" "ป้องกัน". A word a person searches for ("เสพติด", "ป้องกัน",
"โครงการ") must not depend on how the tokenizer read the sentence around it. Two-syllable
words ("ตาราง", "ป้องกัน", "โรงเรียน") are never cut, so "ตา" does not find "ตาราง" nor
"กัน" "ป้องกัน". More cuts only ever find more (a query word may span several tokens).

**Matching** (`term_pattern`): the stored tokens are joined by single spaces, with a space at
each end. A query word matches where its letters run over one or more *whole* tokens: the
regular expression of its letters with an optional space between any two, between spaces.
So the query's own segmentation never has to agree with the text's: "ยาเสพติด" matches
" ยา เสพติด ", "โครงการ" matches " โครง การ ", "สหวิทยาเขต" matches " สห วิทยา เขต ",
and a word is never found inside another ("ตา" in " ตาราง "). The pattern has only letters,
digits, spaces and "?", so SQLite (Django's REGEXP, Python's re) and PostgreSQL (`~`) read it
alike.

**The query** (`parse_query`): words separated by spaces, each matched anywhere in the
document, in any order; a word typed without spaces that holds several dictionary words
("ป้องกันยาเสพติด") matches as that phrase, or else when the document holds each of its
words (`Term.words`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from plans.thai import to_arabic_digits

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
MAX_WORDS = 6  # of one term, for its words-anywhere fallback
MIN_REFINED_SYLLABLES = 3
MIN_PART_LENGTH = 2
SNIPPET_BEFORE = 60  # characters of context before the first match
SNIPPET_LENGTH = 220


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def _fold_char(ch: str) -> str:
    if ch.isalnum() or _is_thai(ch):
        lower = ch.lower()
        return lower if len(lower) == 1 else ch
    return " "


_NOT_FOLDED = re.compile(r"[^\w\u0e00-\u0e7f]|_")


def fold(text: str) -> str:
    """The text as the index compares it, the same length as `text` (module docstring)."""
    text = to_arabic_digits(text)
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer (rare): one by one
        return "".join(_fold_char(ch) for ch in text)
    return _NOT_FOLDED.sub(" ", lower)


@cache
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


def _cut(run: str, boundaries: set[int]) -> tuple[str, ...]:
    edges = sorted({0, len(run), *boundaries})
    return tuple(run[a:b] for a, b in pairwise(edges) if a < b)


def _boundaries(words: list[str]) -> set[int]:
    at, found = 0, set()
    for word in words:
        at += len(word)
        found.add(at)
    return found


@cache
def _stopwords() -> frozenset[str]:
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords())


@lru_cache(maxsize=65536)
def _refine(word: str) -> tuple[str, ...]:
    """A compound word of three syllables or more, cut wherever a split of it into the
    fewest dictionary words of two letters or more cuts it (every such split: "แก้ไขปัญหา"
    is "แก้" "ไขปัญหา" and "แก้ไข" "ปัญหา"); any other word as it is."""
    n = len(word)
    if n < 2 * MIN_PART_LENGTH or not all(_is_thai(ch) for ch in word):
        return (word,)
    from pythainlp.tokenize import syllable_tokenize

    if len(syllable_tokenize(word, engine="dict")) < MIN_REFINED_SYLLABLES:
        return (word,)
    words = _dictionary()
    parts = [
        [j for j in range(i + MIN_PART_LENGTH, n + 1) if j - i < n and word[i:j] in words]
        for i in range(n)
    ]
    never = n + 1
    ahead = [never] * (n + 1)  # the fewest parts from position i to the end
    ahead[n] = 0
    for i in range(n - 1, -1, -1):
        ahead[i] = min((1 + ahead[j] for j in parts[i]), default=never)
    if ahead[0] >= never:
        return (word,)
    behind = [never] * (n + 1)  # the fewest parts from the start to position i
    behind[0] = 0
    for i in range(n):
        if behind[i] < never:
            for j in parts[i]:
                behind[j] = min(behind[j], behind[i] + 1)
    return _cut(word, {i for i in range(1, n) if behind[i] + ahead[i] == ahead[0]})


@cache
def _longest_word() -> int:
    return max(map(len, _dictionary()))


def _greedy(run: str) -> set[int]:
    """Where greedy longest matching cuts a Thai run: at each place, the longest dictionary
    word that ends between two Thai character clusters; text no word starts is left whole
    (pythainlp's `longest` engine does the same, ten times slower)."""
    from pythainlp.tokenize.tcc import tcc_pos

    if not all(_is_thai(ch) for ch in run):
        return set()
    words, longest, ends = _dictionary(), _longest_word(), tcc_pos(run) | {len(run)}
    cuts: set[int] = set()
    i, n = 0, len(run)
    while i < n:
        j = next(
            (j for j in range(min(n, i + longest), i, -1) if j in ends and run[i:j] in words),
            None,
        )
        if j is None:  # no word here: on to the next cluster, cut only before a word
            i = min((e for e in ends if e > i), default=n)
            continue
        cuts.update({i, j})
        i = j
    return cuts


@lru_cache(maxsize=16384)
def _words(run: str) -> tuple[str, ...]:
    """A space-free run cut wherever pythainlp's `newmm` tokenizer or greedy longest
    matching cuts it (they disagree where a text is ambiguous: newmm reads "กิจ" "กรรมการ"
    where the other reads "กิจกรรม" "การ")."""
    from pythainlp.tokenize import word_tokenize

    cuts = _greedy(run) | _boundaries(word_tokenize(run, engine="newmm", keep_whitespace=False))
    return _cut(run, cuts)


@lru_cache(maxsize=16384)
def _segment_run(run: str) -> tuple[str, ...]:
    """A run's words, each refined."""
    return tuple(part for word in _words(run) for part in _refine(word))


def segment(text: str) -> list[str]:
    """The folded text's tokens, in order; joined they give its non-space characters.
    Each space-free run is segmented once per process (runs repeat across documents)."""
    return [token for run in fold(text).split() for token in _segment_run(run)]


def tokens_text(text: str) -> str:
    """What the index stores: the tokens between single spaces, a space at each end."""
    tokens = segment(text)
    return f" {' '.join(tokens)} " if tokens else ""


def term_pattern(letters: str) -> str:
    """The regular expression of a folded word without spaces, over whole tokens."""
    return " " + " ?".join(letters) + " "


@dataclass(frozen=True)
class Term:
    """One space-separated word of the query, folded: its letters (matched as a phrase) and
    its own dictionary words (each matched anywhere, when there are several)."""

    letters: str
    words: tuple[str, ...]

    @property
    def pattern(self) -> str:
        return term_pattern(self.letters)

    @property
    def fallback(self) -> tuple[str, ...]:
        """The words a document must each hold when it does not hold the term as typed (none
        for a term of one word)."""
        return self.words if len(self.words) > 1 else ()

    @property
    def marked_fallback(self) -> tuple[str, ...]:
        """The fallback's words a highlight marks: all but the most common ones ("การ",
        "และ"), which would mark half a text."""
        kept = tuple(w for w in self.fallback if w not in _stopwords())
        return kept or self.fallback

    @property
    def fallback_patterns(self) -> list[str]:
        return [term_pattern(w) for w in self.fallback]

    @property
    def spaced(self) -> str:
        """The term as the index would store it (for counting how often it occurs)."""
        return " ".join(segment(self.letters))


def parse_query(query: str) -> list[Term]:
    """The query's terms (at most MAX_TERMS, each once); none for a query of no letters."""
    terms: list[Term] = []
    for typed in query[:MAX_QUERY_LENGTH].split():
        letters = fold(typed).replace(" ", "")
        if not letters or any(t.letters == letters for t in terms):
            continue
        words = tuple(dict.fromkeys(_words(letters)))[:MAX_WORDS]
        terms.append(Term(letters, words))
    return terms[:MAX_TERMS]


# -- finding the matches in a text, for the highlight ---------------------------------------


def _spans(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Each token's place in `text` (tokens come from `segment(text)`: they tile its
    folded non-space characters in order)."""
    folded = fold(text)
    spans, at = [], 0
    for token in tokens:
        start = folded.find(token, at)
        if start < 0:  # not the text these tokens were made from
            break
        spans.append((start, start + len(token)))
        at = start + len(token)
    return spans


def matches(text: str, terms: list[Term], tokens: str = "") -> list[tuple[int, int]]:
    """Where the terms (each as typed, else its words) occur in `text`, as sorted, merged
    character ranges; `tokens`: the index's tokens of `text`, if at hand."""
    tokens = tokens.split() if tokens else segment(text)
    spans = _spans(text, tokens)
    joined = f" {' '.join(tokens)} "
    starts = {}  # offset in `joined` of each token's first letter -> token index
    offset = 1
    for index, token in enumerate(tokens):
        starts[offset] = index
        offset += len(token) + 1

    def where(letters: str) -> list[tuple[int, int]]:
        # The trailing space is looked at, not taken, so that neighbours both match.
        pattern = re.compile(" (" + " ?".join(map(re.escape, letters)) + ")(?= )")
        ranges = []
        for m in pattern.finditer(joined):
            first = starts.get(m.start(1))
            last = starts.get(m.end(1) - len(m.group(1).rsplit(" ", 1)[-1]))
            if first is not None and last is not None and last < len(spans):
                ranges.append((spans[first][0], spans[last][1]))
        return ranges

    found: list[tuple[int, int]] = []
    for term in terms:
        # The term as typed; where it is not, its words (as the search matched it).
        found += where(term.letters) or [r for word in term.marked_fallback for r in where(word)]
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def marked(text: str, ranges: list[tuple[int, int]]) -> SafeString:
    """`text` escaped, with each range in <mark>."""
    out, at = [], 0
    for start, end in ranges:
        out.append(escape(text[at:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        at = end
    out.append(escape(text[at:]))
    return mark_safe("".join(out))  # noqa: S308 -- every piece of text is escaped above


def highlight(text: str, terms: list[Term], tokens: str = "") -> SafeString:
    """The whole text (a title), escaped, its matches marked."""
    return marked(text, matches(text, terms, tokens))


def snippet(text: str, terms: list[Term], tokens: str = "") -> SafeString:
    """A window of `text` around its first match (else its beginning), escaped, every match
    in it marked, with "…" where it was cut."""
    ranges = matches(text, terms, tokens)
    begin = 0
    if ranges and ranges[0][0] > SNIPPET_BEFORE:
        begin = ranges[0][0] - SNIPPET_BEFORE
        space = text.find(" ", begin, ranges[0][0])  # start at a word where one is near
        begin = space + 1 if space >= 0 else begin
    end = min(len(text), begin + SNIPPET_LENGTH)
    if end < len(text):
        space = text.rfind(" ", max(begin, ranges[0][1] if ranges else begin), end)
        end = space if space > begin else end
    window = [
        (max(s, begin) - begin, min(e, end) - begin) for s, e in ranges if s < end and e > begin
    ]
    body = marked(text[begin:end], window)
    return mark_safe(("…" if begin else "") + body + ("…" if end < len(text) else ""))  # noqa: S308
