#!/usr/bin/env python3
"""Check the obligation catalogues in this folder (stdlib only).

Usage: python3 assets/obligations/check.py [FOLDER]

Checks every <id>.json next to catalog.schema.json against the rules the schema
states (and against the schema itself when the optional `jsonschema` package is
installed), plus the rules a schema cannot state: file name = id, obligation ids
start with "<catalogue id>-", ids are unique across all files, a summary has at
most 60 words, no duplicate JSON keys, and the file is pretty-printed UTF-8
(json.dumps(indent=2, ensure_ascii=False) plus a final newline).
Prints the number of obligations per catalogue; exits 1 on any error.
"""
import json
import pathlib
import re
import sys

SCHEMA_NAME = "catalog.schema.json"
TOP_KEYS = ["format", "id", "title", "version", "publisher", "jurisdictions",
            "kind", "source_url", "notice", "obligations"]
OBLIGATION_REQUIRED = ["id", "citation", "title", "summary", "topics"]
OBLIGATION_KEYS = OBLIGATION_REQUIRED + ["url"]
KINDS = ["law", "guidance", "standard", "framework"]
JURISDICTIONS = ["US", "UK", "EU"]
TOPICS = ["disclosure", "consent", "human_review", "data_handling", "governance", "risk",
          "monitoring", "transparency", "prohibited_practice", "literacy", "incident",
          "third_party"]
MAX_WORDS = 60
ID_RE = re.compile(r"^[a-z][a-z0-9._-]*$")          # lowercase subset of the OSCAL token
OSCAL_TOKEN_RE = re.compile(r"^[_A-Za-z][_A-Za-z0-9.\-]*$")  # ASCII part of OSCAL's token
LINE_RE = re.compile(r"^\S(.*\S)?$")
URL_RE = re.compile(r"^https://[^\s]+$")


def no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    if dups:
        raise ValueError(f"duplicate key(s) {dups}")
    return dict(pairs)


def check_schema_in_step(schema, errors):
    """The constants above must be the ones the schema states."""
    defs = schema["$defs"]
    pairs = [
        ("required keys", sorted(schema["required"]), sorted(TOP_KEYS)),
        ("kinds", schema["properties"]["kind"]["enum"], KINDS),
        ("jurisdictions", schema["properties"]["jurisdictions"]["oneOf"][1]["items"]["enum"], JURISDICTIONS),
        ("topics", defs["topic"]["enum"], TOPICS),
        ("obligation keys", sorted(defs["obligation"]["properties"]), sorted(OBLIGATION_KEYS)),
        ("obligation required", sorted(defs["obligation"]["required"]), sorted(OBLIGATION_REQUIRED)),
    ]
    for name, in_schema, here in pairs:
        if in_schema != here:
            errors.append(f"{SCHEMA_NAME}: {name} differ from check.py: {in_schema} vs {here}")


def check_line(where, value, errors, max_len=200):
    if not isinstance(value, str) or not LINE_RE.match(value) or len(value) > max_len:
        errors.append(f"{where}: must be one non-empty line without outer spaces, at most {max_len} chars")


def check_url(where, value, errors):
    if not isinstance(value, str) or not URL_RE.match(value) or len(value) > 300:
        errors.append(f"{where}: must be an https URL")


def check_id(where, value, errors, max_len):
    if not isinstance(value, str) or not ID_RE.match(value) or not OSCAL_TOKEN_RE.match(value) \
            or len(value) > max_len:
        errors.append(f"{where}: {value!r} is not a lowercase OSCAL-safe id "
                      "(letter first, then a-z 0-9 . _ -)")


