# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Which website page views a page visit rule counts, with no Odoo import.

The set-based recompute makes the same test in SQL (``strpos(lower(url), lower(pattern))``,
see ``models/crm_lead.py``); this function is what the incremental path uses.
"""


def url_matches(pattern, url):
    """Does a rule whose *Page URL Contains* is ``pattern`` count a view of ``url``?

    A view without a URL (e.g. a product view logged by the shop) never counts; an empty
    pattern counts every page; otherwise the pattern must appear in the URL as plain text,
    capitals aside (``%`` and ``_`` are not wildcards).
    """
    if not url:
        return False
    if not pattern:
        return True
    return pattern.lower() in url.lower()
