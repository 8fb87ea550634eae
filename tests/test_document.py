"""Splitting a content file into header fields and body, keeping line numbers."""

from __future__ import annotations

from content_model.document import decode, parse_document


def test_fields_lines_and_body():
    doc = parse_document(
        "key: a\nTitle: Hej\nincludes: Ett\n    Två\n    Tre\n\nBrödtext\n", "x.md"
    )
    assert {n: (r.line, r.lines) for n, r in doc.fields.items()} == {
        "key": (1, ["a"]),
        "title": (2, ["Hej"]),
        "includes": (3, ["Ett", "Två", "Tre"]),
    }
    assert doc.body == "Brödtext\n"
    assert doc.body_line == 7
    assert doc.errors == []


def test_crlf_and_bom_read_like_plain_text():
    text, errors = decode("\ufeffkey: a\r\ntitle: Å\r\n\r\nText\r\n".encode(), "x.md")
    doc = parse_document(text, "x.md")
    assert errors == [] and doc.fields["title"].text == "Å"
    assert doc.body == "Text\n"


def test_unreadable_line_and_control_character_are_errors():
    doc = parse_document("key: a\nthis is not a field\ntitle: A\x07B\n\nx", "x.md")
    assert [(e.line, e.field) for e in doc.errors] == [(2, "header"), (3, "file")]
    assert doc.fields["title"].text == "AB"


def test_invalid_utf8_names_its_line():
    _text, errors = decode(b"key: a\ntitle: \xff\n", "x.md")
    assert [str(e) for e in errors] == [
        "x.md:2: file: is not valid UTF-8 text — save the file as UTF-8 (every "
        "modern editor offers it)"
    ]
