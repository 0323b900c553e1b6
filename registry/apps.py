from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = _("Register")

    def ready(self) -> None:
        """Every write to a registry model bumps the version the page cache keys on.
        (A queryset's bulk UPDATE sends no signal: the services that use one for
        search text have saved a row through a signalled write first.)"""
        from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

        from registry.languages import load_languages
        from registry.localities import load_shipped_localities
        from registry.pagecache import bump_registry_version

        # The closed list of languages, after every migrate and every flush
        # (a transactional test empties the tables, as a flush does).
        post_migrate.connect(load_languages, sender=self, weak=False)
        # The shipped places to measure distance from, the same way.
        post_migrate.connect(load_shipped_localities, sender=self, weak=False)

        # Links, proposals, check records and alerts change no public page;
        # places (``Locality``) neither by themselves: their loader bumps the version.
        private = {
            "selfservicelink",
            "changeproposal",
            "recordcheck",
            "locality",
            "alertsubscription",
        }
        for model in self.get_models():
            if model._meta.model_name in private:
                continue
            post_save.connect(bump_registry_version, sender=model, weak=False)
            post_delete.connect(bump_registry_version, sender=model, weak=False)
        m2m_changed.connect(bump_registry_version, weak=False)
