// DOM helpers: elements built from data, never from HTML strings (no injection).
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

let uid = 0;
export function id(prefix) { uid += 1; return `${prefix}-${uid}`; }

// A labelled field: label above its control.
export function field(label, control, extraClass) {
  if (!control.id) control.id = id('f');
  return h('div', { class: `field${extraClass ? ' ' + extraClass : ''}` }, h('label', { for: control.id }, label), control);
}

// Each navigation gets a stamp; a page whose data arrives after a newer navigation is dropped.
let stamp = 0;
export function newStamp() { stamp += 1; return stamp; }
export function currentStamp() { return stamp; }
export function isCurrent(s) { return s === stamp; }

// Replace the main area's content and move the focus there (screen readers hear the new page).
export function show(title, ...content) {
  const main = document.getElementById('main');
  main.replaceChildren(h('h1', { id: 'page-title' }, title), ...content.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  document.title = title;
  main.focus();
}

export function announce(text) {
  const s = document.getElementById('status');
  s.textContent = '';
  requestAnimationFrame(() => { s.textContent = text; });
}

// A modal confirmation (<dialog>); resolves true when confirmed.
export function confirmBox(message, ok, cancel) {
  return new Promise((resolve) => {
    const yes = h('button', { type: 'button', id: 'confirm-yes' }, ok);
    const no = h('button', { type: 'button', class: 'secondary', id: 'confirm-no' }, cancel);
    const d = h('dialog', { 'aria-labelledby': 'confirm-text' }, h('p', { id: 'confirm-text' }, message), h('div', { class: 'actions' }, yes, no));
    const done = (v) => { d.close(); d.remove(); resolve(v); };
    yes.addEventListener('click', () => done(true));
    no.addEventListener('click', () => done(false));
    d.addEventListener('cancel', (e) => { e.preventDefault(); done(false); });
    document.body.append(d);
    d.showModal();
    no.focus();
  });
}
