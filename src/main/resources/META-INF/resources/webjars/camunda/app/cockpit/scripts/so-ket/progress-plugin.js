/*
 * Cockpit plugin: where every unit of a campaign stands (design section 7), finished units included,
 * since Cockpit's community edition has no history view. It reads the application's own API with
 * the Cockpit session; the API lets only PV01, the Steering Committee and managers read it.
 *
 * Shown first on the dashboard, as pictures with the table below (and, for a campaign of the communes,
 * the province as a map between them), as a tab of the reviewCampaign and unitReview definitions, and
 * as a tab of their instances.
 */
import { chartJs, countsChart, submissionsChart } from './progress-charts.js';
import { drawMap, mapPanel } from './progress-map.js';
import { dateTime } from '../../../so-ket-dates.js';
import { el } from '../../../so-ket-dom.js';

const CAMPAIGN_KEY = 'reviewCampaign';
const UNIT_KEY = 'unitReview';
const appRoot = document.querySelector('base').getAttribute('app-root') || '';
const contextPath = appRoot.replace(/\/camunda$/, '');
const API = contextPath + '/api';
const HEADING = 'Tiến độ sơ kết 02 năm xây dựng đơn vị điển hình';

// The four counts: their key in the API's counts, label, colour, and each unit's tracking that falls in it.
const COUNTS = [
  ['doneOnTime', 'Hoàn thành đúng hạn', '#2e7d32', 'DONE_ON_TIME'],
  ['doneLate', 'Hoàn thành quá hạn', '#ef6c00', 'DONE_LATE'],
  ['openWithinDeadline', 'Đang thực hiện trong hạn', '#1565c0', 'OPEN_WITHIN_DEADLINE'],
  ['openOverdue', 'Đang thực hiện quá hạn', '#c62828', 'OPEN_OVERDUE']
];

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

/** The counts as a legend of the doughnut beside them: a colour, a number, a label. */
function counts(progress) {
  return el('div', { class: 'so-ket-counts', style: 'display:flex;flex-direction:column;gap:6px;min-width:230px' },
    count('total', progress.units.length, 'Tổng số đơn vị', '#455a64'),
    COUNTS.map(([key, label, colour]) => count(key, progress.counts[key], label, colour)));
}

function count(key, value, label, colour) {
  return el('div', { class: 'so-ket-count', 'data-count': key, style: 'display:flex;align-items:center;gap:10px;'
      + 'padding:4px 10px;border-left:6px solid ' + colour + ';background:#f7f7f7' },
  el('div', { style: 'font-size:22px;font-weight:bold;min-width:34px;text-align:right;color:' + colour }, value),
  el('span', {}, label));
}

