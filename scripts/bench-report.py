#!/usr/bin/env python3
"""Prints one table of the benchmark results (run by `make bench`, after `cargo bench`).

Collects, and prints as one table with the machine it ran on:

* native, from criterion's estimates (target/criterion/<group>/<bench>/new/*.json): parse,
  check and analyze of the sample and of the 100-document set, against the lower bound (split
  into lines and read every number token into a Decimal), with MB/s;
* wasm: the core's analyze() in headless Chromium (crates/disclosure/benches/wasm/run.mjs,
  built with the app's size-optimised profile), and its ratio to native analyze;
* the page: paste -> findings rendered (scripts/bench-page.mjs), a 100-document comparison
  rendered (scripts/bench-compare.mjs), and the first load over a slow network (first
  contentful paint, and the findings of a paste made then; scripts/bench-first-load.mjs);
* sizes: the wasm, js and css of dist/, raw and gzipped as served (the zopfli copies of
  crates/precompress, else gzip -9), and the single-file build (gzip -9);
* `disclosure compare --csv` over 1,000 documents (median of 3 runs, default threads and one);
* each corpus PDF (not the held-out document's): its text read natively (the best of six
  readings, `disclosure-pdf`'s `pdftext --time` example) and `disclosure check --json` of it,
  the whole command from PDF to findings (median of 5 runs).

Usage: scripts/bench-report.py [--no-browser] [--no-compare] [--markdown]
  --no-browser  skip the wasm and page timings (no Chromium needed)
  --no-compare  skip timing the CLI
  --markdown    print the table as Markdown
The Markdown form is also written to target/bench-report.md (for README.md's Performance
section).
Environment: CARGO_TARGET_DIR, NATIVE_PROFILE (the cargo profile of the native CLI, default
"native"), DIST (default dist).
"""
import gzip
import json
import os
import pathlib
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
CRITERION = TARGET / "criterion"
PROFILE = os.environ.get("NATIVE_PROFILE", "native")
BINARY = TARGET / PROFILE / "disclosure"
DIST = pathlib.Path(os.environ.get("DIST", ROOT / "dist"))
SINGLE = ROOT / "dist-single" / "budget-lens.html"
FIXTURES = [
    ROOT / "fixtures" / "xinjiang-korla-chaoyang-2024-budget.txt",
    ROOT / "fixtures" / "synthetic-sample-renamed.txt",
]
GROUPS = [("sample", "sample (59 kB)"), ("set100", "100 documents (5.9 MB)")]
FOOTNOTE = ("MB/s = input bytes ÷ median time (1 MB = 10^6 bytes). lower bound = split into lines "
            "and read every number token into a Decimal. check runs on an already parsed document.")


def log(msg):
    print(f"bench-report: {msg}", file=sys.stderr, flush=True)


def machine():
    model = platform.processor() or "unknown CPU"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ""
    try:
        load = ", load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        pass
    return f"{model}, nproc {nproc}{load}"


def estimate(group, bench):
    """(median ns, bytes) of a criterion benchmark, or None."""
    d = CRITERION / group / bench / "new"
    try:
        est = json.loads((d / "estimates.json").read_text())
        meta = json.loads((d / "benchmark.json").read_text())
    except (OSError, ValueError):
        return None
    throughput = meta.get("throughput") or {}
    return est["median"]["point_estimate"], throughput.get("Bytes") or throughput.get("BytesDecimal")


def fmt_ms(ms):
    if ms is None:
        return "—"
    if ms >= 1000:
        return f"{ms / 1000:.2f} s"
    if ms >= 10:
        return f"{ms:.0f} ms"
    return f"{ms:.2f} ms"


def fmt_kb(n):
    return f"{n / 1000:.1f} kB"


def run(cmd, timeout=900):
    """stdout of a command, or None (with the reason logged)."""
    try:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as e:
        log(f"{' '.join(map(str, cmd))}: {e}")
        return None
    if proc.returncode != 0:
        log(f"{' '.join(map(str, cmd))} failed: {proc.stderr.strip()[-300:]}")
        return None
    return proc.stdout


def wasm_timing():
    log("wasm: building and timing analyze() in headless Chromium (benches/wasm/run.mjs)")
    out = run(["node", "crates/disclosure/benches/wasm/run.mjs", "200"])
    if not out:
        return None
    return json.loads(out.strip().splitlines()[-1])


