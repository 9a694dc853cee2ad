#!/usr/bin/python3
"""The pages of cchc serve in a real browser (headless Chromium through chromedriver).

test_pages.py CCHC_BINARY SOURCE_DIR [SCREENSHOT_DIR]

Starts `cchc serve --demo` on a free loopback port, then runs the three journeys: the agency
(skhdt) fills three criteria and sees the engine's points and total change (70 → 72,50, hand-computed
below), uploads a PDF and submits; the appraiser cuts one criterion with a reason and closes round 1;
the agency explains; round 2 is closed; the evaluator publishes and the ranking shows the new figures;
an agency opening another agency's page is refused. Every page's screenshot is saved (docs/pages-*.png)
and checked: not blank, nothing wider than the window. The time from an input's change to its points
on screen is read from the page (Performance API) and printed. Exit 77 (skipped) without Chromium.
"""
import json
import os
import shutil
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zlib

CHROMIUM = shutil.which('chromium') or '/usr/bin/chromium'
DRIVER = shutil.which('chromedriver') or '/usr/bin/chromedriver'
if not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)):
    print('test_pages: skipped: chromium and chromedriver are needed (apt-get install chromium chromium-driver)')
    sys.exit(77)

from selenium import webdriver  # noqa: E402  (after the skip: python3-selenium may come with chromium)
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

CLI, SOURCE = sys.argv[1], sys.argv[2]
SHOTS = sys.argv[3] if len(sys.argv) > 3 else os.path.join(SOURCE, 'docs')
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print(f'FAIL: {what}', flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def png_not_blank(data):
    """Decode the PNG's pixels (zlib over IDAT) and tell whether they are more than one colour."""
    assert data[:8] == b'\x89PNG\r\n\x1a\n'
    pos, idat = 8, b''
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        if kind == b'IDAT':
            idat += data[pos + 8:pos + 8 + n]
        pos += 12 + n
    raw = zlib.decompress(idat)
    counts = {}
    for b in raw[::7]:
        counts[b] = counts.get(b, 0) + 1
    most = max(counts.values())
    # PNG filters turn rows like the one above into zeros: a blank page is all but 100 % one byte
    return len(counts) > 8 and most < 0.999 * sum(counts.values())


# Every form control has a name a screen reader reads; every text is at a contrast of 4.5:1 or more
# (WCAG 2 relative luminance, against the first opaque background up the tree); disabled controls,
# which WCAG exempts, are not counted.
A11Y_JS = """
const unlabelled = [...document.querySelectorAll('input, select, textarea, button')]
  .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
               && !e.getAttribute('aria-labelledby') && !(e.tagName === 'BUTTON' && e.textContent.trim()))
  .map(e => e.id || e.outerHTML.slice(0, 60));
const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
const lum = c => { const v = c.slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
const bg = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
  if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c; } return [255, 255, 255]; };
let worst = 21, where = '';
for (const e of document.querySelectorAll('body *')) {
  if (e.disabled || e.closest('[disabled]') || !e.offsetParent && e.tagName !== 'BODY') continue;
  if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
  const a = lum(rgb(getComputedStyle(e).color)), b = lum(bg(e));
  const r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (r < worst) { worst = r; where = (e.id || e.tagName) + ': ' + e.textContent.trim().slice(0, 40); }
}
return [unlabelled, worst, where];
"""


class Browser:
    def __init__(self, base):
        self.base = base
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for a in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                  '--window-size=1366,768', '--lang=vi', '--force-device-scale-factor=1'):
            opts.add_argument(a)
        self.d = webdriver.Chrome(service=Service(DRIVER), options=opts)
        self.d.set_window_size(1366, 768)
        # a page re-rendered under a wait replaces its elements: look again
        self.wait = WebDriverWait(self.d, 10, ignored_exceptions=(StaleElementReferenceException,))

    def by_id(self, i):
        return self.wait.until(lambda d: d.find_element(By.ID, i))

    def text_is(self, i, text):
        try:
            self.wait.until(lambda d: d.find_element(By.ID, i).text.strip() == text)
            return True
        except Exception:
            els = self.d.find_elements(By.ID, i)
            print(f'  #{i}: {els[0].text.strip() if els else "(none)"!r}, wanted {text!r}', flush=True)
            return False

    def text_has(self, i, text):
        try:
            self.wait.until(lambda d: text in d.find_element(By.ID, i).text)
            return True
        except Exception:
            els = self.d.find_elements(By.ID, i)
            print(f'  #{i}: {els[0].text.strip()[:200] if els else "(none)"!r}, wanted {text!r}', flush=True)
            return False

    def login(self, user):
        if not self.d.find_elements(By.ID, 'login-user'):
            self.d.get(self.base + '/')
        self.by_id('login-user').send_keys(user)
        self.by_id('login-password').send_keys('demo', Keys.ENTER)
        self.wait.until(lambda d: d.find_element(By.ID, 'logout').is_displayed())

    def logout(self):
        self.by_id('logout').click()
        self.by_id('login-user')

    def shot(self, name, width=1366):
        """Save docs/pages-NAME.png (the whole page) and check it is neither blank nor overflowing."""
        d = self.d
        d.set_window_size(width, 768)
        time.sleep(0.2)
        over = d.execute_script('return [document.documentElement.scrollWidth, window.innerWidth]')
        check(over[0] <= over[1], f'{name}: the page is wider than the window at {width} px ({over[0]} > {over[1]})')
        unlabelled, worst, where = d.execute_script(A11Y_JS)
        check(not unlabelled, f'{name}: controls without a label: {unlabelled[:5]}')
        check(4.5 <= worst < 21, f'{name}: text at a contrast of {worst:.2f}:1 ({where})')
        print(f'  {name}: lowest text contrast {worst:.2f}:1 ({where})', flush=True)
        height = min(d.execute_script('return document.documentElement.scrollHeight'), 1600)
        d.set_window_size(width, max(height, 768))
        d.execute_script('window.scrollTo(0, 0)')
        time.sleep(0.2)
        png = d.get_screenshot_as_png()
        d.set_window_size(1366, 768)
        check(png_not_blank(png), f'{name}: the screenshot is blank')
        os.makedirs(SHOTS, exist_ok=True)
        with open(os.path.join(SHOTS, f'pages-{name}.png'), 'wb') as f:
            f.write(png)

    def set_value(self, i, value):
        """A date input takes its value as the browser's own picker would set it, then change."""
        self.by_id(i)
        self.d.execute_script(
            "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
            "e.dispatchEvent(new Event('change', {bubbles: true}));", i, value)

    def confirm(self):
        self.by_id('confirm-yes').click()
        self.wait.until(lambda d: not d.find_elements(By.ID, 'confirm-yes'))


