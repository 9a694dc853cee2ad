// The evaluator's desk: the cycle at a glance, each agency's state and its moves, the ranking
// (cchc-rank/1 as a table, figures as the engine gave them), publication and downloads.
import { get, post, put, call, agencyPath } from './api.js';
import { t, pts, ptsShort, getLang } from './i18n.js';
import { h, field, show, currentStamp, isCurrent, announce, confirmBox } from './ui.js';
import { docInfoForm } from './docinfo.js';

const NEXT = { 'appraised-2': 'final' };

function rankingTables(rank) {
  return rank.blocks.map((b) => h('section', { 'aria-labelledby': `rank-${b.id}` },
    h('h3', { id: `rank-${b.id}` }, b.criteria_set.title),
    h('div', { class: 'table-wrap' }, h('table', { class: 'ranking', 'data-block': b.id },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'num' }, t('rank')), h('th', { scope: 'col' }, t('agency')),
        h('th', { scope: 'col', class: 'num' }, t('total')), h('th', { scope: 'col', class: 'num' }, t('index')),
        h('th', { scope: 'col' }, t('band')), h('th', { scope: 'col', class: 'num opt' }, t('gapTop')))),
      h('tbody', {}, b.agencies.map((a) => h('tr', { id: `rank-row-${a.id}` },
        h('td', { class: 'num' }, `${a.rank}/${a.of}`), h('th', { scope: 'row' }, a.name),
        h('td', { class: 'num', 'data-total': a.id }, `${pts(a.total)}/${ptsShort(a.max)}`,
          ' ', h('meter', { min: 0, max: a.max, value: a.total, 'aria-hidden': 'true' })),
        h('td', { class: 'num' }, `${pts(a.index)} %`), h('td', {}, a.band || t('noBand')),
        h('td', { class: 'num opt' }, pts(a.gap_top)))))))));
}

// Deadlines per stage (PUT /api/years/{y}/deadlines answers the year's deadlines as stored).
function deadlinesForm(year, stored) {
  const stages = ['submitted', 'appraised-1', 'explanation', 'appraised-2', 'final'];
  const inputs = stages.map((st) => h('input', { type: 'date', id: `deadline-${st}`, 'data-stage': st, value: (stored || {})[st] }));
  const out = h('p', { role: 'status', id: 'deadlines-status', class: 'muted' });
  const save = h('button', { type: 'button', class: 'secondary', id: 'deadlines-save' }, t('saveDeadlines'));
  save.addEventListener('click', async () => {
    const body = {};
    for (const i of inputs) if (i.value) body[i.dataset.stage] = i.value;
    try {
      const stored = await put(`/api/years/${year}/deadlines`, body);
      for (const i of inputs) if (stored[i.dataset.stage]) i.value = stored[i.dataset.stage];
      out.textContent = t('saved');
    } catch (e) { out.textContent = e.message; }
  });
  return h('section', { 'aria-labelledby': 'deadlines-h' }, h('h2', { id: 'deadlines-h' }, t('deadlines')),
    h('div', { class: 'inline' }, stages.map((st, k) => field(t('states')[st], inputs[k])), save), out);
}

// One management form: its fields, a button, and what the server said (201 or its refusal).
function adminForm(idp, title, fields, label, send) {
  const out = h('p', { role: 'status', id: `${idp}-status`, class: 'muted' });
  const btn = h('button', { type: 'button', class: 'secondary', id: `${idp}-save` }, label);
  btn.addEventListener('click', async () => {
    try { await send(); out.textContent = t('created'); } catch (e) { out.textContent = e.message; }
  });
  return h('form', { id: idp, 'aria-labelledby': `${idp}-h`, onsubmit: (ev) => ev.preventDefault() },
    h('h3', { id: `${idp}-h` }, title), h('div', { class: 'inline' }, fields, btn), out);
}

// The year's assignments (GET …/assignments): one line per appraiser and group, its agencies.
function assignmentsList(year) {
  const ul = h('ul', { id: 'assignments', 'aria-labelledby': 'assignments-h' });
  const refresh = async () => {
    const lines = new Map();
    for (const a of await get(`/api/years/${year}/assignments`).catch(() => [])) {
      const key = `${a.user} ${a.group || ''}`;
      if (!lines.has(key)) lines.set(key, { user: a.user, group: a.group, agencies: [] });
      lines.get(key).agencies.push(a.agency);
    }
    ul.replaceChildren(...(lines.size ? [...lines.values()].map((l) => h('li', {},
      `${l.user}: ${l.agencies.includes(null) ? t('allAgencies') : l.agencies.join(', ')} · ${l.group ? t('groupN', l.group) : t('allCriteria')}`))
      : [h('li', {}, t('noAssignments'))]));
  };
  refresh();
  return { ul, refresh };
}

