/*
 * Dates in Tasklist as Vietnamese offices write them (issue: a Vietnamese officer reads 07/08/2024
 * as 7 August):
 * - the date pickers of Camunda Forms (form-js, as bundled in Tasklist) show and take dd/mm/yyyy:
 *   typing 15/07/2024 means 15 July 2024; form-js still submits the ISO day (2024-07-15), which the
 *   server reads as that day in Asia/Ho_Chi_Minh;
 * - their empty fields say dd/mm/yyyy, not form-js's own mm/dd/yyyy;
 * - a task card says when the task is due as a date, not only "in 3 days".
 */
const DAY = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;

function twoDigits(number) {
  return String(number).padStart(2, '0');
}

/** dd/mm/yyyy, whatever pattern form-js asks flatpickr for. */
function formatDate(date) {
  return twoDigits(date.getDate()) + '/' + twoDigits(date.getMonth() + 1) + '/' + date.getFullYear();
}

/** 15/07/2024 (or 15.07.2024, 15-07-2024) is 15 July 2024; what is not such a day is no date. */
function parseDate(text) {
  if (text instanceof Date) {
    return text;
  }
  const day = DAY.exec(String(text || ''));
  if (!day) {
    const iso = /^\d{4}-\d{2}-\d{2}/.test(String(text || '')) ? new Date(String(text).substring(0, 10) + 'T00:00:00') : null;
    return iso && !isNaN(iso) ? iso : undefined;
  }
  const date = new Date(Number(day[3]), Number(day[2]) - 1, Number(day[1]));
  return date.getDate() === Number(day[1]) && date.getMonth() === Number(day[2]) - 1 ? date : undefined;
}

/**
 * form-js creates its pickers with flatpickr (exposed as window.flatpickr) and passes the pattern of
 * the browser's locale: mm/dd/yyyy in an English browser. A picker's options cannot override the
 * formatting functions flatpickr's defaults would give (it resets them from the picker's own
 * options), but a plugin's can: every picker gets this plugin, which writes and reads dd/mm/yyyy.
 */
function ddmmyyyy() {
  return { formatDate, parseDate, time_24hr: true };
}

function patchPickers() {
  const flatpickr = window.flatpickr;
  if (!flatpickr || !flatpickr.defaultConfig) {
    return false;
  }
  const plugins = flatpickr.defaultConfig.plugins || [];
  if (!plugins.includes(ddmmyyyy)) {
    flatpickr.defaultConfig.plugins = plugins.concat([ddmmyyyy]);
  }
  return true;
}

if (!patchPickers()) {
  const waiting = setInterval(() => {
    if (patchPickers()) {
      clearInterval(waiting);
    }
  }, 100);
}

/**
 * The task cards show "Hạn: trong 3 ngày"; the date itself is only in a tooltip. Write it out, on the
 * cards of the list only (the task's own header re-renders what is added to it, without end).
 */
function writeOutDueDates() {
  document.querySelectorAll('li.task .due-date [uib-tooltip], li.task .follow-up-date [uib-tooltip]').forEach((relative) => {
    const date = relative.getAttribute('uib-tooltip');
    let written = relative.parentElement.querySelector('.so-ket-date');
    if (!written) {
      written = document.createElement('span');
      written.className = 'so-ket-date';
      relative.parentElement.appendChild(written);
    }
    const text = date ? ' (' + date + ')' : '';
    if (written.textContent !== text) {
      written.textContent = text;
    }
  });
}

/** form-js writes its own placeholder, mm/dd/yyyy, into every date field: say the pattern it now reads. */
function vietnamesePlaceholders() {
  document.querySelectorAll('.fjs-container input[placeholder="mm/dd/yyyy"]').forEach((input) => {
    input.setAttribute('placeholder', 'dd/mm/yyyy');
  });
}

new MutationObserver(() => {
  writeOutDueDates();
  vietnamesePlaceholders();
}).observe(document.documentElement, { childList: true, subtree: true,
  attributes: true, attributeFilter: ['uib-tooltip', 'placeholder'] });

export default [];
