// The agency's self-assessment: the form built from the criteria set (cchc-criteria/1), one input
// per rule kind, and LIVE points: each change PUTs the item and shows what the server's engine
// answers (cchc-score/1), then the check (cchc-check/1) for the estimated rank and findings.
// Nothing is computed here.
import { get, put, post, call, agencyPath } from './api.js';
import { t, pts, ptsShort, date, getLang } from './i18n.js';
import { h, field, show, announce, confirmBox, currentStamp, isCurrent } from './ui.js';
import { docInfoForm } from './docinfo.js';

const EDITABLE = 'draft';

// Time from an input's change to its points on screen, for the README's figure (tests read it).
window.cchcTimings = window.cchcTimings || [];

function ruleHint(rule) {
  switch (rule.kind) {
    case 'deadline': {
      const parts = [`${t('due')} ${date(rule.due)}`];
      if (rule.grace_days) parts.push(t('grace', rule.grace_days, ptsShort(rule.grace_points)));
      if (rule.late_points || rule.grace_days) parts.push(t('late', ptsShort(rule.late_points)));
      return parts.join('; ');
    }
    case 'tiers':
      return rule.tiers.map((x) => t(rule.better === 'lower' ? 'tierMax' : 'tierMin',
        `${ptsShort(rule.better === 'lower' ? x.max : x.min)}${rule.unit ? ' ' + rule.unit : ''}`, ptsShort(x.points))).join('; ');
    case 'linear': return t('linear', ptsShort(rule.from), ptsShort(rule.to), ptsShort(rule.step));
    case 'per-item': return rule.unit ? t('perUnit', ptsShort(rule.per_item), rule.unit) : t('perItem', ptsShort(rule.per_item));
    case 'ratio': return t('ratio', ptsShort(rule.step));
    case 'judged': return t('judged', ptsShort(rule.step));
    default: return '';
  }
}

// The inputs a rule kind reads, prefilled from the stored item.
function ruleInputs(node, item, disabled) {
  const r = node.rule;
  const attr = (name) => (item && item[name] !== undefined ? String(item[name]) : '');
  const dec = (name) => (getLang() === 'vi' ? attr(name).replace('.', ',') : attr(name));
  const num = (name, label, step) => field(label, h('input', {
    type: 'text', inputmode: 'decimal', 'data-attr': name, value: dec(name), disabled, 'data-step': step,
    id: `in-${node.id}-${name}`,
  }));
  switch (r.kind) {
    case 'yes-no':
      return [field(t('met'), h('select', { 'data-attr': 'met', disabled, id: `in-${node.id}-met` },
        h('option', { value: '' }, t('choose')),
        h('option', { value: 'true', selected: attr('met') === 'true' }, t('yes')),
        h('option', { value: 'false', selected: attr('met') === 'false' }, t('no'))))];
    case 'tiers': case 'linear':
      return [num('value', `${t('value')}${r.unit ? ' (' + r.unit + ')' : ''}`)];
    case 'per-item': return [num('count', `${t('count')}${r.unit ? ' (' + r.unit + ')' : ''}`)];
    case 'deadline':
      return [field(t('date'), h('input', { type: 'date', 'data-attr': 'date', value: attr('date'), disabled, id: `in-${node.id}-date` }))];
    case 'ratio': return [num('numerator', t('numerator')), num('denominator', t('denominator'))];
    case 'grade':
      return [field(t('grade'), h('select', { 'data-attr': 'grade', disabled, id: `in-${node.id}-grade` },
        h('option', { value: '' }, t('choose')),
        r.grades.map((g) => h('option', { value: g.id, selected: attr('grade') === g.id }, `${g.label} (${ptsShort(g.share)} %)`))))];
    case 'judged': return [num('points', t('judgedPoints'))];
    default: return [];
  }
}

// Split a stored reference "…, trang 5" back into the document and its page.
function splitRef(ref) {
  const m = /^(.*), trang (\S+)$/.exec(ref || '');
  return m ? [m[1], m[2]] : [ref || '', ''];
}

class AgencyForm {
  constructor(year, agency, data) {
    Object.assign(this, { year, agency }, data);
    this.rows = new Map();    // leaf id → its DOM parts
    this.versions = new Map();
    this.items = new Map();
    for (const it of data.items) {
      this.items.set(it.criterion, it);
      this.versions.set(it.criterion, it.version);
    }
    this.inflight = new Map();
    this.me = data.user;
    // the criteria the council appraised: where the explanation boxes go
    this.cut = new Set();
    this.cutNodes = [];
    const walk = (nodes) => nodes.forEach((n) => {
      if (n.rounds && n.rounds.length) { this.cut.add(n.id); this.cutNodes.push(n); }
      walk(n.criteria || n.children || []);
    });
    walk(data.score.groups);
  }

