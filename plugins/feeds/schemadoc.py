"""The developer page's field tables, read from the published JSON Schemas.

Each row is one field (`events[].municipality.id`) with its type, whether it is always
there, and the schema's description: the page cannot drift from the files it documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Field:
    path: str
    type: str
    required: bool
    description: str


def resolve(schema: dict, node: dict) -> dict:
    """Follow a local $ref (#/$defs/…), keeping the referring node's description."""
    if "$ref" not in node:
        return node
    name = node["$ref"].removeprefix("#/$defs/")
    target = schema["$defs"][name]
    target = resolve(schema, target)
    if "description" in node:
        return {**target, "description": node["description"]}
    return target


def type_of(schema: dict, node: dict) -> str:
    node = resolve(schema, node)
    if "const" in node:
        return f"{node['const']!r}".replace("'", '"')
    if "enum" in node:
        return " | ".join(f'"{v}"' for v in node["enum"])
    if "oneOf" in node:
        return " | ".join(type_of(schema, option) for option in node["oneOf"])
    kind = node.get("type", "any")
    if isinstance(kind, list):
        return " | ".join(kind)
    if kind == "string" and node.get("format"):
        return f"string ({node['format']})"
    if kind == "array":
        return f"array of {type_of(schema, node.get('items', {}))}"
    if kind == "object" and "additionalProperties" in node:
        return f"object of {type_of(schema, node['additionalProperties'])}"
    return kind


def object_of(schema: dict, node: dict) -> dict | None:
    """The object a field holds (itself, its items, or its one non-null option)."""
    node = resolve(schema, node)
    if node.get("type") == "array":
        return object_of(schema, node.get("items", {}))
    options = [resolve(schema, o) for o in node.get("oneOf", [])]
    objects = [o for o in options if o.get("type") == "object"]
    if len(objects) == 1:
        return objects[0]
    return node if node.get("properties") else None


def fields(schema: dict, node: dict | None = None, prefix: str = "") -> list[Field]:
    """Every documented field, depth first, in the schema's order."""
    node = resolve(schema, node or schema)
    required = set(node.get("required", []))
    found: list[Field] = []
    for name, child in node.get("properties", {}).items():
        if name == "$schema":
            continue
        resolved = resolve(schema, child)
        is_array = resolved.get("type") == "array"
        path = f"{prefix}{name}"
        found.append(
            Field(
                path,
                type_of(schema, child),
                name in required,
                resolved.get("description", ""),
            )
        )
        inner = object_of(schema, child)
        if inner is not None and inner.get("properties"):
            found += fields(schema, inner, f"{path}{'[]' if is_array else ''}.")
    return found


def summary(schema: dict[str, Any]) -> tuple[str, str]:
    return schema.get("title", ""), schema.get("description", "")
