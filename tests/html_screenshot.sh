#!/usr/bin/env bash
# Render the HTML report in headless Chromium as a person would open it:
#  1. a screenshot OUT_DIR/report.png (A4 proportions at 150 dpi) that must
#     exist, be a real image and not be blank;
#  2. a layout check on a copy of the page with a small script injected (the
#     page itself is left as written): no HTML element wider than its box, no
#     page wider than the window, no SVG text outside its chart or on top of
#     another text. Checked at screen width and at A4's printable width.
# Builds nothing: run it from a built tree (./build, or CCHC_BUILD=dir).
# Usage: tests/html_screenshot.sh OUT_DIR
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: tests/html_screenshot.sh OUT_DIR" >&2
  exit 2
fi
mkdir -p "$1"
out=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
build=${CCHC_BUILD:-build}
sample="$build/tests/html_sample"
if [ ! -x "$sample" ]; then
  echo "html_screenshot: $sample is missing: build the tree first (cmake --build $build)" >&2
  exit 1
fi
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "html_screenshot: chromium is not installed (apt-get install chromium)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The skhdt report (until `cchc report … -o DIR` writes index.html itself).
"$sample" "$out/index.html"

chrome() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --hide-scrollbars --user-data-dir="$work/profile" "$@" \
    2>>"$work/chromium.log"
}

# 1. the screenshot
rm -f "$out/report.png"
if ! chrome --window-size=1240,1754 --screenshot="$out/report.png" "file://$out/index.html" >/dev/null; then
  grep -v -e dbus -e UPower "$work/chromium.log" | tail -n 20 >&2 || true
  echo "html_screenshot: chromium failed" >&2
  exit 1
fi
python3 - "$out/report.png" <<'EOF'
# Decode the PNG with the standard library only and count non-white pixels.
import struct, sys, zlib

path = sys.argv[1]
try:
    data = open(path, "rb").read()
except OSError as e:
    sys.exit(f"html_screenshot: no screenshot: {e}")
if len(data) < 20000 or data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit(f"html_screenshot: {path} is missing or tiny ({len(data)} bytes)")
pos, idat, ihdr = 8, [], None
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        ihdr = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat.append(body)
    pos += 12 + n
w, h, depth, ctype, _, _, interlace = ihdr
channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
if depth != 8 or not channels or interlace:
    sys.exit(f"html_screenshot: unexpected PNG format (depth {depth}, type {ctype})")
if w < 1000 or h < 1000:
    sys.exit(f"html_screenshot: screenshot is only {w}x{h}")
raw = zlib.decompress(b"".join(idat))
stride = w * channels
prev = bytearray(stride)
inked = 0
for y in range(h):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    if f == 1:
        for i in range(channels, stride):
            line[i] = (line[i] + line[i - channels]) & 255
    elif f == 2:
        line = bytearray((a + b) & 255 for a, b in zip(line, prev))
    elif f == 3:
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
    elif f == 4:
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
            pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            line[i] = (line[i] + pr) & 255
    colour = min(channels, 3)
    for x in range(0, stride, channels):
        if min(line[x:x + colour]) < 235:
            inked += 1
    prev = line
share = inked / (w * h)
print(f"html_screenshot: {path}: {w}x{h}, {share:.1%} of the pixels inked")
if share < 0.03:
    sys.exit("html_screenshot: the page is (nearly) blank")
EOF

# 2. the layout check, on a copy with the checker injected
python3 - "$out/index.html" "$work/check.html" <<'EOF'
import sys