  editable() { return this.me.role === 'agency' && this.state === EDITABLE; }
  explaining() { return this.me.role === 'agency' && this.state === 'explanation'; }

  leaf(node, depth) {
    const item = this.items.get(node.id);
    const attrs = (item && item.item) || {};
    const disabled = !this.editable();
    const ptsEl = h('span', { class: 'pts', id: `pts-${node.id}` });
    const reasonEl = h('p', { class: 'reason', id: `reason-${node.id}` });
    const roundsEl = h('ul', { class: 'rounds', id: `rounds-${node.id}`, hidden: true });
    const savingEl = h('span', { class: 'saving', 'aria-hidden': 'true' });
    const titleId = `title-${node.id}`;
    const sec = h('section', { class: `crit${depth > 1 ? ' sub' : ''}`, id: `crit-${node.id}`, 'aria-labelledby': titleId, 'data-criterion': node.id },
      h('h3', {}, h('span', { id: titleId }, `${node.id}. ${node.title}`), h('span', {}, savingEl, ' ', ptsEl)));
    const hint = ruleHint(node.rule);
    if (hint) sec.append(h('p', { class: 'rule' }, hint));
    const survey = node.rule.kind === 'scale';
    const grid = h('div', { class: 'grid' });
    if (survey) {
      grid.append(h('p', { class: 'muted wide' }, t('survey')));
    } else {
      grid.append(...ruleInputs(node, attrs, disabled));
      if (node.na_allowed) {
        const cb = h('input', { type: 'checkbox', 'data-attr': 'na', checked: attrs.na === 'true' || attrs.na === true, disabled, id: `in-${node.id}-na` });
        grid.append(h('div', { class: 'field check' }, cb, h('label', { for: cb.id }, t('na'))));
      }
      grid.append(field(`${t('self')} (${node.min < 0 ? `${ptsShort(node.min)}–0` : `0–${ptsShort(node.max)}`})`,
        h('input', { type: 'text', inputmode: 'decimal', 'data-attr': 'self', value: getLang() === 'vi' ? String(attrs.self ?? '').replace('.', ',') : attrs.self ?? '', disabled, id: `in-${node.id}-self` })));
      const docs = h('div', { class: 'wide docs', id: `docs-${node.id}` });
      const stored = Array.isArray(attrs.docs) ? attrs.docs : [];
      stored.forEach((d, i) => docs.append(this.docRow(node, i, d, disabled)));
      if (!disabled) docs.append(this.docRow(node, stored.length, null, false));
      grid.append(docs);
      if (!disabled) {
        const file = h('input', { type: 'file', id: `in-${node.id}-file`, accept: '.pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg' });
        file.addEventListener('change', () => this.upload(node, file));
        grid.append(field(t('upload'), file));
      }
      grid.append(h('div', { class: 'wide', id: `files-${node.id}` }, this.fileLinks(node.id)));
      grid.append(field(t('note'), h('textarea', { 'data-attr': 'note', disabled, id: `in-${node.id}-note`, rows: 2 }, attrs.note ?? ''), 'wide'));
      if ((this.explaining() && this.cut.has(node.id)) || (item && item.explanation)) {
        const ex = h('textarea', { id: `in-${node.id}-explanation`, rows: 2, disabled: !this.explaining(), 'data-explanation': '1' }, item && item.explanation ? item.explanation : '');
        const btn = h('button', { type: 'button', class: 'secondary', id: `save-explanation-${node.id}`, hidden: !this.explaining() }, t('saveExplanation'));
        btn.addEventListener('click', () => this.explain(node, ex, savingEl));
        grid.append(h('div', { class: 'wide explain', id: `explain-${node.id}` }, field(t('explanation'), ex), btn));
      }
    }
    sec.append(grid, reasonEl, roundsEl);
    this.rows.set(node.id, { sec, ptsEl, reasonEl, roundsEl, savingEl, node });
    if (!disabled && !survey) {
      let timer = null;
      const fire = (ev) => {
        clearTimeout(timer);
        this.save(node, ev.timeStamp || performance.now());
      };
      sec.addEventListener('change', (ev) => { if (ev.target.type !== 'file' && !ev.target.dataset.explanation) fire(ev); });
      sec.addEventListener('input', (ev) => {
        if (ev.target.tagName === 'SELECT' || ev.target.type === 'checkbox' || ev.target.type === 'file' || ev.target.dataset.explanation) return;
        clearTimeout(timer);
        const t0 = ev.timeStamp || performance.now();
        timer = setTimeout(() => this.save(node, t0, 'input'), 400);
      });
    }
    return sec;
  }