# A download as the page's own link makes it (the session cookie is HttpOnly: the browser sends it):
# [status, Content-Type, Content-Disposition, the first two bytes, size].
FETCH_JS = """
const done = arguments[arguments.length - 1];
fetch(arguments[0], {credentials: 'same-origin'}).then(async (r) => {
  const b = new Uint8Array(await r.arrayBuffer());
  done([r.status, r.headers.get('Content-Type'), r.headers.get('Content-Disposition'),
        String.fromCharCode(b[0], b[1]), b.length]);
}).catch((e) => done([0, String(e), '', '', 0]));
"""
DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'


def download(b, link_id):
    return b.d.execute_async_script(FETCH_JS, b.by_id(link_id).get_attribute('href'))


def close_round(b):
    """The appraiser closes the open round of skhdt (with its confirmation) and is back at the queue."""
    b.by_id('close-round').click()
    b.confirm()
    b.wait.until(lambda d: d.current_url.endswith('#/appraise/2018'))
    b.logout()


def http(base, path, cookie=None):
    """GET path: (status, Content-Type, Content-Security-Policy, body)."""
    req = urllib.request.Request(base + path, headers={'Cookie': cookie} if cookie else {})
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, r.headers.get('Content-Type'), r.headers.get('Content-Security-Policy'), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get('Content-Type'), e.headers.get('Content-Security-Policy'), e.read()