checker = r"""<script>
window.addEventListener('load', function () {
  var bad = [];
  function name(e) {
    var c = e.getAttribute('class');
    return e.tagName.toLowerCase() + (c ? '.' + c.trim().split(/\s+/).join('.') : '') +
      ' "' + (e.textContent || '').trim().slice(0, 50) + '"';
  }
  var root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1)
    bad.push('page: ' + root.scrollWidth + 'px wide in a ' + root.clientWidth + 'px window');
  document.querySelectorAll('body *').forEach(function (e) {
    if (e.closest('svg') || e.tagName === 'SCRIPT' || e.clientWidth === 0) return;
    if (e.scrollWidth > e.clientWidth + 1)
      bad.push(name(e) + ': content ' + e.scrollWidth + 'px in ' + e.clientWidth + 'px');
  });
  document.querySelectorAll('svg').forEach(function (svg) {
    var box = svg.getBoundingClientRect(), texts = [];
    svg.querySelectorAll('text').forEach(function (t) {
      var r = t.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 ||
          r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
        bad.push(name(t) + ': outside its chart');
      texts.push([t, r]);
    });
    var bars = Array.prototype.map.call(svg.querySelectorAll('rect.bar'), function (r) {
      return [r, r.getBoundingClientRect()];
    });
    function overlap(a, b) {
      var dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      var dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      return dx > 1 && dy > 2;
    }
    for (var i = 0; i < texts.length; i++) {
      for (var k = i + 1; k < texts.length; k++)
        if (overlap(texts[i][1], texts[k][1]))
          bad.push(name(texts[i][0]) + ' overlaps ' + name(texts[k][0]));
      for (var j = 0; j < bars.length; j++)
        if (overlap(texts[i][1], bars[j][1]))
          bad.push(name(texts[i][0]) + ' runs into a bar');
    }
  });
  // print: an agency's name takes two lines at most, a date never breaks over two
  function lines(range) {
    var tops = {};
    Array.prototype.forEach.call(range.getClientRects(), function (q) {
      if (q.width > 0) tops[Math.round(q.top)] = 1;
    });
    return Object.keys(tops).length;
  }
  document.querySelectorAll('td.name').forEach(function (td) {
    var r = document.createRange();
    r.selectNodeContents(td);
    if (lines(r) > 2) bad.push(name(td) + ': ' + lines(r) + ' lines');
  });
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), t, m;
  var date = /\d{1,2}\/\d{1,2}\/\d{4}/g;
  while ((t = walker.nextNode())) {
    if (!t.parentElement || t.parentElement.closest('svg, script, pre')) continue;
    date.lastIndex = 0;
    while ((m = date.exec(t.data))) {
      var d = document.createRange();
      d.setStart(t, m.index);
      d.setEnd(t, m.index + m[0].length);
      if (lines(d) > 1) bad.push('date ' + m[0] + ' wrapped in ' + name(t.parentElement));
    }
  }
  var pre = document.createElement('pre');
  pre.id = 'overflow-report';
  pre.setAttribute('data-count', String(bad.length));
  pre.textContent = bad.join('\n');
  document.body.appendChild(pre);
});
</script>
"""
page = open(sys.argv[1], encoding="utf-8").read()
if "</body>" not in page:
    sys.exit("html_screenshot: no </body> in the page")
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", checker + "</body>", 1))
EOF

# Screen width, then A4's printable width (210 mm less 2 × 12 mm margins at 96 dpi).
status=0
for width in 1240 703; do
  chrome --window-size="$width,1754" --run-all-compositor-stages-before-draw \
    --virtual-time-budget=2000 --dump-dom "file://$work/check.html" >"$work/dom-$width.html" || true
  if ! python3 - "$work/dom-$width.html" "$width" <<'EOF'
import html, re, sys

dom = open(sys.argv[1], encoding="utf-8", errors="replace").read()
m = re.search(r'<pre id="overflow-report" data-count="(\d+)">(.*?)</pre>', dom, re.S)
if not m:
    sys.exit(f"html_screenshot: the layout check did not run at {sys.argv[2]}px")
if m.group(1) != "0":
    print(f"html_screenshot: at {sys.argv[2]}px, {m.group(1)} text(s) overflow:", file=sys.stderr)
    print(html.unescape(m.group(2)), file=sys.stderr)
    sys.exit(1)
print(f"html_screenshot: at {sys.argv[2]}px no text overflows")
EOF
  then
    status=1
  fi
done
# Printed on A4: no page ends with a heading (the text after it went to the next page).
if chrome --no-pdf-header-footer --print-to-pdf="$work/print.pdf" "file://$out/index.html" \
     >/dev/null && [ -s "$work/print.pdf" ]; then
  if ! python3 - "$out/index.html" "$work/print.pdf" <<'EOF'
import html, re, subprocess, sys

page = open(sys.argv[1], encoding="utf-8").read()
heads = {html.unescape(re.sub(r"<[^>]+>", "", h)).strip()
         for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", page, re.S)}
info = subprocess.run(["pdfinfo", sys.argv[2]], capture_output=True, text=True).stdout
pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
bad = []
for n in range(1, pages + 1):
    text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), sys.argv[2], "-"],
                          capture_output=True, text=True).stdout
    rows = [r.strip() for r in text.splitlines() if r.strip()]
    if rows and rows[-1] in heads:
        bad.append(f"page {n} ends with the heading \"{rows[-1]}\"")
if bad:
    sys.exit("html_screenshot: in print, " + "; ".join(bad))
print(f"html_screenshot: printed on {pages} A4 pages, no heading at a page's foot")
EOF
  then
    status=1
  fi
else
  echo "html_screenshot: chromium did not print the page" >&2
  status=1
fi
if [ "$status" -ne 0 ]; then
  grep -v -e dbus -e UPower "$work/chromium.log" | tail -n 20 >&2 || true
fi
exit "$status"
