from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from asfportal import easyread
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
            "opendata_page:page",
            "selfservice:request",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class EasyReadSitemap(Sitemap):
    """The lättläst pages."""

    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self) -> list[str]:
        return [page.slug for page in easyread.PAGES]

    def location(self, slug: str) -> str:
        return easyread.page(slug).url()


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
    "easy-read": EasyReadSitemap,
    "enterprises": EnterpriseSitemap,
    "partners": PartnerSitemap,
    "policy": PolicySitemap,
    "flows": FlowSitemap,
}
