/*
 * The province as a map: each commune of a campaign filled with the colour of its tracking bucket,
 * the communes outside the campaign grey. Shapes from map/nghe-an-2025.geojson (see map/README.md),
 * projected by d3-geo from the WebJars in pom.xml. Units without a shape (departments) stay in the
 * table; a campaign none of whose units has a shape gets no map, and a line that says why.
 */
import { el } from '../../../so-ket-dom.js';

const appRoot = document.querySelector('base').getAttribute('app-root') || '';
const WEBJARS = appRoot.replace(/\/camunda$/, '') + '/webjars';
// The versions of pom.xml.
const D3_ARRAY = WEBJARS + '/d3-array/3.2.4/dist/d3-array.min.js';
const D3_GEO = WEBJARS + '/d3-geo/3.1.1/dist/d3-geo.min.js';
const SHAPES = new URL('./map/nghe-an-2025.geojson', import.meta.url).href;

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 720;
const PAD = 6;
const OUTSIDE_COLOUR = '#dcdcdc';
// The central meridian of Nghệ An's VN-2000 zone, 104°45′ E: a transverse Mercator about it keeps
// the province's shapes and areas as its own maps draw them.
const CENTRAL_MERIDIAN = 104.75;

export const NO_MAP_LINE = 'Bản đồ chỉ vẽ cho đợt sơ kết của các xã, phường (đơn vị hành chính cấp xã từ ngày'
  + ' 01/07/2025); tình hình từng đơn vị của đợt này xem ở bảng dưới đây.';

let loaded;

/**
 * d3-geo and the shapes, loaded once. As with Chart.js, the UMD builds are imported as modules: with
 * neither CommonJS nor AMD on the page they set the global d3, d3-array's first, which d3-geo's uses.
 */
function library() {
  if (!loaded) {
    loaded = (async () => {
      await import(D3_ARRAY);
      await import(D3_GEO);
      const d3 = globalThis.d3;
      if (!d3 || !d3.geoPath || !d3.geoTransverseMercator) {
        throw new Error('d3-geo did not set its global');
      }
      const response = await fetch(SHAPES, { credentials: 'same-origin' });
      if (!response.ok) {
        throw new Error('Lỗi ' + response.status + ' khi tải ranh giới xã, phường');
      }
      const shapes = await response.json();
      return { d3, features: shapes.features.map((feature) => rewound(d3, feature)) };
    })().catch((error) => {
      loaded = undefined;
      throw error;
    });
  }
  return loaded;
}

/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3-geo, on the sphere, reads such a ring as
 * everything but the commune. A polygon that covers more than half the sphere is turned round.
 */
function rewound(d3, feature) {
  const geometry = feature.geometry;
  const turn = (polygon) => (d3.geoArea({ type: 'Polygon', coordinates: polygon }) > 2 * Math.PI
    ? polygon.map((ring) => ring.slice().reverse()) : polygon);
  const coordinates = geometry.type === 'Polygon' ? turn(geometry.coordinates)
    : geometry.type === 'MultiPolygon' ? geometry.coordinates.map(turn) : geometry.coordinates;
  return { ...feature, geometry: { ...geometry, coordinates } };
}

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.forEach((child) => child && node.appendChild(child));
  return node;
}

function style() {
  if (document.getElementById('so-ket-map-style')) {
    return;
  }
  document.head.appendChild(el('style', { id: 'so-ket-map-style' },
    '.so-ket-map-svg path[data-gso] { stroke: #fff; stroke-width: 0.7; vector-effect: non-scaling-stroke; }'
    + '.so-ket-map-svg a { cursor: pointer; } .so-ket-map-svg a:focus { outline: none; }'
    + '.so-ket-map-svg .so-ket-map-focus { fill: none; stroke: #212121; stroke-width: 2.2;'
    + ' vector-effect: non-scaling-stroke; pointer-events: none; }'
    + '.so-ket-map-svg .so-ket-map-highlight { fill: none; stroke: #000; stroke-width: 3;'
    + ' stroke-dasharray: 4 2; vector-effect: non-scaling-stroke; pointer-events: none; }'
    + '.so-ket-map-tooltip { position: absolute; z-index: 5; pointer-events: none; background: #fff;'
    + ' border: 1px solid #bbb; border-radius: 3px; box-shadow: 0 2px 6px rgba(0,0,0,.2); padding: 6px 9px;'
    + ' width: max-content; max-width: 300px; font-size: 13px; line-height: 1.4; }'));
}

/** Whether the campaign has units that the map could draw: those with a national code. */
export function hasShapes(progress) {
  return progress.units.some((unit) => unit.gsoCode);
}

