"""Harvesting another portal's HSDS 3.0 API into draft enterprises:
``client`` (HTTP with limits), ``mapping`` (HSDS objects to our fields; pure)
and ``run`` (paging, per-record outcomes). ``manage.py harvest_hsds`` runs it."""
