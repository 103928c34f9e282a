/*
 * The webapps' language: Vietnamese by default, whatever the browser's language; English stays
 * selectable with the switch at the top right of every page (or ?lang=en), remembered in this browser.
 * Imported by the config.js of Tasklist, Cockpit, Admin and the welcome page.
 */
const KEY = 'soKetLanguage';
const params = new URLSearchParams(window.location.search);
if (params.has('lang')) {
  window.localStorage.setItem(KEY, params.get('lang') === 'en' ? 'en' : 'vi');
}

export const language = window.localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';

/** Camunda picks the browser's language when it is available: offer only the chosen one. */
export const locales = { availableLocales: [language], fallbackLocale: language };

function addSwitch() {
  if (!document.body || document.getElementById('so-ket-language')) {
    return;
  }
  const link = document.createElement('a');
  link.id = 'so-ket-language';
  link.href = '#';
  link.textContent = language === 'en' ? 'Tiếng Việt' : 'English';
  link.title = language === 'en' ? 'Chuyển sang tiếng Việt' : 'Switch to English';
  // Top right, over the end-of-life banner's empty end: it covers neither menus nor form buttons.
  link.setAttribute('style', 'position:fixed;right:8px;top:2px;z-index:2000;font-size:12px;line-height:16px;'
    + 'background:#fff;color:#333;padding:0 6px;border:1px solid #ccc;border-radius:3px;');
  link.addEventListener('click', (event) => {
    event.preventDefault();
    window.localStorage.setItem(KEY, language === 'en' ? 'vi' : 'en');
    window.location.reload();
  });
  document.body.appendChild(link);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', addSwitch);
} else {
  addSwitch();
}
