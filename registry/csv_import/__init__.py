"""The advisors' CSV import of enterprises, as pure functions (no database):
``reading`` turns an uploaded file into rows or refuses it whole, ``rows``
checks each row against what the registry holds. The dry run that reads the
registry is ``registry.selectors.imports.import_check``; the write that creates
every row or none is ``registry.services.imports.import_apply``."""