// The evaluator's management (POST /api/years, PUT …/criteria/{block}, POST …/agencies, /api/users, …/assignments).
function manageSection(year) {
  const input = (idv, attrs) => h('input', { id: idv, ...(attrs || {}) });
  const newYear = input('new-year', { type: 'number', min: 2000, max: 2100, value: year + 1 });
  const critBlock = input('criteria-block', { required: true });
  const critFile = input('criteria-file', { type: 'file', accept: '.xml' });
  const ag = { id: input('agency-id'), name: input('agency-name'), block: input('agency-block'), cont: input('agency-continues') };
  const role = h('select', { id: 'user-role' }, ['agency', 'appraiser', 'viewer', 'evaluator'].map((r) => h('option', { value: r }, t('roles')[r])));
  const us = { name: input('user-name', { autocomplete: 'off' }), agency: input('user-agency'), pw: input('user-password', { type: 'password', minlength: 8, autocomplete: 'new-password' }) };
  const as = { user: input('assign-user'), agency: input('assign-agency'), group: input('assign-group') };
  const assigned = assignmentsList(year);
  const ids = (v) => v.split(',').map((x) => x.trim()).filter(Boolean);
  return h('section', { 'aria-labelledby': 'manage-h', id: 'manage' }, h('h2', { id: 'manage-h' }, t('manage')),
    adminForm('add-year', t('addYear'), [field(t('year'), newYear)], t('addYear'),
      () => post('/api/years', { year: Number(newYear.value) })),
    adminForm('put-criteria', t('criteriaSet'), [field(t('block'), critBlock), field(t('criteriaSet'), critFile)], t('putCriteria'),
      async () => call('PUT', `/api/years/${year}/criteria/${encodeURIComponent(critBlock.value)}`, undefined,
        { data: await critFile.files[0].text(), type: 'application/xml' })),
    adminForm('add-agency', t('addAgency'), [field(t('agencyId'), ag.id), field(t('name'), ag.name), field(t('block'), ag.block),
      field(t('continuesIds'), ag.cont)], t('addAgency'),
    () => post(`/api/years/${year}/agencies`, { id: ag.id.value, name: ag.name.value, block: ag.block.value, continues: ids(ag.cont.value) })),
    adminForm('add-user', t('addUser'), [field(t('user'), us.name), field(t('role'), role), field(t('agencyId'), us.agency),
      field(t('password'), us.pw)], t('addUser'),
    () => post('/api/users', { name: us.name.value, role: role.value, agency: role.value === 'agency' ? us.agency.value : null, password: us.pw.value })),
    adminForm('assign', t('assign'), [field(t('appraiserName'), as.user), field(t('agencyId'), as.agency), field(t('groupId'), as.group)],
      t('assign'), async () => {
        await post(`/api/years/${year}/assignments`, { user: as.user.value, agency: as.agency.value || null, group: as.group.value || null });
        await assigned.refresh();
      }),
    h('h4', { id: 'assignments-h' }, t('assigned')), assigned.ul);
}

// The province's report page (cchc report's index.html, charts included): a link to it in a new tab,
// and the page itself in a sandboxed frame, its scripts off (its tables read without them).
function reportView(year) {
  const href = `/api/years/${year}/report.html?lang=${getLang()}`;
  return h('section', { 'aria-labelledby': 'report-h' },
    h('h3', { id: 'report-h' }, h('a', { href, target: '_blank', rel: 'noopener', id: 'report-html' }, t('reportHtml'))),
    h('iframe', { src: href, sandbox: '', title: t('reportHtml'), id: 'report-frame', width: '100%', height: '560', loading: 'lazy' }));
}

