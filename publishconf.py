"""Publish settings: absolute URLs for the public site; the target comes from the environment."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

if not os.environ.get("SITE_URL"):
    raise SystemExit(
        "publishconf: set SITE_URL to the public address, e.g. https://example.org"
    )
SITEURL = os.environ["SITE_URL"].rstrip("/")
# rsync destination, e.g. deploy@host:/var/www/site — never committed.
PUBLISH_TARGET = os.environ.get("PUBLISH_TARGET", "")
