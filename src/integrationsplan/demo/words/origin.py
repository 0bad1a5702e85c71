"""The shape of an origin country's word lists: names in their scripts, households, residence titles."""

from __future__ import annotations

from typing import NamedTuple

from integrationsplan.domain.codes import ResidenceKind

# A name as written by its bearer and its Latin spellings (several, to stress the search); no Latin
# spellings means the name is already written in Latin letters.
Name = tuple[str, tuple[str, ...]]

# A family name in its male and its female form (the same for most languages).
Family = tuple[Name, Name]


def n(original: str, *latin: str) -> Name:
    return original, latin


def names(*latin: str) -> tuple[Name, ...]:
    return tuple((name, ()) for name in latin)


def same(original: str, *latin: str) -> Family:
    return n(original, *latin), n(original, *latin)


def gendered(male: str, male_latin: str, female: str, female_latin: str) -> Family:
    return n(male, male_latin), n(female, female_latin)


def families(*latin: str) -> tuple[Family, ...]:
    return tuple(((name, ()), (name, ())) for name in latin)


class Origin(NamedTuple):
    weight: int  # refugees in BW by nationality, in thousands (end of 2023)
    languages: tuple[tuple[tuple[str, ...], int], ...]
    male: tuple[Name, ...]
    female: tuple[Name, ...]
    family: tuple[Family, ...]
    shared_name: bool  # a wife takes her husband's family name
    singles: float  # share of one-person households
    single_parents: float
    male_singles: float  # share of men among single persons
    residence: tuple[tuple[ResidenceKind, str | None, int], ...]
    patronymic: bool = False  # children's family name is the father's given name (Eritrea)
    january_first: float = 0.0  # share of birth dates that are 1 January (unknown day of birth)


E, G = ResidenceKind.RESIDENCE_PERMIT, ResidenceKind.PERMISSION_TO_STAY
D, AD, BD = ResidenceKind.TOLERATION, ResidenceKind.TRAINING_TOLERATION, ResidenceKind.EMPLOYMENT_TOLERATION
NE, X = ResidenceKind.SETTLEMENT_PERMIT, ResidenceKind.NOT_STATED
ASYLUM = (
    (E, "§ 25 Abs. 2 AufenthG", 40),
    (E, "§ 25 Abs. 1 AufenthG", 10),
    (G, "§ 55 AsylG", 15),
    (E, "§ 25 Abs. 3 AufenthG", 8),
    (NE, "§ 26 Abs. 3 AufenthG", 5),
    (X, None, 3),
)
TOLERATED = (
    (D, "§ 60a AufenthG", 35),
    (AD, "§ 60c AufenthG", 10),
    (BD, "§ 60d AufenthG", 6),
    (E, "§ 104c AufenthG", 12),
    (G, "§ 55 AsylG", 20),
    (E, "§ 25b AufenthG", 5),
    (X, None, 3),
)
