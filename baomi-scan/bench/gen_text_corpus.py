#!/usr/bin/env python3
"""Benchmark (a) corpus: 2,000 files of ~100 KB CJK text (200 MB in all) and a 10,000-term dictionary.

Text is random common CJK characters with Chinese punctuation and line breaks. Dictionary terms
are 4-6 characters (so random text almost never contains them by chance); one term in every
second file is planted, so about 1,000 files must be reported. Deterministic (seeded).
Usage: gen_text_corpus.py OUT_DIR
"""
import os
import random
import sys

out = sys.argv[1]
rnd = random.Random(20261123)
# the 3,500 most common characters are roughly U+4E00..U+9FA5 weighted; a contiguous block is enough here
chars = [chr(c) for c in range(0x4E00, 0x4E00 + 3500)]
terms = set()
while len(terms) < 10000:
    terms.add("".join(rnd.choices(chars, k=rnd.randint(4, 6))))
terms = sorted(terms)
os.makedirs(os.path.join(out, "files"), exist_ok=True)
with open(os.path.join(out, "dict.txt"), "w", encoding="utf-8") as f:
    for t in terms:
        f.write(t + "\n")
target = 100 * 1024
for i in range(2000):
    parts = []
    size = 0
    while size < target:
        line = "".join(rnd.choices(chars, k=rnd.randint(20, 60))) + rnd.choice("，。；") + "".join(rnd.choices(chars, k=rnd.randint(10, 40))) + "。\n"
        parts.append(line)
        size += len(line.encode("utf-8"))
    if i % 2 == 0:
        k = rnd.randrange(len(parts))
        parts[k] = parts[k][:5] + rnd.choice(terms) + parts[k][5:]
    sub = os.path.join(out, "files", "d%02d" % (i % 20))
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, "f%04d.txt" % i), "w", encoding="utf-8") as f:
        f.write("".join(parts))
