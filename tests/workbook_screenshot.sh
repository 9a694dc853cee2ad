#!/bin/sh
# The filled self-assessment workbook as LibreOffice shows it: Sở Kế hoạch và Đầu tư's answers of
# 2018 written by `cchc template`, recalculated and printed by LibreOffice (the top of the "Tự chấm"
# sheet: live points, groups, inputs), as the PNG in the README and docs/huong-dan-tu-cham.md.
#
# usage: tests/workbook_screenshot.sh [BUILD_DIR] [OUT.png]     (default build, docs/tu-cham.png)
set -eu
build=${1:-build}
out=${2:-docs/tu-cham.png}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/cchc" template criteria/hue-so-2018.xml --agency skhdt --from samples/hue-2018/so/skhdt.xml \
  -o "$tmp/skhdt.xlsx"
# print only the first rows and the columns up to the explanation, the other sheets hidden
/usr/bin/python3 - "$tmp/skhdt.xlsx" "$tmp/shot.xlsx" <<'EOF'
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Tự chấm"]
last = max(c.column for c in ws[4] if c.value == "Giải trình")
ws.print_area = "A1:%s28" % openpyxl.utils.get_column_letter(last)
ws.page_setup.fitToHeight = 1
for other in wb.worksheets:
    if other.title != "Tự chấm":
        other.sheet_state = "hidden"
wb.active = wb.worksheets.index(ws)
wb.save(sys.argv[2])
EOF
soffice --headless --norestore "-env:UserInstallation=file://$tmp/profile" --convert-to pdf \
  --outdir "$tmp" "$tmp/shot.xlsx" >/dev/null 2>&1
pdftoppm -png -r 150 -f 1 -l 1 -singlefile "$tmp/shot.pdf" "$tmp/page"
mkdir -p "$(dirname "$out")"
cp "$tmp/page.png" "$out"
echo "$out"
