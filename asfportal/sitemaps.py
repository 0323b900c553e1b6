from django.contrib.sitemaps import Sitemap
from django.urls import reverse

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
            "guidance:work",
            "guidance:start",
            "guidance:policy",
            "accessibility",
            "privacy",
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


SITEMAPS = {"pages": StaticSitemap, "enterprises": EnterpriseSitemap, "partners": PartnerSitemap}
