"""The task worker as this site runs it: django-tasks-db's worker, plus the
recovery of tasks whose worker died.

django-tasks-db claims a task by marking it RUNNING; a worker killed during a
task (SIGKILL, a machine lost) leaves it RUNNING for ever. ``RecoveringWorker``
puts such tasks back in the queue once they have been running longer than
``TASK_RUNNING_LEASE_SECONDS``, when it starts and every minute while it runs.
Our tasks are mail deliveries, bounded by EMAIL_TIMEOUT, so a task older than
the lease belongs to a dead worker. Several workers can run at once: each
claims a task with SELECT … FOR UPDATE SKIP LOCKED (PostgreSQL) or an
exclusive transaction (SQLite).
"""

import datetime
import logging
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

RECOVERY_EVERY_SECONDS = 60


def requeue_interrupted_tasks(*, now: datetime.datetime | None = None) -> int:
    """Put tasks left RUNNING by a dead worker back in the queue; how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(
        seconds=settings.TASK_RUNNING_LEASE_SECONDS
    )
    count = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY, started_at=None)
    if count:
        logger.warning("Requeued %d task(s) interrupted by a worker that stopped", count)
    return count


class _QuietBatches(logging.Filter):
    """Each batch would log its start and its end; the worker logs once."""

    def __init__(self):
        super().__init__()
        self.started = False

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        if message.startswith("No more tasks to run"):
            return False
        if message.startswith("Starting worker"):
            seen, self.started = self.started, True
            return not seen
        return True


class RecoveringWorker(Worker):
    """Runs the queue in batches; between batches, recovers interrupted tasks."""

    def run(self) -> None:
        logging.getLogger("django_tasks_db").addFilter(_QuietBatches())
        once = self.batch
        self.batch = True
        last_recovery = -RECOVERY_EVERY_SECONDS
        while self.running:
            try:
                if time.monotonic() - last_recovery >= RECOVERY_EVERY_SECONDS:
                    requeue_interrupted_tasks()
                    last_recovery = time.monotonic()
                super().run()  # every ready task, then back here
            except (OperationalError, InterfaceError) as error:
                # The database went away (a restart, a failover): wait and try
                # again. A task it was running is RUNNING and will be requeued.
                self._database_away(error)
                continue
            self.startup_delay = False
            if once or (self.max_tasks is not None and self._run_tasks >= self.max_tasks):
                return
            if self.running:
                time.sleep(self.interval)

    _warned_at = float("-inf")

    def _database_away(self, error: Exception) -> None:
        connections.close_all()
        now = time.monotonic()
        if now - self._warned_at >= 60:
            self._warned_at = now
            logger.warning(
                "The database is unavailable; the worker waits and tries again: %s",
                str(error).strip().splitlines()[0],
            )
        time.sleep(max(self.interval, 1))
