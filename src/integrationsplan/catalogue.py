"""The goal and step catalogue: common goals and steps, written once and translated into every plan language.

The catalogue is data (TOML), not code. A folder holds `de.toml`, the entries in German, and one file of
translations per language (`en.toml`, `ar.toml`, …) keyed by the entries' keys. The program ships one folder
(resources/catalogue); an organisation may keep a second one of the same shape with entries of its own.

A goal or step taken from the catalogue stores the entry's key. While its German text is still the entry's,
the printed plan shows the entry's translation in whatever language it is printed in; once the caseworker
changes the text, the entry no longer speaks for it (see `Catalogue.translation`).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from integrationsplan.domain.codes import LifeArea, ReferralTarget, Responsible
from integrationsplan.domain.names import fold
from integrationsplan.errors import UserError
from integrationsplan.i18n import N_, _
from integrationsplan.resources import resource

MASTER_LANGUAGE = "de"
_KEY = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
_AT = re.compile(r"at line (\d+), column (\d+)")  # where tomllib says a file is broken
MAX_KEY_LENGTH = 64
MAX_TEXT_LENGTH = 300  # one line of a plan's table; longer is no catalogue text


class Kind(StrEnum):
    GOAL = "goal"
    STEP = "step"


@dataclass(frozen=True, eq=False)  # compared by identity: one object per entry read
class Entry:
    key: str
    kind: Kind
    area: LifeArea
    texts: Mapping[str, str]  # language -> text; always has German
    responsible: Responsible | None = None  # steps: who usually does it
    referral: ReferralTarget | None = None  # steps: the service it refers to, if any
    organisation: bool = False  # from the organisation's own folder

    @property
    def german(self) -> str:
        return self.texts[MASTER_LANGUAGE]

    def text(self, language: str) -> str | None:
        return self.texts.get(language)


class CatalogueFileError(UserError):
    message = N_("The catalogue file {path} cannot be read: {reason}")


class CatalogueEntryError(UserError):
    message = N_("The catalogue file {path}, entry {number}: {reason}")


class CatalogueKeyError(UserError):
    message = N_("The catalogue file {path} translates “{key}”, which is no entry of the catalogue.")


class CatalogueDuplicate(UserError):
    message = N_("The key “{key}” in {path} is already used by another catalogue entry.")


@dataclass(frozen=True)
class Catalogue:
    entries: tuple[Entry, ...] = ()
    problems: tuple[UserError, ...] = ()  # files or entries that could not be taken; the rest still works
    reviews: Mapping[str, str] = field(default_factory=dict)  # language -> state of review of the shipped texts
    _by_key: dict[str, Entry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {e.key: e for e in self.entries})

    def get(self, key: str | None) -> Entry | None:
        return self._by_key.get(key) if key else None

    def of_kind(self, kind: Kind, area: LifeArea | None = None) -> list[Entry]:
        """The entries of `kind` (of one life area, if given), in catalogue order."""
        return [e for e in self.entries if e.kind is kind and area in (None, e.area)]

    def translation(self, key: str | None, german: str, language: str) -> str | None:
        """The entry's text in `language`, if `key` names an entry whose German text `german` still is."""
        entry = self.get(key)
        return entry.text(language) if entry is not None and same_text(entry.german, german) else None

    def search(self, query: str, kind: Kind, language: str | None = None, area: LifeArea | None = None,
               ) -> list[Entry]:  # fmt: skip
        """Entries of `kind` that hold every word of `query` as a word start, in German or in `language`;
        those of `area` first, then in catalogue order."""
        words = fold(query).split()
        found = []
        for position, entry in enumerate(self.of_kind(kind)):
            haystack = _search_text(entry, language)
            if all(f" {word}" in haystack for word in words):
                found.append((entry.area is not area, position, entry))
        return [entry for *_, entry in sorted(found, key=lambda item: item[:2])]


def same_text(a: str, b: str) -> bool:
    """Equal but for spacing and line breaks."""
    return " ".join(a.split()) == " ".join(b.split())


@cache
def _search_text(entry: Entry, language: str | None) -> str:
    """Folded words of the entry, each after a space, so that " word" finds word starts."""
    parts = [entry.german, entry.text(language) if language else None]
    return " " + " ".join(fold(p) for p in parts if p)


# -- reading -------------------------------------------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fp:
            return tomllib.load(fp)
    except tomllib.TOMLDecodeError as exc:
        where = _AT.search(str(exc))
        reason = (_("the TOML syntax is broken at line {line}, column {column}").format(line=where[1], column=where[2])
                  if where else str(exc))  # fmt: skip
        raise CatalogueFileError(path=path, reason=reason) from exc
    except UnicodeDecodeError as exc:
        raise CatalogueFileError(path=path, reason=_("not UTF-8 text")) from exc
    except OSError as exc:
        raise CatalogueFileError(path=path, reason=exc.strerror or str(exc)) from exc


def _text(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT_LENGTH:
        return None
    if any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in value):
        return None
    return " ".join(value.split())


def _code(kind: type[StrEnum], value: Any) -> Any:
    try:
        return kind(value)
    except ValueError:
        return None


