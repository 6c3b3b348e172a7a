#!/usr/bin/env python3
"""Validate Backstory knowledge-base JSONL files against kb/README.md.

Usage: python3 tools/kb_import/validate.py [FILE_OR_DIR ...]   (default: kb/)
Exit status 1 if any error is found. Standard library only.
"""
import json
import os
import re
import sys

SUBTYPES = {
    "person": {"politician", "diplomat", "head_of_state", "monarch", "religious_leader",
               "military", "business", "journalist", "person"},
    "organization": {"government", "intergovernmental", "armed_group", "military",
                     "intelligence", "media", "party", "company", "ngo", "sports_team",
                     "organization"},
    "place": {"country", "territory", "city", "region", "facility", "military_base",
              "waterway", "landmark", "place"},
}
FIELDS = {"id", "name", "type", "subtype", "aliases", "country", "summary", "roles", "born",
          "died", "founded", "coords", "population", "capital", "prominence", "wiki",
          "sources", "as_of", "licence"}
ALIAS_FLAGS = {"text", "case", "common", "kind"}
ALIAS_KINDS = {"surname", "acronym", "demonym", "title"}
ROLE_FIELDS = {"title", "of", "start", "end", "as_of", "source"}
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
ID_RE = re.compile(r"^(Q[1-9]\d*|bs:[a-z_]+:[^\s]+)$")
CC_RE = re.compile(r"^[A-Z]{2}$")
MAX_BYTES = 5 * 1024 * 1024


def is_date(v):
    return isinstance(v, str) and bool(DATE_RE.match(v))


