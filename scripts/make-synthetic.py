#!/usr/bin/env python3
"""Makes fixtures/synthetic-sample-renamed.txt from the reference sample.

The result is a SYNTHETIC document for comparison tests and benchmarks: its first line says so.
It is the sample with the department renamed everywhere and a few narrative-only figures changed
consistently, so that the document stays coherent (no checker errors) while differing from the
sample in the comparison metrics:

* staff: 实有人数 189 → 160, 在职 187 → 158 (per-person figures change);
* 三公 year over year: "增加 0.00 万元，增长 0.00%" → "增加 1.20 万元，增长 14.29%" for the total and for
  公务用车运行费, its only non-zero part (prior year 8.40; 1.20 ÷ 8.40 = 14.29%), and the reason;
* 政府采购: 32.09 → 28.50 (货物 17.77 + 工程 0 + 服务 10.73), and the 中小企业 reservations with it;
* 国有资产: 房屋价值 606.52 → 580.00.

Every replacement must match exactly the expected number of times, so a change to the sample
makes this script fail loudly instead of producing a half-edited document.

Usage: scripts/make-synthetic.py [SAMPLE] [OUT]   (defaults: the fixtures of this repository)
"""
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "xinjiang-korla-chaoyang-2024-budget.txt"
OUT = ROOT / "fixtures" / "synthetic-sample-renamed.txt"

BANNER = ("【合成示例，非真实文件】本文件由 scripts/make-synthetic.py 根据库尔勒市朝阳街道办事处 2024 年"
          "部门预算改写生成：部门名称及若干数字为虚构，仅用于测试和比较功能演示。")

# (old, new, how many times old must occur)
EDITS = [
    ("库尔勒市朝阳街道办事处", "库尔勒市示例街道办事处", 65),
    ("朝阳街道", "示例街道", 3),
    ("编制数 51，实有人数 189 人，其中：在职 187 人，",
     "编制数 51，实有人数 160 人，其中：在职 158 人，", 1),
    ("2024 年财政拨款“三公”经费预算比上年预算增加 0.00 万元，增长 0.00%，",
     "2024 年财政拨款“三公”经费预算比上年预算增加 1.20 万元，增长 14.29%，", 1),
    ("用车运行费增加 0.00 万元，增长 0.00%，主要原因是本年未增加公务用车运行\n\n费支出，与上年保持一致；",
     "用车运行费增加 1.20 万元，增长 14.29%，主要原因是公务用车维修费用上涨\n\n，相应增加运行费支出；", 1),
    ("政府采购预算 32.09 万元，其中：政府", "政府采购预算 28.50 万元，其中：政府", 1),
    ("政府采购服务预算 14.32", "政府采购服务预算 10.73", 1),
    ("额 32.09 万元，小微企业预留政府采购项目预算金额 32.09 万元。",
     "额 28.50 万元，小微企业预留政府采购项目预算金额 28.50 万元。", 1),
    ("1.房屋 3,616.00 平方米，价值 606.52 万元。", "1.房屋 3,616.00 平方米，价值 580.00 万元。", 1),
]


def main() -> int:
    sample = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    out = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else OUT
    text = sample.read_text(encoding="utf-8")
    for old, new, count in EDITS:
        found = text.count(old)
        if found != count:
            print(f"make-synthetic: expected {count} × {old!r}, found {found}", file=sys.stderr)
            return 1
        text = text.replace(old, new)
    out.write_text(BANNER + "\n" + text, encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