def routes(base):
    """The pages' own routes: embedded files only, the criteria set behind a session."""
    st, ctype, csp, body = http(base, '/')
    check(st == 200 and ctype == 'text/html; charset=utf-8' and b'/static/app.js' in body, f'GET / ({st}, {ctype})')
    check(csp and "script-src 'self'" in csp, f'GET / carries the strict CSP ({csp})')
    st, ctype, _, _ = http(base, '/static/app.js')
    check(st == 200 and ctype == 'text/javascript; charset=utf-8', f'GET /static/app.js ({st}, {ctype})')
    st, _, _, _ = http(base, '/static/style.css')
    check(st == 200, f'GET /static/style.css ({st})')
    for path in ('/static/nope.js', '/static/embed.cmake', '/static/..%2Fserver%2Fstatic.c', '/static/%2e%2e',
                 '/static/a/b', '/index.html'):
        st, _, _, body = http(base, path)
        check(st in (400, 404) and b'{"error"' in body, f'GET {path} is refused ({st}, {body[:60]!r})')
    st, _, _, _ = http(base, '/api/years/2018/criteria/so-nganh')
    check(st == 401, f'the criteria set needs a session ({st})')
    login = urllib.request.Request(base + '/api/session', data=json.dumps({'user': 'skhdt', 'password': 'demo'}).encode(),
                                   headers={'Content-Type': 'application/json'})
    with urllib.request.urlopen(login, timeout=5) as r:
        cookie = r.headers.get('Set-Cookie').split(';')[0]
    st, ctype, _, body = http(base, '/api/years/2018/criteria/so-nganh', cookie)
    doc = json.loads(body) if st == 200 else {}
    check(doc.get('schema') == 'cchc-criteria/1' and doc.get('id') == 'hue-so-2018' and len(doc.get('groups', [])) == 11,
          f'GET /api/years/2018/criteria/so-nganh ({st}, {body[:80]!r})')
    st, _, _, body = http(base, '/api/years/2018/criteria/nope', cookie)
    check(st == 404 and 'khối' in body.decode(), f'an unknown block is 404 ({st}, {body!r})')


