"""The glossary data covers every term of the shared term list, in both languages.

The term list (``../shared/GLOSSARY_TERMS.md`` beside the project) is parsed table by table;
each English cell maps to the XML ids of the ``crm.glossary.term`` records that define it.
"""

import os
import re

import pytest
from conftest import ADDONS, ROOT
from lxml import etree

TERMS_MD = os.path.join(ROOT, "..", "shared", "GLOSSARY_TERMS.md")
DATA_XML = os.path.join(ADDONS, "crm_glossary_core", "data", "crm_glossary_term_data.xml")
MODEL_PY = os.path.join(ADDONS, "crm_glossary_core", "models", "crm_glossary_term.py")

# English cell of the term list (normalized) -> XML ids of the records that define it.
TERM_RECORDS = {
    "customer relationship management": ["term_crm"],
    "customer / buyer": ["term_customer"],
    "prospect": ["term_prospect"],
    "contact": ["term_contact"],
    "account": ["term_account", "term_account_hierarchy"],
    "natural person / legal entity": ["term_natural_person", "term_legal_entity"],
    "audience groups, customer classification": ["term_customer_classification"],
    "gold / silver / bronze customers": ["term_customer_tier"],
    "loyalty ladder": ["term_loyalty_ladder", "term_lifecycle_stage"],
    "record": ["term_record"],
    "field, custom field, formula field, field properties": [
        "term_field",
        "term_custom_field",
        "term_formula_field",
        "term_field_properties",
    ],
    "contact role on a deal": ["term_contact_role"],
    "360-degree customer view": ["term_customer_360_view"],
    "customer journey": ["term_customer_journey"],
    "touchpoint": ["term_touchpoint"],
    "first-touch / last-touch attribution": [
        "term_first_touch",
        "term_last_touch",
        "term_attribution_model",
    ],
    "data enrichment": ["term_data_enrichment"],
    "import": ["term_import"],
    "customer experience / cx management": ["term_customer_experience", "term_cx_management"],
    "customer retention": ["term_retention"],
    "customer tenure": ["term_customer_tenure"],
    "churn, churn rate": ["term_churn", "term_churn_rate"],
    "customer lifetime value": ["term_clv"],
    "average revenue per user": ["term_arpu"],
    "segmentation": ["term_segmentation", "term_rfm"],
    "relationship event, communication behaviour": [
        "term_relationship_event",
        "term_communication_behaviour",
    ],
    "relationship phases: awareness, exploration, expansion, commitment, dissolution": [
        "term_relationship_phase"
    ],
    "trust, commitment": ["term_trust", "term_commitment"],
    "lead": ["term_lead"],
    "lead generation / demand generation": ["term_lead_generation", "term_demand_generation"],
    "lead management": ["term_lead_management"],
    "lead qualification": ["term_lead_qualification"],
    "marketing qualified lead": ["term_mql"],
    "sales accepted lead": ["term_sal"],
    "sales qualified lead": ["term_sql"],
    "converted lead": ["term_converted_lead"],
    "recycled lead": ["term_recycled_lead"],
    "cold / warm / hot lead": ["term_lead_temperature"],
    "budget, authority, need, timeline": ["term_bant"],
    "challenges, authority, money, prioritization": ["term_champ"],
    "other qualification frameworks": [
        "term_qualification_framework",
        "term_meddic",
        "term_meddpicc",
        "term_anum",
        "term_gpctba_ci",
        "term_faint",
    ],
    "scoring rules / lead scoring": ["term_scoring_rules", "term_lead_scoring"],
    "assignment rules": ["term_assignment_rules"],
    "opportunity / opportunity management": ["term_opportunity", "term_opportunity_management"],
    "sales funnel / marketing funnel": ["term_sales_funnel", "term_marketing_funnel"],
    "pipeline, pipeline management, pipeline view": [
        "term_sales_pipeline",
        "term_pipeline_management",
        "term_pipeline_view",
    ],
    "sales stages": ["term_sales_stages", "term_stage_gate"],
    "sales process": ["term_sales_process"],
    "closed-won": ["term_closed_won"],
    "sales activities": ["term_sales_activity"],
    "sales velocity": ["term_sales_velocity"],
    "funnel velocity": ["term_funnel_velocity"],
    "quota": ["term_quota"],
    "forecasting": ["term_forecasting"],
    "sales performance management": ["term_sales_performance_management"],
    "sales force automation": ["term_sales_force_automation"],
    "proforma invoice / invoice": ["term_proforma_invoice", "term_invoice"],
    "discount": ["term_discount"],
    "approval process": ["term_approval_process"],
    "campaign / campaign management": ["term_campaign", "term_campaign_management"],
    "channel": ["term_channel"],
    "marketing automation": ["term_marketing_automation"],
    "lead nurturing": ["term_lead_nurturing"],
    "sales-marketing alignment": ["term_sales_marketing_alignment"],
    "conversion rate": ["term_conversion_rate"],
    "ticket / case": ["term_ticket"],
    "ticketing system": ["term_ticketing_system"],
    "escalation": ["term_escalation"],
    "service level agreement": ["term_sla"],
    "knowledge base": ["term_knowledge_base"],
    "self-service portal": ["term_self_service_portal"],
    "service automation": ["term_service_automation"],
    "customer satisfaction": ["term_csat"],
    "complaint": ["term_complaint"],
    "workflow / workflow rules / workflow alerts": [
        "term_workflow",
        "term_workflow_rule",
        "term_workflow_alert",
    ],
    "dashboard": ["term_dashboard"],
    "analytical reports": ["term_analytical_report"],
    "scheduled report": ["term_scheduled_report"],
    "integration / api": ["term_integration", "term_api"],
    "accounting software": ["term_accounting_software"],
    "module": ["term_module"],
    "user, role, hierarchy": ["term_user", "term_role", "term_role_hierarchy"],
    "field-level security": ["term_field_level_security"],
    "sharing rules": ["term_sharing_rule"],
    "account settings, preferences": ["term_user_preferences"],
    "customization": ["term_customization"],
    "professional / enterprise edition": ["term_enterprise_edition"],
    "operational / analytical / collaborative crm": [
        "term_operational_crm",
        "term_analytical_crm",
        "term_collaborative_crm",
    ],
    "operational, analytical, collaborative, strategic, social crm": [
        "term_operational_crm",
        "term_analytical_crm",
        "term_collaborative_crm",
        "term_strategic_crm",
        "term_social_crm",
    ],
    "the four elements of crm: key-customer focus, organisation, knowledge management, "
    "technology": [
        "term_crm_four_elements",
        "term_key_customer_focus",
        "term_knowledge_management",
    ],
    "net promoter score": ["term_nps"],
    "customer loyalty, customer club": ["term_customer_loyalty", "term_customer_club"],
    "omnichannel communication": ["term_omnichannel"],
    "call center, voip telephony": ["term_call_center", "term_voip"],
    "messengers": ["term_messenger"],
    "payment gateway": ["term_payment_gateway"],
}

