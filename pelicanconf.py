"""Development settings: `invoke build` / `invoke serve` use these."""

SITENAME = "Destination Småland – Kronoberg"
SITEURL = "http://127.0.0.1:8000"  # absolute base for canonical, hreflang and sitemap
TIMEZONE = "Europe/Stockholm"
# How people reach the company: the contact page and the accessibility statement show it
# (DOS-lagen requires a way to report accessibility problems). publishconf.py takes the real
# values from the environment (CONTACT_EMAIL required, CONTACT_PHONE and CONTACT_ADDRESS
# optional); the preview shows these made-up ones, marked as examples on the page.
CONTACT_EMAIL = "redaktionen@example.org"
CONTACT_PHONE = "+46 470 00 00 00"
CONTACT_ADDRESS = "Exempelgatan 1, 352 30 Växjö"
CONTACT_EXAMPLE = True

PATH = "content"
THEME = "theme"
OUTPUT_PATH = "output"

# Pelican's own command (`pelican content -s pelicanconf.py -o output`) builds with the
# project's readable errors; `pelican -r` points to ./dev livereload (sitetools/command.py).
PELICAN_CLASS = "sitetools.ProjectPelican"

PLUGIN_PATHS = ["plugins"]
# Order matters: settings first, then content, then what reads the planned pages.
PLUGINS = [
    "builddate",
    "i18n",
    "assets",
    "content_model",
    "images",
    "events",
    "browse",
    "places",
    "feeds",
    "widgets",
    "search",  # its index is made after atomic_output has put the site in place
    "sitemap",
    "redirects",  # after every generator has planned its pages
    "render",  # after every generator: makes the queued pages and feeds
    "precompress",  # before atomic_output: compresses the staging folder before the swap
    "atomic_output",
]

# The site's languages, the first is the default (served at /). Adding one is this
# list plus a catalog: `invoke i18n-init --lang fi`.
I18N = {
    "languages": ("sv", "en", "de", "da", "nl"),
}

# Per type: show untranslated items in their source language ("show") or leave them
# out of that language's listings ("hide").
CONTENT = {
    "fallback": {
        "destinations": "show",
        "events": "show",
        "activities": "show",
        "packages": "show",
        "stories": "show",
        "pages": "show",
        "municipalities": "show",
    },
}

# Our content_model plugin reads content/<type>/<lang>/*.md itself; Pelican's own article and
# page readers and their listings stay off.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS: list[str] = []
DIRECT_TEMPLATES: list[str] = []
STATIC_PATHS: list[str] = []  # images are written by the images plugin
# The assets plugin publishes theme/static/ under content-hashed names (/assets/…);
# Pelican's own copy would add unhashed ones.
THEME_STATIC_PATHS: list[str] = []
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
ARCHIVES_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAGS_SAVE_AS = ""
INDEX_SAVE_AS = ""

JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    # Templates cannot change during a build (each build makes a new environment):
    # no stat() of every template file on every page.
    "auto_reload": False,
}

DELETE_OUTPUT_DIRECTORY = False  # atomic_output builds into a fresh folder and swaps
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# The editors' status page /_status/ (stale translations, drafts): `./dev serve` and
# `./dev livereload` turn it on; builds for publishing never have it.
CONTENT_STATUS_PAGE = False

# file.gz and file.br beside every text file, for nginx's gzip_static/brotli_static. Off
# here so the preview (`./dev serve`, `./dev livereload`) rebuilds fast; publishconf.py
# and `./dev check` turn it on (plugins/precompress/README.md).
PRECOMPRESS = {"enabled": False}

# Search (plugins/search): Pagefind indexes each finished build, one index per language;
# "background" (livereload) after the reload, "off" to build without it.
SEARCH = {"index": "now"}