def page_lines(script, args=()):
    """{name: (median ms, analysis median ms or None)} from a page benchmark's output."""
    log(f"page: node {script}")
    out = run(["node", script, *args])
    if not out:
        return {}
    found = {}
    for line in out.splitlines():
        m = re.match(r"bench: (.+?)\s+[\d.]+ (?:kB|M chars)\s+median\s+(\d+) ms(?:.*(?:analysis|text in) median\s+(\d+) ms)?", line)
        if m:
            found[m.group(1)] = (float(m.group(2)), float(m.group(3)) if m.group(3) else None)
    return found


def first_load():
    """The medians of scripts/bench-first-load.mjs, or None: the figures `make test` wrote to
    target/first-load.json when they are of the build in dist/ (the same wasm), else a run of
    the script now (which writes that file too)."""
    saved = TARGET / "first-load.json"
    wasm = [f.name for f in DIST.glob("*.wasm")]
    try:
        first = json.loads(saved.read_text())
    except (OSError, ValueError):
        first = None
    if first and first.get("wasm") in wasm:
        log(f"page: the first load as measured on {first.get('date', '?')} ({saved}, same build)")
        return first
    log("page: node scripts/bench-first-load.mjs")
    out = run(["node", "scripts/bench-first-load.mjs"])
    for line in (out or "").splitlines():
        if line.startswith("bench-json: "):
            return json.loads(line[len("bench-json: "):])
    return None


def gz_size(path):
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def served_size(path):
    """What a server sends: the zopfli copy NAME.gz made by crates/precompress when it is newer
    than the file (as scripts/size-report.sh and tests/e2e/server.mjs take it), else gzip -9."""
    copy = path.with_name(path.name + ".gz")
    if copy.exists() and copy.stat().st_mtime >= path.stat().st_mtime:
        return copy.stat().st_size
    return gz_size(path)


LATER = ("sw.js", "worker.js")
# The PDF reader: fetched when the first PDF is opened (src/pdf.rs).
PDF_READER_STEMS = ("pdf-reader", "pdf-worker", "disclosure-pdf-worker")


def pdf_reader_file(f):
    """Whether a file of dist/ is the PDF reader's (scripts/hash-later.mjs adds a hash to its
    names: pdf-worker-0123456789abcdef.js)."""
    return f.name.startswith(PDF_READER_STEMS)


def sizes():
    """(what, raw, gzipped as served): the eager bundle by kind (see scripts/size-report.sh), the files
    loaded later, the single-file page."""
    rows = []
    eager = [("html", [DIST / "index.html"])]
    for ext in ("wasm", "js", "css"):
        eager.append((ext, [f for f in sorted(DIST.glob(f"*.{ext}"))
                            if f.name not in LATER and not pdf_reader_file(f)]))
    eager.append(("sw.js + worker.js (later)", [DIST / n for n in LATER if (DIST / n).exists()]))
    eager.append(("PDF reader (later, when a PDF is opened)",
                  sorted(f for f in DIST.glob("*") if f.suffix in (".js", ".wasm") and pdf_reader_file(f))))
    total = [0, 0]
    for what, files in eager:
        files = [f for f in files if f.exists()]
        if files:
            raw = sum(f.stat().st_size for f in files)
            gz = sum(served_size(f) for f in files)
            rows.append((what, raw, gz))
            if "later" not in what:
                total[0] += raw
                total[1] += gz
    rows.append(("eager bundle", total[0], total[1]))
    if SINGLE.exists():
        rows.append(("single-file page", SINGLE.stat().st_size, gz_size(SINGLE)))
    return rows


