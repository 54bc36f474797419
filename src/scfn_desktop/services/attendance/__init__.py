"""Venue check-in (受付) for the two days of 養成課程②: signed badges, the desk's scan-in under
the lateness rule, the other events of a day, the attendance board and the summary per trainee.

Modules: `schedule` (venue days in local time), `trust` (stations' public keys), `badges`
(revisions, groups, printing), `desk` (scan and check-in), `events` (override, leave early,
return, absent, excused, exclusion, undo), `history` (loading events), `board`, `summary`,
`rejudge` (whose verdict a schedule change would change), `export`, `paper` (sign-in sheet),
`health` and `station` (an unreachable database, scans off the GUI thread), `frames` (QR codes
in camera frames). Nothing here imports Qt.
"""
