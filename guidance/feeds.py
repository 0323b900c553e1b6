"""An Atom feed of policy changes: one entry per published revision."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from guidance import selectors
from guidance.models import PageRevision


class PolicyChangesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Ändringar i policyn för sociala företag")
    subtitle = _("Nya och ändrade policysidor på ASF-portalen.")

    def link(self) -> str:
        return reverse("guidance:policy_list")

    def items(self):
        return selectors.latest_revisions()

    def item_title(self, item: PageRevision) -> str:
        return f"{item.title} – {item.change_summary}"

    def item_description(self, item: PageRevision) -> str:
        return item.summary

    def item_link(self, item: PageRevision) -> str:
        url = reverse("guidance:policy_detail", kwargs={"slug": item.page.slug})
        return f"{url}#version-{item.number}"

    def item_pubdate(self, item: PageRevision):
        return item.published_at

    def item_updateddate(self, item: PageRevision):
        return item.published_at
