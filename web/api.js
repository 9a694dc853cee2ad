// The JSON API of cchc serve (server-design.md): session cookie, CSRF header on writes,
// errors as {"error": "..."} in the user's language.
import { getLang } from './i18n.js';

let csrf = '';
export function setCsrf(token) { csrf = token || ''; }

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export async function call(method, path, body, raw) {
  const headers = { 'Accept-Language': getLang() === 'en' ? 'en' : 'vi' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  let payload;
  if (raw) {
    payload = raw.data;
    headers['Content-Type'] = raw.type || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const r = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (r.status === 204) return null;
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!r.ok) throw new ApiError(r.status, (json && json.error) || `HTTP ${r.status}`);
  return json;
}

export const get = (p) => call('GET', p);
export const put = (p, b) => call('PUT', p, b);
export const post = (p, b) => call('POST', p, b);
export const del = (p) => call('DELETE', p);

export function agencyPath(year, agency, rest) {
  return `/api/years/${encodeURIComponent(year)}/agencies/${encodeURIComponent(agency)}${rest || ''}`;
}
