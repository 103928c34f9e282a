/*
 * Cockpit plugin: where every unit of a campaign stands (design section 7), finished units included,
 * since Cockpit's community edition has no history view. It reads the application's own API with
 * the Cockpit session; the API lets only PV01, the Steering Committee and managers read it.
 *
 * Shown on the dashboard, as a tab of the reviewCampaign and unitReview definitions, and as a tab of
 * their instances.
 */
const CAMPAIGN_KEY = 'reviewCampaign';
const UNIT_KEY = 'unitReview';
const appRoot = document.querySelector('base').getAttribute('app-root') || '';
const contextPath = appRoot.replace(/\/camunda$/, '');
const API = contextPath + '/api';

const COUNTS = [
  ['doneOnTime', 'Hoàn thành đúng hạn', '#2e7d32'],
  ['doneLate', 'Hoàn thành quá hạn', '#ef6c00'],
  ['openWithinDeadline', 'Đang thực hiện trong hạn', '#1565c0'],
  ['openOverdue', 'Đang thực hiện quá hạn', '#c62828']
];

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null) {
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
  });
  return node;
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let message = 'Lỗi ' + response.status;
    try {
      message = (await response.json()).message || message;
    } catch (ignored) {
      // not JSON
    }
    throw new Error(message);
  }
  return response.json();
}

function dateTime(value) {
  if (!value) {
    return '';
  }
  return new Date(value).toLocaleString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric'
  });
}

function counts(progress) {
  return el('div', { class: 'so-ket-counts', style: 'display:flex;flex-wrap:wrap;gap:12px;margin:8px 0 12px' },
    el('div', { class: 'so-ket-count', 'data-count': 'total', style: box('#455a64') },
      el('div', { style: 'font-size:26px;font-weight:bold' }, progress.units.length), 'Tổng số đơn vị'),
    COUNTS.map(([key, label, colour]) => el('div', { class: 'so-ket-count', 'data-count': key, style: box(colour) },
      el('div', { style: 'font-size:26px;font-weight:bold' }, progress.counts[key]), label)));
}

function box(colour) {
  return 'min-width:150px;padding:8px 12px;border-left:5px solid ' + colour + ';background:#f7f7f7';
}

function unitTable(progress, highlightUnit) {
  const head = ['STT', 'Đơn vị', 'Trạng thái', 'Theo dõi thời hạn', 'Gửi lần đầu', 'Nhắc hạn', 'Đôn đốc',
    'Xếp loại', 'Hồ sơ'];
  return el('table', { class: 'table table-condensed table-bordered so-ket-units' },
    el('thead', {}, el('tr', {}, head.map((h) => el('th', {}, h)))),
    el('tbody', {}, progress.units.map((unit, index) => {
      const report = API + '/campaigns/' + encodeURIComponent(progress.campaignCode) + '/units/'
        + encodeURIComponent(unit.unitCode) + '/report.docx';
      const instance = unit.finished || !unit.processInstanceId
        ? el('span', { class: 'text-muted' }, 'Đã kết thúc')
        : el('a', { href: '#/process-instance/' + unit.processInstanceId + '/runtime' }, 'Mở thực thể');
      return el('tr', { 'data-unit': unit.unitCode, class: unit.unitCode === highlightUnit ? 'info' : null },
        el('td', {}, index + 1),
        el('td', {}, unit.unitName),
        el('td', {}, unit.statusLabel, unit.overdue ? el('span', { class: 'label label-danger',
          style: 'margin-left:6px' }, 'Quá hạn') : null),
        el('td', {}, unit.trackingLabel),
        el('td', {}, dateTime(unit.firstSubmittedAt)),
        el('td', {}, unit.reminderCount),
        el('td', {}, unit.escalationCount),
        el('td', {}, unit.rating || ''),
        el('td', {}, instance, ' · ', el('a', { href: report, target: '_blank' }, 'Báo cáo .docx')));
    })));
}

