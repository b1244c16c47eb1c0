#!/usr/bin/env python3
"""Write a PDF's text as a browser gives it when a person copies an HTML table or a spreadsheet:
every ruled table's rows one per line with cells separated by tabs (an empty cell stays an empty
field, a cell's wrapped lines are joined), and the text around the tables as plain lines, in
page order. Used to make the corpus's `tsv` copies (README "A reviewed corpus").

    scripts/corpus/tsv-copy.py FILE.pdf > tsv.txt      (pip install pdfplumber)
"""
import sys

import pdfplumber


def cell(text):
    # A web page's table cell does not break where the PDF wrapped it.
    return "" if text is None else "".join(text.split("\n")).strip()


def outside(tables):
    """A filter keeping the characters whose centre lies in no table (a table's text is given
    by its cells; a crop would also catch the glyphs that overhang its border)."""
    def keep(obj):
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in tables)
    return keep


def page_text(page):
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    text = page.filter(outside([t.bbox for t in tables]))
    out, top = [], 0
    for t in tables:
        x0, t_top, x1, t_bottom = t.bbox
        if t_top > top:
            above = text.crop((0, top, page.width, t_top)).extract_text()
            if above:
                out.append(above)
        rows = t.extract()
        out.extend("\t".join(cell(c) for c in row) for row in rows)
        top = t_bottom
    if top < page.height:
        rest = text.crop((0, top, page.width, page.height)).extract_text()
        if rest:
            out.append(rest)
    return "\n".join(out)


def main(path):
    with pdfplumber.open(path) as pdf:
        sys.stdout.write("\n".join(page_text(p) for p in pdf.pages) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
