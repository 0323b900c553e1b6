"""Our OpenAPI document: the HSDS reference's (``hsds/schema/openapi.json``),
adapted to what this portal implements. Pure apart from reading the file.

Changes to the reference, each for a reason written in docs/open-data.md:
- ``info`` and ``servers`` describe this API;
- the response schemas refer to the schema files this site serves at
  ``/api/hsds/schema/`` instead of GitHub (the compiled full-object files become
  the plain ones they are compiled from, which resolve the same);
- ``/service_at_locations/{id}`` answers a service_at_location (the reference
  names the service schema there);
- parameters we do not implement (``postcode``, ``proximity``, ``format=ndjson``)
  are left out, and ``modified_after`` is added to ``/organizations``;
- every operation documents its 400 and 404 answers as problem JSON (RFC 9457).
"""

import copy
import json
from functools import cache
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent / "hsds" / "schema"
UPSTREAM = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
COMPILED_FULL = {"compiled/service.json", "compiled/organization.json"}
DROPPED_PARAMETERS = {"postcode", "proximity"}

PROBLEM = {
    "type": "object",
    "required": ["title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "invalid_params": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"parameter": {"type": "string"}, "detail": {"type": "string"}},
            },
        },
    },
}


@cache
def upstream() -> dict:
    return json.loads((SCHEMA_DIR / "openapi.json").read_text(encoding="utf-8"))


def document(
    *, api_url: str, schema_url: str, title: str, contact_email: str, licence: dict
) -> dict:
    """The OpenAPI 3.1 document for the API at ``api_url`` (no trailing slash)."""
    doc = copy.deepcopy(upstream())
    doc["info"] = {
        "title": title,
        "version": "1.0.0",
        "summary": "Sociala företag och samarbetspartner i HSDS 3.0",
        "description": (
            "Läs-API enligt Human Services Data Specification 3.0 (Open Referral). "
            "Arbetsintegrerande sociala företag är organisationer med en tjänst per "
            "erbjudande; samarbetspartner är organisationer med en tjänst per sak de "
            "hjälper med. Se /oppna-data/ för beskrivning och villkor. "
            "Dokumentet är en ändrad version av HSDS 3.0:s OpenAPI-beskrivning. "
            "Human Services Data Specification: an Open Referral resource "
            "(https://openreferral.org/), CC BY-SA 4.0 "
            "(https://creativecommons.org/licenses/by-sa/4.0/). "
            "Licensen nedan gäller uppgifterna som API:et lämnar."
        ),
        "contact": {"name": title, "email": contact_email},
        "license": licence,
    }
    doc["servers"] = [{"url": api_url}]
    _rewrite_refs(doc, schema_url.rstrip("/") + "/")
    _adapt_paths(doc)
    return doc


def _rewrite_refs(node, base: str) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(UPSTREAM):
            name = ref.removeprefix(UPSTREAM)
            if name in COMPILED_FULL:
                name = name.removeprefix("compiled/")
            node["$ref"] = base + name
        for value in node.values():
            _rewrite_refs(value, base)
    elif isinstance(node, list):
        for value in node:
            _rewrite_refs(value, base)


def _adapt_paths(doc: dict) -> None:
    components = doc["components"]
    components["schemas"]["Problem"] = PROBLEM
    for name in DROPPED_PARAMETERS:
        components["parameters"].pop(name, None)
    components["parameters"]["format"]["schema"] = {"type": "string", "enum": ["json"]}
    components["parameters"]["format"]["description"] = "Bara json finns."
    for bounded, maximum in (("page", 100_000), ("per_page", 100)):
        components["parameters"][bounded]["schema"] = {
            "type": "integer",
            "minimum": 1,
            "maximum": maximum,
        }
    for name in ("taxonomy_term_id", "taxonomy_id", "organization_id"):
        components["parameters"][name]["schema"] = {"type": "string", "format": "uuid"}
    components["parameters"]["search"]["schema"] = {
        "type": "string",
        "maxLength": 200,
        "pattern": "^[^\\x00]*$",
    }
    components["parameters"]["minimal"]["description"] += " Vinner över full."
    components["parameters"]["modified_after"]["schema"] = {
        "type": "string",
        "format": "date-time",
    }
    paths = doc["paths"]
    sal = paths["/service_at_locations/{id}"]["get"]["responses"]["200"]["content"]
    sal["application/json"]["schema"]["$ref"] = sal["application/json"]["schema"]["$ref"].replace(
        "/service.json", "/service_at_location.json"
    )
    organizations = paths["/organizations"]["get"]["parameters"]
    organizations.append({"$ref": "#/components/parameters/modified_after"})
    for path, item in paths.items():
        for parameter in item.get("parameters", []):
            if parameter["name"] == "id":
                parameter["schema"] = {"type": "string", "format": "uuid"}
        for method, operation in item.items():
            if method == "parameters":
                continue
            operation["parameters"] = [
                p
                for p in operation.get("parameters", [])
                if p.get("$ref", "").rsplit("/", 1)[-1] not in DROPPED_PARAMETERS
            ]
            for parameter in operation["parameters"]:
                if parameter.get("name") == "parent_id":
                    parameter["schema"] = {"type": "string", "format": "uuid"}
            operation["responses"]["400"] = _problem("Fel i en parameter.")
            if "{id}" in path:
                operation["responses"]["404"] = _problem("Finns inte.")


def _problem(description: str) -> dict:
    return {
        "description": description,
        "content": {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        },
    }