/** A panel that holds the map once {@link drawMap} has drawn it, or the line that says there is none. */
export function mapPanel(progress) {
  if (!hasShapes(progress)) {
    return el('p', { class: 'text-muted so-ket-no-map', 'data-map': 'none' }, NO_MAP_LINE);
  }
  return el('div', { class: 'so-ket-map-panel', 'data-map': 'loading', style: 'margin:0 0 18px' },
    el('p', { class: 'text-muted' }, 'Đang tải bản đồ…'));
}

function tooltipLines(unit, feature) {
  if (!unit) {
    return [feature.properties.name, 'Không tham gia đợt sơ kết này'];
  }
  const lines = [unit.unitName, 'Trạng thái: ' + unit.statusLabel, 'Theo dõi thời hạn: ' + unit.trackingLabel];
  lines.push(unit.finished || !unit.processInstanceId ? 'Quy trình của đơn vị đã kết thúc'
    : 'Bấm để mở thực thể quy trình của đơn vị');
  return lines;
}

/**
 * Draws the map into the panel: buckets are [countKey, label, colour, tracking] as the counts and the
 * charts show them. Resolves once drawn; a map that cannot be drawn says so and leaves the table.
 */
export async function drawMap(panel, progress, buckets, highlightUnit) {
  if (panel.dataset.map !== 'loading') {
    return;
  }
  try {
    draw(panel, progress, buckets, highlightUnit, await library());
  } catch (error) {
    console.error(error);
    panel.dataset.map = 'failed';
    panel.replaceChildren(el('p', { class: 'text-muted' }, 'Không vẽ được bản đồ (không tải được thư viện d3-geo'
      + ' hoặc ranh giới xã, phường); tình hình từng đơn vị xem ở bảng dưới đây.'));
  }
}

