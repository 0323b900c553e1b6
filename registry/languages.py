"""The languages an enterprise's supervisors can use at work: a closed list,
ISO 639-1 codes with Swedish names, the languages most spoken in Sweden first
(after Swedish and English, roughly by SCB's counts of people born abroad).
Swedish sign language has no ISO 639-1 code; it carries its ISO 639-3 code
``swl``, which HSDS also accepts. ``load_languages`` runs after every migrate
(and every flush), so a change here reaches the table with the next deploy."""

LANGUAGES = [
    # (code, Swedish name, slug in the directory's address)
    ("sv", "svenska", "svenska"),
    ("en", "engelska", "engelska"),
    ("ar", "arabiska", "arabiska"),
    ("fi", "finska", "finska"),
    ("fa", "persiska (dari, farsi)", "persiska"),
    ("so", "somaliska", "somaliska"),
    ("pl", "polska", "polska"),
    ("ti", "tigrinja", "tigrinja"),
    ("ku", "kurdiska", "kurdiska"),
    ("bs", "bosniska, kroatiska, serbiska", "bosniska-kroatiska-serbiska"),
    ("tr", "turkiska", "turkiska"),
    ("es", "spanska", "spanska"),
    ("uk", "ukrainska", "ukrainska"),
    ("ru", "ryska", "ryska"),
    ("de", "tyska", "tyska"),
    ("fr", "franska", "franska"),
    ("th", "thailändska", "thailandska"),
    ("sq", "albanska", "albanska"),
    ("am", "amhariska", "amhariska"),
    ("ps", "pashto", "pashto"),
    ("ur", "urdu", "urdu"),
    ("vi", "vietnamesiska", "vietnamesiska"),
    ("zh", "kinesiska", "kinesiska"),
    ("swl", "svenskt teckenspråk", "teckensprak"),
]


def load_languages(sender=None, *, using: str = "default", apps=None, **kwargs) -> None:
    """Make the Language table hold this list (a ``post_migrate`` receiver)."""
    if apps is None:
        from django.apps import apps
    try:
        language = apps.get_model("registry", "Language")
    except LookupError:
        return  # migrating backwards, before the table existed
    manager = language.objects.using(using)
    current = {row.code: row for row in manager.all()}
    for order, (code, name, slug) in enumerate(LANGUAGES, start=1):
        row = current.get(code)
        wanted = {"name": name, "slug": slug, "order": order * 10}
        if row is None:
            manager.create(code=code, **wanted)
        elif any(getattr(row, field) != value for field, value in wanted.items()):
            manager.filter(pk=row.pk).update(**wanted)
