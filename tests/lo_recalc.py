#!/usr/bin/python3
"""Recalculate cchc workbooks in LibreOffice for real and print what it computes.

usage: lo_recalc.py [--set NAME@ROW:COL=VALUE]... WORKBOOK.xlsx...   (run with /usr/bin/python3: it needs python3-uno)

Each workbook is first copied with every formula's cached value removed (so
nothing can pass on the values cchc wrote), then opened in one headless
soffice (its own profile in a temporary folder, a private pipe), hard
recalculated (calculateAll) and read back. For each workbook it prints

    == PATH
    ROW<TAB>ID<TAB>MAX-COLUMN VALUE<TAB>POINTS VALUE

for every row of the assessment sheet that has anything in its first three
columns, where POINTS is the last points column ("Điểm sau thẩm định" when
there are appraisal rounds, else "Điểm theo quy tắc"). Numbers are printed
with two decimals, text as is. With --set ROW:COL=VALUE (1-based, on the
assessment sheet) before the workbooks, that cell is typed before the
recalculation, as a person would.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

import uno
from com.sun.star.beans import PropertyValue

POINTS_HEADERS = ("Điểm sau thẩm định", "Points after appraisal", "Điểm theo quy tắc",
                  "Points by the rules")


def strip_cached(src, dst):
    """Copy an .xlsx without the cached values of its formulas."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                text = re.sub(r'(<c [^>]*?) t="str"', r"\1", text)
                text = re.sub(r"(<f>[^<]*</f>)<v>[^<]*</v>", r"\1", text)
                data = text.encode("utf-8")
            zout.writestr(info, data)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            return resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            time.sleep(0.1)
    raise RuntimeError("soffice did not start")


def show(value):
    """A value of getDataArray: numbers with two decimals, text as is."""
    if isinstance(value, float):
        return "%.2f" % value
    return value


def main(argv):
    sets = []
    args = argv[1:]
    while args and args[0] == "--set":
        sets.append(args[1])
        args = args[2:]
    profile = tempfile.mkdtemp(prefix="cchc-lo-")
    out_dir = os.path.join(profile, "bare")
    os.mkdir(out_dir)
    pipe = "cchc_lo_%d" % os.getpid()
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=file://" + profile,
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for path in args:
            bare = os.path.join(out_dir, "%d-%s" % (len(os.listdir(out_dir)), os.path.basename(path)))
            strip_cached(path, bare)
            url = uno.systemPathToFileUrl(os.path.abspath(bare))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            sheet = doc.Sheets.getByIndex(1)
            for s in sets:
                name, s = s.split("@", 1)
                if name != os.path.basename(path):
                    continue
                where, value = s.split("=", 1)
                r, c = (int(x) for x in where.split(":"))
                cell = sheet.getCellByPosition(c - 1, r - 1)
                sheet.unprotect("")
                try:
                    cell.setValue(float(value))
                except ValueError:
                    cell.setString(value)
            doc.calculateAll()
            used = sheet.createCursor()
            used.gotoEndOfUsedArea(False)
            last_row = used.RangeAddress.EndRow
            last_col = used.RangeAddress.EndColumn
            data = sheet.getCellRangeByPosition(0, 0, last_col, last_row).getDataArray()
            header = data[3] if len(data) > 3 else ()
            points_col = None
            for want in POINTS_HEADERS:
                if want in header:
                    points_col = header.index(want)
                    break
            print("== " + path)
            for r, row in enumerate(data):
                a, b, c = (show(v) for v in row[:3])
                if not (a or b or c):
                    continue
                p = show(row[points_col]) if points_col is not None else ""
                print("%d\t%s\t%s\t%s" % (r + 1, a, c, p))
            doc.close(True)
        sys.stdout.flush()
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
