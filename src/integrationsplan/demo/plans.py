"""Demo integration plans: versions, needs, goals with steps, signatures and reviews."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from integrationsplan import catalogue
from integrationsplan.catalogue import Kind
from integrationsplan.demo.context import CHILD, Case, GoalState, Member, Versions, Writer, title
from integrationsplan.demo.dice import DAY
from integrationsplan.demo.words import contacts, goal_texts, plan_texts
from integrationsplan.domain.codes import GoalStatus, LifeArea, PlanStatus, ReferralTarget, Responsible, SignerRole
from integrationsplan.domain.plan import Goal, GoalAssessment, Need, Plan, Review, Signature, Step

# The shipped catalogue only: the same seed makes the same demo on every machine, whatever the organisation added.
CATALOGUE = catalogue.load(catalogue.shipped_folder())


class Plans(Writer):
    """Writes a member's plan, sometimes in two versions, with everything that belongs to it."""

    def plan(self, m: Member, hh: Case) -> tuple[Versions, Plan]:
        """The member's plan, sometimes in two versions; returns the goals per version and the newest plan."""
        db, p, end = self.db, m.person, hh.end
        created = min(self.day(hh.start + 7 * DAY, hh.start + 75 * DAY), end)
        split = None
        if (end - created).days > 300 and self.chance(0.35):
            split = self.day(created + 180 * DAY, min(created + 540 * DAY, end - 30 * DAY))
        language = p.interpreter_language if p.interpreter_needed else None
        interpreter = self.pick(contacts.INTERPRETERS.get(language, contacts.PHONE_INTERPRETER)) if language else None
        areas = self.areas(hh, self.rng.randint(2, 5))
        draft = split is None and (end - created).days < 21 and self.chance(0.5)
        activated = None if draft else self.day(created, min(created + 14 * DAY, end))
        reviews = self.review_days(activated, split or end)
        plan = db.plans.add(Plan(
            person_id=p.id, created_on=created, manager=hh.manager, interpreter_language=language,
            interpreter_name=interpreter, status=PlanStatus.DRAFT if draft else PlanStatus.ACTIVE,
            activated_on=activated,
            next_review=(reviews[-1] if reviews else created) + self.rng.randint(90, 180) * DAY,
        ))  # fmt: skip
        for area in areas:
            self.need(plan, area)
        goals = [g for area in areas for g in self.goals(plan, area, created, hh, m, self.pick((1, 1, 2)))]
        if activated is not None:
            self.sign(plan, activated, hh, m)
        self.review(plan, reviews, goals, m)
        versions = [(created, goals)]
        if split is not None:  # a new version carries the open goals and steps over
            new = db.plans.new_version(plan.id, split)
            carried = [GoalState(g) for g in db.goals.where(plan_id=new.id)]
            activated = self.day(split, min(split + 14 * DAY, end))
            reviews = self.review_days(activated, end)
            plan = db.plans.save(replace(
                new, status=PlanStatus.ACTIVE, activated_on=activated,
                next_review=(reviews[-1] if reviews else split) + 120 * DAY,
            ))  # fmt: skip
            for area in self.areas(hh, self.rng.randint(1, 2)):
                if area not in areas:
                    self.need(plan, area)
                carried += self.goals(plan, area, split, hh, m, 1)
            self.sign(plan, activated, hh, m)
            self.review(plan, reviews, carried, m)
            versions.append((split, carried))
        return versions, plan

    def need(self, plan: Plan, area: LifeArea) -> None:
        client, manager = plan_texts.NEEDS[area]
        self.db.needs.add(Need(
            plan_id=plan.id, area=area, client_view=self.pick(client) if self.chance(0.85) else None,
            manager_view=self.pick(manager) if self.chance(0.9) else None,
        ))  # fmt: skip

    def areas(self, hh: Case, count: int) -> list[LifeArea]:
        weights = dict(plan_texts.AREA_WEIGHTS)
        if any(m.relationship is CHILD for m in hh.members):
            weights.update({LifeArea.SCHOOL: 6, LifeArea.FAMILY: 5})
        chosen: list[LifeArea] = []
        while len(chosen) < count:
            chosen.append(self.weighted([(a, w) for a, w in weights.items() if a not in chosen]))
        return chosen

    def review_days(self, activated: date | None, last: date) -> list[date]:
        days: list[date] = []
        day = activated + self.rng.randint(80, 150) * DAY if activated else None
        while day is not None and day <= last and len(days) < 4:
            days.append(day)
            day += self.rng.randint(80, 150) * DAY
        return days

    def goals(self, plan: Plan, area: LifeArea, on: date, hh: Case, m: Member, count: int) -> list[GoalState]:
        states = []
        language = goal_texts.TRANSLATION_LANGUAGE.get(m.person.languages[0] if m.person.languages else "", "")
        listed = CATALOGUE.of_kind(Kind.GOAL, area)
        pool = goal_texts.GOALS[area]
        for text, translations in self.rng.sample(pool, self.density.times(count, self.density.goals, len(pool))):
            start = self.day(on, max(on, min(on + 30 * DAY, hh.end)))
            target = start + self.rng.randint(45, 270) * DAY
            texts = hh.texts(date=target.strftime("%d.%m.%Y"))
            translation = translations.get(language) if self.chance(0.6) else None
            started = self.chance(0.3)
            key = None
            if listed and self.chance(0.5):  # half the goals come from the catalogue
                entry = self.pick(listed)
                text, translation, key = entry.german, None, entry.key
            goal = self.db.goals.add(Goal(
                plan_id=plan.id, area=area, text=text.format(**texts),
                translation=translation.format(**texts) if translation else None, catalogue_key=key,
                priority=self.weighted(goal_texts.PRIORITIES), start_date=start, target_date=target,
                status=GoalStatus.IN_PROGRESS if started else GoalStatus.OPEN,
                status_date=start if started else None,
            ))  # fmt: skip
            states.append(GoalState(goal))
            steps: list[tuple[str, Responsible, ReferralTarget | None, str | None]] = [
                (*step, None) for step in plan_texts.STEPS[area]
            ]
            if key is not None:  # a catalogue goal gets the catalogue's steps of its life area
                steps = [(e.german, e.responsible or Responsible.CLIENT, e.referral, e.key)
                         for e in CATALOGUE.of_kind(Kind.STEP, area)] or steps  # fmt: skip
            count = self.density.times(self.rng.randint(1, 2), self.density.steps, len(steps))
            for step, responsible, referral, step_key in self.rng.sample(steps, count):
                due = self.day(start, target)
                done = None
                if due <= hh.end and self.chance(0.7):
                    done = min(self.day(max(start, due - 20 * DAY), due + 14 * DAY), hh.end, self.today)
                who = {
                    Responsible.MANAGER: hh.manager, Responsible.VOLUNTEER: self.pick(contacts.VOLUNTEERS),
                    Responsible.AUTHORITY: f"{self.pick(contacts.AUTHORITY_CONTACTS)}, {hh.district}",
                }  # fmt: skip
                note = None
                if referral is not None and self.chance(0.5):
                    texts = hh.texts(contact=self.pick(contacts.AUTHORITY_CONTACTS), day=due.strftime("%d.%m.%Y"))
                    note = contacts.REFERRAL_NOTES[referral].format(**texts)
                self.db.steps.add(Step(
                    goal_id=goal.id, text=step, catalogue_key=step_key, responsible=responsible,
                    responsible_name=who.get(responsible), due_date=due, done_on=done,
                    referral_target=referral, referral_note=note,
                ))  # fmt: skip
        return states

    def sign(self, plan: Plan, on: date, hh: Case, m: Member) -> None:
        p = m.person
        place = f"Hausbesuch, {hh.place}" if self.chance(0.4) else hh.place
        parts = (p.given_names_latin or p.given_names, p.family_name_latin or p.family_name)
        client = " ".join(x for x in parts if x)
        signers = [(SignerRole.CLIENT, client or None), (SignerRole.MANAGER, hh.manager)]
        if plan.interpreter_name and self.chance(0.3):
            signers.append((SignerRole.INTERPRETER, plan.interpreter_name))
        for role, name in signers:
            self.db.signatures.add(Signature(
                plan_id=plan.id, role=role, signer_name=name, signed_on=on, place=place,
                explained_in_language=plan.interpreter_language or "de",
                interpreter_name=plan.interpreter_name,
            ))  # fmt: skip

    def review(self, plan: Plan, days: list[date], goals: list[GoalState], m: Member) -> None:
        """Reviews with an assessment of every goal under way; the repository moves the goals' status."""
        for day in days:
            note = self.pick(plan_texts.REVIEW_NOTES).format(name=title(m.person))
            review = self.db.reviews.add(Review(plan_id=plan.id, held_on=day, note=note))
            for state in goals:
                goal = state.goal
                if goal.status.is_final or (goal.start_date or day) > day:
                    continue
                new: GoalStatus | None = None
                if (goal.target_date or day) <= day:
                    new = self.weighted(plan_texts.DUE_OUTCOMES)
                elif self.chance(0.6):
                    new = self.weighted(plan_texts.EARLY_OUTCOMES)
                outcome = self.pick(plan_texts.OUTCOMES[new or goal.status])
                self.db.assessments.add(
                    GoalAssessment(review_id=review.id, goal_id=goal.id, outcome=outcome, new_status=new)
                )
                if new is not None and new is not goal.status:
                    state.goal = replace(goal, status=new, status_date=day, status_reason=outcome)
                    state.final_on = day if new.is_final else None
