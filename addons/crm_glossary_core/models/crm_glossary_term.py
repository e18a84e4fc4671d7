# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The in-app glossary: the vocabulary of CRM practice, in Persian and English, each term
linked to the screen of Odoo or of the suite where it is put into practice."""

from collections import defaultdict

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

GLOSSARY_CATEGORIES = [
    ("customers", "Customers & accounts"),
    ("leads", "Leads & qualification"),
    ("sales", "Sales"),
    ("marketing", "Marketing"),
    ("service", "Service"),
    ("platform", "Platform"),
    ("strategy", "Strategy & concepts"),
]

GLOSSARY_WHERE = [
    ("odoo", "Odoo"),
    ("core", "CRM Glossary Core"),
    ("scoring", "CRM Lead Scoring"),
    ("ticketing", "CRM Ticketing"),
    ("persian", "CRM Persian Localization"),
    ("glossary", "Glossary only"),
    ("later", "Planned"),
]

# Field types a list can be grouped by when a term points at a field.
GROUPABLE_FIELD_TYPES = {
    "boolean",
    "char",
    "date",
    "datetime",
    "integer",
    "many2many",
    "many2one",
    "selection",
}


class CrmGlossaryTerm(models.Model):
    _name = "crm.glossary.term"
    _description = "CRM Glossary Term"
    _order = "sequence, name_en, id"
    _rec_names_search = ["name_fa", "name_en", "abbreviation"]

    name_fa = fields.Char("Persian Name", required=True, index="trigram")
    name_en = fields.Char("English Name", required=True, index="trigram")
    abbreviation = fields.Char(
        index=True, help="Short form used in CRM practice, e.g. MQL, CLV, SLA."
    )
    definition_fa = fields.Text(
        "Persian Definition",
        help="What the term means in CRM practice and where this product implements it.",
    )
    definition_en = fields.Text(
        "English Definition",
        help="What the term means in CRM practice and where this product implements it.",
    )
    category = fields.Selection(GLOSSARY_CATEGORIES, required=True, default="strategy", index=True)
    where = fields.Selection(
        GLOSSARY_WHERE,
        "Implemented In",
        required=True,
        default="glossary",
        index=True,
        help="Odoo itself, one of the suite's modules, the glossary only (a concept), or "
        "planned for a later version.",
    )
    related_term_ids = fields.Many2many(
        "crm.glossary.term",
        "crm_glossary_term_related_rel",
        "term_id",
        "related_term_id",
        "Related Terms",
        help="Terms to read together with this one. The relation works both ways.",
    )
    action_id = fields.Many2one(
        "ir.actions.actions",
        help="The window or report that puts the term into practice; Open in Odoo opens it.",
    )
    menu_id = fields.Many2one(
        "ir.ui.menu",
        ondelete="set null",
        help="The menu that puts the term into practice; used when no action is set.",
    )
    field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="set null",
        help="The field that records the term; Open in Odoo lists its model grouped by it.",
    )
    model_id = fields.Many2one(
        "ir.model",
        compute="_compute_model_id",
        store=True,
        readonly=False,
        ondelete="set null",
        help="The kind of record that implements the term; Open in Odoo lists its records.",
    )
    link_label = fields.Char(
        "Where in Odoo",
        compute="_compute_link_label",
        help="The menu, action, field or model that Open in Odoo opens.",
    )
    has_link = fields.Boolean(compute="_compute_link_label")
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)

    _sql_constraints = [
        ("name_en_unique", "UNIQUE(name_en)", "Another glossary term has this English name."),
        ("name_fa_unique", "UNIQUE(name_fa)", "Another glossary term has this Persian name."),
        (
            "abbreviation_unique",
            "UNIQUE(abbreviation)",
            "Another glossary term has this abbreviation.",
        ),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("field_id")
    def _compute_model_id(self):
        for term in self:
            term.model_id = term.field_id.model_id or term.model_id

    @api.depends("name_fa", "name_en", "abbreviation")
    @api.depends_context("lang")
    def _compute_display_name(self):
        persian_first = (self.env.lang or "").startswith("fa")
        for term in self:
            english = term.name_en or ""
            if term.abbreviation and term.abbreviation.lower() != english.lower():
                english = f"{english} ({term.abbreviation})"
            names = [term.name_fa, english] if persian_first else [english, term.name_fa]
            term.display_name = " / ".join(name for name in names if name)

    @api.depends("action_id", "menu_id", "field_id", "model_id")
    def _compute_link_label(self):
        for term in self:
            # Labels of technical records are shown to every reader of the glossary,
            # including users who may not read actions, fields or models themselves.
            sudo_term = term.sudo()
            action = sudo_term.action_id.exists()
            menu = sudo_term.menu_id.exists()
            if action:
                label = action.name
            elif menu:
                label = menu.complete_name
            elif sudo_term.field_id:
                field = sudo_term.field_id
                label = f"{field.model_id.name} › {field.field_description}"
            elif sudo_term.model_id:
                label = sudo_term.model_id.name
            else:
                label = False
            term.link_label = label
            term.has_link = bool(label)

    # ------------------------------------------------------------------ constraints
    @api.constrains("related_term_ids")
    def _check_related_terms(self):
        for term in self:
            if term in term.related_term_ids:
                raise ValidationError(
                    _("The term “%(term)s” cannot be related to itself.", term=term.name_en)
                )

    @api.constrains("field_id", "model_id")
    def _check_field_model(self):
        for term in self:
            if term.field_id and term.model_id and term.field_id.model_id != term.model_id:
                raise ValidationError(
                    _(
                        "The field “%(field)s” of the term “%(term)s” does not belong to the "
                        "model “%(model)s”.",
                        field=term.field_id.field_description,
                        term=term.name_en,
                        model=term.model_id.name,
                    )
                )

    # ------------------------------------------------------------------ symmetric relation
    @api.model_create_multi
    def create(self, vals_list):
        terms = super().create(vals_list)
        if not self.env.context.get("glossary_mirroring"):
            terms._mirror_related_terms({})
        return terms

    def write(self, vals):
        if "related_term_ids" not in vals or self.env.context.get("glossary_mirroring"):
            return super().write(vals)
        before = {term.id: set(term.related_term_ids.ids) for term in self}
        res = super().write(vals)
        self._mirror_related_terms(before)
        return res

    def _mirror_related_terms(self, before):
        """Make the related-terms relation symmetric.

        ``before`` maps term ids to the ids of their related terms before the change; every
        term added to (removed from) a term's related terms gets that term added (removed)
        in return, with one write per touched term.
        """
        commands = defaultdict(list)
        for term in self:
            old = before.get(term.id, set())
            new = set(term.related_term_ids.ids)
            for other_id in new - old:
                commands[other_id].append(Command.link(term.id))
            for other_id in old - new:
                commands[other_id].append(Command.unlink(term.id))
        mirroring = self.with_context(glossary_mirroring=True)
        for other_id, other_commands in commands.items():
            mirroring.browse(other_id).write({"related_term_ids": other_commands})

    # ------------------------------------------------------------------ open in Odoo
    def _get_linked_action(self):
        """The term's action (or its menu's action) as a record of its own action model,
        read as superuser; an empty recordset when there is none or it no longer exists."""
        self.ensure_one()
        term = self.sudo()
        action = term.action_id.exists()
        if action:
            return self.env[action.type].sudo().browse(action.id).exists()
        menu_action = term.menu_id.exists().action
        if menu_action:
            return menu_action.sudo().exists()
        return self.env["ir.actions.actions"]

    def action_open_in_odoo(self):
        """Open the screen where Odoo or the suite implements the term.

        The term's action is preferred, then its menu's action, then a list of the field's
        model grouped by the field (when it can be grouped), then a list of the model.
        """
        self.ensure_one()
        action = self._get_linked_action()
        if action:
            groups = action["groups_id"] if "groups_id" in action._fields else False
            res_model = action["res_model"] if "res_model" in action._fields else False
            if (groups and not (groups & self.env.user.groups_id)) or (
                res_model
                and (res_model not in self.env or not self.env[res_model].has_access("read"))
            ):
                raise UserError(
                    _(
                        "You do not have access to “%(screen)s”, where the term “%(term)s” "
                        "is used.",
                        screen=action.name,
                        term=self.name_en,
                    )
                )
            return action._get_action_dict()
        field = self.sudo().field_id
        model = self.sudo().model_id
        if not model:
            raise UserError(
                _(
                    "The term “%(term)s” is not linked to a screen of Odoo: it is a concept "
                    "explained in the glossary only.",
                    term=self.name_en,
                )
            )
        if model.model not in self.env or not self.env[model.model].has_access("read"):
            raise UserError(
                _(
                    "You do not have access to “%(model)s”, where the term “%(term)s” is used.",
                    model=model.name,
                    term=self.name_en,
                )
            )
        context = {}
        if field:
            context["glossary_field"] = field.name
            model_field = self.env[model.model]._fields.get(field.name)
            if model_field and model_field.store and model_field.type in GROUPABLE_FIELD_TYPES:
                context["group_by"] = [field.name]
        return {
            "type": "ir.actions.act_window",
            "name": model.name,
            "res_model": model.model,
            "views": [(False, "list"), (False, "form")],
            "context": context,
        }
