"""The little of CBOR (RFC 8949) that Pagefind's index files use: unsigned integers,
byte and text strings, arrays, maps, and simple values — read, and written again in
the shortest form, as Pagefind writes them (index.py checks each file round-trips)."""

from __future__ import annotations

import struct
from typing import Any

SIMPLE = {20: False, 21: True, 22: None}


def loads(data: bytes) -> Any:
    value, end = _read(data, 0)
    if end != len(data):
        raise ValueError(f"{len(data) - end} bytes after the CBOR value")
    return value


def _length(data: bytes, pos: int, info: int) -> tuple[int, int]:
    if info < 24:
        return info, pos
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        raise ValueError(f"unsupported CBOR length {info}")
    return int.from_bytes(data[pos : pos + size], "big"), pos + size


def _read(data: bytes, pos: int) -> tuple[Any, int]:
    head = data[pos]
    major, info = head >> 5, head & 0x1F
    pos += 1
    if major == 7:
        if info in SIMPLE:
            return SIMPLE[info], pos
        if info == 27:
            return struct.unpack(">d", data[pos : pos + 8])[0], pos + 8
        raise ValueError(f"unsupported CBOR simple value {info}")
    length, pos = _length(data, pos, info)
    if major == 0:
        return length, pos
    if major == 2:
        return bytes(data[pos : pos + length]), pos + length
    if major == 3:
        return data[pos : pos + length].decode("utf-8"), pos + length
    if major == 4:
        items = []
        for _ in range(length):
            item, pos = _read(data, pos)
            items.append(item)
        return items, pos
    if major == 5:
        pairs = []
        for _ in range(length):
            key, pos = _read(data, pos)
            value, pos = _read(data, pos)
            pairs.append((key, value))
        return dict(pairs), pos
    raise ValueError(f"unsupported CBOR major type {major}")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError("integer too large")


def dumps(value: Any) -> bytes:
    if value is None or isinstance(value, bool):
        return bytes([0xE0 | {False: 20, True: 21, None: 22}[value]])
    if isinstance(value, int) and value >= 0:
        return _head(0, value)
    if isinstance(value, float):
        return b"\xfb" + struct.pack(">d", value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        encoded = value.encode("utf-8")
        return _head(3, len(encoded)) + encoded
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(dumps(v) for v in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(
            dumps(k) + dumps(v) for k, v in value.items()
        )
    raise TypeError(f"cannot write {type(value).__name__} as CBOR")
