# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.crm_ticketing.tests.common import TicketingCommon


@tagged("post_install", "-at_install")
class TestTicketRepair(TicketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.repair_agent = new_test_user(
            cls.env,
            login="tck_repair_agent",
            name="کارشناس تعمیرات",
            email="repair@example.ir",
            groups="crm_ticketing.group_crm_ticket_user,stock.group_stock_user",
        )
        cls.team.member_ids = [(4, cls.repair_agent.id)]
        cls.product = cls.env["product.product"].create(
            {
                "name": "چاپگر لیزری",
                "is_storable": True,
                "tracking": "serial",
                "warranty_months": 12,
            }
        )
        cls.lot = cls.env["stock.lot"].create({"name": "SN-REP-1", "product_id": cls.product.id})

    def _deliver_lot(self):
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.company.id)], limit=1
        )
        customers = self.env.ref("stock.stock_location_customers")
        self.env["stock.quant"]._update_available_quantity(
            self.product, warehouse.lot_stock_id, 1, lot_id=self.lot
        )
        picking = self.env["stock.picking"].create(
            {
                "partner_id": self.customer_a.id,
                "picking_type_id": warehouse.out_type_id.id,
                "location_id": warehouse.lot_stock_id.id,
                "location_dest_id": customers.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": self.product.name,
                            "product_id": self.product.id,
                            "product_uom_qty": 1,
                            "location_id": warehouse.lot_stock_id.id,
                            "location_dest_id": customers.id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.move_line_ids.write({"lot_id": self.lot.id, "quantity": 1})
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        return picking

    def test_create_repair_from_ticket(self):
        """The repair order takes the customer, product, serial, company and warranty of the
        ticket; both documents show the link and the ticket keeps a note."""
        self._deliver_lot()
        ticket = self._ticket(
            lot_id=self.lot.id, description="<p>کاغذ گیر می‌کند</p>", user_id=self.agent.id
        )
        self.assertEqual(ticket.warranty_state, "valid")
        action = ticket.with_user(self.repair_agent).action_create_repair()
        repair = ticket.repair_id
        self.assertTrue(repair)
        self.assertEqual(action["res_model"], "repair.order")
        self.assertEqual(action["res_id"], repair.id)
        self.assertEqual(repair.partner_id, self.contact_a)
        self.assertEqual(repair.product_id, self.product)
        self.assertEqual(repair.lot_id, self.lot)
        self.assertEqual(repair.company_id, ticket.company_id)
        self.assertEqual(repair.state, "draft")
        self.assertTrue(repair.under_warranty)
        self.assertIn("کاغذ گیر می‌کند", str(repair.internal_notes))
        self.assertIn(repair.name, ticket.message_ids[0].body)
        self.assertIn(ticket.number, "".join(repair.message_ids.mapped("body")))
        self.assertEqual(repair.crm_ticket_count, 1)
        self.assertEqual(repair.crm_ticket_ids, ticket)
        again = ticket.with_user(self.repair_agent).action_create_repair()
        self.assertEqual(again["res_id"], repair.id, "a second click opens the same order")
        self.assertEqual(self.env["repair.order"].search_count([("lot_id", "=", self.lot.id)]), 1)

    def test_product_without_serial_and_no_warranty(self):
        product = self.env["product.product"].create({"name": "ماوس", "type": "consu"})
        ticket = self._ticket(product_id=product.id)
        ticket.action_create_repair()
        self.assertEqual(ticket.repair_id.product_id, product)
        self.assertFalse(ticket.repair_id.lot_id)
        self.assertFalse(ticket.repair_id.under_warranty)

    def test_nothing_to_repair_is_refused(self):
        ticket = self._ticket()
        with self.assertRaises(UserError):
            ticket.action_create_repair()
        service = self.env["product.product"].create({"name": "نصب", "type": "service"})
        ticket.product_id = service
        with self.assertRaises(UserError):
            ticket.action_create_repair()
        self.assertFalse(ticket.repair_id)

    def test_tickets_smart_button_of_the_repair(self):
        first = self._ticket(lot_id=self.lot.id)
        first.action_create_repair()
        repair = first.repair_id
        second = self._ticket(partner_id=self.contact_a.id, repair_id=repair.id)
        self.assertEqual(repair.crm_ticket_count, 2)
        self.assertEqual(repair.crm_ticket_ids, first | second)
        action = repair.action_view_crm_tickets()
        self.assertEqual(self.env["crm.ticket"].search(action["domain"]), first | second)
        self.assertEqual(action["context"]["default_repair_id"], repair.id)

    def test_agent_without_inventory_rights_sees_the_repair(self):
        """An agent who is no inventory user still sees which repair order handles the
        ticket and its status."""
        ticket = self._ticket(lot_id=self.lot.id, user_id=self.agent.id)
        ticket.action_create_repair()
        as_agent = ticket.with_user(self.agent)
        data = as_agent.web_read(
            {"repair_id": {"fields": {"display_name": {}}}, "repair_state": {}}
        )
        self.assertEqual(data[0]["repair_id"]["display_name"], ticket.repair_id.name)
        self.assertEqual(data[0]["repair_state"], "draft")

    def test_forms_follow_the_groups(self):
        """Inventory users without ticketing rights open repair orders without the ticket
        parts; ticket agents without inventory rights see the link but no repair button."""
        stock_only = new_test_user(
            self.env, login="tck_stock_only", name="انباردار", groups="stock.group_stock_user"
        )

        def form(model, user):
            views = self.env[model].with_user(user).get_views([(False, "form")])
            return views["views"]["form"]["arch"]

        self.assertNotIn("crm_ticket_ids", form("repair.order", stock_only))
        self.assertIn("crm_ticket_ids", form("repair.order", self.repair_agent))
        agent_form = form("crm.ticket", self.agent)
        self.assertIn('name="repair_id"', agent_form)
        self.assertNotIn("action_create_repair", agent_form)
        self.assertIn("action_create_repair", form("crm.ticket", self.repair_agent))
