#!/bin/sh
# The filled self-assessment workbook as LibreOffice prints it: Sở Kế hoạch và Đầu tư's answers of
# 2018 written by `cchc template`, converted to PDF by LibreOffice as written (its own page set-up:
# A4 landscape, two pages across, Mã and Tiêu chí repeated), and the first page of the "Tự chấm"
# sheet (live points, groups, inputs) as the PNG in the README and docs/huong-dan-tu-cham.md.
#
# usage: tests/workbook_screenshot.sh [BUILD_DIR] [OUT.png]     (default build, docs/tu-cham.png)
set -eu
build=${1:-build}
out=${2:-docs/tu-cham.png}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/cchc" template criteria/hue-so-2018.xml --agency skhdt --from samples/hue-2018/so/skhdt.xml \
  -o "$tmp/skhdt.xlsx"
soffice --headless --norestore "-env:UserInstallation=file://$tmp/profile" --convert-to pdf \
  --outdir "$tmp" "$tmp/skhdt.xlsx" >/dev/null 2>&1
# the sheet's first page: the first with its page header (the guide's pages come before it)
pages=$(pdfinfo "$tmp/skhdt.pdf" | awk '/^Pages:/ { print $2 }')
first=0
p=1
while [ "$p" -le "$pages" ]; do
  if pdftotext -f "$p" -l "$p" "$tmp/skhdt.pdf" - | grep -q "(skhdt) — Tự chấm 2018"; then
    first=$p
    break
  fi
  p=$((p + 1))
done
[ "$first" -gt 0 ] || { echo "$0: no page of the Tự chấm sheet in the PDF" >&2; exit 1; }
pdftoppm -png -r 150 -f "$first" -l "$first" -singlefile "$tmp/skhdt.pdf" "$tmp/page"
mkdir -p "$(dirname "$out")"
cp "$tmp/page.png" "$out"
echo "$out"
