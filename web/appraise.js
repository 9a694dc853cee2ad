// The appraiser's pages: the queue of submitted agencies, and per agency each criterion's claim,
// the rule's points and the evidence, with accept / set points and a reason (rounds 1 and 2).
import { get, put, post, agencyPath } from './api.js';
import { t, pts, ptsShort } from './i18n.js';
import { h, show, currentStamp, isCurrent, announce, confirmBox } from './ui.js';

const OPEN = { submitted: 1, explanation: 2 };

export async function queuePage(year) {
  const my = currentStamp();
  const agencies = await get(`/api/years/${year}/agencies`);
  const waiting = agencies.filter((a) => OPEN[a.state]);
  const rows = waiting.map((a) => h('tr', {},
    h('td', {}, h('a', { href: `#/appraise/${year}/${encodeURIComponent(a.id)}`, id: `open-${a.id}` }, a.name)),
    h('td', {}, a.block), h('td', {}, h('span', { class: 'state' }, t('states')[a.state] || a.state)),
    h('td', {}, a.late ? t('late2') : '')));
  if (!isCurrent(my)) return;
  show(`${t('queue')} ${year}`,
    waiting.length
      ? h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('agency')), h('th', { scope: 'col' }, t('block')), h('th', { scope: 'col' }, t('state')), h('th', { scope: 'col' }, t('late2')))),
        h('tbody', {}, rows)))
      : h('p', {}, t('nothingToDo')));
}

function leaves(nodes, out) {
  for (const n of nodes) {
    if (n.rule) out.push(n);
    leaves(n.criteria || n.children || [], out);
  }
  return out;
}

