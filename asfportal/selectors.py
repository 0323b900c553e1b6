"""Reads for the site-wide pages, composed from the apps' selectors."""

from guidance import selectors as guidance_selectors
from registry.models import Partner, SocialEnterprise
from registry.selectors.listing import filter_open_places


def start_page_facts() -> dict:
    """Counts, the latest checked records and policy changes (five queries)."""
    published = SocialEnterprise.objects.published()
    return {
        "enterprise_count": published.count(),
        "open_places_count": filter_open_places(published).count(),
        "partner_count": Partner.objects.count(),
        "recently_checked": list(
            published.filter(last_checked__isnull=False)
            .select_related("area")
            .order_by("-last_checked", "name")[:4]
        ),
        "policy_changes": list(guidance_selectors.latest_revisions(limit=3)),
    }
