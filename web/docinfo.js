// Thông tin văn bản: the header values of a Word document the server writes (số, ký hiệu, nơi ban
// hành, ngày, người ký, nơi nhận), the agency's plan's (…/agencies/{a}/document) or the province's
// report's with its title (/api/years/{y}/document). The server checks each value and answers what
// it stored; an empty field removes its value, and the document keeps the blank for the office.
import { get, put } from './api.js';
import { t } from './i18n.js';
import { h, field } from './ui.js';

const KEYS = [['parent', 'docParent'], ['issuer', 'docIssuer'], ['number', 'docNumber'], ['symbol', 'docSymbol'],
  ['place', 'docPlace'], ['date', 'docDate'], ['signer-title', 'docSignerTitle'], ['signer', 'docSigner']];

// idp: the ids' prefix; withTitle: the report's own title too; editable: inputs and a save button.
export function docInfoForm(path, idp, withTitle, editable) {
  const inputs = {};
  const keys = withTitle ? [['title', 'docTitle'], ...KEYS] : KEYS;
  for (const [k] of keys) {
    inputs[k] = h('input', { id: `${idp}-${k}`, type: k === 'date' ? 'date' : 'text', 'data-key': k, disabled: !editable });
  }
  const recipients = h('textarea', { id: `${idp}-recipient`, rows: 3, disabled: !editable });
  const out = h('p', { role: 'status', id: `${idp}-status`, class: 'muted' });
  const fill = (v) => {
    for (const [k] of keys) inputs[k].value = v[k] || '';
    recipients.value = (v.recipient || []).join('\n');
  };
  const save = h('button', { type: 'button', class: 'secondary', id: `${idp}-save`, hidden: !editable }, t('saveDoc'));
  save.addEventListener('click', async () => {
    const body = { recipient: recipients.value.split('\n').map((x) => x.trim()).filter(Boolean) };
    for (const [k] of keys) body[k] = inputs[k].value.trim();
    try {
      fill(await put(path, body));
      out.textContent = t('saved');
    } catch (e) { out.textContent = e.message; }
  });
  get(path).then(fill).catch((e) => { out.textContent = e.message; });
  return h('form', { id: idp, 'aria-labelledby': `${idp}-h`, onsubmit: (ev) => ev.preventDefault() },
    h('h3', { id: `${idp}-h` }, t('docInfo')), h('p', { class: 'muted' }, t('docHint')),
    h('div', { class: 'inline' }, keys.map(([k, label]) => field(t(label), inputs[k], k === 'title' ? 'wide' : null)),
      field(t('docRecipient'), recipients, 'wide')),
    save, out);
}
