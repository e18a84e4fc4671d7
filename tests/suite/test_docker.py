"""The Docker set-up is valid and uses only the official images."""

import configparser
import os
import re

import yaml
from conftest import ROOT

DOCKERFILE_INSTRUCTIONS = {
    "FROM",
    "RUN",
    "CMD",
    "LABEL",
    "EXPOSE",
    "ENV",
    "ADD",
    "COPY",
    "ENTRYPOINT",
    "VOLUME",
    "USER",
    "WORKDIR",
    "ARG",
    "ONBUILD",
    "STOPSIGNAL",
    "HEALTHCHECK",
    "SHELL",
}


def _compose():
    with open(os.path.join(ROOT, "docker-compose.yml"), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _dockerfile_instructions():
    with open(os.path.join(ROOT, "Dockerfile"), encoding="utf-8") as fh:
        text = re.sub(r"\\\n", " ", fh.read())
    lines = [
        ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")
    ]
    return [(ln.split(None, 1)[0].upper(), ln.split(None, 1)[1]) for ln in lines]


def test_compose_has_db_and_odoo_services():
    services = _compose()["services"]
    assert set(services) == {"db", "odoo"}
    assert services["db"]["image"] == "postgres:16"
    assert any(v.startswith("db-data:") for v in services["db"]["volumes"])
    assert "db-data" in _compose()["volumes"]


def test_odoo_service_builds_the_dockerfile_and_mounts_the_addons():
    odoo = _compose()["services"]["odoo"]
    assert odoo["build"] == "."
    assert "8069:8069" in odoo["ports"]
    assert odoo["depends_on"] == ["db"]
    mounts = {v.split(":")[0]: v.split(":")[1] for v in odoo["volumes"]}
    assert mounts["./addons"] == "/mnt/extra-addons"
    assert mounts["./docker/odoo.conf"] == "/etc/odoo/odoo.conf"
    for local in mounts:
        if local.startswith("./"):
            assert os.path.exists(os.path.join(ROOT, local)), local


def test_dockerfile_is_valid_and_uses_the_official_image():
    instructions = _dockerfile_instructions()
    assert instructions, "empty Dockerfile"
    assert all(name in DOCKERFILE_INSTRUCTIONS for name, _args in instructions)
    froms = [args for name, args in instructions if name == "FROM"]
    assert froms == ["odoo:18.0"]
    assert ("COPY", "requirements.txt /tmp/crm-suite-requirements.txt") in instructions
    assert instructions[-1] == ("USER", "odoo"), "the image must not run Odoo as root"


def test_odoo_conf_points_at_the_mounted_addons_and_the_db_service():
    conf = configparser.ConfigParser()
    conf.read(os.path.join(ROOT, "docker", "odoo.conf"))
    paths = conf["options"]["addons_path"].split(",")
    assert "/mnt/extra-addons" in paths
    assert conf["options"]["db_host"] == "db"
    env = _compose()["services"]["db"]["environment"]
    assert conf["options"]["db_user"] == env["POSTGRES_USER"]
    assert conf["options"]["db_password"] == env["POSTGRES_PASSWORD"]


def test_requirements_pin_the_suite_packages():
    with open(os.path.join(ROOT, "requirements.txt"), encoding="utf-8") as fh:
        pins = dict(ln.strip().split("==") for ln in fh if ln.strip() and not ln.startswith("#"))
    assert set(pins) == {"jdatetime", "phonenumbers"}
    assert all(re.fullmatch(r"\d+(\.\d+)+", v) for v in pins.values())
