"""What an output file is made from, as one digest: equal digests, equal bytes.

Pure of Pelican. Objects that carry a precomputed `fingerprint` (content entries) stand
for themselves by it; dataclasses are walked field by field; anything else unknown is an
error, so a new kind of template input cannot silently go unnoticed.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from pathlib import PurePath
from typing import Any

ATOMS = (str, int, float, bool, type(None), date, datetime, time, timedelta, Decimal)
EXACT_ATOMS = frozenset(ATOMS)


class UnknownInput(TypeError):
    """A value the walker does not know how to digest."""


class Fingerprinter:
    """Digests values; dataclass instances are digested once per build (by identity)."""

    def __init__(self, salt: str = ""):
        self.salt = salt
        self._memo: dict[int, tuple[Any, str]] = {}

    def __call__(self, value: Any) -> str:
        digest = hashlib.blake2b(self.salt.encode(), digest_size=16)
        digest.update(self.token(value).encode())
        return digest.hexdigest()

    def token(self, value: Any) -> str:
        kind = type(value)
        # The common cases first, by exact type (ABC checks are slow, and this runs a
        # million times on a large site); subclasses take the general path below.
        if kind is str:
            return repr(value)
        if kind is dict or kind is list or kind is tuple:
            return self.remembered(value, self.container_token)
        if kind in EXACT_ATOMS:
            return f"{kind.__name__}:{value!r}"
        if isinstance(value, ATOMS):
            return f"{type(value).__name__}:{value!r}"
        known = getattr(value, "fingerprint", None)
        if isinstance(known, str):
            if not known:
                raise UnknownInput(f"{value!r:.80} has no fingerprint yet")
            return "fp:" + known
        if isinstance(value, Enum | PurePath):
            return repr(value)
        if isinstance(value, Mapping | list | tuple | set | frozenset):
            return self.remembered(value, self.container_token)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self.remembered(value, self.dataclass_token)
        if callable(value):
            # Code is covered by the salt (every plugin and template file).
            name = getattr(value, "__qualname__", type(value).__qualname__)
            return f"fn:{getattr(value, '__module__', '')}.{name}"
        raise UnknownInput(
            f"cannot fingerprint a {type(value).__module__}.{type(value).__qualname__}: "
            "give it a `fingerprint` string or make it a dataclass"
        )

    def remembered(self, value: Any, tokenize) -> str:
        """Objects shared by many files (a card, a footer) are walked once per build.

        Safe because nothing changes planned pages once rendering starts.
        """
        memo = self._memo.get(id(value))
        if memo is not None and memo[0] is value:
            return memo[1]
        token = tokenize(value)
        if len(token) > 48:  # short tokens for long values
            token = "h:" + hashlib.blake2b(token.encode(), digest_size=12).hexdigest()
        self._memo[id(value)] = (value, token)
        return token

    def container_token(self, value: Any) -> str:
        token = self.token
        if type(value) is dict or isinstance(value, Mapping):
            # In insertion order: the same code builds the same dict the same way.
            return (
                "{" + ",".join(f"{token(k)}={token(v)}" for k, v in value.items()) + "}"
            )
        if isinstance(value, list | tuple):
            return "[" + ",".join([token(v) for v in value]) + "]"
        return "<" + ",".join(sorted(self.token(v) for v in value)) + ">"

    def dataclass_token(self, value: Any) -> str:
        fields = (
            f"{f.name}={self.token(getattr(value, f.name))}"
            for f in dataclasses.fields(value)
            if f.compare or f.repr
        )
        return f"{type(value).__qualname__}(" + ",".join(fields) + ")"


def lenient_token(fingerprinter: Fingerprinter, value: Any) -> str:
    """For settings-like values: unknown objects count by their type only."""
    try:
        return fingerprinter.token(value)
    except UnknownInput:
        return "obj:" + type(value).__qualname__


def files_digest(paths: Iterable[PurePath]) -> str:
    """Names and bytes of files (templates, plugin code, catalogs) as one digest."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(paths):
        digest.update(str(path).encode() + b"\0")
        with open(path, "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()
