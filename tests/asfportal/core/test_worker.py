"""asfportal.core.worker: the task worker outlives a database outage."""

import logging

import pytest
from django.db import OperationalError, connection
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from asfportal.core.mail import deliver_mail
from asfportal.core.worker import RecoveringWorker
from tests.tasks import WORKER_OPTIONS


@pytest.mark.django_db(transaction=True)
def test_the_worker_waits_out_a_database_outage_and_then_runs_the_queue(caplog):
    deliver_mail.enqueue(999_999)  # a mail that no longer exists: the task just ends
    refused = []

    def refuse_the_first(execute, sql, params, many, context):
        if not refused:
            refused.append(sql)
            raise OperationalError("the database system is shutting down")
        return execute(sql, params, many, context)

    worker = RecoveringWorker(**WORKER_OPTIONS)
    with caplog.at_level(logging.WARNING), connection.execute_wrapper(refuse_the_first):
        worker.run()

    assert refused  # the outage happened, and the worker did not stop at it
    assert DBTaskResult.objects.get().status != TaskResultStatus.READY
    warnings = [r.getMessage() for r in caplog.records if "worker waits" in r.getMessage()]
    assert warnings == [
        "The database is unavailable; the worker waits and tries again: "
        "the database system is shutting down"
    ]
