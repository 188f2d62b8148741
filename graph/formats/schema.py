"""A JSON Schema (draft 2020-12) of the YAML data files, for editors.

Generated from :mod:`graph.vocab` and :data:`graph.model.FIELDS` -- the same
vocabulary the validator reads -- so that an editor with a YAML language
server (VS Code's YAML extension, JetBrains IDEs, Neovim...) completes field
names, relation types, modes, modalities, contexts and kinds, shows what each
means, and flags a wrong type or an unknown field while the analyst types.
Each data file points at it with a first line such as::

    # yaml-language-server: $schema=../../schema/actorgraph.schema.json

The committed copy is ``schema/actorgraph.schema.json``; regenerate it with
``actorgraph export --format json-schema -o schema/actorgraph.schema.json``
(the data is not used) or ``python -m graph.formats.schema``. A test fails
when it is out of date.

The schema is a helper, not the validator: it checks shapes and the
vocabulary (including the modes allowed for each type), while
``actorgraph validate`` also checks what a schema cannot (ids referring to
entities and sources that exist, unique ids, quotes verbatim in the stored
text, real dates). It accepts what the validator accepts: a text field may
be written as a plain number (``id: 2021``, ``when: 2025``), a list of one
item may be written as the item (``aliases: US``).

Examples
--------
>>> import jsonschema
>>> s = json_schema()
>>> s["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> v = jsonschema.Draft202012Validator(s)
>>> ok = {"entities": [{"id": "PAK", "name": "Pakistan", "kind": "state"}]}
>>> v.is_valid(ok), v.is_valid({"entities": [{"id": "PAK", "name": "Pakistan", "kind": "country"}]})
(True, False)
>>> v.is_valid({"entities": [{"id": "PAK", "name": "Pakistan", "kind": "state", "colour": "red"}]})
False
"""

from __future__ import annotations

import json
import os

from ..model import FIELDS
from ..vocab import CONTEXTS, ENTITY_KINDS, MODALITIES, POLARITY_RANGE, RELATION_TYPES, SOURCE_KINDS
from ..when import FORMATS as WHEN_FORMATS

__all__ = ["json_schema", "json_schema_text", "SCHEMA_PATH", "write_schema"]

SCHEMA_PATH = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "schema", "actorgraph.schema.json"
)
"""Where the committed schema lives in the repository."""

_ID = r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"
_CODE_KEY = r"^[A-Za-z][A-Za-z0-9_]*$"  # a code name: a word of ASCII letters, digits and _ (as the validator)
_NOT_BLANK = r"\S"  # text the validator requires not to be empty or only spaces
_POINT = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
_WHEN = rf"^\s*({_POINT}|{_POINT}\s*\.\.\s*({_POINT})?|\.\.\s*{_POINT})\s*$"


def _enum(values: dict, description: str) -> dict:
    """An enum whose values carry descriptions (shown by editors on completion)."""
    return {"description": description, "enum": list(values), "markdownEnumDescriptions": list(values.values())}


def _text(description, **extra):
    return {"description": description, "type": ["string", "number", "boolean"], **extra}


def _ref_text(description):
    return {"description": description, "type": ["string", "number"]}


def _when(description):
    return {
        "description": f"{description} Write {WHEN_FORMATS}.",
        "anyOf": [{"type": "string", "pattern": _WHEN}, {"type": "integer", "minimum": 1, "maximum": 9999}],
    }


def _list_or_one(item, description):
    return {"description": description, "anyOf": [item, {"type": "array", "items": item}]}


_EXTEND = {
    "description": "true: this record adds to the record of the same id in another file (aliases, "
    "codes and a missing description of an entity; evidence of a relation).",
    "const": True,
}


def _extension_rule(required):
    """Required fields, except in an extension (which needs only its id)."""
    return {
        "if": {"properties": {"extend": {"const": True}}, "required": ["extend"]},
        "then": {"required": ["id"]},
        "else": {"required": required},
    }


def _id(description):
    return {
        "description": description,
        "anyOf": [{"type": "string", "pattern": _ID}, {"type": "integer", "minimum": 0}],
    }


def _source() -> dict:
    return {
        "type": "object",
        "description": "A document that states things.",
        "required": ["id"],
        "additionalProperties": False,
        "properties": {
            "id": _id("Stable id of the source, unique across all files."),
            "title": _text("The document's title."),
            "kind": _enum(SOURCE_KINDS, "What sort of document it is."),
            "published": _when("When it was published (a date or year, may be approximate)."),
            "author": _text("The author, where known."),
            "outlet": _text("The outlet (newspaper, site...), where known."),
            "url": {
                "description": "A web address starting with http:// or https://.",
                "type": "string",
                "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://\S+$",
            },
            "perspective": _text("Whose view the document carries."),
            "text": _text(
                "Path to the stored full text (relative to this YAML file, inside the data folder); "
                "quotes are checked against it."
            ),
            "note": _text("A note on the source, e.g. that the stored text is a partial excerpt."),
        },
    }


