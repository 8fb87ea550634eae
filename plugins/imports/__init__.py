"""Partners' calendars into our content: `./dev import` (run.py).

Not a Pelican plugin: it runs before a build and writes ordinary event files, so that
validation, pages, feeds, widgets and search treat imported events like any other.
The build only credits the source (content_model/sources.py reads the list).
"""