export async function appraisePage(year, agency) {
  const my = currentStamp();
  const [score, items, agencies] = await Promise.all([
    get(agencyPath(year, agency, '/score')),
    get(agencyPath(year, agency, '/items')),
    get(`/api/years/${year}/agencies`),
  ]);
  const ag = agencies.find((a) => a.id === agency) || { state: '', name: agency };
  const round = OPEN[ag.state] || 0;
  const byId = new Map(items.map((i) => [i.criterion, i]));
  const versions = new Map(items.map((i) => [i.criterion, i.version]));
  const status = h('p', { class: 'muted', id: 'appraise-status', role: 'status' });
  const total = h('p', { class: 'summary static', id: 'appraise-total' });
  const tbody = h('tbody', {});

  const showTotal = (s) => { total.textContent = `${t('total')}: ${pts(s.total)}/${ptsShort(s.max)} · ${t('band')}: ${s.band || t('noBand')}`; };

  const send = async (leaf, pointsText, reason) => {
    const body = { round, points: pointsText, reason };
    const v = versions.get(leaf.id);
    if (v) body.version = v;
    const s = await put(agencyPath(year, agency, `/items/${encodeURIComponent(leaf.id)}/appraisal`), body);
    versions.set(leaf.id, (v || 0) + 1);
    return s;
  };

  const draw = (s) => {
    showTotal(s);
    const leafRow = (l) => {
      const it = byId.get(l.id);
      const ev = (it && it.evidence) || [];
      const docs = (it && it.item && it.item.docs) || [];
      const last = (l.rounds || []).find((r) => r.round === round);
      const pInput = h('input', { type: 'text', inputmode: 'decimal', id: `ap-points-${l.id}`, value: last ? String(last.points) : '', 'aria-label': `${t('appraised')} ${l.id}`, placeholder: t('points'), disabled: !round, size: 6 });
      const rInput = h('input', { type: 'text', id: `ap-reason-${l.id}`, value: last && last.reason ? last.reason : '', 'aria-label': `${t('reason')} ${l.id}`, placeholder: t('reason'), disabled: !round });
      const setBtn = h('button', { type: 'button', id: `ap-set-${l.id}`, disabled: !round }, t('setPoints'));
      const okBtn = h('button', { type: 'button', class: 'secondary', id: `ap-accept-${l.id}`, disabled: !round }, t('accept'));
      const act = async (pointsText, reason) => {
        try {
          const ns = await send(l, pointsText, reason);
          draw(ns);
          announce(`${l.id}: ${t('saved')}`);
          status.textContent = `${l.id}: ${t('saved')}`;
        } catch (e) { status.textContent = `${l.id}: ${e.message}`; }
      };
      setBtn.addEventListener('click', () => act(pInput.value.trim().replace(',', '.'), rInput.value.trim()));
      okBtn.addEventListener('click', () => act(String(l.computed), rInput.value.trim()));
      return h('tr', { id: `ap-row-${l.id}` },
        h('th', { scope: 'row' }, `${l.id}. ${l.title}`,
          l.reason ? h('p', { class: 'reason' }, l.reason) : null,
          it && it.explanation ? h('p', { class: 'muted' }, `${t('explanation')}: ${it.explanation}`) : null),
        h('td', { class: 'num' }, l.self === null ? '—' : pts(l.self)),
        l.self !== null && l.self !== l.computed
          ? h('td', { class: 'num differs' }, h('span', { 'aria-hidden': 'true' }, '≠ '), `${pts(l.computed)}/${ptsShort(l.max)}`,
            h('span', { class: 'visually-hidden' }, ` (${t('differsFromClaim')})`))
          : h('td', { class: 'num' }, `${pts(l.computed)}/${ptsShort(l.max)}`),
        h('td', { class: 'num', id: `ap-now-${l.id}` }, pts(l.points)),
        h('td', {}, docs.map((d) => h('div', {}, d.ref)),
          ev.length ? ev.map((f) => h('div', {}, h('a', { href: agencyPath(year, agency, `/evidence/${f.hash}`), download: f.filename }, f.filename)))
            : (docs.length ? null : h('span', { class: 'muted' }, t('noEvidence')))),
        h('td', {}, h('div', { class: 'inline' }, pInput, rInput, setBtn, okBtn)));
    };
    // each group under its own heading row; the survey's points are not the agency's claims
    tbody.replaceChildren(...s.groups.filter((g) => g.kind !== 'survey').flatMap((g) => [
      h('tr', { class: 'group-row' }, h('th', { colspan: 6, scope: 'colgroup', id: `ap-group-${g.id}` },
        `${g.id}. ${g.title}: ${pts(g.points)}/${ptsShort(g.max)}`)),
      ...leaves(g.criteria, []).filter((l) => l.max > 0 || l.min < 0).map(leafRow)]));
  };

  const bulk = h('button', { type: 'button', id: 'bulk-accept', disabled: !round }, t('bulkAccept'));
  bulk.addEventListener('click', async () => {
    let s = null;
    for (const l of leaves(score.groups.filter((g) => g.kind !== 'survey'), [])) {
      if (l.self === null || l.self !== l.computed || (l.rounds || []).some((r) => r.round === round)) continue;
      try { s = await send(l, String(l.computed), ''); } catch (e) { status.textContent = `${l.id}: ${e.message}`; }
    }
    if (s) { draw(s); Object.assign(score, s); }
    status.textContent = t('saved');
  });
  const close = h('button', { type: 'button', id: 'close-round', disabled: !round }, t('closeRound', round || ''));
  close.addEventListener('click', async () => {
    if (!(await confirmBox(t('closeRound', round), t('confirm'), t('cancel')))) return;
    try {
      await post(agencyPath(year, agency, '/state'), { to: round === 1 ? 'appraised-1' : 'appraised-2' });
      if (round === 1) await post(agencyPath(year, agency, '/state'), { to: 'explanation' });
      location.hash = `#/appraise/${year}`;
    } catch (e) { status.textContent = e.message; }
  });
  if (!isCurrent(my)) return;
  show(`${t('council')}: ${ag.name} (${t('round')} ${round || '—'})`, total,
    h('div', { class: 'actions' }, bulk, close), status,
    h('div', { class: 'table-wrap' }, h('table', { id: 'appraise-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('criterion')), h('th', { scope: 'col', class: 'num' }, t('claimed')),
        h('th', { scope: 'col', class: 'num' }, t('computed')), h('th', { scope: 'col', class: 'num' }, t('points')),
        h('th', { scope: 'col' }, t('evidence')), h('th', { scope: 'col' }, `${t('appraised')} · ${t('reason')}`))),
      tbody)));
  draw(score);
}
