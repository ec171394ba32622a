#!/usr/bin/env python3
"""Synthetic recorded sessions in the original TeachBack AI's format, for the analytics tests
and benchmark. Usage: generate_sessions.py COUNT [SEED] > sessions.jsonl

Varied on purpose: scores in [0, 1] with 2, 3 or 17 digits and rounding ties, gaps and jargon repeated with other case, spacing
and trailing punctuation, non-ASCII text, empty sessions, long sessions.
"""
import json
import random
import sys

TOPICS = ["recursion", "binary search", "photosynthesis", "tcp handshake", "hash tables", "the water cycle"]
GAPS = ["Base case explanation", "call stack", "recursion depth", "Time complexity", "collisions", "load factor",
        "evaporation", "the ACK step", "chlorophyll’s role", "sorted input", "édge cases", "why it terminates"]
JARGON = ["stack frame", "memoization", "SYN", "O(log n)", "hash function", "Calvin cycle", "TCO", "naïve approach"]


def variant(rng, term):
    t = term
    if rng.random() < 0.3:
        t = t.lower()
    if rng.random() < 0.2:
        t = t.upper()
    if rng.random() < 0.2:
        t = t.replace(" ", "  ")
    if rng.random() < 0.2:
        t = t + rng.choice([".", "!", "?", ";", " ."])
    if rng.random() < 0.1:
        t = " " + t + " "
    return t


def score(rng):
    r = rng.random()
    if r < 0.1:
        # Exact binary ties (0.125) and decimal near-ties (0.675 is 0.67499…) for round(x, 2).
        return rng.choice([0.125, 0.375, 0.625, 0.875, 0.005, 0.015, 0.675, 0.045])
    if r < 0.15:
        return rng.choice([0, 1, 0.5])
    return round(rng.random(), rng.choice([2, 3, 17]))


def session(rng):
    turns = rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 10, 15]) if rng.random() < 0.95 else rng.randint(20, 60)
    analyses, history = [], []
    for _ in range(turns):
        analyses.append({
            "confidence_score": score(rng),
            "clarity_score": score(rng),
            "knowledge_gaps": [variant(rng, rng.choice(GAPS)) for _ in range(rng.randint(0, 4))],
            "unexplained_jargon": [variant(rng, rng.choice(JARGON)) for _ in range(rng.randint(0, 3))],
            "strengths": ["uses an example"] if rng.random() < 0.5 else [],
        })
        history.append({"role": "user", "content": "An explanation with a “quote” and a tab\tand more words. " * rng.randint(1, 6)})
        history.append({"role": "assistant", "content": "Why does that happen?"})
    return {"topic": rng.choice(TOPICS), "mode": rng.choice(["socratic", "anxious"]),
            "conversation_history": history, "analyses": analyses}


def main():
    count = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    out = sys.stdout
    for _ in range(count):
        out.write(json.dumps(session(rng), ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
