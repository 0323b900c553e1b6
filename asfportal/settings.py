"""ASF-portalen settings: one file, driven by environment variables.

Every variable is listed in `.env.example`. Values are read through the helpers in
`asfportal.core.env`, which refuse malformed input instead of guessing.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from asfportal.core.env import env_bool, env_int, env_list, env_retired, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. "
            "Set SECRET_KEY in the environment (see .env.example)."
        )
    SECRET_KEY = "insecure-development-only-key"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "asfportal.apps.SiteAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "django_tasks_db",
    "asfportal.core",
    "asfportal",
    "registry",
    "guidance",
    "opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "asfportal.core.middleware.RejectNulBytesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "asfportal.core.middleware.StaffIdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so its process_exception sees a view's database failure first.
    "asfportal.outage.DatabaseOutageMiddleware",
]

ROOT_URLCONF = "asfportal.urls"
WSGI_APPLICATION = "asfportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "asfportal.context_processors.site",
            ],
        },
    },
]

# Database: SQLite file by default so a laptop needs no services; PostgreSQL in
# production and CI through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take the lock when their transaction begins, so two requests that
    # write at once (a double click) queue up instead of failing with "locked".
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"] |= {"transaction_mode": "IMMEDIATE", "timeout": 20}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default; Redis (shared by all workers) when
# CACHE_URL or REDIS_URL is set.
_cache_url = env_str("CACHE_URL") or env_str("REDIS_URL")
if _cache_url:
    if not _cache_url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"CACHE_URL must be a redis:// address, not {_cache_url!r}")
    CACHES = {
        "default": {
            "BACKEND": "asfportal.core.cache.RedisCache",
            "LOCATION": _cache_url,
            "KEY_PREFIX": "asfportal",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Per-process stand-in for what must go on while the shared cache is away
# (the public forms' rate limit, asfportal.core.ratelimit).
CACHES["local"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"}
# The page chrome (head links, header, menu, footer) rendered once per process:
# it depends on the code, the language and a few settings only, never on data
# (see asfportal.context_processors._chrome_key). Kept out of the shared cache
# on purpose: it is as fast to render as to fetch over the network.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "TIMEOUT": None,
    "OPTIONS": {"MAX_ENTRIES": 500},
}

# Staff sign in at /handlaggare/konto/logga-in/; the admin has its own login page.
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:dashboard"
LOGOUT_REDIRECT_URL = "staff:login"
# A staff session ends after this many minutes without a request.
STAFF_IDLE_MINUTES = env_int("STAFF_IDLE_MINUTES", 30)
# A password-reset link works this long (seconds).
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 60 * 60 * 24)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Swedish is the source language, English the second.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("Engelska"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

# Static files: our own and the npm packages, served by WhiteNoise.
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", default=not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Mail (Django 6.1 MAILERS): console in development, SMTP otherwise.
_mail_backend = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
_mail_options = {}
if _mail_backend.endswith("smtp.EmailBackend"):
    _mail_options = {
        "host": env_str("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 25),
        "username": env_str("EMAIL_HOST_USER", ""),
        "password": env_str("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", default=False),
        "timeout": env_int("EMAIL_TIMEOUT", 10),
    }
MAILERS = {"default": {"BACKEND": _mail_backend, "OPTIONS": _mail_options}}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "ASF-portalen <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: Django's task framework with the database as the queue
# (django-tasks-db), so it needs no new service and several workers on several
# machines share it. Every mail is a task; `manage.py run_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A mail that fails is tried again after MAIL_RETRY_SECONDS, then three times
# longer each time, MAIL_MAX_ATTEMPTS times in all; then staff see it as failed.
MAIL_MAX_ATTEMPTS = env_int("MAIL_MAX_ATTEMPTS", 6)
MAIL_RETRY_SECONDS = env_int("MAIL_RETRY_SECONDS", 60)
# While one worker sends a mail, no other sends it (a slow SMTP server).
MAIL_SEND_LEASE_SECONDS = env_int(
    "MAIL_SEND_LEASE_SECONDS", 3 * _mail_options.get("timeout", 10) + 30
)
# A task RUNNING longer than this was left by a dead worker and runs again.
TASK_RUNNING_LEASE_SECONDS = env_int("TASK_RUNNING_LEASE_SECONDS", MAIL_SEND_LEASE_SECONDS + 30)

# Security. The CSP forbids inline script and style and every other host.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    # Bootstrap draws form arrows and check marks as data: SVG images.
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
# Behind our own reverse proxy, the client's address is the last X-Forwarded-For entry.
TRUST_X_FORWARDED_FOR = env_bool("BEHIND_TLS_PROXY", default=False)
if TRUST_X_FORWARDED_FOR:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    # Off by default: they bind every subdomain of the municipality's domain
    # (include) and ask browsers to hard-code HTTPS for it (preload), which is
    # the domain owner's decision, not this service's.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Product settings.
SITE_NAME = "ASF-portalen"
MUNICIPALITY_NAME = env_str("MUNICIPALITY_NAME", "Exempelkommunen")
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "asf@exempelkommunen.se")
# The advice service's phone ("Prata med en rådgivare"), on the advice results,
# the contact page, the easy-to-read help page and the footer, with the hours it
# answers in the short Swedish form a place's hours are written in
# (asfportal/core/hours/), lines separated by ";": "mån–tor 9–12; fre 9–11".
# Checked when the site starts (asfportal/advice_line.py). An empty number hides it.
ADVICE_PHONE = env_str("ADVICE_PHONE", "08-123 456 00")
ADVICE_PHONE_HOURS = env_str("ADVICE_PHONE_HOURS", "mån–tor 9–12; fre 9–11")
DIRECTORY_PAGE_SIZE = env_int("DIRECTORY_PAGE_SIZE", 20)
# Anonymous directory, profile and partner pages are cached this long (0: off);
# any registry write makes the cached copies stale at once.
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 300)
# The site's public address, for links in mails sent without a request
# (inquiry notices, review reminders, password resets from commands).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Open data (/oppna-data/ and the HSDS API under /api/hsds/): the licence of the
# registry's facts (the municipality decides; CC0 by default) and the county
# published as every address's state_province.
OPEN_DATA_LICENCE_NAME = env_str("OPEN_DATA_LICENCE_NAME", "CC0 1.0")
OPEN_DATA_LICENCE_URL = env_str(
    "OPEN_DATA_LICENCE_URL", "http://creativecommons.org/publicdomain/zero/1.0/"
)
OPEN_DATA_REGION = env_str("OPEN_DATA_REGION", "Stockholms län")
# Freshness, one rule everywhere (registry/freshness.py): a record counts as
# checked for FRESH_MONTHS after the municipality or the enterprise itself last
# confirmed it. After that the card and the profile say the municipality has
# not checked it for over FRESH_MONTHS months, it sorts after checked records,
# the directory's "kontrollerade" filter leaves it out, and the advisors' queue
# lists it. REVIEW_NOTICE_DAYS before that day the advisors' queue lists it
# too and the reminder mail goes out, so an enterprise can
# confirm before its record is flagged. (REVIEW_DUE_MONTHS and
# STALE_AFTER_MONTHS, two limits that people met as contradictions, are gone.)
FRESH_MONTHS = env_int("FRESH_MONTHS", 12)
REVIEW_NOTICE_DAYS = env_int("REVIEW_NOTICE_DAYS", 30)
env_retired("REVIEW_DUE_MONTHS", "FRESH_MONTHS and REVIEW_NOTICE_DAYS")
env_retired("STALE_AFTER_MONTHS", "FRESH_MONTHS")
# An enterprise's personal link to /uppdatera/ works this many days, until a
# newer link is sent or an advisor revokes its links.
SELF_SERVICE_LINK_DAYS = env_int("SELF_SERVICE_LINK_DAYS", 30)
# An enterprise is reminded at most once in this many days.
REVIEW_REMINDER_INTERVAL_DAYS = env_int("REVIEW_REMINDER_INTERVAL_DAYS", 30)
# Alerts (the directory's "mejla mig"): a subscription not confirmed within
# ALERT_CONFIRM_DAYS is erased (the confirmation link stops working then too);
# at most ALERT_REQUESTS_PER_EMAIL subscribe requests per address and hour.
ALERT_CONFIRM_DAYS = env_int("ALERT_CONFIRM_DAYS", 7)
ALERT_REQUESTS_PER_EMAIL = env_int("ALERT_REQUESTS_PER_EMAIL", 5)
# At most this many enterprises are listed in one digest (the rest are counted).
ALERT_DIGEST_MAX_ITEMS = env_int("ALERT_DIGEST_MAX_ITEMS", 30)
# CSV import limits: larger files are refused with a message, not half-read.
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 1000)
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 2 * 1024 * 1024)
# Where new inquiries are announced (the advisors' shared mailbox).
ADVISORS_EMAIL = env_str("ADVISORS_EMAIL", CONTACT_EMAIL)
# The data protection officer named in the privacy texts.
DATA_PROTECTION_EMAIL = env_str("DATA_PROTECTION_EMAIL", "dataskydd@exempelkommunen.se")
# How long a closed inquiry is kept before it is erased (stated to citizens).
INQUIRY_RETENTION_MONTHS = env_int("INQUIRY_RETENTION_MONTHS", 12)
# Advice-flow answers can reveal health information: they are kept in the
# session only this long after the last answer, then the walk starts over.
ADVICE_ANSWERS_MINUTES = env_int("ADVICE_ANSWERS_MINUTES", 60)
# Public forms (inquiry, report): at most this many sends per address and hour.
PUBLIC_FORM_RATE_PER_HOUR = env_int("PUBLIC_FORM_RATE_PER_HOUR", 10)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Personal links' tokens never reach a log (asfportal.core.logfilters).
    # A database outage is one line a minute, not a traceback per request
    # (asfportal.core.outage).
    "filters": {
        "redact_tokens": {"()": "asfportal.core.logfilters.RedactTokens"},
        "quiet_outages": {"()": "asfportal.core.outage.QuietOutages"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_tokens"]},
    },
    "loggers": {
        "django.request": {"filters": ["redact_tokens", "quiet_outages"]},
        "django.db.models": {"filters": ["quiet_outages"]},
        "django.server": {
            "handlers": ["console"],
            "filters": ["redact_tokens"],
            "propagate": False,
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
