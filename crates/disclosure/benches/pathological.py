#!/usr/bin/env python3
"""Writes the four pathological inputs that the hard bounds (caps on tables, rows and
statements; linear-time passes) must keep fast, into DIR (default target/pathological):

* noise.txt       10 MB of random digits and spaces;
* long-line.txt   the sample's parts 1 and 2, then a part 3 that is one 1.6 MB line of one
                  numeric claim repeated;
* table-like.txt  100,000 short random lines that look like table rows;
* big-table.txt   the sample up to 表2's 总计 row, then 100,000 more rows of 表2.

`cargo run --release -p disclosure --example timeit DIR/*.txt` times analyze() on each; every
one must take well under a second. Deterministic (fixed seed).

Usage: crates/disclosure/benches/pathological.py [DIR]
"""
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parents[3]
SAMPLE = (ROOT / "fixtures" / "xinjiang-korla-chaoyang-2024-budget.txt").read_text(encoding="utf-8")
OUT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target" / "pathological"

rng = random.Random(20240501)


def amount():
    return f"{rng.randint(0, 99999):,}.{rng.randint(0, 99):02d}"


def noise(size=10_000_000):
    return "".join(rng.choice("0123456789     ") for _ in range(size))


def long_line(size=1_700_000):
    lines = SAMPLE.splitlines()
    head = lines[: next(i for i, l in enumerate(lines) if "第三部分" in l)]
    claim = "一般公共预算 1.00 万元，占 5.00%，比上年增加 1.00 万元，增长 2.00%"
    body = "\n".join(head) + "\n 第三部分 2024 年部门预算情况说明\n"
    reps = (size - len(body.encode())) // len(claim.encode())
    return body + claim * reps + "\n"


def table_like(n=100_000):
    words = ["支出", "收入", "合计", "总计", "一般公共服务", "人大事务", "行政运行", "项目", "基本"]
    out = []
    for _ in range(n):
        parts = []
        if rng.random() < 0.6:
            parts.append(str(rng.randint(201, 230)))
            for _ in range(rng.randint(0, 2)):
                parts.append(f"{rng.randint(1, 99):02d}")
        parts.append(rng.choice(words))
        parts += [amount() for _ in range(rng.randint(0, 6))]
        out.append(" ".join(parts))
    return "\n".join(out) + "\n"


def big_table(n=100_000):
    lines = SAMPLE.splitlines()
    t2 = next(i for i, l in enumerate(lines) if l.strip() == "表 2")
    total = next(i for i in range(t2, len(lines)) if lines[i].startswith("总计"))
    out = lines[: total + 1]
    for _ in range(n):
        code = f"{rng.randint(201, 230)} {rng.randint(1, 99):02d} {rng.randint(1, 99):02d}"
        out.append("")
        out.append(f"{code} 其他支出 " + " ".join(amount() for _ in range(rng.randint(1, 5))))
    return "\n".join(out) + "\n"


OUT.mkdir(parents=True, exist_ok=True)
for name, make in [("noise", noise), ("long-line", long_line), ("table-like", table_like),
                   ("big-table", big_table)]:
    path = OUT / f"{name}.txt"
    path.write_text(make(), encoding="utf-8")
    print(f"{path}: {path.stat().st_size:,} bytes")
