"""GET forms that read a list's filters from the address (the directory, the
inquiry inbox): a value that does not validate is left out and told, never
raised, so a shared or mistyped link still shows a page."""

from django import forms


class QueryFormMixin:
    """Adds ``problems`` to a form bound to ``request.GET``."""

    @property
    def problems(self: forms.Form) -> list[tuple[str, str]]:
        """(field label, message) for every parameter that was ignored."""
        self.is_valid()
        return [
            (str(self.fields[name].label), message)
            for name, messages in self.errors.items()
            if name in self.fields
            for message in messages
        ]