export async function deskPage(year, user) {
  const my = currentStamp();
  const evaluator = !user || user.role === 'evaluator';
  const [years, agencies] = await Promise.all([get('/api/years'), get(`/api/years/${year}/agencies`)]);
  const y = years.find((x) => x.year === year) || { published: false };
  const deadlines = evaluator ? await get(`/api/years/${year}/deadlines`).catch(() => ({})) : {};
  let rank = null;
  let rankError = '';
  try { rank = await get(`/api/years/${year}/ranking`); } catch (e) { rankError = e.message; }
  const count = (pred) => agencies.filter(pred).length;
  const card = (label, n, idAttr) => h('div', { class: 'card' }, h('span', { class: 'big', id: idAttr }, String(n)), label);
  const status = h('p', { role: 'status', id: 'desk-status', class: 'muted' });
  const move = async (a, to) => {
    try {
      await post(agencyPath(year, a.id, '/state'), { to });
      announce(`${a.name}: ${t('states')[to]}`);
      await deskPage(year, user);
    } catch (e) { status.textContent = `${a.name}: ${e.message}`; }
  };
  const rows = agencies.map((a) => {
    const acts = [];
    if (evaluator && !y.published && NEXT[a.state]) {
      const b = h('button', { type: 'button', class: 'secondary', id: `final-${a.id}` }, t('toFinal'));
      b.addEventListener('click', () => move(a, NEXT[a.state]));
      acts.push(b);
    }
    if (evaluator && !y.published && a.state !== 'draft') {
      const b = h('button', { type: 'button', class: 'secondary', id: `reopen-${a.id}` }, t('reopen'));
      b.addEventListener('click', () => move(a, 'draft'));
      acts.push(b);
    }
    acts.push(h('a', { href: agencyPath(year, a.id, '/plan.docx'), id: `plan-${a.id}`, download: '' }, t('planDocx')));
    return h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/agency/${year}/${encodeURIComponent(a.id)}` }, a.name)),
      h('td', {}, a.block), h('td', {}, h('span', { class: 'state', id: `state-${a.id}` }, t('states')[a.state] || a.state)),
      h('td', {}, a.late ? t('late2') : ''), h('td', {}, h('div', { class: 'inline' }, acts)));
  });
  const publish = h('button', { type: 'button', id: 'publish', class: 'danger', hidden: y.published || !evaluator }, t('publish'));
  publish.addEventListener('click', async () => {
    if (!(await confirmBox(t('confirmPublish', year), t('publish'), t('cancel')))) return;
    try {
      const r = await post(`/api/years/${year}/publish`, {});
      announce(`${t('published')}: ${r.hash}`);
      await deskPage(year, user);
    } catch (e) { status.textContent = e.message; }
  });
  if (!isCurrent(my)) return;
  show(`${t('desk')} · ${t('year')} ${year}`,
    h('h2', {}, t('cycle', year)),
    h('div', { class: 'cards' },
      card(t('states').draft, count((a) => a.state === 'draft'), 'n-draft'),
      card(t('states').submitted, count((a) => a.state === 'submitted'), 'n-submitted'),
      card(t('late2'), count((a) => a.late), 'n-late'),
      card(t('inAppraisal'), count((a) => ['appraised-1', 'explanation', 'appraised-2'].includes(a.state)), 'n-appraisal'),
      card(t('states').final, count((a) => a.state === 'final'), 'n-final')),
    y.published ? h('p', { class: 'notice', id: 'published-notice' }, `${t('published')} · ${t('hash')}: `, h('code', {}, y.hash)) : null,
    h('div', { class: 'actions' }, publish), status,
    h('h2', { id: 'ranking-h' }, t('ranking')),
    rank ? rankingTables(rank) : h('p', { class: 'alert', role: 'alert' }, rankError),
    rank ? reportView(year) : null,
    h('h2', { id: 'agencies-h' }, t('agencies')),
    h('div', { class: 'table-wrap' }, h('table', { id: 'agencies' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('agency')), h('th', { scope: 'col' }, t('block')),
        h('th', { scope: 'col' }, t('state')), h('th', { scope: 'col' }, t('late2')),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('actionsCol'))))),
      h('tbody', {}, rows))),
    evaluator && !y.published ? deadlinesForm(year, deadlines) : null,
    h('h2', {}, t('downloads')),
    h('ul', {}, h('li', {}, h('a', { href: `/api/years/${year}/ranking`, download: `xep-hang-${year}.json`, id: 'download-ranking' }, t('rankJson'))),
      h('li', {}, h('a', { href: `/api/years/${year}/report.docx`, download: '', id: 'download-report' }, t('reportDocx'))),
      h('li', {}, h('a', { href: `/api/years/${year}/report.zip`, download: '', id: 'download-report-zip' }, t('reportZip'))),
      evaluator ? h('li', {}, h('a', { href: `/api/years/${year}/assessments.xml`, download: '', id: 'download-bundle' }, t('bundleXml'))) : null),
    // the report's số, ngày, người ký and title (bao-cao.docx, report.zip, report.html): writable after publication too
    evaluator ? docInfoForm(`/api/years/${year}/document`, 'report-doc', true, true) : null,
    evaluator ? manageSection(year) : null);
}
