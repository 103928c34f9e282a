/*
 * Admin: the unit registry's editions, for administrators (only they open Admin; the API refuses
 * everyone else). A tab of the system settings ("Danh mục đơn vị"), linked from the dashboard's
 * system section and from a dashboard section of its own: the edition in use, every edition loaded
 * with what it changed and its file, and a form that checks a new file (POST ?check=true, nothing
 * changes) before loading it as the next edition (POST). See GET/POST /api/registry/editions.
 * Below them, the accounts made from the edition's addresses ("Tài khoản từ danh mục"): make them and
 * mail their invitations (POST /api/accounts), their states, and a new invitation for one
 * (POST /api/accounts/{id}/invitation). No link or password ever reaches this page.
 */
import { el } from '../../../so-ket-dom.js';
import { dateTime } from '../../../so-ket-dates.js';

const appRoot = document.querySelector('base').getAttribute('app-root') || '';
const API = appRoot.replace(/\/camunda$/, '') + '/api/registry';
const ACCOUNTS = appRoot.replace(/\/camunda$/, '') + '/api/accounts';
const SECTION = 'so-ket-registry';
const PAGE = '#/system?section=' + SECTION;

/** The webapps' CSRF token, which the application's API asks of a session's writes. */
function csrfToken(api) {
  const cookie = document.cookie.split(';').map((part) => part.trim())
    .find((part) => part.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : (api && api.CSRFToken) || '';
}

/** The API's answer: its status and its JSON, or a Vietnamese message when it has none. */
async function call(url, options = {}) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...options,
      headers: { Accept: 'application/json', ...(options.headers || {}) } });
  } catch (error) {
    return { status: 0, body: { message: 'Không kết nối được máy chủ: ' + error.message, problems: [] } };
  }
  let body;
  try {
    body = await response.json();
  } catch (ignored) {
    body = { message: 'Lỗi ' + response.status, problems: [] };
  }
  return { status: response.status, body };
}

function editionLine(edition) {
  return ['Phiên bản số ', el('strong', {}, edition.id), ' · ', el('strong', {}, edition.unitCount), ' đơn vị · nạp bởi ',
    edition.loadedBy, ' lúc ', dateTime(edition.loadedAt), edition.source ? ' · từ ' + edition.source : ''];
}

function changeList(lines, open) {
  if (!lines.length) {
    return null;
  }
  const list = el('ul', { style: 'margin:4px 0 0;padding-left:20px' }, lines.map((line) => el('li', {}, line)));
  return lines.length > 12 && !open ? el('details', {}, el('summary', { style: 'cursor:pointer' },
    'Xem chi tiết (' + lines.length + ' dòng)'), list) : list;
}

/** What a verdict changes, as the lines an edition's record keeps. */
function verdictLines(changes) {
  return [...changes.added.map((line) => 'Thêm: ' + line), ...changes.removed.map((line) => 'Bỏ: ' + line),
    ...changes.changed.map((line) => 'Sửa: ' + line)];
}

function summaryOf(changes) {
  return 'thêm ' + changes.added.length + ', bỏ ' + changes.removed.length + ', sửa ' + changes.changed.length;
}

function problemsBox(title, body) {
  const problems = (body.problems || []).map((problem) => problem.replace(/^danh mục đơn vị: /, ''));
  return el('div', { class: 'alert alert-danger', 'data-registry-problems': '' },
    el('strong', {}, title),
    problems.length ? el('ul', { style: 'margin:6px 0 0;padding-left:20px' },
      problems.map((problem) => el('li', {}, problem))) : el('div', {}, body.message));
}

function editionsTable(editions) {
  return el('table', { class: 'table table-condensed table-bordered', 'data-registry-editions': '' },
    el('thead', {}, el('tr', {}, ['Số', 'Nạp lúc', 'Người nạp', 'Nguồn', 'Số đơn vị', 'Thay đổi', 'Tệp']
      .map((heading) => el('th', {}, heading)))),
    el('tbody', {}, editions.map((edition, index) => el('tr', { 'data-edition': edition.id },
      el('td', {}, edition.id, index === 0 ? el('span', { class: 'label label-success', style: 'margin-left:6px' },
        'đang dùng') : null),
      el('td', { style: 'white-space:nowrap' }, dateTime(edition.loadedAt)),
      el('td', {}, edition.loadedBy),
      el('td', {}, edition.source || ''),
      el('td', {}, edition.unitCount),
      el('td', {}, edition.changes[0] || '', changeList(edition.changes.slice(1), false)),
      el('td', { style: 'white-space:nowrap' }, el('a', { href: API + '/editions/' + edition.id,
        'data-edition-file': edition.id, download: '' }, 'Tải tệp (.csv)'))))));
}

