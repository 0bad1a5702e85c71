"""Spelling-tolerant search terms and duplicate keys for client names."""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Iterable

# Queries arrive on every keystroke; absurd pastes must not build huge FTS queries.
_MAX_QUERY_CHARS = 1024
_MAX_TOKENS = 8
_MAX_TOKEN_LEN = 64
# The folded/skeleton cross product doubles with every token; beyond this only the
# two uniform alternatives are kept so the FTS5 expression stays small.
_MAX_PRODUCT = 16

# Ukrainian national transliteration (KMU 2010), because that is what the passports
# of most clients print; ё ы э ъ are included so mixed input never stays Cyrillic.
_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
    "ю": "iu", "я": "ia", "ё": "e", "ы": "y", "э": "e", "ъ": "",
}  # fmt: skip
_UK_WORD_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# Russian spellings use g and i where Ukrainian has h and y (Ольга: Olga, not Olha).
_RU = {**_UK, "г": "g", "и": "i", "й": "y", "ю": "yu", "я": "ya"}
_RU_ONLY = frozenset("ёыэъ")
_UK_ONLY = frozenset("іїєґ")
# Apostrophes belong to the run so that Мар'яна is one word (mariana), not two.
_CYRILLIC_RUN = re.compile("[а-яёєіїґ][а-яёєіїґ'’ʼ]*")

_EXTRA = str.maketrans({
    # Latin letters that NFKD does not decompose.
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe",
    "ə": "a", "ħ": "h",
    # Arabic and Persian keyboards type different code points for the same letter.
    "ي": "ی", "ى": "ی", "ك": "ک",
    # Tatweel only stretches the script; apostrophes join a name (O'Brien, Oʻrinboy).
    "\u0640": None, "'": None, "’": None, "ʼ": None, "ʻ": None, "`": None,
})  # fmt: skip
# ä/ö/ü lose their marks under NFKD, so the German ae/oe/ue spellings must meet them.
_UMLAUT = re.compile("([aou])e+")

# One left-to-right pass with longest patterns first, so that e.g. "sch" is never
# seen as "s" + "ch".
_SOUNDS = {
    "tsch": "c", "sch": "sh", "tch": "c", "ch": "c", "ck": "k", "ph": "f", "th": "t",
    "gh": "g", "kh": "h", "x": "ks", "w": "v", "q": "k", "c": "k", "j": "y",
}  # fmt: skip
_SOUND = re.compile("|".join(_SOUNDS))
_LATIN_TOKEN = re.compile("[a-z0-9]+")
_FINAL_H = re.compile("(?<=[aeiouy])h$")
_REPEATS = re.compile(r"(.)\1+")
_VOWELS = re.compile("[aeiouy]")


def _transliterate(text: str) -> str:
    # One name is written in one language, so the whole text decides (Пётр Ильич).
    letters = set(text)
    russian = bool(letters & _RU_ONLY) and not letters & _UK_ONLY
    table = _RU if russian else _UK

    def romanise(match: re.Match[str]) -> str:
        run = match.group()
        first = table[run[0]] if russian else _UK_WORD_START.get(run[0], table[run[0]])
        return first + "".join(table.get(ch, ch) for ch in run[1:])

    return _CYRILLIC_RUN.sub(romanise, text).translate(_EXTRA)


@functools.lru_cache(maxsize=16384)  # names repeat, and indexing a person folds each token several times
def fold(text: str) -> str:
    """Lowercase, strip accents, merge German umlaut spellings and romanise Cyrillic."""
    # Cyrillic goes first while й ї ё are still composed; the second pass catches
    # letters that only become known Cyrillic after NFKD (ѓ -> г).
    s = _transliterate(unicodedata.normalize("NFKC", text).casefold())
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = _transliterate(s)
    kept: list[str] = []
    for ch in s:
        category = unicodedata.category(ch)
        if ch.isalnum() or category[0] == "M":
            kept.append(ch)  # marks left here carry vowels in Indic/Ethiopic-like scripts
        elif category != "Cf":  # ZWNJ and soft hyphens sit inside one word
            kept.append(" ")
    return " ".join(_UMLAUT.sub(r"\1", "".join(kept)).split())