function chartPanel(name, title, height, ...beside) {
  const canvas = el('canvas', { 'data-chart': name, role: 'img', 'aria-label': title });
  return {
    canvas,
    panel: el('div', { class: 'so-ket-chart', 'data-chart-panel': name },
      el('h4', { class: 'so-ket-chart-title', style: 'margin:0 0 8px;font-weight:bold' }, title),
      el('div', { style: 'display:flex;align-items:center;gap:24px' },
        el('div', { style: 'position:relative;flex:1 1 auto;min-width:0;height:' + height + 'px' }, canvas),
        beside))
  };
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

/** One campaign: pictures first, then the map, the downloads and the table; returns its charts to draw. */
function campaignView(progress, highlightUnit) {
  const base = API + '/campaigns/' + encodeURIComponent(progress.campaignCode);
  const campaignLink = progress.closed || !progress.processInstanceId
    ? el('span', { class: 'text-muted' }, ' (đợt đã kết thúc)')
    : el('a', { href: '#/process-instance/' + progress.processInstanceId + '/runtime', style: 'margin-left:8px' },
      'Mở thực thể đợt sơ kết');
  const tracking = chartPanel('counts', 'Tình hình thực hiện so với thời hạn', 230, counts(progress));
  const submissions = chartPanel('submissions', 'Số đơn vị đã gửi báo cáo theo ngày', 260);
  const map = mapPanel(progress);
  const view = el('div', { class: 'so-ket-campaign', 'data-campaign': progress.campaignCode },
    el('h4', { style: 'margin-top:0' }, progress.title + ' (' + progress.campaignCode + ')', campaignLink),
    el('p', { class: 'text-muted' }, 'Hạn gửi báo cáo: ' + dateTime(progress.reportDeadline)
      + ' · Số liệu lúc ' + dateTime(progress.generatedAt)),
    el('div', { class: 'so-ket-pictures', style: 'display:flex;flex-wrap:wrap;gap:16px 40px;margin:14px 0 18px' },
      el('div', { style: 'flex:1 1 480px;max-width:620px' }, tracking.panel),
      el('div', { style: 'flex:2 1 560px;min-width:0' }, submissions.panel)),
    map,
    el('p', {},
      el('a', { class: 'btn btn-default btn-sm', href: base + '/progress.xlsx' }, 'Tải bảng tiến độ (.xlsx)'), ' ',
      el('a', { class: 'btn btn-default btn-sm', href: base + '/provincial-report.docx', target: '_blank' },
        'Tải báo cáo toàn tỉnh (.docx)')),
    unitTable(progress, highlightUnit));
  return { view, tracking, submissions, map };
}

/** The charts of a view; without Chart.js the counts and the table still say it all. */
async function draw(parts, progress) {
  try {
    const Chart = await chartJs();
    return [countsChart(Chart, parts.tracking.canvas, progress, COUNTS),
      submissionsChart(Chart, parts.submissions.canvas, progress)];
  } catch (error) {
    console.error(error);
    [parts.tracking, parts.submissions].forEach(({ canvas }) => canvas.replaceWith(
      el('p', { class: 'text-muted' }, 'Không vẽ được biểu đồ (không tải được thư viện Chart.js).')));
    return [];
  }
}

/** Most recent first, as the API lists them: the most recent running campaign, else the most recent. */
function preferred(campaigns, remembered) {
  return campaigns.find((campaign) => campaign.campaignCode === remembered)
    || campaigns.find((campaign) => !campaign.closed) || campaigns[0];
}

// The campaign last chosen, kept while Cockpit stays open, so that coming back from an instance
// shows the same campaign.
let chosenCampaign;

/**
 * Renders into node one campaign, or, without campaignCode, the preferred one with a selector of the
 * others; on the dashboard, as one of its sections. Returns a function that releases the charts.
 */
function renderCampaigns(node, { campaignCode, highlightUnit, onDashboard } = {}) {
  let charts = [];
  // A campaign chosen while another still loads wins; so does leaving the page.
  let latest = 0;
  const destroyCharts = () => {
    charts.forEach((chart) => chart.destroy());
    charts = [];
  };
  const body = el('div', {}, el('p', { class: 'text-muted' }, 'Đang tải tiến độ…'));
  const selector = el('span', { class: 'so-ket-selector' });
  const heading = onDashboard ? el('h1', { class: 'section-title', style: 'margin-top:0' }, HEADING)
    : el('h3', { style: 'margin-top:0' }, HEADING);
  const title = el('div', {
    style: 'display:flex;align-items:baseline;justify-content:space-between;flex-wrap:wrap;gap:8px'
  }, heading, selector);
  node.replaceChildren(onDashboard
    ? el('div', { class: 'inner so-ket-progress' }, el('header', {}, title), body)
    : el('div', { class: 'so-ket-progress', style: 'padding:8px 0' }, title, body));

  const show = async (code) => {
    const request = ++latest;
    const progress = await getJson(API + '/campaigns/' + encodeURIComponent(code) + '/progress');
    if (request !== latest) {
      return;
    }
    destroyCharts();
    const parts = campaignView(progress, highlightUnit);
    body.replaceChildren(parts.view);
    const mapDrawn = drawMap(parts.map, progress, COUNTS, highlightUnit);
    const drawn = await draw(parts, progress);
    await mapDrawn;
    if (request === latest) {
      charts = drawn;
    } else {
      drawn.forEach((chart) => chart.destroy());
    }
  };
  const fail = (error) => body.replaceChildren(el('p', { class: 'alert alert-warning' },
    'Không xem được tiến độ: ' + error.message));

  (async () => {
    if (campaignCode) {
      await show(campaignCode);
      return;
    }
    const campaigns = await getJson(API + '/campaigns');
    if (!campaigns.length) {
      body.replaceChildren(el('p', {}, 'Chưa có đợt sơ kết nào.'));
      return;
    }
    const first = preferred(campaigns, chosenCampaign);
    if (campaigns.length > 1) {
      const select = el('select', { class: 'form-control input-sm', style: 'display:inline-block;width:auto' },
        campaigns.map((campaign) => el('option', { value: campaign.campaignCode },
          campaign.title + ' (' + campaign.campaignCode + ')' + (campaign.closed ? ' – đã kết thúc' : ''))));
      select.value = first.campaignCode;
      select.addEventListener('change', () => {
        chosenCampaign = select.value;
        show(select.value).catch(fail);
      });
      selector.append(el('label', { style: 'font-weight:normal;margin:0' }, 'Đợt sơ kết: ', select));
    }
    await show(first.campaignCode);
  })().catch(fail);
  return () => {
    latest++;
    destroyCharts();
  };
}

/**
 * Cockpit 7.24 draws every 'cockpit.dashboard' plugin in its last section, "custom plugins", below its
 * own engine counters whatever the plugin's priority (dashboard.html of camunda-bpm-platform): managers
 * open Cockpit for the campaign, so its section moves to the top of the dashboard, and the emptied
 * custom-plugins frame goes away. Administrators still find the engine counters below.
 */
function placeFirst(container, section) {
  const place = () => {
    const dashboard = container.closest('.dashboard');
    if (!dashboard) {
      container.appendChild(section);
      return;
    }
    dashboard.querySelectorAll(':scope > .so-ket-dashboard').forEach((old) => old.remove());
    dashboard.prepend(section);
    const custom = container.closest('section.deprecate');
    if (custom && custom.querySelectorAll('.deprecate-dashboard-view').length === 1) {
      custom.hidden = true;
    }
  };
  // Cockpit attaches the plugin's container only after render returns.
  queueMicrotask(() => {
    if (container.isConnected) {
      place();
      return;
    }
    const observer = new MutationObserver(() => {
      if (container.isConnected) {
        observer.disconnect();
        place();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

async function engineGet(api, path) {
  return getJson(api.engineApi + path);
}

// Cockpit calls unmount without saying which render it ends; one of each is shown at a time.
const releases = {};

function mount(id, release) {
  unmount(id);
  releases[id] = release;
}

function unmount(id) {
  (releases[id] || (() => {}))();
  delete releases[id];
}

export default [
  {
    id: 'soKetProgressDashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => {
      // Cockpit's own sections are cards edge to edge with no padding of their own.
      const section = el('section', { class: 'so-ket-dashboard', style: 'padding-left:0;padding-right:0' });
      mount('dashboard', renderCampaigns(section, { onDashboard: true }));
      placeFirst(node, section);
    },
    unmount: () => unmount('dashboard')
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
      mount('definition', renderCampaigns(node));
    },
    unmount: () => unmount('definition')
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
        mount('instance', renderCampaigns(node, { campaignCode: instance.businessKey }));
      } else if (definition.key === UNIT_KEY) {
        const [campaign, unit] = instance.businessKey.split('/');
        mount('instance', renderCampaigns(node, { campaignCode: campaign, highlightUnit: unit }));
      } else {
        node.textContent = 'Tiến độ chỉ có ở quy trình đợt sơ kết và quy trình sơ kết của đơn vị.';
      }
    },
    unmount: () => unmount('instance')
  }
];
