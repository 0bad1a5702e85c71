"""The goal and step catalogue: common goals and steps, written once and translated into every plan language.

The catalogue is data (TOML), not code. A folder holds `de.toml`, the entries in German, and one file of
translations per language (`en.toml`, `ar.toml`, …) keyed by the entries' keys. The program ships one folder
(resources/catalogue); an organisation may keep a second one of the same shape. Its entries' keys begin with
"org-" (so that no later shipped entry can take them), and its translation files may also translate shipped
entries into languages the program does not ship.

A goal or step taken from the catalogue stores the entry's key. While its German text is still the entry's,
the printed plan shows the entry's translation in whatever language it is printed in; once the caseworker
changes the text, the entry no longer speaks for it (see `Catalogue.translation`).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from integrationsplan.domain.codes import LifeArea, ReferralTarget, Responsible
from integrationsplan.domain.errors import ValidationError
from integrationsplan.domain.names import fold
from integrationsplan.domain.rules import check_text
from integrationsplan.errors import UserError
from integrationsplan.i18n import N_, _
from integrationsplan.resources import resource

MASTER_LANGUAGE = "de"
ORGANISATION_PREFIX = "org-"
_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LANGUAGE_FILE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")  # en, ckb, pt-BR: anything else is no language
_AT = re.compile(r"at line (\d+), column (\d+)")  # where tomllib says a file is broken
MAX_KEY_LENGTH = 64


class Kind(StrEnum):
    GOAL = "goal"
    STEP = "step"


_KIND_NAMES = {Kind.GOAL: N_("goal"), Kind.STEP: N_("step")}


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
    message = N_("The catalogue file {path}, {kind} no. {number}: {reason}")


class CatalogueTextError(UserError):
    message = N_("The catalogue file {path}, text of “{key}”: {reason}")


class CatalogueKeyError(UserError):
    message = N_("The catalogue file {path} translates “{key}”, but the catalogue has no such entry.")


class CatalogueDuplicate(UserError):
    message = N_("The key “{key}” in {path} is already used by another catalogue entry.")


class CataloguePrefix(UserError):
    message = N_("The key “{key}” in {path} must begin with “org-”: other keys are kept for the shipped catalogue.")


class CatalogueNotLanguage(UserError):
    message = N_("The catalogue folder holds {path}, whose name is no language code (such as ar.toml).")


class CatalogueFolderMissing(UserError):
    message = N_("The catalogue folder {path} does not exist.")


@dataclass(frozen=True)
class Catalogue:
    entries: tuple[Entry, ...] = ()
    problems: tuple[UserError, ...] = ()  # files or entries that could not be taken; the rest still works
    reviewed: Mapping[str, bool] = field(default_factory=dict)  # language -> its texts were checked by a person
    _by_key: dict[str, Entry] = field(init=False, repr=False, compare=False)
    _folded: dict[tuple[str, str | None], str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {e.key: e for e in self.entries})
        object.__setattr__(self, "_folded", {})

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
            haystack = self._search_text(entry, language)
            if all(f" {word}" in haystack for word in words):
                found.append((entry.area is not area, position, entry))
        return [entry for *_, entry in sorted(found, key=lambda item: item[:2])]

    def _search_text(self, entry: Entry, language: str | None) -> str:
        """Folded words of the entry, each after a space, so that " word" finds word starts."""
        cached = self._folded.get((entry.key, language))
        if cached is None:
            parts = [entry.german, entry.text(language) if language else None]
            cached = self._folded[(entry.key, language)] = " " + " ".join(fold(p) for p in parts if p)
        return cached


def same_text(a: str, b: str) -> bool:
    """Equal but for spacing and line breaks."""
    return " ".join(a.split()) == " ".join(b.split())


# -- reading -------------------------------------------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        # utf-8-sig: Windows editors often write a byte order mark, which TOML does not allow.
        return tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        where = _AT.search(str(exc))
        reason = (_("the TOML syntax is broken at line {line}, column {column}").format(line=where[1], column=where[2])
                  if where else str(exc))  # fmt: skip
        raise CatalogueFileError(path=path, reason=reason) from exc
    except UnicodeDecodeError as exc:
        raise CatalogueFileError(path=path, reason=_("not UTF-8 text")) from exc
    except RecursionError as exc:  # tables nested thousands deep
        raise CatalogueFileError(path=path, reason=_("nested too deeply")) from exc
    except OSError as exc:
        raise CatalogueFileError(path=path, reason=exc.strerror or str(exc)) from exc


def _text(value: Any) -> str:
    """One line of catalogue text, spaces tidied; ValidationError (with the reason) for anything else."""
    if not isinstance(value, str):
        raise ValidationError(N_("This field must not be empty."))
    check_text(value, "text", required=True)  # no control characters, at most one short line's length
    return " ".join(value.split())


def _code(kind: type[StrEnum], value: Any) -> Any:
    try:
        return kind(value)
    except ValueError:
        return None


def _entry(path: Path, number: int, kind: Kind, raw: Any, organisation: bool) -> Entry:
    def bad(reason: str, **params: Any) -> CatalogueEntryError:
        return CatalogueEntryError(path=path, kind=_(_KIND_NAMES[kind]), number=number,
                                   reason=_(reason).format(**params))  # fmt: skip

    if not isinstance(raw, dict):
        raise bad(N_("not a table of key, area and text"))
    allowed = {"key", "area", "text"} | ({"responsible", "referral"} if kind is Kind.STEP else set())
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise bad(N_("unknown field “{name}”"), name=unknown[0])
    key = raw.get("key")
    if not isinstance(key, str) or not _KEY.fullmatch(key) or len(key) > MAX_KEY_LENGTH:
        raise bad(N_("the key must be lowercase letters and digits joined by hyphens"))
    area = _code(LifeArea, raw.get("area"))
    if area is None:
        raise bad(N_("unknown life area “{value}”"), value=raw.get("area"))
    try:
        text = _text(raw.get("text"))
    except ValidationError as exc:
        raise bad(N_("the text: {problem}"), problem=exc.text()) from exc
    responsible = _code(Responsible, raw.get("responsible", Responsible.CLIENT.value))
    if responsible is None:
        raise bad(N_("unknown responsible “{value}”"), value=raw.get("responsible"))
    referral = _code(ReferralTarget, raw["referral"]) if "referral" in raw else None
    if "referral" in raw and referral is None:
        raise bad(N_("unknown referral “{value}”"), value=raw.get("referral"))
    return Entry(key, kind, area, {MASTER_LANGUAGE: text},
                 responsible if kind is Kind.STEP else None, referral, organisation)  # fmt: skip


@dataclass
class _Reading:
    """What the folders read so far hold: entries by key with their texts, review states, problems."""

    entries: dict[str, Entry] = field(default_factory=dict)
    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    reviewed: dict[str, bool] = field(default_factory=dict)
    problems: list[UserError] = field(default_factory=list)

    def read_entries(self, master: Path, organisation: bool) -> None:
        try:
            data = _read_toml(master)
        except UserError as exc:
            self.problems.append(exc)
            return
        for kind in Kind:
            listed = data.get(kind.value, [])
            for number, raw in enumerate(listed if isinstance(listed, list) else [listed], start=1):
                try:
                    entry = _entry(master, number, kind, raw, organisation)
                except UserError as exc:
                    self.problems.append(exc)
                    continue
                if entry.key in self.entries:
                    self.problems.append(CatalogueDuplicate(key=entry.key, path=master))
                elif organisation != entry.key.startswith(ORGANISATION_PREFIX):
                    # Shipped keys never take the prefix (a test checks), so a later release cannot take an
                    # organisation's key and silently stand in for its entry in saved plans.
                    self.problems.append(CataloguePrefix(key=entry.key, path=master))
                else:
                    self.entries[entry.key] = entry
                    self.texts[entry.key] = dict(entry.texts)

    def read_translations(self, path: Path, organisation: bool) -> None:
        language = path.stem
        try:
            data = _read_toml(path)
        except UserError as exc:
            self.problems.append(exc)
            return
        if isinstance(data.get("reviewed"), bool) and not organisation:
            self.reviewed[language] = data["reviewed"]
        table = data.get("texts", {})
        if not isinstance(table, dict):
            self.problems.append(CatalogueFileError(path=path, reason=_("“texts” must be a table of key = text")))
            return
        for key, value in table.items():
            known = self.texts.get(key)
            if known is None:
                self.problems.append(CatalogueKeyError(path=path, key=key))
                continue
            try:
                text = _text(value)
            except ValidationError as exc:
                self.problems.append(CatalogueTextError(path=path, key=key, reason=exc.text()))
                continue
            if organisation and not self.entries[key].organisation and language in known:
                continue  # the shipped translation stands; the organisation adds languages it lacks
            known[language] = text

    def catalogue(self) -> Catalogue:
        entries = tuple(
            Entry(e.key, e.kind, e.area, MappingProxyType(self.texts[e.key]), e.responsible, e.referral, e.organisation)
            for e in self.entries.values()
        )  # fmt: skip
        return Catalogue(entries, tuple(self.problems), dict(self.reviewed))


def load(shipped_folder: Path | None, organisation_folder: Path | None = None) -> Catalogue:
    """The shipped entries, then the organisation's; every problem is collected and the rest is kept."""
    reading = _Reading()
    for folder, organisation in ((shipped_folder, False), (organisation_folder, True)):
        if folder is None or not folder.is_dir():
            continue
        master = folder / f"{MASTER_LANGUAGE}.toml"
        if master.exists():
            reading.read_entries(master, organisation)
        for path in sorted(folder.glob("*.toml")):
            if path.stem == MASTER_LANGUAGE:
                continue
            if _LANGUAGE_FILE.fullmatch(path.stem):
                reading.read_translations(path, organisation)
            else:
                reading.problems.append(CatalogueNotLanguage(path=path))
    return reading.catalogue()


