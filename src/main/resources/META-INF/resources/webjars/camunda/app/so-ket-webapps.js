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

/*
 * Sign-in with the province's identity provider (README, "Sign-in with the province's identity
 * provider"), when the operator set one up: the webapps' own password page is never the way in. When a
 * session ends while a page is open, the webapps show their sign-in route (#/login): the page goes to
 * the provider instead. Signing out answers with the provider's end-session address (signOutAt): the
 * page goes there, so that the person is signed out of the provider too, not signed straight back in.
 */
const appPath = (document.querySelector('base') && document.querySelector('base').getAttribute('app-root')) || '';
const root = appPath.replace(/\/camunda$/, '');
let providerSignIn = null;
/** Set once the page is on its way to the provider's sign-out, which no later navigation may overtake. */
let signingOut = false;

function toProviderIfSignInShown() {
  if (providerSignIn && !signingOut && window.location.hash.indexOf('#/login') === 0) {
    // The page again, without the route: the server sends a visitor without a session to the provider,
    // and back to this page afterwards.
    window.location.replace(window.location.pathname);
  }
}

fetch(root + '/api/sign-in', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then((response) => (response.ok ? response.json() : {}))
  .then((options) => {
    providerSignIn = options.provider || null;
    toProviderIfSignInShown();
  })
  .catch(() => {});
window.addEventListener('hashchange', toProviderIfSignInShown);

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function openAndWatchSignOut(method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && /\/auth\/user\/[^/]+\/logout$/.test(String(url))) {
    this.addEventListener('load', () => {
      try {
        const answer = JSON.parse(this.responseText || '{}');
        if (answer.signOutAt) {
          // The webapps go to their sign-in route at the same moment: this navigation must win.
          signingOut = true;
          window.location.replace(answer.signOutAt);
        }
      } catch (ignored) {
        // Camunda's own sign-out (password sessions) answers without a body.
      }
    });
  }
  return open.call(this, method, url, ...rest);
};
