"""Demo counselling sessions with participants, linked goals, referrals and addenda."""

from __future__ import annotations

from datetime import datetime, time

from integrationsplan.demo.context import Case, Member, Versions, Writer, title
from integrationsplan.demo.dice import DAY
from integrationsplan.demo.words import contacts, session_texts
from integrationsplan.domain.codes import LifeArea, SessionPlace
from integrationsplan.domain.session import (
    CounsellingSession,
    Referral,
    SessionAddendum,
    SessionGoal,
    SessionParticipant,
)


class Sessions(Writer):
    """Writes a member's sessions from the start of counselling to its end."""

    def write(self, m: Member, hh: Case, versions: Versions) -> None:
        db, p, rng = self.db, m.person, self.rng
        mean = max(1.0, (hh.end - hh.start).days / 30.4 * 0.52 * self.density.sessions)
        count = self.density.times(round(rng.gauss(mean, mean**0.5)), 1, round(40 * self.density.sessions))
        days = sorted([hh.start] + [self.day(min(hh.start + DAY, hh.end), hh.end) for _ in range(count - 1)])
        areas = sorted({g.goal.area for _, goals in versions for g in goals})
        others = [o.person.id for o in hh.members if o is not m]
        language = p.languages[0] if p.languages else ""
        interpreters = contacts.INTERPRETERS.get(language, contacts.PHONE_INTERPRETER)
        for i, day in enumerate(days):
            if i == 0:  # the intake, usually at home
                place = SessionPlace.HOME_VISIT if self.chance(0.7) else SessionPlace.OFFICE
                minutes = rng.randint(12, 24) * 5
                topics = tuple(rng.sample(session_texts.INTAKE_TOPICS, rng.randint(1, 3)))
                note: str | None = self.pick(session_texts.INTAKE_NOTES).format(place=hh.place)
            else:
                place = self.weighted(session_texts.PLACES)
                low, high = session_texts.MINUTES[place]
                minutes = rng.randint(low // 5, high // 5) * 5
                pool = areas if areas and self.chance(0.75) else list(LifeArea)
                topics = tuple(rng.sample(pool, min(len(pool), self.weighted(((1, 5), (2, 3), (3, 1))))))
                parts = [self.pick(session_texts.NOTES[t]) for t in topics]
                if language in session_texts.FLAVOUR and self.chance(0.2):
                    parts.append(self.pick(session_texts.FLAVOUR[language]))
                if self.chance(0.25):
                    parts.append(self.pick(session_texts.CLOSINGS))
                texts = hh.texts(name=title(p), day=(day + rng.randint(3, 21) * DAY).strftime("%d.%m."))
                note = " ".join(parts).format(**texts) if self.chance(0.97) else None
            interpreted = p.interpreter_needed and place is not SessionPlace.MESSENGER and self.chance(0.8)
            following = None
            if i + 1 < len(days) and self.chance(0.5):
                following = datetime.combine(days[i + 1], time(rng.randint(8, 15), 15 * rng.randint(0, 3)))
            elif i + 1 == len(days) and hh.closed is None and self.chance(0.7):
                following = datetime.combine(day + rng.randint(7, 35) * DAY, time(rng.randint(8, 15), 30))
            final = hh.closed is not None or (self.today - day).days > 14 or self.chance(0.4)
            session = db.sessions.add(CounsellingSession(
                person_id=p.id, held_on=day, duration_minutes=minutes if self.chance(0.95) else None,
                place=place, interpreter_name=self.pick(interpreters) if interpreted else None,
                interpreter_language=language if interpreted else None, topics=topics, note=note,
                next_appointment=following,
                finalised_on=min(day + rng.randint(0, 4) * DAY, self.today) if final else None,
            ))  # fmt: skip
            for other in [p.id] + [o for o in others if self.chance(0.15)]:
                db.participants.add(SessionParticipant(session_id=session.id, person_id=other))
            goals = next((g for since, g in reversed(versions) if since <= day), [])
            current = [s.goal for s in goals if (s.goal.start_date or day) <= day <= (s.final_on or day)]
            matching = [g for g in current if g.area in topics] or current
            for goal in rng.sample(matching, min(len(matching), rng.randint(0, 2))):
                db.session_goals.add(SessionGoal(session_id=session.id, goal_id=goal.id))
            if self.chance(0.2):
                target = self.pick(contacts.REFERRAL_FOR[self.pick(topics)])
                texts = hh.texts(contact=self.pick(contacts.AUTHORITY_CONTACTS),
                                 day=(day + rng.randint(3, 21) * DAY).strftime("%d.%m.%Y"))  # fmt: skip
                note = contacts.REFERRAL_NOTES[target].format(**texts)
                db.referrals.add(Referral(session_id=session.id, target=target, note=note))
            if session.finalised_on is not None and self.chance(0.03):  # corrections come as addenda
                written = min(session.finalised_on + rng.randint(1, 20) * DAY, self.today)
                text = self.pick(session_texts.ADDENDA).format(day=(written + 5 * DAY).strftime("%d.%m.%Y"))
                db.addenda.add(SessionAddendum(session_id=session.id, written_on=written, text=text))
