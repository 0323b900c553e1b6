"""The names of the two staff groups. The groups themselves, with their exact
permissions, are made by ``asfportal/migrations/0001_staff_groups.py``, which
keeps its own frozen copy of these names as migrations do."""

ADVISOR_GROUP = "Rådgivare"
EDITOR_GROUP = "Redaktör"