def _entity() -> dict:
    return {
        "type": "object",
        "description": "An actor (state, movement, office, person...) or a thing claims are about.",
        "required": ["id", "name", "kind"],
        "additionalProperties": False,
        "properties": {
            "id": _id("Short stable id, e.g. the ISO 3166 alpha-3 code for a state (PAK, USA)."),
            "name": _text("The usual name (not blank).", minLength=1, pattern=_NOT_BLANK),
            "kind": _enum(ENTITY_KINDS, "What sort of entity it is."),
            "aliases": _list_or_one(
                {"type": ["string", "number", "boolean"]}, "Every other name a text uses for it (US, Washington...)."
            ),
            "codes": {
                "description": "Codes in other systems: wikidata (a QID such as Q843), iso3, cameo...",
                "type": "object",
                "properties": {
                    "wikidata": {
                        "type": "string",
                        "pattern": "^Q[1-9][0-9]*$",
                        "description": "A Wikidata item id such as Q843; leave it out rather than guess.",
                    },
                    "iso3": {"type": ["string", "number"]},
                    "cameo": {"type": ["string", "number"]},
                },
                "propertyNames": {"pattern": _CODE_KEY},
                "additionalProperties": {"type": ["string", "number", "boolean"]},
            },
            "part_of": _ref_text("The id of the entity it belongs to (an office belongs to its state)."),
            "description": _text("A short description."),
            "extend": _EXTEND,
        },
        **_extension_rule(["id", "name", "kind"]),
    }


def _evidence() -> dict:
    return {
        "type": "object",
        "description": "A verbatim quote from a text source that states the relation, or the record (event "
        "id or URL) of a dataset source it was read from.",
        "required": ["source"],
        "anyOf": [{"required": ["quote"]}, {"required": ["record"]}],
        "additionalProperties": False,
        "properties": {
            "source": _ref_text("The id of the source."),
            "quote": {
                "description": "The source's own words, verbatim (not blank).",
                "type": ["string", "number", "boolean"],
                "minLength": 1,
                "pattern": _NOT_BLANK,
            },
            "record": {
                "description": "For a dataset source: the id (or URL) of the event it was read from.",
                "type": ["string", "number"],
                "minLength": 1,
                "pattern": _NOT_BLANK,
            },
        },
    }


def _mode_rules() -> list:
    """One if/then per relation type: the modes it allows (or none)."""
    rules = []
    for name, t in RELATION_TYPES.items():
        cond = {"properties": {"type": {"const": name}}, "required": ["type"]}
        if t.modes:
            then = {"properties": {"mode": {"enum": list(t.modes)}}}
        else:
            then = {"not": {"required": ["mode"]}}
        rules.append({"if": cond, "then": then})
    return rules


def _relation() -> dict:
    types = {name: f"{t.quad}, default polarity {t.polarity:+g}: {t.description}" for name, t in RELATION_TYPES.items()}
    all_modes = sorted({m for t in RELATION_TYPES.values() for m in t.modes})
    lo, hi = POLARITY_RANGE
    return {
        "type": "object",
        "description": "One claim a source makes: subject does type to object.",
        **_extension_rule(["id", "subject", "object", "type", "modality", "evidence"]),
        "additionalProperties": False,
        "properties": {
            "id": _id("Stable id of the claim, unique across all files."),
            "subject": _ref_text("The id of the entity that acts (the doer)."),
            "object": _ref_text("The id of the entity acted upon."),
            "type": _enum(types, "The relation type: a PLOVER event type or a structural tie."),
            "mode": {
                "description": "A refinement of the type; the allowed modes depend on the type.",
                "enum": all_modes,
            },
            "context": _list_or_one(
                _enum(CONTEXTS, "What the claim is about."), "What the claim is about: one context or a list."
            ),
            "polarity": {
                "description": f"Cooperation (+) to conflict (-) on {lo:g}..{hi:+g}; defaults from the type.",
                "type": "number",
                "minimum": lo,
                "maximum": hi,
            },
            "modality": _enum(MODALITIES, "How the source states it."),
            "asserted_by": _list_or_one(
                {"type": ["string", "number"], "pattern": _NOT_BLANK},
                "The id of the entity that makes the claim, or a list of them (each "
                "once); leave it out when it is the source's author.",
            ),
            "when": _when("When the thing happened (not when it was written)."),
            "evidence": {
                "description": "One or more {source, quote}; the quote is verbatim from the source.",
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/$defs/evidence"},
            },
            "attributes": {
                "description": 'Free extra facts, e.g. {value: "$7 billion", count: 650}.',
                "type": "object",
            },
            "note": _text("The analyst's comment."),
            "extend": _EXTEND,
        },
        "allOf": _mode_rules(),
    }


def json_schema() -> dict:
    """The JSON Schema of a data file, as a dict (see the module docs)."""
    source, entity, relation = _source(), _entity(), _relation()
    for kind, d in (("sources", source), ("entities", entity), ("relations", relation)):
        assert tuple(p for p in d["properties"] if p != "extend") == FIELDS[kind], (
            kind
        )  # the schema follows the model's fields
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:actorgraph:data-file",
        "title": "actorgraph data file",
        "description": "Sources, entities and relations (claims with provenance). Generated from graph.vocab and "
        "graph.model by 'actorgraph export --format json-schema'; do not edit by hand.",
        "type": ["object", "null"],
        "additionalProperties": False,
        "properties": {
            "sources": {
                "description": "The documents that state things.",
                "type": ["array", "null"],
                "items": {"$ref": "#/$defs/source"},
            },
            "entities": {
                "description": "Actors, and the things claims are about.",
                "type": ["array", "null"],
                "items": {"$ref": "#/$defs/entity"},
            },
            "relations": {
                "description": "The claims.",
                "type": ["array", "null"],
                "items": {"$ref": "#/$defs/relation"},
            },
        },
        "$defs": {"source": source, "entity": entity, "relation": relation, "evidence": _evidence()},
    }


def json_schema_text(ds=None) -> str:
    """:func:`json_schema` as JSON text (the export format; *ds* is not used)."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def write_schema(path=SCHEMA_PATH):
    """Write the schema to *path* (default: the committed ``schema/actorgraph.schema.json``)."""
    from ..atomic import write_atomic

    write_atomic(path, json_schema_text())
    return path


if __name__ == "__main__":  # python -m graph.formats.schema
    print(write_schema())