function draw(panel, progress, buckets, highlightUnit, { d3, features }) {
  const byGso = new Map(progress.units.filter((unit) => unit.gsoCode).map((unit) => [unit.gsoCode, unit]));
  const drawn = features.filter((feature) => byGso.has(feature.properties.gso_code));
  if (!drawn.length) {
    panel.dataset.map = 'none';
    panel.replaceChildren(el('p', { class: 'text-muted so-ket-no-map' }, NO_MAP_LINE));
    return;
  }
  style();
  const colourOf = Object.fromEntries(buckets.map(([, , colour, tracking]) => [tracking, colour]));
  const collection = { type: 'FeatureCollection', features };
  const projection = d3.geoTransverseMercator().rotate([-CENTRAL_MERIDIAN, 0])
    .fitWidth(WIDTH - 2 * PAD, collection);
  const path = d3.geoPath(projection);
  const [[x0, y0], [x1, y1]] = path.bounds(collection);
  projection.translate([projection.translate()[0] + PAD - x0, projection.translate()[1] + PAD - y0]);
  const height = Math.ceil(y1 - y0 + 2 * PAD);

  const map = svg('svg', { class: 'so-ket-map-svg', viewBox: '0 0 ' + WIDTH + ' ' + height, role: 'group',
    'aria-label': 'Bản đồ các xã, phường của tỉnh theo tình hình thực hiện', 'data-map-svg': '',
    style: 'display:block;width:100%;height:auto' });
  const focus = svg('path', { class: 'so-ket-map-focus' });
  let highlight;
  const onMap = new Set();
  features.forEach((feature) => {
    const gso = feature.properties.gso_code;
    const unit = byGso.get(gso);
    const d = path(feature);
    const shape = svg('path', { d, 'data-gso': gso, 'data-unit': unit ? unit.unitCode : null,
      'data-tracking': unit ? unit.tracking : null, 'data-outside': unit ? null : '',
      fill: unit ? colourOf[unit.tracking] : OUTSIDE_COLOUR });
    if (unit) {
      onMap.add(unit.unitCode);
      if (unit.unitCode === highlightUnit) {
        highlight = svg('path', { class: 'so-ket-map-highlight', d });
      }
    }
    if (unit && !unit.finished && unit.processInstanceId) {
      const link = svg('a', { href: '#/process-instance/' + unit.processInstanceId + '/runtime',
        'aria-label': tooltipLines(unit, feature).slice(0, 3).join('. ') }, shape);
      map.appendChild(link);
    } else {
      map.appendChild(shape);
    }
  });
  map.appendChild(focus);
  if (highlight) {
    map.appendChild(highlight);
  }

  const tooltip = el('div', { class: 'so-ket-map-tooltip', 'data-map-tooltip': '', hidden: '' });
  const frame = el('div', { style: 'position:relative' }, map, tooltip);
  const show = (shape, x, y) => {
    focus.setAttribute('d', shape.getAttribute('d'));
    const unit = shape.dataset.unit ? progress.units.find((one) => one.unitCode === shape.dataset.unit) : null;
    const feature = features.find((one) => one.properties.gso_code === shape.dataset.gso);
    const [name, ...rest] = tooltipLines(unit, feature);
    tooltip.replaceChildren(el('strong', {}, name), ...rest.map((line) => el('div', {}, line)));
    tooltip.hidden = false;
    // Below right of the pointer; left of it where the window ends, above it where the map ends.
    const box = frame.getBoundingClientRect();
    const width = tooltip.offsetWidth;
    const height = tooltip.offsetHeight;
    const left = x + 14 + width > document.documentElement.clientWidth - 8 ? x - box.left - width - 14
      : x - box.left + 14;
    const top = y - box.top + 16 + height > box.height ? y - box.top - height - 12 : y - box.top + 16;
    tooltip.style.left = Math.max(0, left) + 'px';
    tooltip.style.top = Math.max(0, top) + 'px';
  };
  const hide = () => {
    tooltip.hidden = true;
    focus.removeAttribute('d');
  };
  map.addEventListener('mousemove', (event) => {
    const shape = event.target.closest && event.target.closest('path[data-gso]');
    if (shape) {
      show(shape, event.clientX, event.clientY);
    } else {
      hide();
    }
  });
  map.addEventListener('mouseleave', hide);
  map.addEventListener('focusin', (event) => {
    const shape = event.target.querySelector && event.target.querySelector('path[data-gso]');
    if (shape) {
      const box = shape.getBoundingClientRect();
      show(shape, box.left + box.width / 2, box.top + box.height / 2);
    }
  });
  map.addEventListener('focusout', hide);

  const onShapes = progress.units.filter((unit) => onMap.has(unit.unitCode));
  const offMap = progress.units.length - onShapes.length;
  const outside = features.length - drawn.length;
  const legend = el('div', { class: 'so-ket-map-legend', style: 'display:flex;flex-direction:column;gap:6px' },
    el('div', { style: 'font-weight:bold' }, onShapes.length + ' xã, phường trên bản đồ'),
    buckets.map(([key, label, colour, tracking]) => el('div', { 'data-legend': key,
      style: 'display:flex;align-items:center;gap:10px' },
    el('span', { style: 'display:inline-block;width:22px;height:16px;flex:none;background:' + colour }),
    el('span', { style: 'flex:1' }, label),
    el('strong', { 'data-legend-count': '', style: 'min-width:30px;text-align:right;color:' + colour },
      onShapes.filter((unit) => unit.tracking === tracking).length))),
    outside ? el('div', { 'data-legend': 'outside', style: 'display:flex;align-items:center;gap:10px' },
      el('span', { style: 'display:inline-block;width:22px;height:16px;flex:none;background:' + OUTSIDE_COLOUR }),
      el('span', { style: 'flex:1' }, 'Không tham gia đợt này'),
      el('strong', { 'data-legend-count': '', style: 'min-width:30px;text-align:right' }, outside)) : null,
    el('p', { class: 'text-muted', style: 'margin:10px 0 0' },
      'Di chuột vào một xã, phường để xem tên và trạng thái; bấm để mở thực thể quy trình của đơn vị.'),
    offMap ? el('p', { class: 'text-muted', 'data-off-map': offMap, style: 'margin:0' }, offMap
      + ' đơn vị không có trên bản đồ (sở, ngành, đoàn thể): xem ở bảng dưới đây.') : null,
    el('p', { class: 'text-muted', style: 'margin:10px 0 0;font-size:11px' }, 'Ranh giới xã, phường theo bộ dữ liệu'
      + ' vietnamese-provinces-database (giấy phép MIT), đã đơn giản hóa: để minh họa tiến độ, không phải bản đồ'
      + ' địa giới hành chính chính thức.'));

  panel.dataset.map = 'drawn';
  panel.replaceChildren(
    el('h4', { class: 'so-ket-chart-title', style: 'margin:0 0 8px;font-weight:bold' },
      'Bản đồ các xã, phường theo tình hình thực hiện'),
    el('div', { style: 'display:flex;flex-wrap:wrap;align-items:flex-start;gap:16px 32px' },
      el('div', { class: 'so-ket-map', 'data-map-frame': '', style: 'flex:1 1 520px;max-width:' + WIDTH + 'px' },
        frame),
      el('div', { style: 'flex:0 1 300px;min-width:240px;padding-top:8px' }, legend)));
}
