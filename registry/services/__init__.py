"""Every write to the registry goes through these modules, one per subject.

- ``common``: optimistic locking (``RecordChanged``), slugs, and the one helper
  that applies a formset's changes to child rows (offerings, places, sessions).
- ``search``: the search text and full-text vector of each enterprise.
- ``enterprises``: create, edit, publish, check, verify and restore records.
- ``taxonomies``: industries, target groups and areas.
- ``partners``: partners with their topics, places and dated sessions.
- ``reports``: citizens' reports of missing enterprises, and their review.
- ``imports``: keeping and applying an advisor's CSV import.
- ``reminders``: the daily review reminders and the advisors' digest.

Each function is keyword-only and validates with ``full_clean()`` before it saves.
"""
