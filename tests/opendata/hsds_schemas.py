"""Validate answers against the HSDS 3.0 JSON Schemas vendored in
opendata/hsds/schema/ (draft 2020-12; they refer to each other by file name)."""

import json
from functools import cache

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from opendata.openapi import SCHEMA_DIR, upstream

BASE = "https://hsds.test/schema/"


@cache
def registry() -> Registry:
    resources = []
    for path in SCHEMA_DIR.rglob("*.json"):
        if path.name == "openapi.json":
            continue
        name = path.relative_to(SCHEMA_DIR).as_posix()
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((BASE + name, Resource.from_contents(contents, DRAFT202012)))
    return Registry().with_resources(resources)


def errors(instance, schema_name: str) -> list[str]:
    """Every way ``instance`` breaks ``schema_name`` (a file under schema/)."""
    validator = Draft202012Validator(
        {"$ref": BASE + schema_name}, registry=registry(), format_checker=FormatChecker()
    )
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(instance)
    ]


PAGE = upstream()["components"]["schemas"]["Page"]


def page_errors(answer: dict, item_schema: str) -> list[str]:
    """A list answer: the reference's Page envelope, and every item."""
    problems = [
        f"page: {e.message}"
        for e in Draft202012Validator(PAGE, format_checker=FormatChecker()).iter_errors(answer)
    ]
    missing = set(PAGE["properties"]) - set(answer)
    problems += [f"page: {name} missing" for name in sorted(missing)]
    for index, item in enumerate(answer["contents"]):
        problems += [f"contents/{index}/{e}" for e in errors(item, item_schema)]
    return problems
