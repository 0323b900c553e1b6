"""What ``/healthz?full=1`` reports to an operator: the database, the shared
cache and the task queue, with counts and states only (no addresses, names
or settings)."""

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.models import Count, Min
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from asfportal.core.cache import RedisCache, shared_cache_available


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def cache_state() -> dict:
    """Whether the shared cache answers a write and a read now."""
    cache = caches["default"]
    if not isinstance(cache, RedisCache):
        return {"kind": "per process", "status": "ok"}
    cache.set("healthz:ping", "1", timeout=10)
    answered = cache.get("healthz:ping") == "1" and shared_cache_available()
    return {"kind": "redis", "status": "ok" if answered else "unavailable"}


def task_queue() -> dict:
    """The tasks waiting, running and failed, and how long the oldest task
    that is due has waited (a worker that is down shows here first)."""
    now = timezone.now()
    counts = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("id")).order_by())
    oldest = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, run_after__lte=now
    ).aggregate(at=Min("run_after"))["at"]
    return {
        "ready": counts.get(TaskResultStatus.READY, 0),
        "running": counts.get(TaskResultStatus.RUNNING, 0),
        "failed": counts.get(TaskResultStatus.FAILED, 0),
        "oldest_due_seconds": round((now - oldest).total_seconds()) if oldest else 0,
        "backend": settings.TASKS["default"]["BACKEND"].rsplit(".", 1)[-1],
    }