/** An account's state as the administrator reads it. */
function accountState(account) {
  if (account.state === 'DISABLED') {
    return el('span', { class: 'label label-default' }, 'Đã vô hiệu hóa');
  }
  if (account.state === 'ACTIVE') {
    return el('span', { class: 'label label-success' }, 'Đã đặt mật khẩu');
  }
  return account.linkExpired ? el('span', { class: 'label label-warning' }, 'Đường dẫn đã hết hạn')
    : el('span', { class: 'label label-info' }, 'Chờ đặt mật khẩu');
}

/** What a run of «Tạo tài khoản và gửi thư mời» did. */
function accountSummary(summary) {
  const skipped = summary.skipped || [];
  return el('div', { class: 'alert ' + (skipped.length || summary.mailOff ? 'alert-warning' : 'alert-success'),
    'data-accounts-summary': '' },
  el('strong', {}, 'Phiên bản danh mục số ' + summary.edition + ': tạo mới ' + summary.created + ' tài khoản, đã có '
    + summary.alreadyThere + ', dùng lại ' + summary.reactivated + ', vô hiệu hóa ' + summary.disabled + '; đã gửi '
    + summary.invited + ' thư mời.'),
  summary.mailOff ? el('div', {}, 'Chưa cấu hình máy chủ thư: thư mời được giữ lại và gửi khi có máy chủ thư;'
    + ' đường dẫn hết hạn sau 72 giờ, khi đó bấm «Gửi lại thư mời».') : null,
  skipped.length ? el('div', {}, 'Không tạo tài khoản cho ' + skipped.length + ' địa chỉ:',
    el('ul', { style: 'margin:4px 0 0;padding-left:20px' }, skipped.map((item) => el('li', {},
      item.address + ': ' + item.reason)))) : null);
}

function accountsTable(accounts, resend) {
  if (!accounts.length) {
    return el('p', { class: 'text-muted', 'data-accounts': '' }, 'Chưa có tài khoản nào được tạo từ danh mục.');
  }
  const count = (state) => accounts.filter((account) => account.state === state).length;
  return el('div', {},
    el('p', {}, accounts.length + ' tài khoản: ' + count('ACTIVE') + ' đã đặt mật khẩu, ' + count('INVITED')
      + ' chờ đặt mật khẩu, ' + count('DISABLED') + ' đã vô hiệu hóa.'),
    el('table', { class: 'table table-condensed table-bordered', 'data-accounts': '' },
      el('thead', {}, el('tr', {}, ['Tên đăng nhập', 'Họ tên', 'Nhóm', 'Trạng thái', 'Đường dẫn hết hạn lúc', '']
        .map((heading) => el('th', {}, heading)))),
      el('tbody', {}, accounts.map((account) => el('tr', { 'data-account': account.id },
        el('td', { style: 'word-break:break-all' }, account.id),
        el('td', {}, [account.firstName, account.lastName].filter(Boolean).join(' ')),
        el('td', {}, account.groups.join(', ')),
        el('td', {}, accountState(account)),
        el('td', { style: 'white-space:nowrap' }, dateTime(account.linkExpiresAt)),
        el('td', { style: 'white-space:nowrap' }, account.state === 'DISABLED' ? null
          : resendButton(account.id, resend)))))));
}

function resendButton(id, resend) {
  const button = el('button', { type: 'button', class: 'btn btn-default btn-xs', 'data-account-resend': id },
    'Gửi lại thư mời');
  button.addEventListener('click', () => resend(id, button));
  return button;
}