# The records the product's documentation and the other modules refer to by XML id.
REQUIRED_IDS = [
    "term_crm",
    "term_customer",
    "term_prospect",
    "term_contact",
    "term_account",
    "term_lead",
    "term_opportunity",
    "term_mql",
    "term_sal",
    "term_sql",
    "term_converted_lead",
    "term_recycled_lead",
    "term_lead_temperature",
    "term_lead_qualification",
    "term_bant",
    "term_champ",
    "term_meddic",
    "term_lead_scoring",
    "term_scoring_rules",
    "term_assignment_rules",
    "term_touchpoint",
    "term_first_touch",
    "term_last_touch",
    "term_customer_journey",
    "term_customer_360_view",
    "term_clv",
    "term_churn",
    "term_retention",
    "term_rfm",
    "term_segmentation",
    "term_arpu",
    "term_customer_tier",
    "term_relationship_phase",
    "term_contact_role",
    "term_sales_pipeline",
    "term_sales_funnel",
    "term_marketing_funnel",
    "term_sales_stages",
    "term_sales_velocity",
    "term_funnel_velocity",
    "term_quota",
    "term_forecasting",
    "term_campaign",
    "term_channel",
    "term_conversion_rate",
    "term_marketing_automation",
    "term_lead_nurturing",
    "term_workflow",
    "term_workflow_rule",
    "term_workflow_alert",
    "term_dashboard",
    "term_scheduled_report",
    "term_ticket",
    "term_ticketing_system",
    "term_sla",
    "term_escalation",
    "term_knowledge_base",
    "term_self_service_portal",
    "term_csat",
    "term_complaint",
    "term_service_automation",
    "term_field_level_security",
    "term_sharing_rule",
    "term_approval_process",
    "term_data_enrichment",
    "term_import",
    "term_nps",
]

# Terms whose feature lives in a module that links the term itself when installed.
LINKED_BY_OTHER_MODULES = {"scoring", "ticketing", "persian"}


def normalize(cell):
    """Lower-case English cell without explanations in parentheses or typographic dashes."""
    cell = re.sub(r"\([^)]*\)", "", cell)
    cell = cell.replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", cell).strip().lower()


