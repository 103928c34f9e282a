/*
 * Admin dashboard: which engine runs and where its patches come from. Only administrators open
 * Admin; the vendor's banner about Camunda 8, which every other user would see on every page, is
 * replaced by the system's name (so-ket-webapps.js). Shown until the administrator dismisses it.
 */
const appRoot = document.querySelector('base').getAttribute('app-root') || '';
const DISMISSED = 'soKetEngineNoticeDismissed';

async function engineVersion() {
  try {
    const response = await fetch(appRoot + '/api/engine/engine/default/version', { credentials: 'same-origin' });
    return response.ok ? (await response.json()).version : null;
  } catch (ignored) {
    return null;
  }
}

export default [{
  id: 'soKetEngineNotice',
  pluginPoint: 'admin.dashboard.section',
  priority: 1000,
  render: async (node) => {
    if (window.localStorage.getItem(DISMISSED)) {
      return;
    }
    const version = await engineVersion();
    const box = document.createElement('div');
    box.className = 'alert alert-info';
    box.id = 'so-ket-engine-notice';
    box.innerHTML = '<strong>Nền tảng quy trình:</strong> Camunda Platform ' + (version || '7') + ' Community Edition.'
      + ' Camunda không phát hành thêm bản Community Edition nào của Camunda 7 (bản cuối cùng là 7.24, tháng 10/2025):'
      + ' bản vá bảo mật về sau chỉ có ở các nhánh phát triển tiếp (Operaton, CIB seven) hoặc bản Enterprise có hỗ trợ.'
      + ' Việc chuyển sang một nhánh như vậy được ghi trong tài liệu docs/engine-fork.md của hệ thống. ';
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'btn btn-default btn-xs';
    dismiss.textContent = 'Đã hiểu, không hiện lại';
    dismiss.addEventListener('click', () => {
      window.localStorage.setItem(DISMISSED, new Date().toISOString());
      box.remove();
    });
    box.appendChild(dismiss);
    node.appendChild(box);
  },
  properties: { label: 'Nền tảng quy trình' }
}];
