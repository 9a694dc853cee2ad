// The pages' entry: sign-in, the header, and a hash router to each role's page.
import { call, get, del, setCsrf, ApiError } from './api.js';
import { t, getLang, setLang } from './i18n.js';
import { h, field, show, newStamp, isCurrent } from './ui.js';
import { agencyPage } from './form.js';
import { queuePage, appraisePage } from './appraise.js';
import { deskPage } from './desk.js';

const session = { user: null };

function header() {
  document.documentElement.lang = getLang();
  document.getElementById('brand').textContent = t('title');
  document.getElementById('skip').textContent = t('skip');
  document.getElementById('account').setAttribute('aria-label', t('account'));
  const toggle = document.getElementById('lang');
  toggle.textContent = t('toggle');
  toggle.lang = getLang() === 'vi' ? 'en' : 'vi';
  const who = document.getElementById('who');
  const out = document.getElementById('logout');
  out.textContent = t('logout');
  if (session.user) {
    const u = session.user;
    who.textContent = `${u.user} · ${t('roles')[u.role] || u.role}${u.agency ? ' · ' + u.agency : ''}`;
    out.hidden = false;
  } else {
    who.textContent = '';
    out.hidden = true;
  }
}

// Every page's failure the same way: the server's words in an alert.
function refusal(err) {
  if (err instanceof ApiError && err.status === 401) {
    session.user = null;
    header();
    loginPage(t('notSignedIn'));
    return;
  }
  show(t('refused'), h('div', { class: 'alert', role: 'alert', id: 'refusal' }, err.message),
    h('p', {}, h('a', { href: '#/' }, t('back'))));
}

function loginPage(message) {
  const user = h('input', { name: 'user', autocomplete: 'username', required: true, id: 'login-user' });
  const pw = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, id: 'login-password' });
  const err = h('p', { class: 'error', role: 'alert', id: 'login-error' }, message || '');
  const form = h('form', { class: 'login', novalidate: true },
    field(t('user'), user), field(t('password'), pw), err,
    h('button', { type: 'submit', id: 'login-submit' }, t('login')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const s = await call('POST', '/api/session', { user: user.value, password: pw.value });
      signedIn(s);
      route();
    } catch (x) {
      err.textContent = `${t('loginFailed')}: ${x.message}`;
      pw.focus();
    }
  });
  show(t('login'), h('div', { class: 'login' }, form));
  user.focus();
}

function signedIn(s) {
  session.user = s;
  setCsrf(s.csrf);
  header();
}

// Each role's home.
async function home() {
  const u = session.user;
  const years = await get('/api/years');
  const year = years.length ? years[years.length - 1].year : new Date().getFullYear();
  if (u.role === 'agency') location.replace(`#/agency/${year}/${u.agency}`);
  else if (u.role === 'appraiser') location.replace(`#/appraise/${year}`);
  else location.replace(`#/desk/${year}`);
}

async function route() {
  const my = newStamp();
  if (!session.user) {
    let s = null;
    try { s = await get('/api/session'); } catch (e) { s = null; }
    if (!isCurrent(my) || session.user) return; /* signed in meanwhile: that route renders */
    if (!s) { header(); loginPage(); return; }
    signedIn(s);
  }
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  try {
    switch (parts[0]) {
      case 'agency': await agencyPage(Number(parts[1]), parts[2]); break;
      case 'appraise': await (parts[2] ? appraisePage(Number(parts[1]), parts[2]) : queuePage(Number(parts[1]))); break;
      case 'desk': await deskPage(Number(parts[1]), session.user); break;
      default: await home();
    }
  } catch (err) {
    if (isCurrent(my)) refusal(err);
  }
}

document.getElementById('lang').addEventListener('click', () => {
  setLang(getLang() === 'vi' ? 'en' : 'vi');
  header();
  route();
});
document.getElementById('logout').addEventListener('click', async () => {
  try { await del('/api/session'); } catch (e) { /* signed out either way */ }
  session.user = null;
  setCsrf('');
  header();
  if (location.hash === '#/' || location.hash === '') loginPage();
  else location.hash = '#/'; /* the router shows the sign-in once */
});
window.addEventListener('hashchange', route);
header();
route();