EXPLANATION = N_(
    "The goal and step catalogue of your organisation, for Integrationsplan.\n"
    'Entries: [[goal]] and [[step]] tables as in the example below, in German. Keys begin with "org-" and\n'
    "never change once plans use them.\n"
    "Translations: one file per language beside this one (ar.toml, uk.toml, …) with a [texts] table of\n"
    'key = "text" lines.\n'
    "Settings > Goal catalogue > Read again (or the command `integrationsplan catalogue`) checks the files."
)


def example_master() -> str:
    """A `de.toml` for an organisation's empty folder: the explanation and a commented-out example."""
    areas = ", ".join(area.value for area in LifeArea)
    responsible = ", ".join(r.value for r in Responsible)
    referrals = ", ".join(r.value for r in ReferralTarget)
    lines = [*_(EXPLANATION).splitlines(), "", "[[goal]]", 'key = "org-tafel"', f'area = "finances"  # {areas}',
             'text = "Einkaufsausweis für die Tafel erhalten"', "", "[[step]]", 'key = "org-tafel-bescheid"',
             'area = "finances"', f'responsible = "volunteer"  # {responsible}',
             f'referral = "volunteers"  # {referrals}', 'text = "Mit dem Bescheid zur Ausgabestelle der Tafel gehen"',
             ]  # fmt: skip
    return "".join(f"# {line}\n" if line else "#\n" for line in lines)


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
