"""Random and hostile content either builds safely or fails with a clear error.

Never a traceback, never markup or script from content in a page, feed or attribute.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import feedparser
import icalendar
import pytest
from conftest import ROOT, build
from content_model.errors import ContentValidationError
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import html

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "</script><script>alert(1)</script>",
    "{{ 7*7 }}{% raw %}",
    "%(title)s %s",
    "]]><!--",
    "&amp;&lt;&#x3C;",
    "\u202eevil\u202c",
    "\ufeffBOM",
    "Åsnen – älg & öl",
    "x" * 5000,
    "<style>*{display:none}</style>",
    "[klick](javascript:alert(1))",
    "![](x)",
    "# Rubrik",
    "\x07bell",
]
MARKDOWN = [
    "## Rubrik <b>fet</b>",
    "- punkt <i>\n- punkt två",
    "| a | <script>x</script> |\n| --- | --- |\n| 1 | 2 |",
    "`<script>kod</script>`",
    "[länk](https://example.org/?a=1&b=<2>)",
    "*kursiv* **fet** & < >",
    '## Rubrik {: onclick="alert(1)" }',
    "Stycke {: onmouseover=alert(1) }",
]
ERROR_LINE = re.compile(r"^content/\S+:\d+: [\w-]+: .+ — .+$", re.S)
text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=80))
BASE_EVENT = {
    "key": "fest",
    "title": "Fest",
    "summary": "En fest.",
    "start": "2027-06-05 18:00",
    "venue": "Torget",
    "municipality": "vaxjo",
    "category": "festival",
    "price": "free",
    "organizer": "Föreningen",
}


@st.composite
def content_file(draw) -> bytes:
    fields = dict(BASE_EVENT)
    for name in draw(
        st.sets(st.sampled_from(["title", "summary", "venue", "organizer"]))
    ):
        fields[name] = draw(text)
    if draw(st.integers(0, 4)) == 0:
        for name in draw(st.sets(st.sampled_from(list(BASE_EVENT)), max_size=2)):
            fields.pop(name)  # missing fields
    lines = [f"{name}: {value}" for name, value in fields.items()]
    if draw(st.integers(0, 4)) == 0:
        lines.insert(1, lines[draw(st.integers(0, len(lines) - 1))])  # a duplicate
    body = "\n\n".join(
        draw(st.lists(st.one_of(text, st.sampled_from(MARKDOWN)), max_size=4))
    )
    document = "\n".join(lines) + "\n\n" + body + "\n"
    if draw(st.booleans()):
        document = document.replace("\n", "\r\n")
    data = document.encode("utf-8", errors="surrogatepass")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    if draw(st.integers(0, 9)) == 0:
        data += b"\xff\xfe invalid"
    return data


@pytest.fixture(scope="module")
def pages_to_validate(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-pages")
    yield folder
    # One Nu Html Checker run over every page the examples produced.
    jar = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
    run = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--skip-non-html", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr[:3000]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=content_file())
def test_hostile_event_builds_safely_or_fails_clearly(
    data, tmp_path_factory, pages_to_validate
):
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    (content / "events/sv").mkdir(parents=True)
    (content / "events/sv/fest.md").write_bytes(data)
    try:
        output = build(content, root / "output")
    except ContentValidationError as failure:
        event("rejected with a clear error")
        assert failure.errors
        for error in failure.errors:
            assert ERROR_LINE.match(str(error)), str(error)
        assert not (root / "output").exists()
        return
    event("built")
    page = (output / "evenemang/fest/index.html").read_text(encoding="utf-8")
    shutil.copyfile(
        output / "evenemang/fest/index.html",
        pages_to_validate / f"{uuid.uuid4().hex}.html",
    )
    assert_no_markup_from_content(page)
    for path in output.rglob("*.html"):
        if path.parent.name != "widgets":  # the iframe frame: no content of its own
            assert_no_markup_from_content(path.read_text(encoding="utf-8"))
    for path in output.glob("feeds/sv/events.*"):
        check_feed(path)


def assert_no_markup_from_content(page: str) -> None:
    tree = html.fromstring(page)
    for script in tree.xpath("//script"):
        if script.get("src"):  # our own files only, never anything inline from content
            own = ("/widgets/", "/assets/js/")  # widget and search scripts
            assert script.get("src").startswith(own) and not script.text
            continue
        assert script.get("type") == "application/ld+json"
        json.loads(script.text)
        assert "<" not in script.text
    assert not tree.xpath("//style | //iframe | //object | //embed")
    for element in tree.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (name, value)
            if name in ("href", "src"):
                assert not value.strip().lower().startswith("javascript:"), value


def check_feed(path: Path) -> None:
    data = path.read_bytes()
    if path.suffix in (".atom", ".rss"):
        assert not feedparser.parse(data).bozo, path
    elif path.suffix == ".ics":
        calendar = icalendar.Calendar.from_ical(data)
        assert all(not e.errors for e in calendar.walk("VEVENT"))
    else:
        json.loads(data)


@pytest.mark.parametrize("markdown", MARKDOWN)
def test_bodies_cannot_add_markup_or_attributes(markdown):
    """The configured converter: no raw HTML, no attribute syntax (attr_list is off)."""
    from content_model.bodies import BodyConverter
    from content_model.settings import DEFAULTS

    converted = BodyConverter(DEFAULTS["markdown_extensions"]).convert(markdown)
    assert_no_markup_from_content(f"<div>{converted}</div>")
    assert "<b>" not in converted and "<script>" not in converted
