/*
 * What every Camunda webapp of this application shares besides its language: dates as Vietnamese
 * offices write them (dd/mm/yyyy, 24-hour clock), and the strip at the top of every page, where
 * Camunda 7 CE puts a vendor banner about migrating to Camunda 8, which officers and managers have
 * nothing to do with: it names the system instead (administrators learn which engine runs, and where
 * its patches come from, in Admin). Imported by the config.js of Tasklist, Cockpit and Admin.
 */
import { language } from './so-ket-language.js';

/** Camunda's date formats (moment.js patterns) for its cards, tooltips, history and tables. */
export const dateFormat = {
  monthName: 'MMMM',
  day: 'DD',
  abbr: 'DD/MM/YYYY HH:mm',
  normal: 'DD/MM/YYYY HH:mm',
  long: 'dddd, DD/MM/YYYY HH:mm',
  short: 'DD/MM/YYYY'
};

const STRIP = language === 'en' ? 'Two-year review of model units' : 'Sơ kết 02 năm xây dựng đơn vị điển hình';

const style = document.createElement('style');
style.textContent = '.ce-eol-banner { background-color: #f3f4f6 !important; color: #333 !important; }'
  + '.ce-eol-banner a { display: none; }';
document.head.appendChild(style);

function renameStrip() {
  document.querySelectorAll('.ce-eol-banner').forEach((strip) => {
    if (strip.textContent !== STRIP) {
      strip.textContent = STRIP;
    }
  });
}

new MutationObserver(renameStrip).observe(document.documentElement, { childList: true, subtree: true,
  characterData: true });