/** The accounts made from the registry's addresses: make them, see them, send one a new invitation. */
function accountsSection(api, editionInUse) {
  const result = el('div', { 'data-accounts-result': '', 'aria-live': 'polite' });
  const list = el('div', {}, el('p', { class: 'text-muted' }, 'Đang tải danh sách tài khoản…'));
  const create = el('button', { type: 'button', class: 'btn btn-primary', 'data-accounts-create': '' },
    'Tạo tài khoản và gửi thư mời');
  const write = (url) => call(url, { method: 'POST', headers: { 'X-XSRF-TOKEN': csrfToken(api) } });

  const refresh = async () => {
    const { status, body } = await call(ACCOUNTS);
    list.replaceChildren(status === 200 ? accountsTable(body, resend)
      : el('p', { class: 'text-danger' }, body.message || 'Không đọc được danh sách tài khoản.'));
  };
  const resend = async (id, button) => {
    button.disabled = true;
    // The id is letters, digits and . _ @ -: a path segment as it is.
    const { status, body } = await write(ACCOUNTS + '/' + encodeURIComponent(id).replace(/%40/g, '@') + '/invitation');
    result.replaceChildren(el('div', { class: 'alert ' + (status === 202 ? 'alert-success' : 'alert-danger'),
      'data-accounts-resent': id }, body.message));
    await refresh();
  };

  create.addEventListener('click', async () => {
    const edition = editionInUse();
    if (!window.confirm('Tạo tài khoản cho mọi địa chỉ thư điện tử của cán bộ, lãnh đạo trong phiên bản danh mục số '
      + edition + ' và gửi thư mời đến các địa chỉ mới?')) {
      return;
    }
    create.disabled = true;
    result.replaceChildren(el('p', { class: 'text-muted' }, 'Đang tạo tài khoản…'));
    const { status, body } = await write(ACCOUNTS + (edition ? '?edition=' + encodeURIComponent(edition) : ''));
    create.disabled = false;
    result.replaceChildren(status === 200 ? accountSummary(body)
      : el('div', { class: 'alert alert-danger', 'data-accounts-summary': 'error' }, body.message));
    await refresh();
  });

  refresh();
  return el('div', { 'data-registry-accounts': '' },
    el('h4', {}, 'Tài khoản từ danh mục'),
    el('p', { class: 'help-block' }, 'Mỗi địa chỉ thư điện tử của cán bộ, lãnh đạo trong phiên bản đang dùng được'
      + ' cấp một tài khoản (tên đăng nhập là địa chỉ thư, viết thường) trong nhóm của đơn vị. Mỗi người nhận thư mời'
      + ' có đường dẫn dùng một lần, hiệu lực 72 giờ, để tự đặt mật khẩu: không ai gửi hay xem được mật khẩu. Bấm'
      + ' lại không tạo trùng: chỉ địa chỉ mới được tạo tài khoản và gửi thư. Đơn vị, địa chỉ rời danh mục thì tài'
      + ' khoản bị vô hiệu hóa (không xóa, lịch sử vẫn giữ tên).'),
    el('div', { style: 'margin-bottom:12px' }, create),
    result,
    list);
}

