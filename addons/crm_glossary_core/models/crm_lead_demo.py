# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Demo data of the suite: Persian customers, leads in every status, touchpoints, roles."""

import random
from datetime import timedelta

from odoo import api, fields, models

COMPANIES = [
    ("شرکت صنایع غذایی بهاران", "customer", "تهران"),
    ("گروه بازرگانی آریا", "prospect", "اصفهان"),
    ("شرکت پخش البرز", "reseller", "کرج"),
    ("هلدینگ کاسپین", "customer", "رشت"),
    ("شرکت فناوری پارس", "partner", "شیراز"),
    ("فروشگاه‌های زنجیره‌ای آفتاب", "prospect", "مشهد"),
    ("شرکت ساختمانی دماوند", "prospect", "تبریز"),
    ("کارخانه نساجی یزد", "customer", "یزد"),
]
CONTACTS = [
    ("علی رضایی", "مدیر عامل", "decision_maker"),
    ("مریم احمدی", "مدیر مالی", "economic_buyer"),
    ("حسین کریمی", "مدیر فناوری اطلاعات", "technical_evaluator"),
    ("زهرا حسینی", "کارشناس خرید", "gatekeeper"),
    ("محمد موسوی", "مدیر فروش", "champion"),
    ("فاطمه محمدی", "حسابدار ارشد", "user"),
]
SUBJECTS = [
    "درخواست دموی نرم‌افزار حسابداری",
    "استعلام قیمت ماژول انبار",
    "مشاوره پیاده‌سازی CRM",
    "تمدید پشتیبانی سالانه",
    "آموزش کاربران واحد فروش",
    "یکپارچه‌سازی با درگاه پرداخت",
    "خرید لایسنس برای شعبه جدید",
    "ارتقای نسخه سازمانی",
    "درخواست پیش‌فاکتور",
    "گزارش‌های مدیریتی سفارشی",
]
STATUSES = ["raw", "mql", "sal", "sql", "recycled", "disqualified"]
TEMPERATURES = ["cold", "warm", "hot"]


class CrmLead(models.Model):
    _inherit = "crm.lead"

    @api.model
    def _demo_glossary_core_populate(self, count=60):
        """Create the demo leads (idempotent: does nothing when they exist)."""
        if self.search_count([("name", "like", "[دمو]")], limit=1):
            return
        rng = random.Random(1405)
        env = self.env
        companies = env["res.partner"].create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "account_type": account_type,
                    "city": city,
                    "country_id": env.ref("base.ir").id,
                    "phone": f"+98 21 {8800 + index:04d} {1000 + index * 37:04d}",
                    "email": f"info{index}@example.ir",
                }
                for index, (name, account_type, city) in enumerate(COMPANIES)
            ]
        )
        interests = env["crm.interest"].search([], limit=3)
        contacts = env["res.partner"]
        for index, company in enumerate(companies):
            for offset in range(2):
                name, function, role = CONTACTS[(index * 2 + offset) % len(CONTACTS)]
                contacts |= env["res.partner"].create(
                    {
                        "name": name,
                        "parent_id": company.id,
                        "function": function,
                        "default_contact_role": role,
                        "mobile": f"+98 912 {100 + index * 7 + offset:03d} {4000 + index:04d}",
                        "email": f"contact{index}{offset}@example.ir",
                        "birth_date": fields.Date.to_date(
                            f"{1970 + index * 3}-0{offset + 3}-1{index}"
                        ),
                        "preferred_channel": rng.choice(["email", "phone", "sms"]),
                        "interest_ids": [(6, 0, interests[: 1 + (index % 3)].ids)],
                    }
                )
        campaigns = [
            env.ref("crm_glossary_core.demo_campaign_nowruz"),
            env.ref("crm_glossary_core.demo_campaign_exhibition"),
            env.ref("crm_glossary_core.demo_campaign_webinar"),
        ]
        media = [
            env.ref("utm.utm_medium_website"),
            env.ref("utm.utm_medium_email"),
            env.ref("utm.utm_medium_phone"),
            env.ref("utm.utm_medium_direct"),
        ]
        users = env.ref("base.user_admin") | env.ref("base.user_demo")
        sales_team = env.ref("sales_team.team_sales_department")
        enterprise = env.ref("crm_glossary_core.demo_team_enterprise")
        shared_stages = env["crm.stage"].search([("team_id", "=", False)], order="sequence")
        own_stages = env["crm.stage"].search([("team_id", "=", enterprise.id)], order="sequence")
        now = fields.Datetime.now()
        Touchpoint = env["crm.touchpoint"].with_context(crm_touchpoint_skip=True)
        for index in range(count):
            contact = contacts[index % len(contacts)]
            created = now - timedelta(days=rng.randint(3, 240))
            is_opportunity = index >= count // 2
            team = enterprise if index % 3 == 0 else sales_team
            stages = own_stages if team == enterprise else shared_stages
            vals = {
                "name": f"[دمو] {SUBJECTS[index % len(SUBJECTS)]} - {contact.parent_id.name}",
                "partner_id": contact.id,
                "type": "opportunity" if is_opportunity else "lead",
                "team_id": team.id,
                "user_id": users[index % 2].id,
                "temperature": TEMPERATURES[index % 3],
                "campaign_id": campaigns[index % 3].id,
                "medium_id": media[index % 4].id,
                "source_id": env.ref("utm.utm_source_search_engine").id,
                "expected_revenue": rng.randrange(50, 3000) * 10_000_000,
            }
            if is_opportunity:
                vals["stage_id"] = stages[(index // 2) % len(stages)].id
            lead = self.with_context(mail_create_nolog=True, crm_touchpoint_skip=True).create(vals)
            lead._demo_glossary_core_history(rng, created, Touchpoint, contacts)
            if not is_opportunity:
                status = STATUSES[index % len(STATUSES)]
                if status == "recycled":
                    lead._set_qualification_status(
                        "recycled",
                        reason="بودجه تا سه ماه آینده تأمین نمی‌شود",
                        revisit_date=fields.Date.today() + timedelta(days=60),
                    )
                elif status == "disqualified":
                    lead.action_set_lost()
                elif status != "raw":
                    lead._set_qualification_status(status)

    def _demo_glossary_core_history(self, rng, created, Touchpoint, contacts):
        """Touchpoints along the lead's life and, on opportunities, a buying committee."""
        self.ensure_one()
        self.env.cr.execute(
            "UPDATE crm_lead SET create_date = %s WHERE id = %s", [created, self.id]
        )
        channels = ["website_form", "email", "phone", "meeting", "sms", "event"]
        date = created
        for step in range(rng.randint(2, 6)):
            Touchpoint._log(
                self,
                channels[(self.id + step) % len(channels)],
                "inbound" if step % 2 == 0 else "outbound",
                date=date,
            )
            date += timedelta(days=rng.randint(1, 9))
        if self.type == "opportunity":
            colleagues = contacts.filtered(lambda c: c.parent_id == self.partner_id.parent_id)
            self.env["crm.lead.contact.role"].create(
                [
                    {
                        "lead_id": self.id,
                        "partner_id": colleague.id,
                        "attitude": rng.choice(["supporter", "neutral", "opponent"]),
                    }
                    for colleague in colleagues
                ]
            )
