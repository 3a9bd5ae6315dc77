"""Validates OSCAL files with compliance-trestle's models, and what they leave unchecked.

usage: python3 tests/oscal/validate.py FILE.json...
Each file is a catalog or a component definition (its one top-level key says which). Checked:
the schema of trestle's OSCAL models (patterns, required fields, no unknown fields), no UUID
twice (trestle's DuplicatesValidator, which reading a file does not run), no empty array and
every date-time with its time zone (OSCAL's JSON schema demands both; trestle 3.x lets them
pass), no control id twice in a catalog, and every control-id of a component definition present in the catalog its
`source` names (a path relative to the component definition). Exit code 0 when all are valid.
"""
import json
import pathlib
import re
import sys
import urllib.parse

from trestle import __version__ as trestle_version
from trestle.common.err import TrestleError
from trestle.core.duplicates_validator import DuplicatesValidator
from trestle.oscal import OSCAL_VERSION
from trestle.oscal.catalog import Catalog
from trestle.oscal.component import ComponentDefinition

MODELS = {"catalog": Catalog, "component-definition": ComponentDefinition}


def control_ids(node):
    """Every control id in a catalog's JSON; groups and controls nest to any depth."""
    for c in node.get("controls", []):
        yield c["id"]
        yield from control_ids(c)
    for g in node.get("groups", []):
        yield from control_ids(g)


DATETIME_KEYS = {"published", "last-modified", "date-time-stamp"}
ZONE = re.compile(r"(Z|[+-][0-9]{2}:[0-9]{2})$")


def strict_json(node, where="$"):
    """The rules of OSCAL's JSON schema that trestle 3.x does not enforce."""
    if isinstance(node, list):
        assert node, f"{where}: an empty array"
        for i, item in enumerate(node):
            strict_json(item, f"{where}[{i}]")
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in DATETIME_KEYS:
                assert ZONE.search(value), f"{where}.{key}: no time zone in {value!r}"
            strict_json(value, f"{where}.{key}")


def check(path):
    document = json.loads(path.read_text(encoding="utf-8"))
    strict_json(document)
    top = next(iter(document))
    model = MODELS[top].oscal_read(path)
    assert DuplicatesValidator().model_is_valid(model, quiet=False), "a UUID appears twice"
    if top == "catalog":
        ids = list(control_ids(json.loads(path.read_text(encoding="utf-8"))["catalog"]))
        twice = sorted({i for i in ids if ids.count(i) > 1})
        assert not twice, f"control ids appear twice: {twice}"
        return
    for component in model.components or []:
        for ci in component.control_implementations or []:
            # `source` is a URI reference: a relative path, percent-encoded.
            target = path.parent / urllib.parse.unquote(ci.source)
            catalog = json.loads(target.read_text(encoding="utf-8"))["catalog"]
            known = set(control_ids(catalog))
            missing = [r.control_id for r in ci.implemented_requirements if r.control_id not in known]
            assert not missing, f"{ci.source}: unknown control-ids {missing}"


def main(paths):
    print(f"compliance-trestle {trestle_version}, OSCAL {OSCAL_VERSION} models")
    bad = 0
    for path in map(pathlib.Path, paths):
        try:
            check(path)
            print(f"VALID   {path}")
        except (TrestleError, AssertionError, KeyError, OSError, ValueError) as e:
            bad += 1
            print(f"INVALID {path}: {e}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
