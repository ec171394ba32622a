#!/usr/bin/env python3
"""DESIGN §8 session analytics in plain Python: the reference `teachback analytics` is checked
against (same rules, same output bytes) and benchmarked beside.

Usage: reference_analytics.py FILE...   (JSONL or a JSON array of session dicts) -> JSONL on stdout
Records that cannot be read as they are (bad JSON, wrong types, scores outside [0, 1]) are reported
as file:line on stderr and skipped, never rescaled; the exit code is then 1.
The arithmetic mirrors the Swift code step for step (left-to-right sums, then Python's own
`round(x, 2)`, which the Swift code reproduces exactly), so both print identical floats.
"""
import json
import sys

TREND_THRESHOLD = 0.1
MAX_REVIEW = 5


class Bad(Exception):
    """A record that cannot be read as it is: reported as file:line and skipped."""


def score(analysis, key, what):
    value = analysis.get(key)
    if value is None:
        raise Bad(f"{what}: '{key}' is missing")
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise Bad(f"{what}: '{key}' is not a number")
    v = float(value)
    if not (0.0 <= v <= 1.0):   # also false for NaN
        raise Bad(f"{what}: '{key}' is {v}, outside [0, 1] (skipped, not rescaled)")
    return v


def normalize(term):
    words = " ".join(term.lower().split())
    while words and words[-1] in ".,;:!?":
        words = words[:-1]
    return words.strip()


def total(values):
    s = 0.0
    for v in values:
        s += v
    return s


def rounded_mean(values):
    if not values:
        return 0.0
    return round(total(values) / len(values), 2)


def trend(curve):
    if not curve:
        return "no_data"
    if len(curve) < 3:
        return "stable"
    third = len(curve) // 3
    first = total(curve[:third]) / third
    last = total(curve[-third:]) / third
    if last - first > TREND_THRESHOLD:
        return "improving"
    if first - last > TREND_THRESHOLD:
        return "declining"
    return "stable"


def ranked(per_turn):
    """Terms counted once per turn, ranked by count, ties by first appearance."""
    entries = {}
    for terms in per_turn:
        seen = set()
        for term in terms:
            key = normalize(term)
            if not key or key in seen:
                continue
            seen.add(key)
            if key in entries:
                entries[key][1] += 1
            else:
                entries[key] = [term.strip(), 1, len(entries)]
    return sorted(entries.values(), key=lambda e: (-e[1], e[2]))


def union(*lists):
    seen, out = set(), []
    for items in lists:
        for item in items:
            key = normalize(item)
            if key and key not in seen:
                seen.add(key)
                out.append(item.strip())
    return out


def strings(analysis, key, what):
    value = analysis.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise Bad(f"{what}: '{key}' is not a list")
    if not all(isinstance(s, str) for s in value):
        raise Bad(f"{what}: '{key}' holds a non-string")
    return value


def identity(session, where):
    for key in ("id", "session_id"):
        value = session.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise Bad(f"'{key}' is not a string")
        return value
    return where


def analytics(session, where, line):
    if not isinstance(session, dict):
        raise Bad("not a JSON object (a session dict)")
    ident = identity(session, where)
    analyses = session.get("analyses")
    if analyses is None:
        analyses = []
    if not isinstance(analyses, list):
        raise Bad("'analyses' is not a list")
    clarity, confidence, gap_lists, jargon_lists = [], [], [], []
    for i, a in enumerate(analyses):
        what = f"analyses item {i + 1}"
        if not isinstance(a, dict):
            raise Bad(f"{what} is not an object")
        confidence.append(score(a, "confidence_score", what))
        clarity.append(score(a, "clarity_score", what))
        gap_lists.append(strings(a, "knowledge_gaps", what))
        jargon_lists.append(strings(a, "unexplained_jargon", what))
        strings(a, "strengths", what)
    gaps = ranked(gap_lists)
    persistent = [e[0] for e in gaps if e[1] >= 2]
    jargon = ranked(jargon_lists)
    return {
        "id": ident,
        "line": line,
        "learning_curve": clarity,
        "confidence_over_time": confidence,
        "average_clarity": rounded_mean(clarity),
        "average_confidence": rounded_mean(confidence),
        "total_turns": len(analyses),
        "clarity_trend": trend(clarity),
        "persistent_gaps": persistent,
        "suggested_review_topics": union(persistent, [e[0] for e in jargon])[:MAX_REVIEW],
    }


def records(path):
    """(line, decoded record or a Bad) for a JSONL file (read a line at a time) or a JSON array."""
    with open(path, "rb") as f:
        first = f.read(1)
        while first and first in b" \t\r\n\xef\xbb\xbf":
            first = f.read(1)
        if first == b"[":
            text = (first + f.read()).decode("utf-8")
            decoder = json.JSONDecoder()
            i = 1
            while True:
                while i < len(text) and text[i] in " \t\r\n,":
                    i += 1
                if i >= len(text) or text[i] == "]":
                    return
                line = text.count("\n", 0, i) + 1
                value, i = decoder.raw_decode(text, i)
                yield line, value
            return
        f.seek(0)
        for number, raw in enumerate(f, start=1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip(b" \t\r\n"):
                continue
            try:
                yield number, json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield number, Bad("not UTF-8")
            except ValueError as error:
                yield number, Bad(str(error))


def main():
    out, skipped = sys.stdout, 0
    for path in sys.argv[1:]:
        for line, session in records(path):
            where = f"{path}:{line}"
            try:
                if isinstance(session, Bad):
                    raise session
                result = analytics(session, where, line)
            except Bad as why:
                print(f"{where}: {why}", file=sys.stderr)
                skipped += 1
                continue
            out.write(json.dumps(result, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
    return 1 if skipped else 0


if __name__ == "__main__":
    sys.exit(main())