@functools.lru_cache(maxsize=16384)
def skeleton(token: str) -> str:
    """Consonant key of one name token, equal for common spelling variants.

    Rules on the folded token: a final h after a vowel is dropped (Fatimah/Fatima)
    unless the token is at most 3 letters long (still being typed); tsch/tch/ch->c,
    sch->sh, ck/q/c->k, ph->f, th->t, gh->g, kh->h, x->ks, w->v, j->y; repeated
    letters collapse; vowels a e i o u are dropped, and y too unless it starts the
    token. Without any consonant the folded token is returned; tokens outside the
    Latin alphabet, and tokens with digits (case and phone numbers), are returned folded.
    """
    folded = "".join(fold(token).split())
    if not _LATIN_TOKEN.fullmatch(folded) or any(ch.isdigit() for ch in folded):
        return folded
    s = _FINAL_H.sub("", folded) if len(folded) > 3 else folded
    s = _REPEATS.sub(r"\1", _SOUND.sub(lambda m: _SOUNDS[m.group()], s))
    # Leading vowels go too (Oleksandr/Aleksandr); initial y stays (Yusuf/Jusuf).
    head = s[:1] if s.startswith("y") else ""
    key = head + _VOWELS.sub("", s[len(head) :])
    return key or folded


def _tokens(parts: Iterable[str | None]) -> list[str]:
    return fold(" ".join(p for p in parts if p)).split()


def search_terms(*parts: str | None) -> str:
    """Space-separated FTS index terms for the name fields of one person."""
    terms: list[str] = []
    for part in parts:
        tokens = _tokens([part])
        terms += tokens
        terms += [skeleton(t) for t in tokens]
        # Pairs stay inside one field: the order of fields says nothing about how
        # a compound name such as Abdul Rahman is written.
        for left, right in itertools.pairwise(tokens):
            joined = fold(left + right)
            terms += [joined, skeleton(joined)]
    return " ".join(dict.fromkeys(terms))


def _alternatives_for(tokens: list[str]) -> list[tuple[str, ...]]:
    # Cutting a prefix term only widens the match, so long terms are simply cut.
    options = [list(dict.fromkeys((t[:_MAX_TOKEN_LEN], skeleton(t)[:_MAX_TOKEN_LEN]))) for t in tokens]
    if math.prod(len(o) for o in options) <= _MAX_PRODUCT:
        return list(itertools.product(*options))
    return [tuple(o[0] for o in options), tuple(o[-1] for o in options)]


def query_alternatives(query: str) -> list[list[str]]:
    """OR-ed alternatives of AND-ed prefix terms for what the user typed."""
    tokens = [w[:_MAX_TOKEN_LEN] for w in fold(query[:_MAX_QUERY_CHARS]).split()[:_MAX_TOKENS]]
    groupings = [tokens]
    for i in range(len(tokens) - 1):
        joined = fold(tokens[i] + tokens[i + 1])
        groupings.append([*tokens[:i], joined, *tokens[i + 2 :]])
    alternatives: dict[tuple[str, ...], None] = {}
    for grouping in groupings:
        if grouping:
            alternatives.update(dict.fromkeys(_alternatives_for(grouping)))
    return [list(a) for a in alternatives]


def name_key(*parts: str | None) -> str:
    """Order- and spelling-independent key for spotting possible duplicate persons."""
    return " ".join(sorted(skeleton(t) for t in _tokens(parts)))


def display_name(family: str | None, given: str | None, family_latin: str | None, given_latin: str | None) -> str:
    """ "Family, Given" as written; a name in another script is followed by its Latin transliteration."""
    shown = written_name(family, given, family_latin, given_latin)
    latin = _joined(family_latin or family, given_latin or given)
    if latin != shown and not _is_latin(shown):
        return f"{shown} ({latin})"
    return shown


def written_name(family: str | None, given: str | None, family_latin: str | None, given_latin: str | None) -> str:
    """ "Family, Given" as written, each part falling back to its transliteration; '' without any name."""
    return _joined(family or family_latin, given or given_latin)


def _joined(family: str | None, given: str | None) -> str:
    return ", ".join(part for part in (family, given) if part)


def _is_latin(text: str) -> bool:
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in text if ch.isalpha())
