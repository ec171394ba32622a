#!/usr/bin/env python3
"""DESIGN §8 session analytics in plain Python: the reference `teachback analytics` is checked
against (same rules, same output bytes) and benchmarked beside.

Usage: reference_analytics.py FILE...   (JSONL or a JSON array of session dicts) -> JSONL on stdout
The arithmetic mirrors the Swift code step for step (left-to-right sums, then Python's own
`round(x, 2)`, which the Swift code reproduces exactly), so both print identical floats.
"""
import json
import math
import sys

NEUTRAL = 0.5
TREND_THRESHOLD = 0.1
MAX_REVIEW = 5


def normalized_score(value):
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return NEUTRAL
    v = float(value)
    if math.isnan(v) or math.isinf(v):
        return NEUTRAL
    if 1 < v <= 100:
        v = v / 100
    return min(1.0, max(0.0, v))


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


def strings(value):
    return [s for s in value if isinstance(s, str)] if isinstance(value, list) else []


def analytics(session):
    analyses = session.get("analyses", [])
    clarity = [normalized_score(a.get("clarity_score")) for a in analyses]
    confidence = [normalized_score(a.get("confidence_score")) for a in analyses]
    gaps = ranked([strings(a.get("knowledge_gaps")) for a in analyses])
    persistent = [e[0] for e in gaps if e[1] >= 2]
    jargon = ranked([strings(a.get("unexplained_jargon")) for a in analyses])
    return {
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
    with open(path, encoding="utf-8") as f:
        first = f.read(1)
        while first and first.isspace():
            first = f.read(1)
        if first == "[":
            yield from json.loads(first + f.read())
            return
        line = first + f.readline()
        while line:
            if line.strip():
                yield json.loads(line)
            line = f.readline()


def main():
    out = sys.stdout
    for path in sys.argv[1:]:
        for session in records(path):
            out.write(json.dumps(analytics(session), ensure_ascii=False, separators=(",", ":")))
            out.write("\n")


if __name__ == "__main__":
    main()