def _entry(path: Path, number: int, kind: Kind, raw: Any, organisation: bool) -> Entry:
    def bad(reason: str, **params: Any) -> CatalogueEntryError:
        return CatalogueEntryError(path=path, number=number, reason=_(reason).format(**params))

    if not isinstance(raw, dict):
        raise bad(N_("not a table of key, area and text"))
    allowed = {"key", "area", "text"} | ({"responsible", "referral"} if kind is Kind.STEP else set())
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise bad(N_("unknown field “{name}”"), name=unknown[0])
    key = raw.get("key")
    if not isinstance(key, str) or not _KEY.fullmatch(key) or len(key) > MAX_KEY_LENGTH:
        raise bad(N_("the key must be lowercase letters, digits and hyphens"))
    area = _code(LifeArea, raw.get("area"))
    if area is None:
        raise bad(N_("unknown life area “{value}”"), value=raw.get("area"))
    text = _text(raw.get("text"))
    if text is None:
        raise bad(N_("the text is missing, too long or holds control characters"))
    responsible = _code(Responsible, raw.get("responsible", Responsible.CLIENT.value))
    if responsible is None:
        raise bad(N_("unknown responsible “{value}”"), value=raw.get("responsible"))
    referral = _code(ReferralTarget, raw["referral"]) if "referral" in raw else None
    if "referral" in raw and referral is None:
        raise bad(N_("unknown referral “{value}”"), value=raw.get("referral"))
    return Entry(key, kind, area, {MASTER_LANGUAGE: text},
                 responsible if kind is Kind.STEP else None, referral, organisation)  # fmt: skip


def _read_folder(folder: Path, organisation: bool, taken: set[str]) -> Catalogue:
    master = folder / f"{MASTER_LANGUAGE}.toml"
    problems: list[UserError] = []
    try:
        data = _read_toml(master)
    except UserError as exc:
        return Catalogue(problems=(exc,))
    entries: dict[str, Entry] = {}
    for kind in Kind:
        listed = data.get(kind.value, [])
        for number, raw in enumerate(listed if isinstance(listed, list) else [listed], start=1):
            try:
                entry = _entry(master, number, kind, raw, organisation)
            except UserError as exc:
                problems.append(exc)
                continue
            if entry.key in entries or entry.key in taken:
                problems.append(CatalogueDuplicate(key=entry.key, path=master))
                continue
            entries[entry.key] = entry
    texts: dict[str, dict[str, str]] = {key: dict(entry.texts) for key, entry in entries.items()}
    reviews: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        language = path.stem
        if language == MASTER_LANGUAGE:
            continue
        try:
            translations = _read_toml(path)
        except UserError as exc:
            problems.append(exc)
            continue
        if isinstance(translations.get("review"), str):
            reviews[language] = translations["review"]
        table = translations.get("texts", {})
        for key, value in table.items() if isinstance(table, dict) else ():
            text = _text(value)
            if key not in texts:
                problems.append(CatalogueKeyError(path=path, key=key))
            elif text is None:
                problems.append(CatalogueEntryError(path=path, number=key, reason=_(N_("empty or too long"))))
            else:
                texts[key][language] = text
    final = tuple(
        Entry(e.key, e.kind, e.area, MappingProxyType(texts[e.key]), e.responsible, e.referral, e.organisation)
        for e in entries.values()
    )
    return Catalogue(final, tuple(problems), reviews)


def load(shipped_folder: Path | None, organisation_folder: Path | None = None) -> Catalogue:
    """The shipped entries, then the organisation's (whose keys must be new); problems are collected."""
    parts: list[Catalogue] = []
    taken: set[str] = set()
    for folder, organisation in ((shipped_folder, False), (organisation_folder, True)):
        if folder is None or not (folder / f"{MASTER_LANGUAGE}.toml").exists():
            continue
        part = _read_folder(folder, organisation, taken)
        taken.update(e.key for e in part.entries)
        parts.append(part)
    return _joined(parts)


def _joined(parts: Iterable[Catalogue]) -> Catalogue:
    entries: list[Entry] = []
    problems: list[UserError] = []
    reviews: dict[str, str] = {}
    for part in parts:
        entries += part.entries
        problems += part.problems
        reviews = {**part.reviews, **reviews}  # the shipped folder's states come first
    return Catalogue(tuple(entries), tuple(problems), reviews)


def shipped_folder() -> Path | None:
    master = resource(f"catalogue/{MASTER_LANGUAGE}.toml")
    return master.parent if master else None


def organisation_folder() -> Path:
    """$INTEGRATIONSPLAN_CATALOGUE, or "catalogue" in the per-user data folder."""
    override = os.environ.get("INTEGRATIONSPLAN_CATALOGUE")
    if override:
        return Path(override)
    from integrationsplan.folders import data_dir

    return data_dir() / "catalogue"


@cache
def _cached(organisation: Path) -> Catalogue:
    return load(shipped_folder(), organisation)


def current() -> Catalogue:
    """The shipped catalogue with the organisation's entries, read once per organisation folder."""
    return _cached(organisation_folder())


def reload() -> Catalogue:
    _cached.cache_clear()
    return current()