def table_terms():
    """English cells of every table row of the term list."""
    cells = []
    with open(TERMS_MD, encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("|"):
                continue
            row = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(row) < 3 or row[1] == "English" or set(row[1]) <= {"-", ":", " "}:
                continue
            cells.append(row[1])
    return cells


def selection_keys(name):
    with open(MODEL_PY, encoding="utf-8") as fh:
        source = fh.read()
    block = re.search(rf"{name} = \[(.*?)\n\]", source, re.S).group(1)
    return set(re.findall(r'\("(\w+)",', block))


@pytest.fixture(scope="module")
def records():
    tree = etree.parse(DATA_XML)
    result = {}
    for rec in tree.iterfind("//record[@model='crm.glossary.term']"):
        fields = {}
        for field in rec.iterfind("field"):
            fields[field.get("name")] = field.get("ref") or field.get("eval") or field.text or ""
        result[rec.get("id")] = fields
    return result


@pytest.fixture(scope="module")
def term_list():
    if not os.path.isfile(TERMS_MD):
        pytest.skip(f"the shared term list is not beside the project: {TERMS_MD} is absent")
    return table_terms()


def test_the_term_list_has_tables(term_list):
    assert len(term_list) > 80


def test_every_term_of_the_list_has_a_record(term_list, records):
    unmapped = [cell for cell in term_list if normalize(cell) not in TERM_RECORDS]
    assert not unmapped, f"terms of GLOSSARY_TERMS.md without a glossary record: {unmapped}"
    missing = {
        cell: [xmlid for xmlid in TERM_RECORDS[normalize(cell)] if xmlid not in records]
        for cell in term_list
    }
    missing = {cell: ids for cell, ids in missing.items() if ids}
    assert not missing, f"glossary records missing from the data: {missing}"


def test_required_ids_exist(records):
    missing = [xmlid for xmlid in REQUIRED_IDS if xmlid not in records]
    assert not missing, missing


def test_about_a_hundred_terms(records):
    assert len(records) >= 100


def test_ids_follow_the_naming_scheme(records):
    bad = [xmlid for xmlid in records if not re.fullmatch(r"term_[a-z0-9]+(_[a-z0-9]+)*", xmlid)]
    assert not bad, bad


def test_every_record_has_both_names_and_definitions(records):
    for xmlid, fields in records.items():
        for name in ("name_en", "name_fa", "definition_en", "definition_fa"):
            assert fields.get(name, "").strip(), f"{xmlid}: {name} is empty"
        assert re.search(r"[\u0600-\u06ff]", fields["name_fa"]), f"{xmlid}: name_fa not Persian"
        assert re.search(r"[\u0600-\u06ff]", fields["definition_fa"]), xmlid


def test_definitions_are_two_to_five_sentences(records):
    for xmlid, fields in records.items():
        for name in ("definition_en", "definition_fa"):
            sentences = len(re.findall(r"[.!?؟](\s|$)", fields[name].strip()))
            assert 2 <= sentences <= 5, f"{xmlid}: {name} has {sentences} sentences"


def test_definitions_are_not_copies(records):
    seen = {}
    for xmlid, fields in records.items():
        assert fields["definition_en"] != fields["definition_fa"], xmlid
        for name in ("definition_en", "definition_fa"):
            text = " ".join(fields[name].split()).lower()
            assert text not in seen, f"{xmlid}: {name} repeats the definition of {seen.get(text)}"
            seen[text] = xmlid


def test_names_and_abbreviations_are_unique(records):
    for name in ("name_en", "name_fa", "abbreviation"):
        values = [f[name].strip().lower() for f in records.values() if f.get(name)]
        duplicates = {v for v in values if values.count(v) > 1}
        assert not duplicates, f"duplicate {name}: {duplicates}"


def test_selections_are_valid(records):
    categories = selection_keys("GLOSSARY_CATEGORIES")
    wheres = selection_keys("GLOSSARY_WHERE")
    for xmlid, fields in records.items():
        assert fields.get("category") in categories, xmlid
        assert fields.get("where") in wheres, xmlid


def test_related_terms_point_to_earlier_records(records):
    order = list(records)
    for position, (xmlid, fields) in enumerate(records.items()):
        for ref in re.findall(r"ref\('([\w.]+)'\)", fields.get("related_term_ids", "")):
            assert ref in records, f"{xmlid}: unknown related term {ref}"
            assert order.index(ref) < position, f"{xmlid}: {ref} is not defined before it"


def test_terms_of_other_modules_are_left_for_them_to_link(records):
    for xmlid, fields in records.items():
        if fields["where"] in LINKED_BY_OTHER_MODULES:
            linked = {"action_id", "menu_id", "field_id", "model_id"} & set(fields)
            assert not linked, f"{xmlid}: linked here although its module links it"
