"""Publish settings: absolute URLs for the public site; the target comes from the environment."""

import os
import sys
from urllib.parse import urlsplit

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

if not os.environ.get("SITE_URL"):
    raise SystemExit(
        "publishconf: set SITE_URL to the public address, e.g. https://example.org"
    )
SITEURL = os.environ["SITE_URL"].rstrip("/")
if urlsplit(SITEURL).path not in ("", "/") or urlsplit(SITEURL).scheme != "https":
    # Links, styles and images are root-relative (/en/…, /assets/…): the site must be
    # served at the root of its own host.
    raise SystemExit(f"publishconf: SITE_URL={SITEURL!r} must be https://host, no path")
# The feedback address the accessibility statement must give (DOS-lagen): required.
if "@" not in os.environ.get("CONTACT_EMAIL", ""):
    raise SystemExit("publishconf: set CONTACT_EMAIL to the editorial team's address")
CONTACT_EMAIL = os.environ["CONTACT_EMAIL"]
# Optional: without them the contact page gives the e-mail address only.
CONTACT_PHONE = os.environ.get("CONTACT_PHONE", "")
CONTACT_ADDRESS = os.environ.get("CONTACT_ADDRESS", "")
CONTACT_EXAMPLE = False
# rsync destination, e.g. deploy@host:/var/www/site — never committed.
PUBLISH_TARGET = os.environ.get("PUBLISH_TARGET", "")
# Published builds carry file.gz and file.br beside every text file (nginx serves them).
PRECOMPRESS = {**PRECOMPRESS, "enabled": True}  # noqa: F405
