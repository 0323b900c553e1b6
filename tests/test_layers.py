"""The layers of ARCHITECTURE.md, read from every module's imports.

    asfportal (composition root: settings, URLs, start page, dashboard, load_demo)
        ↓ imports
    guidance  →  registry (its models and selectors only)  ←  opendata (models,
        ↓             ↓                                     selectors, pagecache,
                                                            services)
    asfportal.core (the base layer: imports no app)

Inside an app: models ← services / selectors ← forms ← views. A models module
imports no services, forms or views. Imports inside functions count too.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("asfportal", "registry", "guidance", "opendata")
OPENDATA_USES = ("models", "selectors", "pagecache", "services")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, absolute module name) for every import in ``source``."""
    found = []
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # "from registry import services" imports the module registry.services.
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def is_models_module(module: str) -> bool:
    parts = module.split(".")
    return "models" in parts[1:2] or parts[-1] == "models"


def violations(module: str, imports: list[tuple[int, str]]) -> list[str]:
    """What ``module`` may not import, with the line it does it on."""
    problems = []
    for line, name in imports:
        if name.split(".")[0] not in PACKAGES:
            continue
        rule = None
        if _within(module, "asfportal.core") and not _within(name, "asfportal.core"):
            rule = "the base layer imports no app and nothing else of asfportal"
        elif _within(module, "registry") and _within(name, "guidance"):
            rule = "registry never imports guidance"
        elif (
            not _within(module, "opendata")
            and not _within(module, "asfportal")
            and _within(name, "opendata")
        ):
            rule = "registry and guidance never import opendata"
        elif _within(module, "opendata") and _within(name, "guidance"):
            rule = "opendata never imports guidance"
        elif (
            _within(module, "opendata")
            and _within(name, "registry")
            and not any(_within(name, f"registry.{part}") for part in OPENDATA_USES)
        ):
            rule = "opendata uses registry's models, selectors, pagecache and services only"
        elif (
            _within(module, "guidance")
            and _within(name, "registry")
            and not any(_within(name, f"registry.{part}") for part in ("models", "selectors"))
        ):
            rule = "guidance uses registry's models and selectors only, and writes nothing there"
        elif (
            not _within(module, "asfportal")
            and _within(name, "asfportal")
            and not _within(name, "asfportal.core")
        ):
            rule = "apps import only the base layer of asfportal, not the composition root"
        elif is_models_module(module) and any(
            part in ("services", "forms", "views") for part in name.split(".")[1:]
        ):
            rule = "models import no services, forms or views"
        if rule:
            problems.append(f"{module}:{line} imports {name}: {rule}")
    return problems


def project_modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_every_module_keeps_to_its_layer():
    problems = []
    for path in project_modules():
        module = module_name(path)
        imports = imported_modules(path.read_text(), module, path.name == "__init__.py")
        problems += violations(module, imports)
    assert problems == []


def test_the_walk_reads_the_whole_project():
    modules = {module_name(path) for path in project_modules()}
    assert {"asfportal.core.permissions", "registry.models", "guidance.services"} <= modules


@pytest.mark.parametrize(
    ("module", "source", "rule"),
    [
        ("asfportal.core.mail", "from registry.models import Partner", "base layer"),
        ("asfportal.core.mail", "from asfportal import selectors", "base layer"),
        ("registry.views", "def f():\n    import guidance.selectors", "never imports guidance"),
        ("guidance.results", "from registry.services import partners", "writes nothing"),
        ("guidance.forms", "from registry.forms import EnterpriseForm", "selectors only"),
        ("registry.staff.views", "from asfportal.staff import dashboard", "composition root"),
        ("registry.models", "from registry import services", "models import no"),
        ("registry.models.partners", "from ..forms import PartnerForm", "models import no"),
        ("guidance.models", "from guidance.views.flows import with_flow", "models import no"),
        ("registry.views", "from opendata import selectors", "never import opendata"),
        ("opendata.views", "from guidance.selectors import pages", "never imports guidance"),
        ("opendata.views", "from registry.views import enterprise_csv", "opendata uses"),
    ],
)
def test_a_forbidden_import_is_found(module, source, rule):
    found = violations(module, imported_modules(source, module))
    assert len(found) == 1 and rule in found[0]


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("asfportal.core.publicforms", "from asfportal.core import ratelimit"),
        ("guidance.results", "from registry import selectors"),
        ("asfportal.selectors", "from guidance import selectors"),
        ("registry.services.enterprises", "from registry.models import Offering"),
        ("registry.models", "from django.db import models"),
        ("opendata.views", "from registry.pagecache import cache_public_page"),
        ("asfportal.urls", "from opendata import urls"),
    ],
)
def test_an_allowed_import_passes(module, source):
    assert violations(module, imported_modules(source, module)) == []


def test_a_web_process_does_not_load_what_only_rare_pages_need():
    """rdflib (the DCAT catalogue, about 17 MB with its dependencies) and
    icalendar (the .ics feeds, about 9 MB) are imported by the views that use
    them, so a worker serving the directory never holds them (docs/performance.md)."""
    import os
    import subprocess
    import sys

    code = (
        "import django, sys; django.setup(); import asfportal.urls, asfportal.wsgi;"
        "from django.urls import get_resolver; get_resolver().resolve('/foretag/');"
        "print(sorted({'rdflib', 'icalendar'} & set(sys.modules)))"
    )
    env = {"DJANGO_SETTINGS_MODULE": "asfportal.settings", "SECRET_KEY": "x", "DEBUG": "true"}
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-W", "ignore", "-c", code],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[]"
