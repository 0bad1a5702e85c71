"""Shared pieces of the fuzz tests: hostile text, how many examples to try, and a watchdog against hangs.

FUZZ_EXAMPLES sets the examples per test (default: a few dozen, for every landing); a long run is
`FUZZ_EXAMPLES=2000 pytest tests/fuzz`. Tests of huge inputs try a twentieth of that.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Literal

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

DEFAULT_EXAMPLES = 30
WATCHDOG_SECONDS = 60  # far beyond any example; a slow shared machine must not fail a test, a hang must

BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
RIGHT_TO_LEFT = ("مرحبا بالعالم", "اجتياز امتحان B1 حتى ٣٠ يونيو", "می\u200cخواهید ۱۴۰۳", "שלום עולם 42",
                 "تێکەڵبوون", "ښځه ګامونه", "(قوس] «اقتباس»")  # fmt: skip
LATIN = ("B1-Kurs", "Häußler", "2026-06-30", "12,5 %", "Z\u030cydrunas", "IBAN DE89 3704", "a/b-c", "x" * 30)
MARKUP = ("<b>", "</b>", "<i>fett", "<font name=x>", "<font name='Courier' size=99 color=red>", "&amp;", "&lt;",
          "&#x202e;", "&nbsp;", "&", "<para>", "</para>", "<br/>", "<img src='/etc/passwd' width=9999/>",
          "<a href='javascript:alert(1)'>", "<unclosed", "<![CDATA[", "%PDF-1.7", "(", ")", "\\", "\\(", "{n}",
          "%s", "<super>", "<seq/>", "<onDraw name=x/>")  # fmt: skip
MARKS = ("\u0301", "\u0651", "e\u0301\u0302\u0303\u0304", "\u064b\u064c", "\u20dd", "\u0489")
INVISIBLE = ("\u200d", "\u200c", "\u2060", "\ufeff", "\u00ad", "\u034f", "\u180e", "\ufe0f")
EMOJI = ("😀", "👩\u200d👩\u200d👧", "🏳\ufe0f\u200d🌈", "❤\ufe0f", "🇩🇪", "1\ufe0f\u20e3", "🧑🏽\u200d🚀")
NO_FONT = ("漢字", "한국어", "\U0001d11e", "\U000e0001", "\ue000", "\U0010fffd", "\ufffe", "\uffff", "\u0378", "ᚠᛇ")
SPACES = (" ", "  ", "\u00a0", "\u202f", "\u2003", "\u3000", "\u2028", "\u2029")
LINE_BREAKS = ("\n", "\r", "\r\n", "\t")
CONTROLS = ("\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1c", "\x1f", "\x7f", "\x85", "\x9f")
LONE_SURROGATES = ("\ud800", "\udbff", "\udc00", "\udfff", "\udcff", "\ud83d")  # st.text never makes these


def examples(share: int = 1, times: int = 1) -> int:
    """The examples per test: FUZZ_EXAMPLES (default DEFAULT_EXAMPLES), divided by `share` for costly tests and
    multiplied by `times` for cheap ones."""
    return max(1, int(os.environ.get("FUZZ_EXAMPLES", DEFAULT_EXAMPLES)) * times // share)


def fuzzing(share: int = 1, times: int = 1) -> settings:
    """Settings of a fuzz test: no deadline (the machine is shared; the watchdog catches hangs), fixtures kept."""
    return settings(
        max_examples=examples(share, times),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                               HealthCheck.data_too_large, HealthCheck.large_base_example],
    )  # fmt: skip


@contextmanager
def watchdog(seconds: int = WATCHDOG_SECONDS) -> Iterator[None]:
    """Fail the example (not the run) when it takes longer than `seconds`: a hang, not a slow machine."""

    def hung(signum: int, frame: FrameType | None) -> None:
        pytest.fail(f"no result after {seconds} s: the input hangs")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _long_words(longest: int) -> st.SearchStrategy[str]:
    letters = st.sampled_from(["x", "W", "ش", "ښ", "ـ", "1", "-", "/", "\u00a0", "😀", "\u0301"])
    return st.builds(lambda letter, n: letter * n, letters, st.integers(20, longest))


def text(*, stored: bool = False, lines: bool = True, max_pieces: int = 12) -> st.SearchStrategy[str]:
    """Hostile text: bidi controls, right-to-left script beside Latin and digits, markup, combining marks, joiners,
    emoji, characters no font has, long words, random characters. `stored`: only what the domain lets a record
    hold (no control characters, no lone surrogates); `lines`: line breaks, tabs and words of up to 1,500 letters
    (a field of one line holds 200 characters)."""
    own = [*RIGHT_TO_LEFT, *LATIN, *MARKUP, *MARKS, *INVISIBLE, *EMOJI, *NO_FONT, *SPACES, *BIDI_CONTROLS]
    if lines:
        own += LINE_BREAKS
    if not stored:
        own += [*CONTROLS, *LONE_SURROGATES, *LINE_BREAKS]
    refused: list[Literal["Cc", "Cs"]] = ["Cs", "Cc"] if stored else ["Cs"]
    pieces = st.one_of(st.sampled_from(own), _long_words(1500 if lines else 40),
                       st.text(st.characters(exclude_categories=refused), max_size=20))  # fmt: skip
    return st.lists(pieces, max_size=max_pieces).map("".join)


def huge_text(size: int) -> st.SearchStrategy[str]:
    """About `size` characters in one field, repeated from hostile text (one long word, or many lines)."""
    return (
        text(stored=True, max_pieces=4)
        .map(lambda seed: seed if seed.strip() else f"x{seed}")
        .map(lambda seed: (seed * (size // len(seed) + 1))[:size])
    )
