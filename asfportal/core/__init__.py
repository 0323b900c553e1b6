"""The base layer: what every app may import, and which imports no app.

Permissions for staff views, one-time tokens and the public-form steps, keyset
pagination, rate limiting, environment readers, middleware, dates, the one mail
helper, a staff user's display name and the generic template filters. Nothing
here knows about enterprises, policy pages or inquiries; ``tests/test_layers.py``
fails if anything here imports ``registry``, ``guidance`` or the rest of
``asfportal``.
"""
