#!/usr/bin/env python3
"""Name-mention evaluation of the Backstory CLI against the GUM named-entity gold.

Run from the project root:

    python3 tests/eval/gum.py --shared /work/shared --cli target/release/backstory \
        [--check tests/eval/floors.json] [--json out.json] [--verbose]

The CLI (`backstory scan --jsonl`) is run once per gold file (news, interviews) with every
document on stdin. Python 3.11 standard library only.

Scoring
=======

GUM spans are whole noun phrases ("Afghan Ambassador to the United States Hamdullah Mohib"),
nested, and typed person / organization / place / event / abstract / ...  Backstory highlights
names, so we score *name mentions inside* the gold noun phrases.

Notation: a prediction P and a gold span G are character ranges in the (tokenised) gold text;
P lies inside G when G.start <= P.start and P.end <= G.end.

Name core of G
    G minus one leading determiner ("the", "a", "an", any case) and one trailing possessive
    (" 's" or " '"):  "the United States" -> "United States", "Trump 's" -> "Trump".

P covers the core of G
    P overlaps the core and either (a) covers at least half of the core's characters, or
    (b) covers the core's last character.  (b) is needed because titles are part of GUM's
    proper spans: "Barack Obama" is the name in "US President Barack Obama" but covers only
    12 of its 25 characters.  English names (and titled names) end in their head word, so
    covering the end is the defensible criterion; (a) keeps names whose head comes first
    ("Google" in "Google Inc.", "Washington" in "Washington D.C.").

P hits G
    same type, P lies inside G, and P covers the core of G.

Gold names (the recall denominator)
    gold entities of type person / organization / place with `proper` true, except spans whose
    core is a pronoun ("I", "We", "They", "Here": capitalised at the start of a sentence, so
    GUM's `proper` flag is true, but they are not names; "I" alone is ~100 interview spans).
    Title-only spans such as "The President" stay in: they are GUM's choice and show up plainly
    in the false-negative list.

Precision
    a predicted mention is correct when its text is capitalised (first character is not a
    lower-case letter) and it lies inside some gold entity of the same type, proper or not
    ("Washington D.C." inside "the Daughters of the American Revolution Constitution Hall in
    Washington D.C." is a correct place).  Otherwise it is a false positive; the error list
    notes when it lies inside a gold span of another type ("type" – often GUM's metonymy:
    "Belgium" the football team is an organization) rather than inside no name-type span.

    The gold is incomplete: this export holds only GUM mentions linked to Wikipedia, and not
    all of those ("Daniel Montalvo" is never annotated, "the United States" only some of the
    times it occurs).  Strict precision is therefore a lower bound.  "Lenient precision" also
    drops from the denominator the predictions that lie inside no name-type gold span but
    whose text equals the name core of a gold name of the same type in the same document
    (note "repeat": an unannotated repetition of an annotated name).

Recall
    a gold name is recalled when some prediction hits it.  A gold name nested inside a longer
    gold name ("Mexico" in "Mexico City", "United States" in "United States Navy") is not
    scored when a prediction spanning it hits the longer name: one highlight cannot be both,
    and the longer name is the better one.  Such names are counted as "subsumed".

Linking accuracy
    over correct predictions whose gold entity has a `wiki` title that the knowledge base
    covers.  The gold entity of a prediction is, among the same-type gold spans containing it,
    the one it hits (else any), innermost first.  Titles are compared after URL-decoding,
    "_" -> " ", collapsing spaces and upper-casing the first letter; the KB covers a title when
    some `kb/**/*.jsonl` record of the gold entity's type has it (records merged by id,
    curated/ wins; the type condition drops GUM wiki slips such as "Saudi Arabia 's Civil
    Defense Authority" -> Saudi_Arabia).  The link is correct when the predicted `entity` id's
    KB record has that title; a null `entity` is wrong.  Gold titles that the KB lacks
    (including older titles such as "Facebook, Inc.") are left out, not counted wrong.

"untyped" rows repeat precision and recall with types ignored (any of the three name types),
to separate boundary errors from type disagreements.  All figures are micro-averaged.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

NAME_TYPES = ("person", "organization", "place")
FILES = ("news", "interviews")
SUPPLEMENT = Path(__file__).resolve().parent / "gold-supplement"
DETERMINERS = ("the ", "a ", "an ")
POSSESSIVES = (" 's", " '")
PRONOUNS = frozenset(
    """i me my mine myself we us our ours ourselves you your yours yourself yourselves
    he him his himself she her hers herself it its itself they them their theirs themselves
    this that these those here there who whom whose which what one ones someone everyone
    anyone everybody somebody nobody""".split()
)
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    text: str = ""
    entity: str | None = None  # predictions: KB id
    wiki: str | None = None  # gold: Wikipedia title
    proper: bool = False  # gold


# ---------------------------------------------------------------------------------------------
# Scoring primitives (unit-tested in test_gum.py)


def name_core(text: str, start: int, end: int) -> tuple[int, int]:
    """The span minus a leading determiner and a trailing possessive."""
    s = text[start:end]
    low = s.lower()
    for det in DETERMINERS:
        if low.startswith(det) and len(s) > len(det):
            start += len(det)
            s = s[len(det):]
            break
    for pos in POSSESSIVES:
        if s.endswith(pos) and len(s) > len(pos):
            end -= len(pos)
            break
    return start, end


def inside(p: Span, g: Span) -> bool:
    return g.start <= p.start and p.end <= g.end


def covers_core(p: Span, core: tuple[int, int]) -> bool:
    cs, ce = core
    overlap = min(p.end, ce) - max(p.start, cs)
    if overlap <= 0:
        return False
    return 2 * overlap >= ce - cs or p.start < ce <= p.end


def hits(p: Span, g: Span, text: str, typed: bool = True) -> bool:
    if typed and p.type != g.type:
        return False
    return inside(p, g) and covers_core(p, name_core(text, g.start, g.end))


def is_gold_name(g: Span, text: str) -> bool:
    if g.type not in NAME_TYPES or not g.proper:
        return False
    cs, ce = name_core(text, g.start, g.end)
    return text[cs:ce].lower() not in PRONOUNS


def is_capitalised(s: str) -> bool:
    return bool(s) and not s[0].islower()


def is_correct(p: Span, golds: list[Span], typed: bool = True) -> bool:
    if not is_capitalised(p.text):
        return False
    return any(inside(p, g) and (g.type == p.type if typed else g.type in NAME_TYPES)
               for g in golds)


def link_gold(p: Span, golds: list[Span], text: str) -> Span | None:
    """The gold entity a correct prediction refers to: hit first, then innermost."""
    cands = [g for g in golds if g.type == p.type and inside(p, g)]
    if not cands:
        return None
    cands.sort(key=lambda g: (not hits(p, g, text), g.end - g.start))
    return cands[0]


def norm_wiki(title: str | None) -> str | None:
    if not title:
        return None
    t = " ".join(urllib.parse.unquote(title).replace("_", " ").split())
    return t[:1].upper() + t[1:] if t else None


# ---------------------------------------------------------------------------------------------
# Per-document scoring


@dataclass
class Counts:
    pred: collections.Counter = field(default_factory=collections.Counter)  # by type
    correct: collections.Counter = field(default_factory=collections.Counter)
    gold: collections.Counter = field(default_factory=collections.Counter)
    recalled: collections.Counter = field(default_factory=collections.Counter)
    repeats: int = 0  # FPs that repeat an annotated gold name (likely annotation gaps)
    subsumed: int = 0  # nested gold names inside a longer recalled gold name
    u_correct: int = 0  # untyped
    u_recalled: int = 0
    link_n: int = 0
    link_ok: int = 0
    docs: int = 0
    fp: collections.Counter = field(default_factory=collections.Counter)
    fn: collections.Counter = field(default_factory=collections.Counter)
    link_err: collections.Counter = field(default_factory=collections.Counter)


def is_subsumed(g: Span, name_golds: list[Span], preds: list[Span], text: str) -> bool:
    """g is nested in a longer gold name that a prediction spanning g hits."""
    return any(inside(g, o) and (o.start, o.end) != (g.start, g.end) and is_gold_name(o, text)
               and inside(g, Span(p.start, p.end, p.type)) and hits(p, o, text)
               for o in name_golds for p in preds)


def score_doc(text: str, golds: list[Span], preds: list[Span], c: Counts,
              kb_wiki: dict[str, str], kb_titles: dict[str, set[str]], log=None) -> None:
    c.docs += 1
    name_golds = [g for g in golds if g.type in NAME_TYPES]
    cores = {(text[slice(*name_core(text, g.start, g.end))], g.type)
             for g in name_golds if is_gold_name(g, text)}
    for p in preds:
        if p.type not in NAME_TYPES:
            continue
        c.pred[p.type] += 1
        if is_correct(p, name_golds, typed=False):
            c.u_correct += 1
        if not is_correct(p, name_golds):
            other = [g for g in golds if inside(p, g)]
            if any(g.type in NAME_TYPES for g in other):
                why = "type"
            elif (p.text, p.type) in cores:
                why = "repeat"
                c.repeats += 1
            else:
                why = ""
            c.fp[(p.text, p.type, why)] += 1
            if log:
                ctx = ", ".join(f"{g.type}:{g.text!r}" for g in other) or "-"
                log(f"  FP {p.type:12} {p.text!r:32} inside: {ctx}")
            continue
        c.correct[p.type] += 1
        g = link_gold(p, name_golds, text)
        want = norm_wiki(g.wiki) if g else None
        if want and g.type in kb_titles.get(want, ()):
            c.link_n += 1
            got = kb_wiki.get(p.entity or "")
            if got == want:
                c.link_ok += 1
            else:
                c.link_err[(p.text, want, f"{p.entity}={got}")] += 1
                if log:
                    log(f"  LINK {p.text!r:32} gold {want!r} got {p.entity} ({got!r})")
    for g in name_golds:
        if not is_gold_name(g, text):
            continue
        ok = any(hits(p, g, text) for p in preds)
        if not ok and is_subsumed(g, name_golds, preds, text):
            c.subsumed += 1
            continue
        c.gold[g.type] += 1
        if any(hits(p, g, text, typed=False) for p in preds if p.type in NAME_TYPES):
            c.u_recalled += 1
        if ok:
            c.recalled[g.type] += 1
        else:
            cs, ce = name_core(text, g.start, g.end)
            c.fn[(text[cs:ce], g.type)] += 1
            if log:
                near = [f"{p.type}:{p.text!r}" for p in preds
                        if p.start < g.end and g.start < p.end]
                log(f"  FN {g.type:12} {g.text!r:40} preds: {', '.join(near) or '-'}")


# ---------------------------------------------------------------------------------------------
# I/O


def load_kb(kb_dir: Path) -> tuple[dict[str, str], dict[str, set[str]]]:
    """id -> normalised wiki title (curated wins), and title -> the types of its records."""
    files = sorted(kb_dir.rglob("*.jsonl"), key=lambda f: ("curated" in f.parts, str(f)))
    wiki: dict[str, str] = {}
    types: dict[str, str] = {}
    for f in files:
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if not line:
                    continue
                rec = json.loads(line)
                w = norm_wiki(rec.get("wiki"))
                if w:
                    wiki[rec["id"]] = w
                if rec.get("type"):
                    types[rec["id"]] = rec["type"]
    titles: dict[str, set[str]] = collections.defaultdict(set)
    for i, w in wiki.items():
        titles[w].add(types.get(i, ""))
    return wiki, dict(titles)


def load_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_supplement(path: Path) -> dict[str, list[Span]]:
    """Names the GUM export leaves out, annotated from the text (proper names, no links)."""
    added: dict[str, list[Span]] = {}
    if not path.exists():
        return added
    for row in load_gold(path):
        added.setdefault(row["doc"], []).append(
            Span(row["start"], row["end"], row["type"], row["text"], proper=True))
    return added


def run_cli(cli: str, docs: list[dict]) -> dict[str, list[Span]]:
    stdin = "".join(json.dumps({"id": d["doc"], "text": d["text"]}, ensure_ascii=False) + "\n"
                    for d in docs)
    proc = subprocess.run([cli, "scan", "--jsonl"], input=stdin.encode("utf-8"),
                          capture_output=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"CLI failed ({proc.returncode}): {proc.stderr.decode(errors='replace')}")
    texts = {d["doc"]: d["text"] for d in docs}
    out: dict[str, list[Span]] = {}
    bad = 0
    for line in proc.stdout.decode("utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        text = texts[rec["id"]]
        spans = []
        for m in rec["mentions"]:
            if text[m["start"]:m["end"]] != m["text"]:
                bad += 1
            spans.append(Span(m["start"], m["end"], m["type"], m["text"], m.get("entity")))
        out[rec["id"]] = spans
    if bad:
        print(f"warning: {bad} mentions whose text does not match their offsets", file=sys.stderr)
    if len(out) != len(docs):
        sys.exit(f"CLI returned {len(out)} documents for {len(docs)} inputs")
    return out


def ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def summarise(c: Counts) -> dict:
    res: dict = {"documents": c.docs, "gold_names": sum(c.gold.values()),
                 "predictions": sum(c.pred.values()), "types": {}}
    for t in NAME_TYPES:
        res["types"][t] = {
            "predictions": c.pred[t], "correct": c.correct[t],
            "precision": ratio(c.correct[t], c.pred[t]),
            "gold": c.gold[t], "recalled": c.recalled[t],
            "recall": ratio(c.recalled[t], c.gold[t]),
        }
    res["precision"] = ratio(sum(c.correct.values()), sum(c.pred.values()))
    res["recall"] = ratio(sum(c.recalled.values()), sum(c.gold.values()))
    p, r = res["precision"], res["recall"]
    res["f1"] = 2 * p * r / (p + r) if p and r else None
    judged = sum(c.pred.values()) - c.repeats
    res["lenient_precision"] = ratio(sum(c.correct.values()), judged)
    res["repeats"] = c.repeats
    res["subsumed"] = c.subsumed
    res["untyped_precision"] = ratio(c.u_correct, sum(c.pred.values()))
    res["untyped_recall"] = ratio(c.u_recalled, sum(c.gold.values()))
    res["linking_n"] = c.link_n
    res["linking"] = ratio(c.link_ok, c.link_n)
    res["false_positives"] = [{"text": t, "type": ty, "note": why, "count": n}
                              for (t, ty, why), n in c.fp.most_common(15)]
    res["false_negatives"] = [{"text": t, "type": ty, "count": n}
                              for (t, ty), n in c.fn.most_common(15)]
    res["linking_errors"] = [{"text": t, "gold": w, "got": got, "count": n}
                             for (t, w, got), n in c.link_err.most_common(15)]
    return res


def pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def print_report(name: str, r: dict) -> None:
    print(f"== {name}: {r['documents']} documents, {r['gold_names']} gold names, "
          f"{r['predictions']} predictions")
    print(f"  {'type':14} {'precision':>16} {'recall':>16}")
    for t in NAME_TYPES:
        x = r["types"][t]
        print(f"  {t:14} {pct(x['precision'])} {x['correct']:4}/{x['predictions']:<4}"
              f" {pct(x['recall'])} {x['recalled']:4}/{x['gold']:<4}")
    print(f"  {'overall':14} {pct(r['precision']):>16} {pct(r['recall']):>16}   F1 {pct(r['f1'])}")
    print(f"  {'lenient':14} {pct(r['lenient_precision']):>16}"
          f"   ({r['repeats']} unannotated repeats of gold names not judged)")
    print(f"  {'untyped':14} {pct(r['untyped_precision']):>16} {pct(r['untyped_recall']):>16}")
    print(f"  nested gold names subsumed by a recalled longer name: {r['subsumed']}")
    print(f"  linking accuracy {pct(r['linking'])} (n={r['linking_n']})")
    print("  top false positives (text, type, note):")
    for x in r["false_positives"]:
        note = {"type": " [inside a gold span of another type]",
                "repeat": " [unannotated repeat of a gold name]"}.get(x["note"], "")
        print(f"    {x['count']:3}  {x['text']!r} {x['type']}{note}")
    print("  top false negatives (name core, type):")
    for x in r["false_negatives"]:
        print(f"    {x['count']:3}  {x['text']!r} {x['type']}")
    if r["linking_errors"]:
        print("  top linking errors (text, gold title, predicted id=its title):")
        for x in r["linking_errors"]:
            print(f"    {x['count']:3}  {x['text']!r} -> {x['gold']!r}, got {x['got']}")
    print()


def check_floors(results: dict, floors: dict) -> list[str]:
    failures = []
    for name, metrics in floors.items():
        for metric, floor in metrics.items():
            got = results.get(name, {}).get(metric)
            if got is None or got + 1e-9 < floor:
                failures.append(f"{name} {metric}: {got if got is None else round(got, 4)} "
                                f"< floor {floor}")
    return failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="shared directory")
    ap.add_argument("--cli", default=str(ROOT / "target/release/backstory"), help="CLI binary")
    ap.add_argument("--kb", default=str(ROOT / "kb"), help="knowledge base sources")
    ap.add_argument("--check", help="floors JSON; exit 1 if a floor is not met")
    ap.add_argument("--json", help="write the figures to this file")
    ap.add_argument("--verbose", action="store_true", help="print every error with context")
    args = ap.parse_args(argv)

    kb_wiki, kb_titles = load_kb(Path(args.kb))
    results = {}
    for name in FILES:
        docs = load_gold(Path(args.shared) / "corpus" / "gold" / f"gum-{name}.jsonl")
        added = load_supplement(SUPPLEMENT / f"gum-{name}.jsonl")
        preds = run_cli(args.cli, docs)
        # Scored twice: on the export as published, and on the export completed with the
        # names it leaves out (tests/eval/gold-supplement/README.md).
        for label, extra in ((name, {}), (f"{name}-completed", added)):
            c = Counts()
            for d in docs:
                text = d["text"]
                golds = [Span(e["start"], e["end"], e["type"], e["text"], wiki=e.get("wiki"),
                              proper=bool(e.get("proper"))) for e in d["entities"]]
                golds += extra.get(d["doc"], [])
                log = None
                if args.verbose:
                    print(f"-- {label} {d['doc']}")
                    log = print
                score_doc(text, golds, preds[d["doc"]], c, kb_wiki, kb_titles, log)
            results[label] = summarise(c)
    if args.verbose:
        print()
    for label in results:
        print_report(label, results[label])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
    if args.check:
        failures = check_floors(results, json.loads(Path(args.check).read_text()))
        for f in failures:
            print(f"FLOOR NOT MET: {f}", file=sys.stderr)
        if failures:
            return 1
        print(f"all floors in {args.check} met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
