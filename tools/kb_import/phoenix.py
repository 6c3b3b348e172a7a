"""Parser for the TABARI/PETRARCH (Phoenix) actor dictionaries.

An entry is a head line `NAME_WITH_UNDERSCORES_ [CODE dates] # comment`, optionally followed by
`+ALIAS_` lines and tab-indented `[CODE dates]` role lines. `#` starts a comment.
"""
import re

ROLE_RE = re.compile(r"\[([^\]]*)\]")


def _strip_comment(line):
    i = line.find("#")
    return line if i < 0 else line[:i]


def parse_roles(text):
    """Return a list of (code, start, end, open_flag) from the bracket groups in text."""
    out = []
    for m in ROLE_RE.finditer(text):
        body = m.group(1).strip()
        if not body or body.startswith("---"):
            continue
        parts = body.split()
        code = parts[0]
        if not re.match(r"^[A-Z]{3,}$", code):
            continue
        start = end = None
        if len(parts) > 1:
            d = "".join(parts[1:])
            if d.startswith(">"):
                start = parse_date(d[1:])
            elif d.startswith("<"):
                end = parse_date(d[1:])
            elif "-" in d:
                a, b = d.split("-", 1)
                start, end = parse_date(a), parse_date(b)
        out.append((code, start, end))
    return out


def parse_date(s):
    """YYMMDD or YYYYMMDD -> YYYY-MM-DD (None when malformed)."""
    s = s.strip()
    if not s.isdigit():
        return None
    if len(s) == 6:
        yy, mm, dd = int(s[:2]), s[2:4], s[4:6]
        year = 2000 + yy if yy <= 14 else 1900 + yy
    elif len(s) == 8:
        year, mm, dd = int(s[:4]), s[4:6], s[6:8]
    else:
        return None
    if not ("01" <= mm <= "12") or not ("01" <= dd <= "31") or not (1800 <= year <= 2014):
        return None
    return f"{year:04d}-{mm}-{dd}"


def _clean_name(raw):
    raw = raw.strip()
    if raw.startswith("+"):
        raw = raw[1:]
    raw = raw.strip().rstrip("_").strip()
    raw = raw.replace("_", " ")
    raw = re.sub(r"\s+", " ", raw).strip()
    return raw


def parse_file(path):
    """Yield dicts {name, aliases, roles, line} for each entry of a Phoenix .actors file."""
    entries = []
    cur = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for lineno, line in enumerate(f, 1):
            raw = line.rstrip("\n")
            if not raw.strip():
                continue
            if raw.lstrip().startswith("#"):
                continue
            body = _strip_comment(raw)
            if not body.strip():
                continue
            if raw[0] in "\t " and body.strip().startswith("["):
                if cur is not None:
                    cur["roles"].extend(parse_roles(body))
                continue
            if body.startswith("+"):
                if cur is not None:
                    name_part = ROLE_RE.sub("", body)
                    # some alias lines glue two aliases with '+'
                    for piece in name_part.split("+"):
                        n = _clean_name(piece)
                        if n:
                            cur["aliases"].append(n)
                    cur["roles"].extend(parse_roles(body))
                continue
            if body[0] in "\t ":
                continue
            # new head line
            name_part = ROLE_RE.split(body)[0]
            n = _clean_name(name_part)
            if not n:
                continue
            cur = {"name": n, "aliases": [], "roles": parse_roles(body), "line": lineno}
            entries.append(cur)
    return entries