  // One evidence document: its number and date, and the page; a stored file path is kept as it is.
  docRow(node, i, d, disabled) {
    const [ref, page] = splitRef(d ? d.ref : '');
    const row = h('div', { class: 'inline doc', 'data-doc-row': String(i), 'data-file': d && d.file ? d.file : null });
    row.append(field(t('docRef'), h('input', { type: 'text', 'data-doc': 'ref', value: ref, disabled, id: `in-${node.id}-ref-${i}`, size: 48 })),
      field(t('docPage'), h('input', { type: 'text', 'data-doc': 'page', value: page, disabled, id: `in-${node.id}-page-${i}`, inputmode: 'numeric', size: 5 })));
    return row;
  }

  // A filled last document row gets an empty one after it.
  moreDocs(node) {
    const box = document.getElementById(`docs-${node.id}`);
    const rows = box ? box.querySelectorAll('[data-doc-row]') : [];
    const last = rows[rows.length - 1];
    if (last && last.querySelector('[data-doc=ref]').value.trim()) box.append(this.docRow(node, rows.length, null, false));
  }

  fileLinks(cid) {
    const it = this.items.get(cid);
    const ev = (it && it.evidence) || [];
    if (!ev.length) return [];
    return h('ul', { class: 'files' }, ev.map((f) => h('li', {},
      h('a', { href: agencyPath(this.year, this.agency, `/evidence/${f.hash}`), download: f.filename }, f.filename),
      ` (${Math.ceil(f.size / 1024)} KB)`)));
  }

  node(n, depth) {
    if (n.rule) return this.leaf(n, depth);
    const ptsEl = h('span', { class: 'pts', id: `pts-${n.id}` });
    const titleId = `title-${n.id}`;
    const sec = h('section', { class: 'crit', id: `crit-${n.id}`, 'aria-labelledby': titleId },
      h('h3', {}, h('span', { id: titleId }, `${n.id}. ${n.title}`), ptsEl));
    this.rows.set(n.id, { sec, ptsEl, node: n });
    for (const c of n.children || []) sec.append(this.node(c, depth + 1));
    return sec;
  }

  group(g) {
    const ptsEl = h('span', { class: 'pts', id: `pts-${g.id}` });
    const hasCut = (n) => this.cut.has(n.id) || (n.children || []).some(hasCut);
    const open = this.explaining() ? hasCut(g) : g.id === this.criteria.groups[0].id;
    const d = h('details', { class: 'group', id: `group-${g.id}`, open },
      h('summary', {}, h('h2', { class: 'group-h' }, h('span', {}, `${g.id}. ${g.title}`), ptsEl)));
    this.rows.set(g.id, { sec: d, ptsEl, node: g });
    for (const c of g.children || []) d.append(this.node(c, 1));
    return d;
  }

  summary() {
    const dd = (key, idAttr) => h('div', {}, h('dt', {}, t(key)), h('dd', { id: idAttr }));
    this.summaryEl = h('section', { class: 'summary', 'aria-label': t('total') },
      h('dl', {}, dd('total', 'sum-total'), dd('index', 'sum-index'), dd('band', 'sum-band'), dd('estRank', 'sum-rank'), dd('state', 'sum-state')));
    return this.summaryEl;
  }

  // Every figure from the engine's score.
  render(score) {
    this.score = score;
    const walk = (nodes) => {
      for (const n of nodes) {
        const row = this.rows.get(n.id);
        if (row) {
          row.ptsEl.textContent = `${pts(n.points)}/${ptsShort(n.max)}`;
          row.ptsEl.classList.toggle('full', n.max > 0 && n.points === n.max);
          row.ptsEl.classList.toggle('lost', n.max > 0 && n.points < n.max);
          if (row.reasonEl) {
            row.reasonEl.textContent = n.reason || '';
            row.reasonEl.hidden = !n.reason;
          }
          if (row.roundsEl) {
            const rounds = n.rounds || [];
            row.roundsEl.replaceChildren(...rounds.map((r) => h('li', { class: 'round' },
              t('councilSaid', pts(r.points), r.round, r.reason ? ` — ${r.reason}` : ''))));
            row.roundsEl.hidden = !rounds.length;
          }
        }
        walk(n.criteria || n.children || []);
      }
    };
    walk(score.groups);
    document.getElementById('sum-total').textContent = `${pts(score.total)}/${ptsShort(score.max)}`;
    document.getElementById('sum-index').textContent = `${pts(score.index)} %`;
    document.getElementById('sum-band').textContent = score.band || t('noBand');
    document.getElementById('sum-state').textContent = t('states')[this.state] || this.state;
  }