def check_record(r, curated):
    errs = []
    if not isinstance(r, dict):
        return ["record is not an object"]
    for k in r:
        if k not in FIELDS:
            errs.append(f"unknown field {k!r}")
    for k in ("id", "name", "type", "subtype"):
        if not isinstance(r.get(k), str) or not r.get(k).strip():
            errs.append(f"missing/empty {k}")
    if errs:
        return errs
    if not ID_RE.match(r["id"]):
        errs.append(f"bad id {r['id']!r}")
    t = r["type"]
    if t not in SUBTYPES:
        errs.append(f"bad type {t!r}")
    elif r["subtype"] not in SUBTYPES[t]:
        errs.append(f"bad subtype {r['subtype']!r} for {t}")
    if r["name"] != r["name"].strip():
        errs.append("name has surrounding whitespace")
    al = r.get("aliases", [])
    if not isinstance(al, list):
        errs.append("aliases not a list")
    else:
        seen = set()
        for a in al:
            if not isinstance(a, dict) or not isinstance(a.get("text"), str) or not a["text"].strip():
                errs.append(f"bad alias {a!r}")
                continue
            if a["text"] != a["text"].strip():
                errs.append(f"alias with surrounding whitespace {a['text']!r}")
            for k in a:
                if k not in ALIAS_FLAGS:
                    errs.append(f"unknown alias flag {k!r}")
            if "case" in a and a["case"] != "exact":
                errs.append(f"bad alias case {a['case']!r}")
            if "common" in a and not isinstance(a["common"], bool):
                errs.append("alias common not bool")
            if "kind" in a and a["kind"] not in ALIAS_KINDS:
                errs.append(f"bad alias kind {a['kind']!r}")
            key = (a["text"], a.get("kind"))
            if key in seen:
                errs.append(f"duplicate alias {a['text']!r}")
            seen.add(key)
    if "country" in r and (not isinstance(r["country"], str) or not CC_RE.match(r["country"])):
        errs.append(f"bad country {r['country']!r}")
    if "summary" in r and (not isinstance(r["summary"], str) or len(r["summary"]) > 160):
        errs.append("bad summary (not a string or longer than 160 chars)")
    for k in ("born", "died", "founded", "as_of"):
        if k in r and not is_date(r[k]):
            errs.append(f"bad date {k}={r[k]!r}")
    if "roles" in r:
        if not isinstance(r["roles"], list):
            errs.append("roles not a list")
        else:
            for ro in r["roles"]:
                if not isinstance(ro, dict) or not isinstance(ro.get("title"), str) or not ro["title"]:
                    errs.append(f"bad role {ro!r}")
                    continue
                for k in ro:
                    if k not in ROLE_FIELDS:
                        errs.append(f"unknown role field {k!r}")
                if "of" in ro and not isinstance(ro["of"], str):
                    errs.append("role.of not a string")
                for k in ("start", "as_of"):
                    if ro.get(k) is not None and not is_date(ro[k]):
                        errs.append(f"bad role date {k}={ro[k]!r}")
                if "end" in ro and ro["end"] is not None and not is_date(ro["end"]):
                    errs.append(f"bad role end {ro['end']!r}")
                if ro.get("end") is None and not ro.get("as_of"):
                    errs.append(f"open role without as_of: {ro['title']}")
                if ro.get("start") and ro.get("end") and ro["end"] < ro["start"][:len(ro["end"])]:
                    errs.append(f"role ends before it starts: {ro}")
                if "source" in ro and not isinstance(ro["source"], str):
                    errs.append("role.source not a string")
    if "coords" in r:
        c = r["coords"]
        if (not isinstance(c, list) or len(c) != 2
                or not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in c)
                or not (-90 <= c[0] <= 90 and -180 <= c[1] <= 180)):
            errs.append(f"bad coords {c!r}")
    if "population" in r and (not isinstance(r["population"], int) or isinstance(r["population"], bool) or r["population"] < 0):
        errs.append("bad population")
    if "prominence" in r and (not isinstance(r["prominence"], (int, float)) or not 0 <= r["prominence"] <= 100):
        errs.append("bad prominence")
    for k in ("capital", "wiki", "licence"):
        if k in r and not isinstance(r[k], str):
            errs.append(f"{k} not a string")
    # The card encodes the title for its link; an encoded one would be encoded twice.
    if isinstance(r.get("wiki"), str) and re.search(r"%[0-9A-Fa-f]{2}", r["wiki"]):
        errs.append("wiki title percent-encoded (write it as the title reads)")
    if "sources" in r and (not isinstance(r["sources"], list) or not all(isinstance(s, str) and s for s in r["sources"])):
        errs.append("bad sources")
    if curated:
        if not r.get("sources"):
            errs.append("curated record without sources")
        if not r.get("as_of"):
            errs.append("curated record without as_of")
    else:
        if not r.get("sources"):
            errs.append("generated record without sources")
    return errs


def check_file(path):
    errors = 0
    curated = f"{os.sep}curated{os.sep}" in os.path.abspath(path)
    size = os.path.getsize(path)
    if size >= MAX_BYTES:
        print(f"{path}: file is {size} bytes (limit {MAX_BYTES})")
        errors += 1
    ids = set()
    n = 0
    with open(path, "rb") as f:
        for lineno, raw in enumerate(f, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                print(f"{path}:{lineno}: not UTF-8")
                errors += 1
                continue
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"{path}:{lineno}: invalid JSON: {e}")
                errors += 1
                continue
            n += 1
            for e in check_record(r, curated):
                print(f"{path}:{lineno}: {r.get('id') if isinstance(r, dict) else '?'}: {e}")
                errors += 1
            if isinstance(r, dict) and r.get("id") in ids:
                print(f"{path}:{lineno}: duplicate id {r['id']}")
                errors += 1
            if isinstance(r, dict):
                ids.add(r.get("id"))
    return n, errors


def main(argv):
    targets = argv or [os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "kb")]
    files = []
    for t in targets:
        if os.path.isdir(t):
            for root, _, names in os.walk(t):
                files += [os.path.join(root, x) for x in names if x.endswith(".jsonl")]
        else:
            files.append(t)
    total_err = 0
    for p in sorted(files):
        n, e = check_file(p)
        total_err += e
        print(f"{os.path.relpath(p)}: {n} records, {e} errors")
    print("OK" if total_err == 0 else f"FAILED: {total_err} errors")
    return 1 if total_err else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
