"""Run the task queue inside a test, as ``manage.py run_worker`` would.

Mail is queued in the transaction of the change that causes it and sent by the
worker; a test that checks a mail first lets the worker run. This uses the
worker's own ``run_task`` on the test's database connection (the worker's loop
would close the connection the test's transaction lives on).
"""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

# A worker that runs what is ready now, once, at once.
WORKER_OPTIONS = {
    "queue_names": ["*"],
    "interval": 0,
    "batch": True,
    "backend_name": "default",
    "startup_delay": False,
    "max_tasks": None,
    "worker_id": "test-worker",
    "excluded_queue_names": [],
}


def run_tasks(limit: int = 100) -> int:
    """Run every task that is ready now; how many ran."""
    worker = Worker(**WORKER_OPTIONS)
    ran = 0
    while ran < limit and (task := DBTaskResult.objects.ready().first()) is not None:
        task.claim(worker.worker_id)
        worker.run_task(task)
        ran += 1
    return ran