/** The registry page: the edition in use, the upload form, the editions, the accounts. */
function renderPage(node, api) {
  const current = el('div', { 'data-registry-current': '', style: 'padding:10px 14px;margin-bottom:16px;'
    + 'background:#f5f7fa;border:1px solid #dde3ea;border-left:5px solid #2e7d32;color:#333' }, 'Đang tải danh mục…');
  const editions = el('div', {});
  const result = el('div', { 'data-registry-result': '', 'aria-live': 'polite' });
  // The browser's own file button speaks the browser's language: a Vietnamese one stands in for it.
  const file = el('input', { type: 'file', accept: '.csv,text/csv,text/plain', 'data-registry-file': '',
    id: 'so-ket-registry-file', style: 'position:absolute;width:1px;height:1px;opacity:0;overflow:hidden' });
  const chosenName = el('span', { 'data-registry-file-name': '', class: 'text-muted' }, 'Chưa chọn tệp');
  const choose = el('label', { for: 'so-ket-registry-file', class: 'btn btn-default', style: 'margin:0' },
    'Chọn tệp danh mục…');
  const check = el('button', { type: 'button', class: 'btn btn-default', 'data-registry-check': '' }, 'Kiểm tra');
  const load = el('button', { type: 'button', class: 'btn btn-primary', 'data-registry-load': '', disabled: '' },
    'Nạp phiên bản mới');
  let checked;

  const refresh = async () => {
    const { status, body } = await call(API + '/editions');
    if (status !== 200) {
      current.replaceChildren(el('span', { class: 'text-danger' }, body.message || 'Không đọc được danh mục.'));
      editions.replaceChildren();
      return;
    }
    const [inUse] = body;
    current.dataset.edition = inUse ? inUse.id : '';
    current.replaceChildren(el('div', { style: 'display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px' },
      el('span', {}, 'Đang dùng: ', inUse ? editionLine(inUse) : 'chưa có phiên bản nào'),
      el('a', { class: 'btn btn-default btn-sm', href: API, download: '', 'data-registry-download': '' },
        'Tải tệp danh mục đang dùng (.csv)')));
    editions.replaceChildren(editionsTable(body));
  };

  const send = (dryRun) => {
    const form = new FormData();
    form.append('file', file.files[0]);
    return call(API + '/editions' + (dryRun ? '?check=true' : ''), { method: 'POST', body: form,
      headers: { 'X-XSRF-TOKEN': csrfToken(api) } });
  };

  file.addEventListener('change', () => {
    chosenName.textContent = file.files.length ? file.files[0].name : 'Chưa chọn tệp';
    chosenName.className = file.files.length ? '' : 'text-muted';
    checked = undefined;
    load.disabled = true;
    result.replaceChildren();
  });
  check.addEventListener('click', async () => {
    if (!file.files.length) {
      result.replaceChildren(el('div', { class: 'alert alert-warning' }, 'Chọn tệp danh mục (.csv) trước.'));
      return;
    }
    const chosen = file.files[0];
    check.disabled = true;
    load.disabled = true;
    result.replaceChildren(el('p', { class: 'text-muted' }, 'Đang kiểm tra ' + chosen.name + '…'));
    const { status, body } = await send(true);
    check.disabled = false;
    if (status === 200) {
      checked = chosen;
      load.disabled = false;
      const lines = verdictLines(body.changes);
      result.replaceChildren(el('div', { class: 'alert alert-info', 'data-registry-verdict': 'ok' },
        el('strong', {}, 'Tệp ' + chosen.name + ' hợp lệ: ' + body.unitCount + ' đơn vị.'),
        el('div', {}, 'So với phiên bản đang dùng: ' + summaryOf(body.changes) + '.'),
        changeList(lines, lines.length <= 40),
        el('div', { style: 'margin-top:6px' }, 'Danh mục chưa thay đổi. Bấm «Nạp phiên bản mới» để dùng tệp này.')));
    } else {
      result.replaceChildren(problemsBox('Tệp ' + chosen.name + ' không nạp được; danh mục không thay đổi:', body));
    }
  });
  load.addEventListener('click', async () => {
    if (!checked || file.files[0] !== checked) {
      return;
    }
    check.disabled = true;
    load.disabled = true;
    result.replaceChildren(el('p', { class: 'text-muted' }, 'Đang nạp ' + checked.name + '…'));
    const { status, body } = await send(false);
    check.disabled = false;
    if (status === 201) {
      checked = undefined;
      result.replaceChildren(el('div', { class: 'alert alert-success', 'data-registry-verdict': 'loaded' },
        el('strong', {}, 'Đã nạp phiên bản số ' + body.id + ': ' + body.unitCount + ' đơn vị ('
          + summaryOf(body.changes) + ').'),
        el('div', {}, 'Đợt sơ kết bắt đầu từ nay lấy đơn vị theo phiên bản này; đợt đã bắt đầu giữ đơn vị như lúc bắt đầu.')));
    } else if (status === 409) {
      result.replaceChildren(el('div', { class: 'alert alert-warning', 'data-registry-verdict': 'conflict' },
        body.message));
    } else {
      result.replaceChildren(problemsBox('Không nạp được; danh mục không thay đổi:', body));
    }
    await refresh();
  });

  node.replaceChildren(el('div', { class: 'so-ket-registry', 'data-registry': '' },
    el('h3', { style: 'margin-top:0' }, 'Danh mục đơn vị tham gia sơ kết'),
    el('p', { class: 'text-muted' }, 'Các đơn vị (xã, phường, sở, ngành, đoàn thể…) cùng thời kỳ tồn tại của từng'
      + ' đơn vị. Nạp phiên bản mới không cần cài đặt lại hệ thống; mỗi phiên bản được lưu nguyên vẹn, ai nạp, lúc'
      + ' nào và thay đổi gì.'),
    current,
    el('h4', {}, 'Nạp phiên bản mới'),
    el('p', { class: 'help-block' }, 'Tệp CSV mã UTF-8, mỗi dòng một đơn vị, các cột cách nhau bằng dấu chấm phẩy,'
      + ' như tệp tải về ở trên. Bấm «Kiểm tra» để xem tệp sẽ thay đổi những gì (chưa nạp), rồi «Nạp phiên bản'
      + ' mới». Tệp có lỗi thì không dòng nào được nạp.'),
    el('div', { style: 'display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;margin-bottom:12px' },
      file, choose, chosenName, check, load),
    result,
    el('h4', {}, 'Các phiên bản đã nạp'),
    editions,
    accountsSection(api, () => current.dataset.edition)));
  refresh();
}

/** The dashboard's section: the edition in use, and the way to the page. */
async function renderSection(node) {
  const line = el('p', { 'data-registry-summary': '' }, 'Đang tải…');
  node.replaceChildren(line, el('p', {}, el('a', { href: PAGE }, 'Xem các phiên bản, nạp phiên bản mới')));
  const { status, body } = await call(API + '/editions');
  line.replaceChildren(...(status === 200 && body.length ? ['Đang dùng: ', ...editionLine(body[0])]
    : [body.message || 'Chưa có phiên bản nào.']));
}

export default [
  {
    id: SECTION,
    pluginPoint: 'admin.system',
    priority: 900,
    properties: { label: 'Danh mục đơn vị' },
    render: (node, { api } = {}) => renderPage(node, api)
  },
  {
    id: 'so-ket-registry-dashboard',
    pluginPoint: 'admin.dashboard.section',
    priority: 900,
    properties: { label: 'Danh mục đơn vị', pagePath: PAGE },
    render: (node) => renderSection(node)
  }
];
