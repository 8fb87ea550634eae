"""Command-line side of the site (build, check, scaffold); used by tasks.py, not by Pelican."""