def time_compare(n_docs=1000, runs=3):
    if not BINARY.exists():
        log(f"{BINARY} not found: cargo build --profile {PROFILE} -p disclosure-cli")
        return None
    log(f"compare: {BINARY.relative_to(ROOT) if BINARY.is_relative_to(ROOT) else BINARY} compare --csv, {n_docs} documents")
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="disclosure-bench-"))
    try:
        paths = []
        for i in range(n_docs):
            dst = tmp / f"doc-{i:04d}.txt"
            shutil.copyfile(FIXTURES[i % 2], dst)
            paths.append(str(dst))
        total = sum(os.path.getsize(p) for p in paths)
        results = []
        for label, threads in (("default threads", None), ("1 thread", "1")):
            env = dict(os.environ)
            if threads:
                env["DISCLOSURE_THREADS"] = threads
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                proc = subprocess.run([str(BINARY), "compare", "--csv", *paths], env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                times.append(time.perf_counter() - start)
                if proc.returncode != 0:
                    log(f"disclosure compare failed: {proc.stderr.decode()[:200]}")
                    return None
            results.append((label, statistics.median(times) * 1e3, total))
        return results
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def corpus_pdfs():
    """The corpus documents' PDFs, without the held-out ones (never read here)."""
    import tomllib
    manifest = tomllib.loads((ROOT / "fixtures" / "corpus" / "corpus.toml").read_text(encoding="utf-8"))
    out = []
    for doc in manifest.get("document", []):
        if doc.get("held_out"):
            continue
        pdf = ROOT / "fixtures" / "corpus" / doc["id"] / "document.pdf"
        if pdf.exists():
            out.append((doc["id"], pdf))
    return out


def time_pdfs(runs=5):
    """Rows for each corpus PDF: its text natively, and `disclosure check` from PDF to findings."""
    rows = []
    pdfs = corpus_pdfs()
    reader = TARGET / PROFILE / "examples" / "pdftext"
    if reader.exists():
        log(f"pdf: {reader.name} --time, {len(pdfs)} PDFs")
        out = run([str(reader), "--time", *[str(p) for _, p in pdfs]]) or ""
        for (doc, pdf), line in zip(pdfs, out.splitlines()):
            ms = float(line.split("\t")[1].split()[0])
            size = pdf.stat().st_size
            rows.append(("native PDF → text", f"{doc} ({size / 1e6:.2f} MB)", ms,
                         f"{size / (ms / 1e3) / 1e6:.1f}", "best of 6; disclosure-pdf"))
    else:
        log(f"{reader} not found: cargo build --profile {PROFILE} -p disclosure-pdf --example pdftext")
    if BINARY.exists():
        for doc, pdf in pdfs:
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                proc = subprocess.run([str(BINARY), "check", "--json", str(pdf)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                times.append(time.perf_counter() - start)
                if proc.returncode != 0:
                    log(f"disclosure check {pdf} failed: {proc.stderr.decode()[:200]}")
                    break
            else:
                size = pdf.stat().st_size
                rows.append(("CLI check: PDF → findings", f"{doc} ({size / 1e6:.2f} MB)",
                             statistics.median(times) * 1e3, "",
                             f"the whole command, median of {runs}; --profile {PROFILE}"))
    return rows


def main():
    args = set(sys.argv[1:])
    browser = "--no-browser" not in args
    rows = []  # (what, input, time, MB/s, note)

    native_analyze = None
    for group, title in GROUPS:
        lb = estimate(group, "lower_bound")
        for bench in ("lower_bound", "parse", "check", "analyze"):
            e = estimate(group, bench)
            name = f"native {bench.replace('_', ' ')}"
            if e is None:
                rows.append((name, title, None, "", "not run (cargo bench)"))
                continue
            ns, size = e
            mbs = f"{size / (ns / 1e9) / 1e6:.1f}" if size else ""
            note = f"{ns / lb[0]:.1f}× lower bound" if lb and bench != "lower_bound" else ""
            if bench == "check":
                mbs, note = "", (note + ", already parsed").lstrip(", ")
            rows.append((name, title, ns / 1e6, mbs, note))
            if group == "sample" and bench == "analyze":
                native_analyze = ns / 1e6

    if browser:
        w = wasm_timing()
        if w:
            ms = w["batch_median_ms"]
            ratio = f"{ms / native_analyze:.2f}× native" if native_analyze else ""
            rows.append(("wasm analyze (Chromium)", f"sample, {w['runs']} runs", ms,
                         f"{w['bytes'] / (ms / 1e3) / 1e6:.1f}",
                         f"{ratio}; median of batches of 5, mean {w['mean_ms']:.2f} ms".lstrip("; ")))
            if "cold_ms" in w:
                rows.append(("wasm analyze, fresh page", "sample, 1st run", w["cold_ms"], "",
                             f"2nd run {w['second_ms']:.1f} ms, 3rd {w['third_ms']:.1f} ms: "
                             "V8 compiles on first call, optimises later"))
        else:
            rows.append(("wasm analyze (Chromium)", "sample", None, "", "failed (see above)"))
        page = page_lines("scripts/bench-page.mjs")
        for name, label in (("sample", "sample (59 kB)"),
                            ("wanli 2023", "Shanghai 万里街道 2023 (52 kB)"),
                            ("sample x20", "20 × sample (1.2 MB)")):
            if name in page:
                total, analysis = page[name]
                note = "to the end of the painted frame"
                if analysis is not None:
                    note += f"; analysis {analysis:.0f} ms, the rest is layout and rendering"
                rows.append(("page: paste → findings", label, total, "", note))
        pdf = page_lines("scripts/bench-pdf.mjs")
        for name, (total, read) in sorted(pdf.items()):
            doc = name.removeprefix("pdf ").strip()
            size = (ROOT / "fixtures" / "corpus" / doc / "document.pdf").stat().st_size
            rows.append(("page: PDF opened → findings", f"{doc} ({fmt_kb(size)})", total, "",
                         f"engine loaded; text in after {read:.0f} ms (the PDF worker's read), "
                         "the rest is analysis and rendering; to the end of the painted frame"))
        if (ROOT / "scripts" / "bench-compare.mjs").exists():
            cmp = page_lines("scripts/bench-compare.mjs")
            for name, (total, _) in cmp.items():
                rows.append(("page: compare rendered", f"100 documents, {name}", total, "",
                             "to the end of the painted frame"))
        else:
            rows.append(("page: compare rendered", "100 documents", None, "", "no scripts/bench-compare.mjs"))
        first = first_load()
        if first:
            net = "1.6 Mbit/s down, 750 kbit/s up, 150 ms latency, gzip, no cache"
            received = ", ".join(f"{k} {fmt_kb(n)}" for k, n in first["bytes"].items())
            rows.append(("page: first contentful paint", f"first load, {net}", first["fcp_ms"], "",
                         f"target ≤ 1.0 s; range {fmt_ms(first['fcp_range'][0])}–{fmt_ms(first['fcp_range'][1])}"))
            rows.append(("page: paste at FCP → findings shown", "sample, same load", first["findings_ms"], "",
                         f"from navigation; target ≤ 3.5 s; range {fmt_ms(first['findings_range'][0])}–"
                         f"{fmt_ms(first['findings_range'][1])} over {first['runs']} runs; received "
                         f"{fmt_kb(first['total_bytes'])} gzipped ({received})"))
        else:
            rows.append(("page: first load", "sample", None, "", "failed (see above)"))

    if "--no-compare" not in args:
        res = time_compare()
        for label, ms, total in res or []:
            rows.append(("CLI disclosure compare", f"1,000 documents, {label}", ms,
                         f"{total / (ms / 1e3) / 1e6:.1f}", f"--profile {PROFILE}"))

    rows += time_pdfs()

    for what, raw, gz in sizes():
        rows.append((f"size: {what}", "", None, "", f"{fmt_kb(raw)} raw, {fmt_kb(gz)} gzipped"))

    header = ("step", "input", "median", "MB/s", "notes")
    head = [f"machine: {machine()}",
            f"native: cargo profile {PROFILE!r} (opt-level 3) for criterion and the CLI; wasm and "
            f"page: the release profile (opt-level \"z\") as shipped"]
    # Sizes have no time; a missing time is a dash.
    table = [header] + [(a, b, "" if a.startswith("size") else fmt_ms(c), d, e)
                        for a, b, c, d, e in rows]
    markdown = [f"{head[0]}; {head[1]}", "",
                "| " + " | ".join(header) + " |",
                "|" + "|".join(["---", "---", "---:", "---:", "---"]) + "|"]
    markdown += ["| " + " | ".join(r) + " |" for r in table[1:]]
    markdown += ["", FOOTNOTE]
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / "bench-report.md").write_text("\n".join(markdown) + "\n", encoding="utf-8")
    if "--markdown" in args:
        print("\n".join(markdown))
    else:
        print("\n".join(head))
        print()
        widths = [max(len(r[i]) for r in table) for i in range(5)]
        for n, r in enumerate(table):
            cells = [r[0].ljust(widths[0]), r[1].ljust(widths[1]), r[2].rjust(widths[2]),
                     r[3].rjust(widths[3]), r[4]]
            print("  ".join(cells).rstrip())
            if n == 0:
                print("  ".join("-" * w for w in widths))
    print()
    print(FOOTNOTE)
    # The measure of trust beside the measures of speed: the reviewed corpus, document by copy.
    corpus = corpus_report()
    if corpus:
        print()
        print("The reviewed corpus (`disclosure corpus`; fixtures/corpus):")
        print(corpus)
        with (TARGET / "bench-report.md").open("a", encoding="utf-8") as f:
            f.write("\nThe reviewed corpus (`disclosure corpus`):\n\n" + corpus + "\n")
    return 0


def corpus_report():
    """The corpus table of `disclosure corpus` (the native CLI just built), or None."""
    exe = ROOT / "target" / PROFILE / "disclosure"
    if not exe.exists():
        return None
    out = subprocess.run([str(exe), "corpus", str(ROOT / "fixtures" / "corpus")],
                         capture_output=True, text=True)
    # The table ends at the first blank line; disagreements (if any) follow it.
    return out.stdout.split("\n\n")[0].rstrip()


if __name__ == "__main__":
    sys.exit(main())
