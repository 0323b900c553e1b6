"""Build registry/data/localities.csv from the demo data.

Run once after changing the demo areas: ``.venv/bin/python scripts/build_demo_localities.py``.
A postal code's centre is the mean position of the demo enterprises in the
municipality's districts that have it, else the centre of a district.
"""

import csv
import datetime
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = """\
# The demo municipality's areas, its towns and its postal-code areas with centre points,
# built from the demo data by scripts/build_demo_localities.py. Fictional, like
# Exempelkommunen; public domain (CC0). A real deployment adds the national
# postal-code areas with `manage.py load_localities SE.txt` (GeoNames, CC BY 4.0);
# see docs/localities.md.
"""


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asfportal.settings")
    os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()
    from registry.demo import AREAS, _enterprise_specs
    from registry.models import Area

    districts = {name: (lat, lon) for name, kind, lat, lon in AREAS if kind == Area.Kind.DISTRICT}
    by_code: dict[str, list[tuple[float, float]]] = {}
    for spec in _enterprise_specs(datetime.date(2026, 12, 6)):
        if spec["area"] in districts:
            code = spec["postal_code"].replace(" ", "")
            by_code.setdefault(code, []).append((float(spec["latitude"]), float(spec["longitude"])))
    rows = [
        ("area" if kind == Area.Kind.DISTRICT else "town", name, "", lat, lon)
        for name, kind, lat, lon in AREAS
    ]
    centres = list(districts.values())
    town = (statistics.mean(p[0] for p in centres), statistics.mean(p[1] for p in centres))
    rows.append(("town", "Exempelkommunen", "", *town))
    for code in range(13630, 13680):
        points = by_code.get(str(code)) or [centres[(code - 13630) % len(centres)]]
        lat, lon = statistics.mean(p[0] for p in points), statistics.mean(p[1] for p in points)
        rows.append(("postal_code", "Exempelkommunen", str(code), lat, lon))
    with open(ROOT / "registry" / "data" / "localities.csv", "w", newline="") as file:
        file.write(HEADER)
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["kind", "name", "postal_code", "latitude", "longitude"])
        writer.writerows((*row[:3], f"{row[3]:.4f}", f"{row[4]:.4f}") for row in rows)
    print(f"{len(rows)} places")


if __name__ == "__main__":
    main()
