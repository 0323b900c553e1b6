from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from guidance.models import AdviceFlow, Page
from registry.models import Partner, SocialEnterprise


class StaticSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self) -> list[str]:
        return [
            "home",
            "registry:enterprise_list",
            "registry:partner_list",
            "guidance:policy_list",
            "guidance:inquiry",
            "registry:enterprise_report",
            "accessibility",
            "privacy",
            "easy_read",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class EnterpriseSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self):
        return SocialEnterprise.objects.published().order_by("pk")

    def lastmod(self, enterprise: SocialEnterprise):
        return enterprise.updated_at


class PartnerSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self):
        return Partner.objects.order_by("pk")

    def lastmod(self, partner: Partner):
        return partner.updated_at


class PolicySitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self):
        return Page.objects.published().order_by("pk")

    def lastmod(self, page: Page):
        return page.updated_at


class FlowSitemap(Sitemap):
    """Only a flow's start page: the questions depend on earlier answers."""

    i18n = True
    alternates = True

    def items(self):
        return AdviceFlow.objects.filter(is_published=True).order_by("pk")


SITEMAPS = {
    "pages": StaticSitemap,
    "enterprises": EnterpriseSitemap,
    "partners": PartnerSitemap,
    "policy": PolicySitemap,
    "flows": FlowSitemap,
}