def main():
    port = free_port()
    base = f'http://127.0.0.1:{port}'
    server = subprocess.Popen([CLI, 'serve', '--demo', '--listen', f'127.0.0.1:{port}'],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    tmp = tempfile.mkdtemp(prefix='cchc-pages-')
    b = None
    try:
        for _ in range(100):
            try:
                socket.create_connection(('127.0.0.1', port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        routes(base)
        b = Browser(base)
        d = b.d

        # ---- the agency: login page, then its form with the engine's figures
        d.get(base + '/')
        b.by_id('login-user')
        b.shot('login')
        b.shot('login-phone', 390)
        b.login('skhdt')
        check(b.text_is('sum-total', '70,00/100'), 'skhdt starts at 70,00/100')
        check(b.text_is('sum-band', 'Khá'), 'skhdt starts Khá')
        check(b.text_is('sum-rank', 'thứ 18/21'), 'skhdt is estimated 18/21')
        check(b.text_is('pts-1.1.1', '0,50/1'), '1.1.1 late: 0,50/1')
        # by keyboard: the focus starts at the page, then follows the reading order
        focus = []
        for _ in range(2):  # (a third stays in the date's day, month and year)
            ActionChains(d).send_keys(Keys.TAB).perform()
            focus.append(d.execute_script('const e = document.activeElement; return e.id || e.tagName'))
        check(focus == ['SUMMARY', 'in-1.1.1-date'], f'Tab order from the page: {focus}')
        # Three criteria, each total computed by hand from the criteria set:
        # 1.1.1 deadline 31/01/2018 (1 point; 0,5 within 15 days): 12/02 → 20/01/2018: 0,50 → 1,00, total 70,50
        b.set_value('in-1.1.1-date', '2018-01-20')
        check(b.text_is('pts-1.1.1', '1,00/1'), '1.1.1 on time: 1,00/1')
        check(b.text_is('sum-total', '70,50/100'), 'total 70,50 after 1.1.1')
        # 1.6.1 yes-no, 1 point: Không → Có: 0 → 1, total 71,50
        Select(b.by_id('in-1.6.1-met')).select_by_value('true')
        check(b.text_is('pts-1.6.1', '1,00/1'), '1.6.1 done: 1,00/1')
        check(b.text_is('sum-total', '71,50/100'), 'total 71,50 after 1.6.1')
        # 1.6.2 per-item, 0,5 a unit, max 1,5: 0 → 2 units: 1,00, total 72,50; group 1 8,25 → 10,75
        count = b.by_id('in-1.6.2-count')
        count.clear()
        count.send_keys('2', Keys.TAB)
        check(b.text_is('pts-1.6.2', '1,00/1,5'), '1.6.2 two units: 1,00/1,5')
        check(b.text_is('sum-total', '72,50/100'), 'total 72,50 after 1.6.2')
        check(b.text_is('pts-1', '10,75/13'), 'group 1 10,75/13')
        check(b.text_is('sum-rank', 'thứ 13/21'), 'skhdt estimated 13/21 (rank --replace gives the same)')
        # what the engine refuses is said at the criterion, in its words, and nothing is stored
        count.clear()
        count.send_keys('hai', Keys.TAB)
        check(b.text_is('error-1.6.2', 'Số lượng (phòng, đơn vị): "hai" không phải là số nguyên: ghi một số như 3'),
              'a count of "hai" is refused at 1.6.2 before it is sent')
        check(count.get_attribute('aria-invalid') == 'true', 'the count is marked invalid')
        count.clear()
        count.send_keys('2', Keys.TAB)
        b.wait.until(lambda d: not d.find_elements(By.ID, 'error-1.6.2'))
        claim = b.by_id('in-1.6.2-self')
        claim.clear()
        claim.send_keys('5', Keys.TAB)
        check(b.text_is('error-1.6.2', 'bộ tính điểm không nhận hồ sơ, không lưu gì (tiêu chí 1.6.2: điểm tự chấm '
                        '5,00 nằm ngoài khoảng 0,00 đến 1,50: ghi điểm trong khoảng này)'),
              "a claim above 1,5 is refused with the engine's message said in Vietnamese")
        check(b.text_is('sum-total', '72,50/100'), 'the refused claim changed nothing')
        claim.clear()
        claim.send_keys('0', Keys.TAB)
        b.wait.until(lambda d: not d.find_elements(By.ID, 'error-1.6.2'))
        # an evidence PDF for 1.1.1
        pdf = os.path.join(tmp, 'ke-hoach-45.pdf')
        with open(pdf, 'wb') as f:
            f.write(b'%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
        b.by_id('in-1.1.1-file').send_keys(pdf)
        check(b.text_has('files-1.1.1', 'ke-hoach-45.pdf'), 'the PDF is listed under 1.1.1')
        # ten more timed changes, 1.1.3 Có → Không → … → Có (its 1,00 back at the end)
        for i in range(10):
            Select(b.by_id('in-1.1.3-met')).select_by_value('false' if i % 2 == 0 else 'true')
            check(b.text_is('pts-1.1.3', '0,00/1' if i % 2 == 0 else '1,00/1'), f'1.1.3 toggled ({i})')
        check(b.text_is('sum-total', '72,50/100'), 'total 72,50 again')
        timings = d.execute_script('return window.cchcTimings.filter(x => x.how === "change").map(x => x.ms)')
        check(len(timings) >= 13, f'thirteen timed changes ({timings})')
        if timings:
            ordered = sorted(timings)
            print(f'points shown after a change: median {statistics.median(timings):.1f} ms, '
                  f'90th percentile {ordered[int(0.9 * (len(ordered) - 1))]:.1f} ms, max {max(timings):.1f} ms '
                  f'over {len(timings)} changes (loopback)', flush=True)
            check(max(timings) < 1000, f'points within a second of the change ({timings})')
        # the uplift analysis, the engine's own (cchc gap --target-rank 10 --replace gives the same)
        target = b.by_id('gap-target')
        target.clear()
        target.send_keys('10')
        b.by_id('gap-run').click()
        check(b.text_has('gap-result', 'Để đạt hạng 10 cần thêm 2,40 điểm') and b.text_has('gap-result', '(6.3, 6.6, 7.2.5)')
              and b.text_has('gap-result', 'tính lại: 75,00 điểm, hạng 10'), 'gap to rank 10: 2,40 points, 6.3, 6.6, 7.2.5')
        # the plan (Kế hoạch khắc phục) as a Word document, from the gap section's link
        st, ctype, disp, magic, size = download(b, 'download-plan')
        check(st == 200 and ctype == DOCX and magic == 'PK' and size > 10000,
              f'the agency downloads its plan.docx ({st}, {ctype}, {magic!r}, {size} bytes)')
        check(disp.startswith('attachment; filename="ke-hoach-skhdt-2018.docx"'), f'the plan is an attachment ({disp})')
        # its header values (Thông tin văn bản), plan 267/KH-SKHĐT's own, saved as the server stores them
        for i, v in (('plan-doc-number', '267'), ('plan-doc-symbol', 'KH-SKHĐT'), ('plan-doc-date', '2019-01-28'),
                     ('plan-doc-signer', 'Nguyễn Đại Vui')):
            b.set_value(i, v)
        b.by_id('plan-doc-save').click()
        check(b.text_is('plan-doc-status', 'Đã lưu'), 'the agency saves its plan\'s số, ký hiệu, ngày and signer')
        b.shot('agency')
        b.shot('agency-phone', 390)
        # English, and back
        b.by_id('lang').click()
        check(b.text_is('page-title', 'Self-assessment 2018: Sở Kế hoạch và Đầu tư'), 'the English toggle')
        check(b.text_is('sum-total', '72.50/100'), 'English figures: 72.50/100')
        b.by_id('lang').click()
        check(b.text_is('sum-total', '72,50/100'), 'back in Vietnamese: 72,50/100')
        # submit, with its confirmation
        b.by_id('submit').click()
        b.confirm()
        check(b.text_is('sum-state', 'Đã nộp'), 'the form says submitted')
        check(not d.find_elements(By.ID, 'submit'), 'no submit button once submitted')
        # another agency's page is refused, in the server's words
        d.get(base + '/#/agency/2018/snv')
        check(b.text_has('refusal', 'không được xem'), "skhdt is refused snv's page")
        b.shot('refused')
        b.logout()

        # ---- the appraiser: queue, cut 1.6.2 with a reason, close round 1 (opens the explanations)
        b.login('hoidong')
        b.by_id('open-skhdt')
        b.shot('queue')
        b.by_id('open-skhdt').click()
        pts_in = b.by_id('ap-points-1.6.2')
        pts_in.send_keys('0,5')
        b.by_id('ap-reason-1.6.2').send_keys('Chỉ có biên bản kiểm tra 01 phòng')
        b.by_id('ap-set-1.6.2').click()
        check(b.text_is('ap-now-1.6.2', '0,50'), 'the council cut 1.6.2 to 0,50')
        check(b.text_has('appraise-total', '72,00/100'), 'total 72,00 after the cut (72,50 − 0,50)')
        b.shot('appraise')
        close_round(b)

        # ---- the agency reads the council's reason and explains
        b.login('skhdt')
        check(b.text_has('rounds-1.6.2', 'Chỉ có biên bản kiểm tra 01 phòng'), "the council's reason is shown")
        check(b.text_is('sum-total', '72,00/100'), 'the agency sees 72,00')
        check(b.text_has('council', '1.6.2'), "the council's decisions head the page")
        # its link takes the focus to the box to explain in
        b.d.find_element(By.CSS_SELECTOR, '#council a[data-goto="1.6.2"]').click()
        focused = d.execute_script('return document.activeElement.id')
        check(focused == 'in-1.6.2-explanation', f'the council link focuses 1.6.2\'s explanation ({focused})')
        ex = b.by_id('in-1.6.2-explanation')
        ex.send_keys('Phòng thứ hai kiểm tra ngày 12/11/2018, biên bản kèm theo')
        b.by_id('save-explanation-1.6.2').click()
        check(b.text_has('crit-1.6.2', 'Đã lưu'), 'the explanation is saved')
        b.shot('explain')
        b.logout()

        # ---- round 2: the appraiser reads the explanation and closes it
        b.login('hoidong')
        b.by_id('open-skhdt').click()
        check(b.text_has('ap-row-1.6.2', 'Phòng thứ hai'), 'the appraiser reads the explanation')
        # bulk accept: round 2 at the rule's points wherever the claim equals them, nothing moves
        b.by_id('bulk-accept').click()
        check(b.text_is('appraise-status', 'Đã lưu'), 'bulk accept done')
        check(b.text_has('appraise-total', '72,00/100'), 'bulk accept leaves 72,00')
        check(b.text_is('ap-now-1.6.2', '0,50'), "bulk accept leaves the council's cut of 1.6.2 (claim 0 ≠ rule 1)")
        close_round(b)

        # ---- the evaluator: final, publish, the ranking with the new figures
        b.login('sonoivu')
        b.set_value('deadline-submitted', '2018-12-15')
        b.by_id('deadlines-save').click()
        check(b.text_is('deadlines-status', 'Đã lưu'), 'the submission deadline is saved')
        b.by_id('final-skhdt').click()
        check(b.text_is('state-skhdt', 'Chốt'), 'skhdt final')
        check(b.by_id('deadline-submitted').get_attribute('value') == '2018-12-15',
              'the desk shows the stored deadline (GET /api/years/2018/deadlines)')
        # the report (bao-cao.docx) from the desk's link, before publication: the evaluator's
        st, ctype, disp, magic, size = download(b, 'download-report')
        check(st == 200 and ctype == DOCX and magic == 'PK' and size > 10000,
              f'the evaluator downloads report.docx ({st}, {ctype}, {magic!r}, {size} bytes)')
        check(disp.startswith('attachment; filename="bao-cao-2018.docx"'), f'the report is an attachment ({disp})')
        st, ctype, disp, magic, size = download(b, 'download-report-zip')
        check(st == 200 and ctype == 'application/zip' and magic == 'PK' and size > 100000
              and disp.startswith('attachment; filename="bao-cao-cchc-2018.zip"'),
              f'the evaluator downloads the whole report bundle ({st}, {ctype}, {size} bytes, {disp})')
        st, ctype, _, magic, _ = download(b, 'download-bundle')
        check(st == 200 and ctype == 'application/xml; charset=utf-8' and magic == '<?',
              f'the evaluator downloads the year as an assessments bundle ({st}, {ctype})')
        # the management forms: a new year
        b.set_value('new-year', '2019')
        b.by_id('add-year-save').click()
        check(b.text_is('add-year-status', 'Đã thêm'), 'the evaluator adds the year 2019')
        b.by_id('add-year-save').click()
        check(b.text_is('add-year-status', 'năm này đã có'), 'the year twice: the server says it exists')
        # the year's assignments under their form (GET /api/years/2018/assignments), one made there
        check(b.text_has('assignments', 'hoidong: aluoi, bdt, bqlkkt, '), 'the desk lists the demo appraiser')
        check(b.text_has('assignments', ' · mọi tiêu chí'), 'every criterion, in words')
        for i, v in (('assign-user', 'hoidong'), ('assign-agency', 'skhdt'), ('assign-group', '3')):
            b.set_value(i, v)
        b.by_id('assign-save').click()
        check(b.text_is('assign-status', 'Đã thêm'), 'the evaluator assigns hoidong group 3 of skhdt')
        check(b.text_has('assignments', 'hoidong: skhdt · lĩnh vực 3'), 'the new assignment shows under the form')
        b.by_id('publish').click()
        b.confirm()
        check(b.text_has('published-notice', 'Đã công bố'), 'published')
        row = b.by_id('rank-row-skhdt').text
        check('72,00/100' in row, f'the ranking shows skhdt at 72,00/100 ({row!r})')
        check(row.startswith('15/21 '), f'skhdt ranks 15/21 with 72,00 ({row!r})')
        b.shot('desk')
        b.shot('desk-phone', 390)
        b.logout()
    except Exception:
        if b:
            main_text = b.d.find_element(By.ID, 'main').text
            print(f'the page at {b.d.current_url} when it failed:\n{main_text[:3000]}', flush=True)
        raise
    finally:
        if b:
            b.d.quit()
        server.terminate()
        try:
            out = server.communicate(timeout=10)[0].decode('utf-8', 'replace')
        except subprocess.TimeoutExpired:
            server.kill()
            out = server.communicate()[0].decode('utf-8', 'replace')
        # under -DCCHC_SANITIZE=ON the server's own reports count as failures
        for bad in ('ERROR: AddressSanitizer', 'ERROR: LeakSanitizer', 'runtime error:'):
            check(bad not in out, f'the server reported {bad}:\n{out[-3000:]}')
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print(f'{len(failures)} check(s) failed', flush=True)
        return 1
    print('test_pages: every check passed', flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
