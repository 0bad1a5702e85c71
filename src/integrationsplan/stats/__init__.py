"""Key figures (Kennzahlen) for the funding report: what the Land asks each employer of integration managers for
(the "landeseinheitliches Muster nach Nr. 6.2", tab "Auswertung Zeitraum"), counted from the database.

Counting rules. A period runs from its first to its last day, both included; "at the end" means on its last day.

- A **case** is a person. It runs from the start of counselling to its closure (the latest closure recorded);
  a case closed on the period's last day was counselled in the period and is closed in it.
- **Persons counselled**: counselling started on or before the last day and not closed before the first day.
  *New*: started in the period. *Continuing*: started before it. *Closed*: closed in the period.
  *In a household*: a member of a household with at least two members in the period (membership from its
  joined date, or always, until its left date); else *single*.
- **Plans** (of the persons counselled): *new* a first plan (no earlier version) created in the period;
  *continued* a later version created in the period; *active at the end* activated on or before the last day,
  not closed by then, of a case still open then; *closed* closed in the period.
- **Sessions** held in the period: count, hours and mean minutes (the mean over sessions with a duration), also
  by place and by kind: *individual*, or *with others* when someone besides the person took part (household
  members, say); the erased cases' sessions have no kind. **Topics**: each life area a session dealt with
  counts once per session. **Referrals**: those made in sessions of the period, by target.
- **Goals by life area and status**: the goals of every plan version of a counselled person made by the last
  day, each goal once (a goal carried into a later version counts there, as that version has it), with its
  status on the last day: as set, unless it was set after that day; then as the last review by that day
  assessed it, else *open*. The share achieved is the achieved goals over all goals counted.
- **Breakdowns** of the persons counselled by gender, age group at the end (0–17, 18–26, 27–64, 65+; from the
  birth date, or from the birth year as if born on 1 January), nationality (as recorded) and residence status
  (the title valid at the end, else the newest one begun by then); each with *keine Angabe*.
- **Case durations** of the cases closed in the period, from the start of counselling to the closure.
- **Three-year limit**: cases open at the end and not extended whose 36 months end within three months after
  the last day (*near the limit*) or ended by then (*past the limit*). **Extensions**: counselled cases marked
  as extended. **Closures by reason**: closures in the period.
- **Erased cases** leave anonymous counts per month (domain/tally.py); without a filter they count, for every
  month that overlaps the period: as new cases (the month counselling began), closed cases and closures by
  reason (the month of the latest closure), sessions with place and minutes, topics and referrals (the month
  held), plans created, new or continued (the month made), and, in the month of the closure (of the erasure for
  a case erased while open), its extension and its goals with their final status, each goal once. They cannot
  count as continuing cases, in plans active at the end, in the kinds of session or in breakdowns by person:
  nothing links their counts to each other, on purpose.
- A filter by integration manager or municipality takes the persons whose record names them; erased cases
  then do not count (their counts name neither).
- Exports (spreadsheet and PDF) hide small counts unless asked not to (for use inside the office; the screen
  shows every count): each count from 1 to 4 becomes "< 5"; where counts add up to a total shown elsewhere
  (a breakdown of the persons counselled, the sessions by place, a row or column of the goals) and only one of
  them is hidden, the smallest other one becomes "x", so that none follows by subtraction; a share or mean
  over a hidden count is left out ("–"); charts leave out the bars of hidden counts. Totals themselves (persons
  counselled, sessions held) are shown when 5 or more.
"""

from integrationsplan.stats.compute import Filter, KeyFigures, Period, compute

__all__ = ["Filter", "KeyFigures", "Period", "compute"]
