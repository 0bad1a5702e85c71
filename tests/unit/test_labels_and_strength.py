"""Every stored code has a translated name; the passphrase rating orders weak below strong."""

from __future__ import annotations

from integrationsplan import i18n
from integrationsplan.domain.codes import GoalStatus, LifeArea, ReferralTarget, Responsible
from integrationsplan.labels import label, missing_labels
from integrationsplan.passphrase import strength


def test_every_code_has_a_label() -> None:
    assert missing_labels() == []


def test_codes_of_different_kinds_with_one_value_keep_their_own_names() -> None:
    """ "school" is a life area and a referral target; the life area was once named like the referral target."""
    assert label(LifeArea.SCHOOL) == "Schule/Bildung" and label(ReferralTarget.SCHOOL) == "Schule"
    assert label(LifeArea.FAMILY) == "Kinder/Familie" and label(Responsible.FAMILY) == "Familie"
    assert label(LifeArea.OTHER) == "Sonstiges"


def test_labels_are_translated() -> None:
    assert label(LifeArea.FINANCES) == "Finanzen/Behörden"
    assert label(GoalStatus.PARTLY_ACHIEVED) == "teilweise erreicht"
    i18n.set_language("en")
    try:
        assert label(GoalStatus.PARTLY_ACHIEVED) == "partly achieved"
    finally:
        i18n.set_language("de")


def test_strength_orders_passphrases() -> None:
    scores = [strength(p) for p in ("", "aaaaaaaaaaaa", "sommer2024", "Sonnenblume am Rhein 7", "7&Kx!q2#Lp9@Wz4$Rt")]
    assert scores == sorted(scores)
    assert scores[0] == 0 and scores[1] == 0 and scores[-1] == 4
