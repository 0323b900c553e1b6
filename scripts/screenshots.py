"""Take full-page screenshots of the main pages, desktop and phone width.

Usage: .venv/bin/python scripts/screenshots.py [base-url] [out-dir]
Needs a running server (make run) and Chromium at $CHROMIUM (default /usr/bin/chromium).
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {
    "start": "/",
    "directory": "/foretag/",
    "directory-filtered": "/foretag/?q=kafé&erbjudande=arbetstraning",
    "profile": "/foretag/kafe-kornet-ab/",
    "partners": "/partner/",
    "partner": "/partner/start-up-stockholm/",
    "accessibility": "/tillganglighet/",
    "en-directory": "/en/foretag/",
    "not-found": "/finns-inte/",
}
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "test-artifacts/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
        for size_name, viewport in SIZES.items():
            page = browser.new_page(viewport=viewport)
            for name, path in PAGES.items():
                page.goto(base + path)
                page.screenshot(path=out / f"{name}-{size_name}.png", full_page=True)
            page.close()
        browser.close()
    print(f"Screenshots in {out}/")


if __name__ == "__main__":
    main()
