#!/usr/bin/python3
"""Edit a workbook as a person (or another program) would, with openpyxl (Debian's python3-openpyxl).

usage: wb_edit.py IN.xlsx OUT.xlsx EDIT...

Edits, applied in order to the sheet named by the first edit "sheet=NAME" (default: the second sheet):
  A1=text        type text into a cell ("0,8", "12/01/2019", "Có")
  A1=#1.5        type a number
  A1=            clear the cell
  insert-row=N   insert a blank row before row N
  insert-col=N   insert a blank column before column N (1-based)
  hide-row=N     hide row N
  swap-rows=N:M  exchange the contents of rows N and M
  extra-col=N:HEADER  write HEADER into column N of the header row (4) and junk below
  move-col=N:M   move column N (values and styles) to before column M, as a person drags it
                 (merged cells are unmerged first, here and below)
  delete-col=N   delete column N
Formulas are kept as text without cached values, as openpyxl writes them.
"""
import copy
import sys

import openpyxl


def unmerge_all(ws):
    """openpyxl moves no merged cells with the columns: unmerge them first."""
    for m in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(m))


def main(argv):
    src, dst, edits = argv[1], argv[2], argv[3:]
    wb = openpyxl.load_workbook(src)
    ws = wb.worksheets[1]
    for e in edits:
        key, _, value = e.partition("=")
        if key == "sheet":
            ws = wb[value]
        elif key == "insert-row":
            ws.insert_rows(int(value))
        elif key == "insert-col":
            ws.insert_cols(int(value))
        elif key == "hide-row":
            ws.row_dimensions[int(value)].hidden = True
        elif key == "swap-rows":
            a, b = (int(x) for x in value.split(":"))
            for col in range(1, ws.max_column + 1):
                ca, cb = ws.cell(a, col), ws.cell(b, col)
                ca.value, cb.value = cb.value, ca.value
        elif key == "extra-col":
            n, header = value.split(":", 1)
            ws.cell(4, int(n)).value = header
            for r in range(5, ws.max_row + 1):
                ws.cell(r, int(n)).value = "ghi chú %d" % r
        elif key == "move-col":
            a, b = (int(x) for x in value.split(":"))
            unmerge_all(ws)
            ws.insert_cols(b)
            a += a >= b
            for r in range(1, ws.max_row + 1):
                ws.cell(r, b).value = ws.cell(r, a).value
                ws.cell(r, b)._style = copy.copy(ws.cell(r, a)._style)
            ws.delete_cols(a)
        elif key == "delete-col":
            unmerge_all(ws)
            ws.delete_cols(int(value))
        elif value.startswith("#"):
            ws[key] = float(value[1:])
        else:
            ws[key] = value if value else None
    wb.save(dst)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