  renderCheck(check) {
    const p = check && check.position;
    document.getElementById('sum-rank').textContent = p ? t('rankOf', p.rank, p.of) : '—';
    const f = (check && check.findings) || [];
    const box = document.getElementById('findings-list');
    const item = (x) => h('li', {}, h('a', { href: `#crit-${x.criterion}`, 'data-goto': x.criterion }, x.criterion),
      ` ${x.title}: ${t('kinds')[x.kind] || x.kind} (${t('stake', pts(x.stake))})`);
    box.replaceChildren(...['will-lose', 'may-lose', 'form'].map((sev) => {
      const list = f.filter((x) => x.severity === sev);
      if (!list.length) return null;
      const head = `${t('severities')[sev]} (${list.length})`;
      const ul = h('ul', { class: 'findings' }, list.map(item));
      return sev === 'form' ? h('details', { id: `findings-${sev}` }, h('summary', {}, head), ul)
        : h('section', { id: `findings-${sev}` }, h('h3', {}, head), ul);
    }).filter(Boolean));
    document.getElementById('findings-none').hidden = f.length > 0;
  }

  // Only the latest estimate is shown: an earlier one arriving late is dropped.
  async refreshCheck() {
    this.checkSeq = (this.checkSeq || 0) + 1;
    const mine = this.checkSeq;
    try {
      const check = await get(agencyPath(this.year, this.agency, '/check'));
      if (mine === this.checkSeq) this.renderCheck(check);
    } catch (e) { /* the estimate is a help; the score stands without it */ }
  }

  collect(node) {
    const sec = this.rows.get(node.id).sec;
    // attributes the form has no input for (met="false" on another kind, …) are kept as stored
    const stored = (this.items.get(node.id) || {}).item || {};
    const item = {};
    const shown = new Set([...sec.querySelectorAll('[data-attr]')].map((el) => el.dataset.attr));
    for (const [k, v] of Object.entries(stored)) if (k !== 'docs' && !shown.has(k)) item[k] = v;
    for (const el of sec.querySelectorAll('[data-attr]')) {
      const k = el.dataset.attr;
      if (el.type === 'checkbox') { if (el.checked) item[k] = true; continue; }
      const v = el.value.trim();
      if (v === '') continue;
      item[k] = ['value', 'count', 'numerator', 'denominator', 'points', 'self'].includes(k) ? v.replace(',', '.') : v;
    }
    const docs = [];
    for (const row of sec.querySelectorAll('[data-doc-row]')) {
      const ref = row.querySelector('[data-doc=ref]').value.trim();
      const page = row.querySelector('[data-doc=page]').value.trim();
      if (!ref) continue;
      const d = { ref: page ? `${ref}, trang ${page}` : ref };
      if (row.dataset.file) d.file = row.dataset.file;
      docs.push(d);
    }
    if (docs.length) item.docs = docs;
    return item;
  }

  // A number typed as the format reads it (whole for counts, decimal comma or point otherwise);
  // the engine still checks ranges and rules and says so in its own words.
  badNumber(node) {
    const sec = this.rows.get(node.id).sec;
    for (const el of sec.querySelectorAll('[data-attr]')) {
      const k = el.dataset.attr;
      const v = el.value.trim();
      const whole = ['count', 'numerator', 'denominator'].includes(k);
      const decimal = ['value', 'points', 'self'].includes(k);
      const ok = !v || (whole && /^\d{1,9}$/.test(v)) || (decimal && /^-?\d{1,9}([.,]\d{1,6})?$/.test(v)) || (!whole && !decimal);
      el.setAttribute('aria-invalid', ok ? 'false' : 'true');
      if (!ok) return { el, msg: t(whole ? 'needWhole' : 'needDecimal', el.labels[0] ? el.labels[0].textContent : k, v) };
    }
    return null;
  }

  showError(node, msg, el) {
    const row = this.rows.get(node.id);
    row.sec.querySelector('.error')?.remove();
    const p = h('p', { class: 'error', role: 'alert', id: `error-${node.id}` }, msg);
    row.sec.append(p);
    if (el) el.setAttribute('aria-describedby', p.id);
  }

