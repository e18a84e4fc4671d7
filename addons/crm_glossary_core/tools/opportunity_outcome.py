# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""When an opportunity counts as open, won or lost, as SQL conditions over ``crm_lead l``
joined with ``crm_stage s``: one definition for every sales report, so that their win rates,
pipelines and deal sizes agree.

- won: in a won stage and not archived;
- lost: archived with a probability of 0 (Odoo's "mark as lost"); other archived
  opportunities are simply out of sight and count nowhere;
- open: not archived and not in a won stage (also when it has no stage).
"""

WON = "(s.is_won AND l.active)"
LOST = "(NOT l.active AND l.probability = 0)"
OPEN = "(l.active AND NOT COALESCE(s.is_won, FALSE))"

# What these conditions, and the opportunity columns every sales report reads, depend on: the
# reports' ``_depends`` start from it, so that pending writes are flushed before they query.
OPPORTUNITY_FIELDS = [
    "date_closed",
    "team_id",
    "user_id",
    "company_id",
    "stage_id",
    "active",
    "probability",
    "type",
    "expected_revenue",
]
STAGE_FIELDS = ["is_won"]
