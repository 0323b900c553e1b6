"""One harvest of another portal's HSDS API: what changed since the last
complete run, each organization as a draft enterprise, an outcome per record.

A failure to read the source's lists stops the run (what was saved stays);
a failure of one record is that record's line in the report. Each record is
saved whole or not at all (``harvested_enterprise_save`` is one transaction).
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.utils import timezone

from opendata.harvest import mapping
from opendata.harvest.client import Client, HarvestError, check_url
from registry.selectors.taxonomies import Term, taxonomies
from registry.services.harvest import (
    Harvested,
    HarvestedOffering,
    harvest_source_for,
    harvest_source_ran,
    harvested_enterprise_save,
)

# Asked for again next time: changes made while a run was reading, and clocks
# that differ a little between the portals.
MODIFIED_AFTER_MARGIN = datetime.timedelta(minutes=10)

SKIPPED = "skipped"  # not an enterprise (no organisationsnummer)
INVALID = "invalid"  # the source's record does not fit: fix it there
FAILED = "failed"  # could not be read now: the next run asks again


@dataclass
class Line:
    outcome: str
    remote_id: str
    name: str
    detail: str = ""


@dataclass
class HarvestReport:
    url: str
    since: datetime.datetime | None = None
    lines: list[Line] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, outcome: str, organization: object, detail: str = "") -> None:
        data = organization if isinstance(organization, dict) else {}
        remote_id, name = data.get("id"), data.get("name")
        self.lines.append(
            Line(
                outcome,
                remote_id if isinstance(remote_id, str) else "?",
                name if isinstance(name, str) else "?",
                detail,
            )
        )

    def count(self, outcome: str) -> int:
        return sum(1 for line in self.lines if line.outcome == outcome)

    @property
    def complete(self) -> bool:
        """Everything was read: the next run may ask only for later changes."""
        return not self.errors and not self.count(FAILED)

    @property
    def ok(self) -> bool:
        return self.complete and not self.count(INVALID)


def harvest(url: str, *, client: Client | None = None, everything: bool = False) -> HarvestReport:
    """Read the source at ``url`` (its API's base address) into draft records.

    ``everything`` reads every record again, not only what changed since the
    last complete run. Raises HarvestError for an address that is not http(s).
    """
    base = check_url(url)
    client = client or Client(base)
    started = timezone.now()
    source = harvest_source_for(base)
    report = HarvestReport(base)
    if source.last_complete_run_at and not everything:
        report.since = source.last_complete_run_at - MODIFIED_AFTER_MARGIN
    try:
        _check_root(client)
        organizations = _changed_organizations(client, report)
    except HarvestError as error:
        report.errors.append(str(error))
        harvest_source_ran(source=source, started_at=started, complete=False)
        return report
    lookups = _Lookups(taxonomies())
    for organization in organizations:
        _harvest_one(client, source, organization, lookups, report)
    harvest_source_ran(source=source, started_at=started, complete=report.complete)
    return report


def _check_root(client: Client) -> None:
    root = client.get("")
    version = root.get("version") if isinstance(root, dict) else None
    if not isinstance(version, str) or not version.startswith("3."):
        raise HarvestError(f"{client.base}/ does not say it is an HSDS 3.x API")


def _changed_organizations(client: Client, report: HarvestReport) -> list[dict]:
    since = {"modified_after": report.since.isoformat()} if report.since else {}
    found: dict[str, object] = {}
    for organization in client.pages("organizations", since | {"full": "true"}):
        remote_id = organization.get("id") if isinstance(organization, dict) else None
        if isinstance(remote_id, str):
            found[remote_id] = organization
        else:
            report.add(INVALID, organization, "an organization without an id")
    if since:  # a changed service of an organization that did not change itself
        for service in client.pages("services", since):
            owner = service.get("organization_id") if isinstance(service, dict) else None
            if isinstance(owner, str) and owner not in found:
                found[owner] = _organization(client, owner, report)
    return [organization for organization in found.values() if organization is not None]


def _organization(client: Client, remote_id: str, report: HarvestReport) -> dict | None:
    try:
        return client.get(f"organizations/{quote(remote_id, safe='')}")
    except HarvestError as error:
        report.add(FAILED, {"id": remote_id}, str(error))
        return None


def _harvest_one(client, source, organization, lookups, report: HarvestReport) -> None:
    try:
        remote_id, _name, _number = mapping.check(organization)  # before any request
        services = [
            service
            for service in client.pages("services", {"organization_id": remote_id, "full": "true"})
            if isinstance(service, dict) and service.get("organization_id") == remote_id
        ]
        remote = mapping.enterprise_from_hsds(organization, services)
    except mapping.NotAnEnterprise as reason:
        report.add(SKIPPED, organization, str(reason))
        return
    except mapping.MappingProblem as problem:
        report.add(INVALID, organization, str(problem))
        return
    except HarvestError as error:
        report.add(FAILED, organization, str(error))
        return
    try:
        outcome = harvested_enterprise_save(source=source, item=lookups.resolve(remote))
    except ValidationError as error:
        report.add(INVALID, organization, " ".join(error.messages))
        return
    except DatabaseError as error:  # a race on the organisation number, for example
        report.add(FAILED, organization, str(error).splitlines()[0])
        return
    detail = f"{remote.services_left_out} services without an offering kind"
    report.add(outcome, organization, detail if remote.services_left_out else "")


class _Lookups:
    """This portal's industries, target groups and areas by code and by name."""

    def __init__(self, found):
        self.industries = self._index(found.industries)
        self.target_groups = self._index(found.target_groups)
        self.areas = self._index(found.areas)

    @staticmethod
    def _index(terms: list[Term]) -> dict[str, int]:
        index = {term.name.casefold(): term.pk for term in terms}
        return index | {term.slug: term.pk for term in terms}

    @staticmethod
    def _pks(refs: list[mapping.TermRef], index: dict[str, int]) -> list[int]:
        found = (index.get(ref.code) or index.get(ref.name.casefold()) for ref in refs)
        return sorted({pk for pk in found if pk is not None})

    def resolve(self, remote: mapping.RemoteEnterprise) -> Harvested:
        areas = self._pks(remote.areas, self.areas)
        return Harvested(
            remote_id=remote.remote_id,
            remote_url=remote.remote_url,
            fingerprint=remote.fingerprint(),
            fields=remote.fields | {"area_id": areas[0] if areas else None},
            industries=self._pks(remote.industries, self.industries),
            offerings=[
                HarvestedOffering(
                    kind=o.kind,
                    description=o.description,
                    open_places=o.open_places,
                    target_groups=self._pks(o.target_groups, self.target_groups),
                    referrers=o.referrers,
                )
                for o in remote.offerings
            ],
            summary=remote.as_json(),
        )
