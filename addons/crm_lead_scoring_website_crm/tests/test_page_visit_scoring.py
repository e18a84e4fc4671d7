# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.crm_lead_scoring.tests.common import ScoringCommon
from odoo.addons.website.tools import MockRequest

SITE = "https://shop.example.ir"


@tagged("post_install", "-at_install")
class TestPageVisitScoring(ScoringCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Rule = cls.env["crm.scoring.rule"]
        cls.rule_pricing = Rule.create(
            {
                "name": "Visited the pricing page",
                "rule_type": "engagement",
                "channel": "page_visit",
                "page_url": "/pricing",
                "count_mode": "each",
                "points": 10,
                "max_points": 30,
                "decay": True,
                "half_life_days": 7,
            }
        )
        cls.rule_any_page = Rule.create(
            {
                "name": "Came to the website",
                "rule_type": "engagement",
                "channel": "page_visit",
                "count_mode": "once",
                "points": 5,
            }
        )
        Visitor = cls.env["website.visitor"]
        cls.visitor = Visitor.create({"access_token": "a1" * 16, "lead_ids": [(4, cls.lead.id)]})
        cls.stranger = Visitor.create({"access_token": "b2" * 16})

    def _view(self, path, visitor=None, date=None):
        return self.env["website.track"].create(
            {
                "visitor_id": (visitor or self.visitor).id,
                "url": SITE + path,
                "visit_datetime": date or fields.Datetime.now(),
            }
        )

    def _line(self, rule, lead=None):
        return (lead or self.lead).score_line_ids.filtered(lambda line: line.rule_id == rule)

    def test_views_of_a_linked_visitor_raise_the_engagement_score(self):
        self.assertEqual(self.lead.score_engagement, 0)
        self._view("/pricing")
        self.assertEqual(self.lead.score_engagement, 15)
        self.assertEqual(self.lead.score_line_ids.rule_id, self.rule_pricing | self.rule_any_page)
        line = self._line(self.rule_pricing)
        self.assertEqual(
            (line.rule_type, line.current_points, line.occurrences), ("engagement", 10, 1)
        )
        self._view("/contactus")
        self.assertEqual(self._line(self.rule_any_page).occurrences, 2)
        self.assertEqual(self.lead.score_engagement, 15)  # "once": the any-page rule stays at 5

    def test_the_url_pattern_chooses_the_pages(self):
        self._view("/shop/chair")
        self.assertFalse(self._line(self.rule_pricing))
        self.assertEqual(self._line(self.rule_any_page).current_points, 5)
        self._view("/PRICING?plan=team")  # capitals do not matter
        self.assertEqual(self._line(self.rule_pricing).current_points, 10)
        self.rule_pricing.page_url = "/pricing/enterprise"
        self.assertFalse(self._line(self.rule_pricing))
        self.assertEqual(self.lead.score_engagement, 5)

    def test_each_view_counts_up_to_the_cap(self):
        for _i in range(4):
            self._view("/pricing")
        line = self._line(self.rule_pricing)
        self.assertEqual((line.occurrences, line.current_points), (4, 30))
        self.assertEqual(self.lead.score_engagement, 35)
        self.lead._score_recompute()
        self.assertEqual(self.lead.score_engagement, 35)

    def test_views_decay_and_incremental_agrees_with_full_recompute(self):
        self._view("/pricing", date=fields.Datetime.now() - timedelta(days=7))
        self._view("/pricing")
        self.assertEqual(self._line(self.rule_pricing).current_points, 15)  # 10 / 2 + 10
        incremental = self.lead.score_engagement
        self.lead._score_recompute()
        self.assertEqual(self.lead.score_engagement, incremental)
        self.env.cr.execute(
            "UPDATE crm_lead_score_line SET points_date = points_date - interval '14 days' "
            "WHERE lead_id = %s AND rule_id = %s",
            (self.lead.id, self.rule_pricing.id),
        )
        self.env["crm.lead"]._cron_score_decay()
        self.assertEqual(self._line(self.rule_pricing).current_points, 3.75)

    def test_views_of_visitors_not_linked_to_the_lead_do_not_count(self):
        self._view("/pricing", visitor=self.stranger)
        self._view("/pricing", visitor=self.stranger)
        self.assertEqual(self.lead.score_engagement, 0)
        self.assertFalse(self.lead.score_line_ids)
        # a website form links the visitor to the lead: its earlier views count from then on
        self.stranger.write({"lead_ids": [(4, self.lead.id)]})
        self.assertEqual(self._line(self.rule_pricing).occurrences, 2)
        self.assertEqual(self.lead.score_engagement, 25)
        self.lead.write({"visitor_ids": [(3, self.stranger.id)]})
        self.assertEqual(self.lead.score_engagement, 0)
        lead = self.env["crm.lead"].create(
            {"name": "Kourosh Chairs", "team_id": self.team.id, "visitor_ids": self.stranger.ids}
        )
        self.assertEqual(lead.score_engagement, 25)

    def test_won_leads_and_rules_of_other_companies_do_not_count(self):
        self.rule_any_page.company_id = self.other_company
        self._view("/contactus")
        self.assertEqual(self.lead.score_engagement, 0)
        won = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        self.lead.stage_id = won
        self._view("/pricing")
        self.assertFalse(self._line(self.rule_pricing))

    def test_a_page_view_tracked_by_the_website_counts(self):
        """The website writes its page views with one SQL upsert, not through ``create``."""
        website = self.env["website"].get_current_website()
        with MockRequest(self.env, website=website):
            self.env["website.visitor"]._upsert_visitor(
                self.visitor.access_token, {"url": SITE + "/pricing"}
            )
        self.assertEqual(self._line(self.rule_pricing).current_points, 10)
        self.assertEqual(self.lead.score_engagement, 15)
        self.lead._score_recompute()
        self.assertEqual(self.lead.score_engagement, 15)

    def test_a_page_view_has_a_bounded_query_count(self):
        # Scores that do not change the temperature; the first view warms the caches.
        self.team.write({"score_warm_threshold": 80, "score_hot_threshold": 90})
        self._view("/pricing")
        # the view itself (1 query), the visitor's leads, lock, upsert and refresh
        with self.assertQueryCount(__system__=5):
            self._view("/pricing")
            self.env.flush_all()
        self.assertEqual(self.lead.score_engagement, 25)
        # a view of a visitor with no lead: the view and one look-up
        with self.assertQueryCount(__system__=2):
            self._view("/pricing", visitor=self.stranger)
            self.env.flush_all()

    def test_a_batch_of_views_does_not_grow_the_query_count(self):
        # Several views of one visitor in one call: the lead is rescored set-based. (Scores
        # stay below the thresholds: no MQL hand-off or chatter note to count.)
        self.team.write(
            {"score_mql_threshold": 80, "score_warm_threshold": 80, "score_hot_threshold": 90}
        )
        self._view("/pricing")  # warm the caches
        self.env.flush_all()
        counts = []
        for size in (2, 6):
            before = self.env.cr.sql_log_count
            self.env["website.track"].create(
                [{"visitor_id": self.visitor.id, "url": SITE + "/pricing"}] * size
            )
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
        line = self._line(self.rule_pricing)
        self.assertEqual((line.occurrences, line.current_points), (9, 30))

    def test_salesperson_reads_the_breakdown_of_their_leads(self):
        self._view("/pricing")
        lines = self.lead.score_line_ids.with_user(self.salesman)
        self.assertEqual(sorted(lines.mapped("current_points")), [5, 10])
        self.assertEqual(lines.rule_id.filtered(lambda rule: rule.page_url).page_url, "/pricing")
        with self.assertRaises(AccessError):
            self.lead.score_line_ids.with_user(self.salesman2).mapped("current_points")
        with self.assertRaises(AccessError):
            self.rule_pricing.with_user(self.salesman).write({"page_url": "/shop"})

    def test_a_page_visit_rule_takes_no_touchpoint_condition(self):
        with self.assertRaisesRegex(ValidationError, "page visit"):
            self.rule_pricing.direction = "inbound"
        # and no touchpoint counts for it
        self.env["crm.touchpoint"]._log(self.lead, "website_form", "inbound")
        self.assertFalse(self.lead.score_line_ids)


@tagged("post_install", "-at_install")
class TestPageVisitScoringOverHttp(HttpCase):
    """The whole path: an anonymous visitor reads a tracked page, sends the contact form (a
    lead linked to the visitor), then reads the page again."""

    # Pages are served on a read-only cursor when the database has a replica, and Odoo
    # tracks no view then; without a replica (as here) the cursor is read-write.
    readonly_enabled = False

    def test_views_before_and_after_the_contact_form_count(self):
        Rule = self.env["crm.scoring.rule"]
        Rule.search([]).write({"active": False})
        Rule.create(
            {
                "name": "Visited the price list",
                "rule_type": "engagement",
                "channel": "page_visit",
                "page_url": "/price-list",
                "count_mode": "each",
                "points": 10,
                "max_points": 30,
            }
        )
        view = self.env["ir.ui.view"].create(
            {
                "name": "Price list",
                "type": "qweb",
                "key": "crm_lead_scoring_website_crm.price_list",
                "arch": '<t t-name="crm_lead_scoring_website_crm.price_list">'
                '<t t-call="website.layout">Prices</t></t>',
                "track": True,
            }
        )
        self.env["website.page"].create(
            {"view_id": view.id, "url": "/price-list", "website_published": True}
        )
        self.assertEqual(self.url_open("/price-list").status_code, 200)
        response = self.url_open(
            "/website/form/crm.lead",
            data={
                "contact_name": "Shirin Ahmadi",
                "email_from": "shirin@example.ir",
                "name": "Quotation for 40 chairs",
            },
        )
        lead = self.env["crm.lead"].browse(response.json()["id"])
        self.assertTrue(lead.visitor_ids)
        self.assertEqual(lead.score_engagement, 10)
        self.url_open("/price-list")
        self.url_open("/")  # tracked too, but not a price list page
        self.assertEqual(lead.visitor_ids.visitor_page_count, 3)
        self.assertEqual(lead.score_engagement, 20)
        self.assertEqual(lead.score_line_ids.occurrences, 2)