  // One PUT per criterion at a time; a change made meanwhile is sent right after.
  async save(node, t0, how) {
    const row = this.rows.get(node.id);
    const bad = this.badNumber(node);
    if (bad) { row.savingEl.textContent = ''; this.showError(node, bad.msg, bad.el); return; }
    if (this.inflight.get(node.id)) { this.inflight.set(node.id, { t0, how }); return; }
    this.inflight.set(node.id, true);
    row.savingEl.textContent = t('saving');
    const body = this.collect(node);
    const v = this.versions.get(node.id);
    if (v) body.version = v;
    try {
      const score = await put(agencyPath(this.year, this.agency, `/items/${encodeURIComponent(node.id)}`), body);
      this.versions.set(node.id, (v || 0) + 1);
      const it = this.items.get(node.id) || { criterion: node.id, evidence: [] };
      it.item = Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'version'));
      this.items.set(node.id, it);
      this.render(score);
      this.moreDocs(node);
      row.savingEl.textContent = t('saved');
      row.sec.querySelector('.error')?.remove();
      requestAnimationFrame(() => {
        const ms = performance.now() - t0;
        window.cchcTimings.push({ criterion: node.id, ms, how: how || 'change' });
        performance.measure(`cchc-points-${node.id}`, { start: t0, end: t0 + ms });
      });
      announce(`${node.id}: ${row.ptsEl.textContent}. ${t('total')} ${pts(score.total)}`);
      this.refreshCheck();
    } catch (e) {
      row.savingEl.textContent = '';
      this.showError(node, e.message);
      if (e.status === 409) await this.reloadItems();
    } finally {
      const again = this.inflight.get(node.id);
      this.inflight.delete(node.id);
      if (again && again !== true) this.save(node, again.t0, again.how);
    }
  }

  async reloadItems() {
    const items = await get(agencyPath(this.year, this.agency, '/items'));
    for (const it of items) { this.items.set(it.criterion, it); this.versions.set(it.criterion, it.version); }
  }

  async upload(node, input) {
    const f = input.files && input.files[0];
    if (!f) return;
    const row = this.rows.get(node.id);
    row.savingEl.textContent = t('saving');
    try {
      const path = agencyPath(this.year, this.agency, `/evidence?criterion=${encodeURIComponent(node.id)}&name=${encodeURIComponent(f.name)}`);
      await call('POST', path, undefined, { data: f, type: f.type || 'application/octet-stream' });
      await this.reloadItems();
      document.getElementById(`files-${node.id}`).replaceChildren(this.fileLinks(node.id));
      row.savingEl.textContent = t('uploaded');
      announce(`${t('uploaded')}: ${f.name}`);
    } catch (e) {
      row.savingEl.textContent = '';
      row.sec.append(h('p', { class: 'error', role: 'alert' }, e.message));
    }
  }

  async explain(node, textarea, savingEl) {
    savingEl.textContent = t('saving');
    try {
      const body = { explanation: textarea.value };
      const v = this.versions.get(node.id);
      if (v) body.version = v;
      const score = await put(agencyPath(this.year, this.agency, `/items/${encodeURIComponent(node.id)}`), body);
      this.versions.set(node.id, (v || 0) + 1);
      this.render(score);
      savingEl.textContent = t('saved');
    } catch (e) {
      savingEl.textContent = '';
      this.rows.get(node.id).sec.append(h('p', { class: 'error', role: 'alert' }, e.message));
      if (e.status === 409) await this.reloadItems();
    }
  }

  // The uplift analysis (cchc-gap/1): what the engine says rank K needs, in its own figures.
  async gap(k, out) {
    try {
      const g = await get(agencyPath(this.year, this.agency, `/gap?target-rank=${encodeURIComponent(k)}`));
      const x = g.target;
      if (!x) out.textContent = '';
      else if (x.needed === 0) out.textContent = t('gapAlready', x.rank);
      else if (!x.reachable) out.textContent = t('gapUnreachable', x.rank, g.best_rank, pts(g.best_total));
      else out.textContent = t('gapNeeded', x.rank, pts(x.needed), x.criteria.length, x.criteria.join(', '), pts(x.recovered), pts(x.total_after), x.rank_after);
    } catch (e) { out.textContent = e.message; }
  }

  async submit() {
    if (!(await confirmBox(t('confirmSubmit'), t('confirm'), t('cancel')))) return;
    try {
      const r = await post(agencyPath(this.year, this.agency, '/state'), { to: 'submitted' });
      this.state = r.state;
      announce(t('submitted'));
      await agencyPage(this.year, this.agency);
      document.getElementById('main').prepend(h('p', { class: 'notice', role: 'status', id: 'submitted-notice' }, t('submitted')));
    } catch (e) {
      document.getElementById('form-actions').append(h('p', { class: 'error', role: 'alert' }, e.message));
    }
  }

  page() {
    const findings = h('section', { 'aria-labelledby': 'findings-h' },
      h('h2', { id: 'findings-h' }, t('findings')),
      h('p', { id: 'findings-none', class: 'muted' }, t('noFindings')),
      h('div', { id: 'findings-list' }));
    const target = h('input', { type: 'number', min: 1, step: 1, id: 'gap-target', value: 10, inputmode: 'numeric' });
    const gapOut = h('p', { id: 'gap-result', role: 'status' });
    const gapBtn = h('button', { type: 'button', class: 'secondary', id: 'gap-run' }, t('analyse'));
    gapBtn.addEventListener('click', () => this.gap(target.value, gapOut));
    const gap = h('section', { 'aria-labelledby': 'gap-h' }, h('h2', { id: 'gap-h' }, t('gap')),
      h('div', { class: 'inline' }, field(t('targetRank'), target), gapBtn), gapOut,
      h('p', {}, h('a', { href: agencyPath(this.year, this.agency, '/plan.docx'), id: 'download-plan', download: '',
        onclick: (ev) => { ev.currentTarget.href = agencyPath(this.year, this.agency, `/plan.docx?target-rank=${encodeURIComponent(target.value)}`); } },
      t('planDocx'))),
      // the plan's số, ngày, người ký: the agency's staff and the evaluator write them, after publication too
      docInfoForm(agencyPath(this.year, this.agency, '/document'), 'plan-doc', false,
        this.me.role === 'agency' || this.me.role === 'evaluator'));
    const actions = h('div', { class: 'actions', id: 'form-actions' });
    if (this.editable()) {
      const b = h('button', { type: 'button', id: 'submit' }, t('submit'));
      b.addEventListener('click', () => this.submit());
      actions.append(b);
    }
    const groups = this.criteria.groups.map((g) => this.group(g));
    // after appraisal: what the council decided, each linked to its criterion (and its box to explain)
    const council = this.cutNodes.length && this.state !== EDITABLE ? h('section', { 'aria-labelledby': 'council-h', id: 'council' },
      h('h2', { id: 'council-h' }, t('council')),
      h('ul', { class: 'findings' }, this.cutNodes.map((n) => {
        const last = n.rounds[n.rounds.length - 1];
        return h('li', {}, h('a', { href: `#crit-${n.id}`, 'data-goto': n.id }, n.id), ` ${n.title}: `,
          t('councilSaid', pts(last.points), last.round, last.reason ? ` — ${last.reason}` : ''));
      }))) : null;
    show(`${t('selfAssessment')} ${this.year}: ${this.name}`, this.summary(), council, ...groups, findings, gap, actions);
    const goto = (ev) => {
      const c = ev.target.dataset && ev.target.dataset.goto;
      if (!c) return;
      ev.preventDefault();
      const row = this.rows.get(c);
      let d = row && row.sec.closest('details');
      if (d) d.open = true;
      const first = row && (row.sec.querySelector('[data-explanation]:not([disabled])') || row.sec.querySelector('input:not([disabled]), select:not([disabled]), textarea:not([disabled])'));
      if (first) first.focus(); else if (row) row.sec.scrollIntoView();
    };
    findings.addEventListener('click', goto);
    if (council) council.addEventListener('click', goto);
  }
}

export async function agencyPage(year, agency) {
  const my = currentStamp();
  show(t('loading'));
  const [score, items, agencies, me] = await Promise.all([
    get(agencyPath(year, agency, '/score')),
    get(agencyPath(year, agency, '/items')),
    get(`/api/years/${year}/agencies`),
    get('/api/session'),
  ]);
  const ag = agencies.find((a) => a.id === agency) || { name: score.agency.name, state: '' };
  const criteria = await get(`/api/years/${year}/criteria/${encodeURIComponent(ag.block || score.agency.block)}`);
  if (!isCurrent(my)) return null;
  const form = new AgencyForm(year, agency, { score, items, criteria, state: ag.state, name: ag.name || score.agency.name, user: me });
  form.page();
  form.render(score);
  form.refreshCheck();
  return form;
}

