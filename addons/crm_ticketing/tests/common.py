# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

# A Monday, 08:00 UTC: the test calendar works Monday-Friday 08:00-16:00 UTC.
MONDAY_8 = datetime(2026, 3, 2, 8, 0)


class TicketingCommon(TransactionCase):
    """Users of each group, two customers with portal users, a user of another company,
    two teams (one open to all internal users, one to invited members only) and a working
    calendar of 8 hours a day in UTC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.company = cls.env.company
        cls.company_2 = cls.env["res.company"].create({"name": "شرکت دوم"})
        cls.manager = new_test_user(
            cls.env,
            login="tck_manager",
            name="مدیر پشتیبانی",
            email="manager@example.ir",
            groups="crm_ticketing.group_crm_ticket_manager,sales_team.group_sale_salesman",
        )
        cls.agent = new_test_user(
            cls.env,
            login="tck_agent",
            name="کارشناس اول",
            email="agent@example.ir",
            groups="crm_ticketing.group_crm_ticket_user",
        )
        cls.agent_2 = new_test_user(
            cls.env,
            login="tck_agent2",
            name="کارشناس دوم",
            email="agent2@example.ir",
            groups="crm_ticketing.group_crm_ticket_user",
        )
        cls.outsider = new_test_user(
            cls.env,
            login="tck_outsider",
            name="کاربر بیرونی",
            email="outsider@example.ir",
            groups="crm_ticketing.group_crm_ticket_user",
        )
        cls.other_company_user = new_test_user(
            cls.env,
            login="tck_other_company",
            name="کاربر شرکت دوم",
            groups="crm_ticketing.group_crm_ticket_manager",
            company_id=cls.company_2.id,
            company_ids=[(6, 0, cls.company_2.ids)],
        )
        cls.customer_a = cls.env["res.partner"].create(
            {"name": "بازرگانی آریا", "is_company": True, "email": "info@arya.example.ir"}
        )
        cls.contact_a = cls.env["res.partner"].create(
            {
                "name": "علی رضایی",
                "parent_id": cls.customer_a.id,
                "email": "ali@arya.example.ir",
                "phone": "+98 912 345 6789",
            }
        )
        cls.customer_b = cls.env["res.partner"].create(
            {"name": "صنایع البرز", "is_company": True, "email": "info@alborz.example.ir"}
        )
        cls.contact_b = cls.env["res.partner"].create(
            {
                "name": "مریم احمدی",
                "parent_id": cls.customer_b.id,
                "email": "maryam@alborz.example.ir",
            }
        )
        cls.portal_a = new_test_user(
            cls.env,
            login="tck_portal_a",
            email="ali@arya.example.ir",
            groups="base.group_portal",
            partner_id=cls.contact_a.id,
        )
        cls.portal_b = new_test_user(
            cls.env,
            login="tck_portal_b",
            email="maryam@alborz.example.ir",
            groups="base.group_portal",
            partner_id=cls.contact_b.id,
        )
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Office 8-16 UTC",
                "tz": "UTC",
                "attendance_ids": [(5, 0, 0)]
                + [
                    (
                        0,
                        0,
                        {
                            "name": f"Day {day}",
                            "dayofweek": str(day),
                            "hour_from": 8,
                            "hour_to": 16,
                            "day_period": "morning",
                        },
                    )
                    for day in range(5)
                ],
            }
        )
        cls.stage_new = cls.env.ref("crm_ticketing.stage_new")
        cls.stage_progress = cls.env.ref("crm_ticketing.stage_in_progress")
        cls.stage_waiting = cls.env.ref("crm_ticketing.stage_waiting")
        cls.stage_resolved = cls.env.ref("crm_ticketing.stage_resolved")
        cls.stage_closed = cls.env.ref("crm_ticketing.stage_closed")
        cls.stage_cancelled = cls.env.ref("crm_ticketing.stage_cancelled")
        cls.team = cls.env["crm.ticket.team"].create(
            {
                "name": "پشتیبانی فنی",
                "alias_name": "tck-tech",
                "member_ids": [(6, 0, (cls.agent | cls.agent_2).ids)],
                "leader_id": cls.manager.id,
                "resource_calendar_id": cls.calendar.id,
                "visibility": "internal",
            }
        )
        cls.team_private = cls.env["crm.ticket.team"].create(
            {
                "name": "حساب‌های کلیدی",
                "alias_name": "tck-key",
                "member_ids": [(6, 0, cls.agent.ids)],
                "visibility": "members",
                "resource_calendar_id": cls.calendar.id,
            }
        )
        cls.sla = cls.env["crm.ticket.sla"].create(
            {
                "name": "Standard",
                "team_id": cls.team.id,
                "first_response_hours": 4,
                "next_response_hours": 8,
                "resolution_hours": 16,
                "escalation_rule_ids": [
                    (0, 0, {"percent": 75, "notify_assignee": True}),
                    (
                        0,
                        0,
                        {
                            "percent": 100,
                            "assign_leader": True,
                            "raise_priority": True,
                            "notify_assignee": False,
                        },
                    ),
                    (0, 0, {"percent": 200, "notify_managers": True, "notify_assignee": False}),
                ],
            }
        )

    @classmethod
    def _ticket(cls, **values):
        vals = {
            "name": "دستگاه روشن نمی‌شود",
            "partner_id": cls.contact_a.id,
            "team_id": cls.team.id,
            "date_received": MONDAY_8,
        }
        vals.update(values)
        return cls.env["crm.ticket"].create(vals)

    def _agent_reply(self, ticket, body="در حال بررسی هستیم", user=None):
        user = user or self.agent
        return ticket.with_user(user).message_post(
            body=body, message_type="comment", subtype_xmlid="mail.mt_comment"
        )

    def _customer_message(self, ticket, body="هنوز مشکل دارم"):
        return ticket.message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            author_id=ticket.partner_id.id,
        )
