/*
 * The campaign's start form says which units it would take: a Camunda Form cannot load data, so
 * while the start form of the campaign process is open, a panel under "Đơn vị tham gia" shows the
 * registry of the day that "Lấy đơn vị theo danh mục ngày" names (today when it is blank), from
 * GET /api/units, grouped by kind, with a button that writes every code into the field for PV01
 * to strike out the units that do not take part. The field keeps its meaning: left blank, the
 * campaign takes every unit of that day.
 */
import { el } from '../../../so-ket-dom.js';

const appRoot = document.querySelector('base').getAttribute('app-root') || '';
const API = appRoot.replace(/\/camunda$/, '') + '/api';
const UNITS_FIELD = 'textarea[id$="-Field_ParticipatingUnits"]';
const DAY_FIELD = 'input[id$="-Field_ParticipantsOn-date"]';
const DAY = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;
const KINDS = [
  ['COMMUNE', 'xã, phường', 'Xã, phường'],
  ['DISTRICT', 'huyện, thị xã, thành phố', 'Huyện, thị xã, thành phố'],
  ['DEPARTMENT', 'sở, ngành, đoàn thể', 'Sở, ngành, đoàn thể']
];

function twoDigits(number) {
  return String(number).padStart(2, '0');
}

/** Today in Vietnam, whatever the browser's zone, as dd/mm/yyyy. */
function today() {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date()).map((part) => [part.type, part.value]));
  return parts.day + '/' + parts.month + '/' + parts.year;
}

/** The day the field names (dates.js makes the pickers write dd/mm/yyyy), else today. */
function dayOf(form) {
  const field = form.querySelector(DAY_FIELD);
  const day = field && DAY.exec(field.value || '');
  return day ? twoDigits(day[1]) + '/' + twoDigits(day[2]) + '/' + day[3] : today();
}

/** Writes the codes into the field as typing would: form-js reads the input event, and a blur ends it. */
function fill(textarea, codes) {
  textarea.focus();
  textarea.value = codes.join(', ');
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  textarea.dispatchEvent(new Event('change', { bubbles: true }));
  textarea.blur();
}

function summary(units) {
  return KINDS.map(([kind, plural]) => [units.filter((unit) => unit.kind === kind).length, plural])
    .filter(([count]) => count > 0).map(([count, plural]) => count + ' ' + plural).join('; ');
}

function unitList(units) {
  return KINDS.map(([kind, , heading]) => [heading, units.filter((unit) => unit.kind === kind)])
    .filter(([, ofKind]) => ofKind.length)
    .map(([heading, ofKind]) => el('div', { 'data-kind': ofKind[0].kind, style: 'margin-top:6px' },
      el('strong', {}, heading + ' (' + ofKind.length + ')'),
      el('ol', { style: 'columns:2 260px;margin:4px 0 0;padding-left:2.6em' },
        ofKind.map((unit) => el('li', { 'data-code': unit.code }, unit.name + ' ',
          el('code', { style: 'font-size:11px' }, unit.code))))));
}

/** One panel per open start form; it reloads when the day changes. */
function panelFor(form, textarea) {
  const panel = el('div', { class: 'so-ket-start-units', 'data-start-units': '',
    style: 'margin:-2px 8px 8px;padding:8px 10px;background:#f5f7fa;border:1px solid #dde3ea;border-radius:3px;'
      + 'font-size:13px' });
  let shownDay;
  let request = 0;
  const load = async () => {
    const day = dayOf(form);
    if (day === shownDay) {
      return;
    }
    shownDay = day;
    const mine = ++request;
    panel.replaceChildren(el('span', { class: 'text-muted' }, 'Đang tải danh mục đơn vị ngày ' + day + '…'));
    let units;
    try {
      const response = await fetch(API + '/units?at=' + encodeURIComponent(day),
        { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) {
        let message = 'lỗi ' + response.status;
        try {
          message = (await response.json()).message || message;
        } catch (ignored) {
          // not JSON
        }
        throw new Error(message);
      }
      units = await response.json();
    } catch (error) {
      if (mine === request) {
        shownDay = undefined;
        panel.replaceChildren(el('span', { class: 'text-danger' },
          'Không tải được danh mục đơn vị ngày ' + day + ': ' + error.message));
      }
      return;
    }
    if (mine !== request) {
      return;
    }
    const button = el('button', { type: 'button', class: 'btn btn-default btn-xs', 'data-fill-units': '',
      style: 'margin-left:8px' }, 'Điền mã của tất cả đơn vị');
    button.addEventListener('click', () => fill(textarea, units.map((unit) => unit.code)));
    const list = el('details', { style: 'margin-top:4px' },
      el('summary', { style: 'cursor:pointer;color:#1565c0' }, 'Xem danh sách đơn vị'), unitList(units));
    panel.replaceChildren(
      el('div', {},
        el('span', { 'data-units-summary': '' }, 'Danh mục ngày ' + day + ': ',
          el('strong', { 'data-units-count': '' }, units.length), ' đơn vị'
            + (units.length ? ' (' + summary(units) + ')' : '')),
        units.length ? button : null),
      el('div', { class: 'text-muted', style: 'margin-top:2px' }, 'Để trống ô trên: đợt sơ kết lấy tất cả các đơn vị'
        + ' này. Muốn bớt đơn vị: bấm nút để điền tất cả mã, rồi xóa mã của đơn vị không tham gia.'),
      units.length ? list : null);
  };
  return { panel, load };
}

const open = new WeakMap();

/** Puts the panel under the field of each open start form, again if the form redrew it away. */
function attach() {
  document.querySelectorAll(UNITS_FIELD).forEach((textarea) => {
    const form = textarea.closest('form') || document;
    const field = textarea.closest('.fjs-form-field') || textarea;
    let shown = open.get(textarea);
    if (!shown) {
      shown = panelFor(form, textarea);
      open.set(textarea, shown);
      form.addEventListener('change', (event) => {
        if (event.target.matches && event.target.matches(DAY_FIELD)) {
          shown.load();
        }
      });
      form.addEventListener('focusout', (event) => {
        if (event.target.matches && event.target.matches(DAY_FIELD)) {
          shown.load();
        }
      });
      shown.load();
    }
    if (field.nextElementSibling !== shown.panel) {
      field.after(shown.panel);
    }
  });
}

new MutationObserver(attach).observe(document.documentElement, { childList: true, subtree: true });

export default [];