function campaignView(progress, highlightUnit) {
  const base = API + '/campaigns/' + encodeURIComponent(progress.campaignCode);
  const campaignLink = progress.closed || !progress.processInstanceId
    ? el('span', { class: 'text-muted' }, ' (đợt đã kết thúc)')
    : el('a', { href: '#/process-instance/' + progress.processInstanceId + '/runtime', style: 'margin-left:8px' },
      'Mở thực thể đợt sơ kết');
  return el('div', { class: 'so-ket-campaign', 'data-campaign': progress.campaignCode },
    el('h4', {}, progress.title + ' (' + progress.campaignCode + ')', campaignLink),
    el('p', { class: 'text-muted' }, 'Hạn gửi báo cáo: ' + dateTime(progress.reportDeadline)
      + ' · Số liệu lúc ' + dateTime(progress.generatedAt)),
    counts(progress),
    el('p', {},
      el('a', { class: 'btn btn-default btn-sm', href: base + '/progress.xlsx' }, 'Tải bảng tiến độ (.xlsx)'), ' ',
      el('a', { class: 'btn btn-default btn-sm', href: base + '/provincial-report.docx', target: '_blank' },
        'Tải báo cáo toàn tỉnh (.docx)')),
    unitTable(progress, highlightUnit));
}

async function renderCampaigns(node, campaignCode, highlightUnit) {
  node.innerHTML = '';
  const root = el('div', { class: 'so-ket-progress', style: 'padding:8px 0' },
    el('h3', {}, 'Tiến độ sơ kết 02 năm xây dựng đơn vị điển hình'));
  const status = el('p', { class: 'text-muted' }, 'Đang tải tiến độ…');
  root.appendChild(status);
  node.appendChild(root);
  try {
    const codes = campaignCode ? [campaignCode]
      : (await getJson(API + '/campaigns')).map((campaign) => campaign.campaignCode);
    status.remove();
    if (!codes.length) {
      root.appendChild(el('p', {}, 'Chưa có đợt sơ kết nào.'));
    }
    for (const code of codes) {
      root.appendChild(campaignView(await getJson(API + '/campaigns/' + encodeURIComponent(code) + '/progress'),
        highlightUnit));
    }
  } catch (error) {
    status.className = 'alert alert-warning';
    status.textContent = 'Không xem được tiến độ: ' + error.message;
  }
}

async function engineGet(api, path) {
  return getJson(api.engineApi + path);
}

export default [
  {
    id: 'soKetProgressDashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => {
      renderCampaigns(node);
    }
  },
  {
    id: 'soKetProgressDefinition',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    priority: 100,
    properties: { label: 'Tiến độ sơ kết' },
    render: async (node, { api, processDefinitionId }) => {
      const definition = await engineGet(api, '/process-definition/' + processDefinitionId);
      if (definition.key !== CAMPAIGN_KEY && definition.key !== UNIT_KEY) {
        node.textContent = 'Tiến độ chỉ có ở quy trình đợt sơ kết và quy trình sơ kết của đơn vị.';
        return;
      }
      renderCampaigns(node);
    }
  },
  {
    id: 'soKetProgressInstance',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 100,
    properties: { label: 'Tiến độ sơ kết' },
    render: async (node, { api, processInstanceId }) => {
      const instance = await engineGet(api, '/process-instance/' + processInstanceId);
      const definition = await engineGet(api, '/process-definition/' + instance.definitionId);
      if (definition.key === CAMPAIGN_KEY) {
        renderCampaigns(node, instance.businessKey);
      } else if (definition.key === UNIT_KEY) {
        const [campaign, unit] = instance.businessKey.split('/');
        renderCampaigns(node, campaign, unit);
      } else {
        node.textContent = 'Tiến độ chỉ có ở quy trình đợt sơ kết và quy trình sơ kết của đơn vị.';
      }
    }
  }
];