def check_catalogue(path, data, errors):
    name = path.name
    if not isinstance(data, dict):
        errors.append(f"{name}: top level must be an object")
        return []
    extra = sorted(set(data) - set(TOP_KEYS))
    missing = [k for k in TOP_KEYS if k not in data]
    if extra:
        errors.append(f"{name}: unknown key(s) {extra}")
    if missing:
        errors.append(f"{name}: missing key(s) {missing}")
        return []
    if data["format"] != 1 or isinstance(data["format"], bool):
        errors.append(f"{name}: format must be 1")
    cid = data["id"]
    check_id(f"{name}: id", cid, errors, 40)
    if cid != path.stem:
        errors.append(f"{name}: id {cid!r} must equal the file name without .json")
    for key in ("title", "version", "publisher", "notice"):
        check_line(f"{name}: {key}", data[key], errors)
    if isinstance(data["notice"], str) and "not legal advice" not in data["notice"]:
        errors.append(f"{name}: notice must say 'not legal advice'")
    jur = data["jurisdictions"]
    if jur != ["*"]:
        if (not isinstance(jur, list) or not jur or len(set(map(str, jur))) != len(jur)
                or any(j not in JURISDICTIONS for j in jur)):
            errors.append(f"{name}: jurisdictions must be [\"*\"] or distinct codes from {JURISDICTIONS}")
    if data["kind"] not in KINDS:
        errors.append(f"{name}: kind must be one of {KINDS}")
    check_url(f"{name}: source_url", data["source_url"], errors)
    obligations = data["obligations"]
    if not isinstance(obligations, list) or not obligations:
        errors.append(f"{name}: obligations must be a non-empty array")
        return []
    ids = []
    for i, ob in enumerate(obligations):
        where = f"{name}: obligations[{i}]"
        if not isinstance(ob, dict):
            errors.append(f"{where}: must be an object")
            continue
        extra = sorted(set(ob) - set(OBLIGATION_KEYS))
        missing = [k for k in OBLIGATION_REQUIRED if k not in ob]
        if extra:
            errors.append(f"{where}: unknown key(s) {extra}")
        if missing:
            errors.append(f"{where}: missing key(s) {missing}")
            continue
        oid = ob["id"]
        where = f"{name}: {oid}"
        check_id(f"{where}: id", oid, errors, 80)
        if isinstance(oid, str) and not oid.startswith(f"{cid}-"):
            errors.append(f"{where}: id must start with '{cid}-'")
        ids.append(oid)
        check_line(f"{where}: citation", ob["citation"], errors)
        check_line(f"{where}: title", ob["title"], errors)
        check_line(f"{where}: summary", ob["summary"], errors, max_len=600)
        if isinstance(ob["summary"], str):
            words = len(ob["summary"].split())
            if words > MAX_WORDS:
                errors.append(f"{where}: summary has {words} words (max {MAX_WORDS})")
        if "url" in ob:
            check_url(f"{where}: url", ob["url"], errors)
        topics = ob["topics"]
        if (not isinstance(topics, list) or not 1 <= len(topics) <= 3
                or len(set(map(str, topics))) != len(topics) or any(t not in TOPICS for t in topics)):
            errors.append(f"{where}: topics must be 1-3 distinct values from {TOPICS}")
    return ids


def main():
    folder = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent
    errors = []
    schema = json.loads((folder / SCHEMA_NAME).read_text(encoding="utf-8"))
    check_schema_in_step(schema, errors)
    validator = None
    try:
        import jsonschema  # optional
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
    except ImportError:
        pass

    files = sorted(p for p in folder.glob("*.json") if p.name != SCHEMA_NAME)
    if not files:
        errors.append(f"{folder}: no catalogue files")
    seen_ids = {}
    seen_catalogues = {}
    counts = []
    for path in files:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
            data = json.loads(text, object_pairs_hook=no_duplicate_keys)
        except (UnicodeDecodeError, ValueError) as e:
            errors.append(f"{path.name}: cannot be read as strict UTF-8 JSON: {e}")
            continue
        if text.startswith("\ufeff"):
            errors.append(f"{path.name}: must not start with a byte-order mark")
        if text != json.dumps(data, indent=2, ensure_ascii=False) + "\n":
            errors.append(f"{path.name}: not pretty-printed as json.dumps(indent=2, ensure_ascii=False) + newline")
        if validator is not None:
            for e in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
                loc = "/".join(str(p) for p in e.absolute_path) or "(top)"
                errors.append(f"{path.name}: schema: {loc}: {e.message}")
        ids = check_catalogue(path, data, errors)
        cid = data.get("id") if isinstance(data, dict) else None
        if cid in seen_catalogues:
            errors.append(f"{path.name}: catalogue id {cid!r} also used by {seen_catalogues[cid]}")
        seen_catalogues[cid] = path.name
        for oid in ids:
            if oid in seen_ids:
                errors.append(f"{path.name}: obligation id {oid!r} also used in {seen_ids[oid]}")
            else:
                seen_ids[oid] = path.name
        counts.append((cid, len(ids)))

    for cid, n in counts:
        print(f"{cid:<14} {n:>3} obligations")
    print(f"{'total':<14} {sum(n for _, n in counts):>3} obligations in {len(counts)} catalogues"
          f" (jsonschema: {'used' if validator else 'not installed, stdlib checks only'})")
    for e in errors:
        print(f"ERROR {e}", file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
