/*
 * The campaign as pictures: its four counts, and how many units had reported by each day against the
 * report deadline. Drawn with Chart.js and its annotation plugin, from the WebJars in pom.xml.
 */
import { dateTime, day, vietnamDays } from '../../../so-ket-dates.js';

const appRoot = document.querySelector('base').getAttribute('app-root') || '';
const WEBJARS = appRoot.replace(/\/camunda$/, '') + '/webjars';
// The versions of pom.xml.
const CHART_JS = WEBJARS + '/chart.js/4.5.1/dist/chart.umd.min.js';
const ANNOTATION = WEBJARS + '/chartjs-plugin-annotation/3.1.0/dist/chartjs-plugin-annotation.min.js';

const TOTAL_COLOUR = '#455a64';
const SUBMITTED_COLOUR = '#2e7d32';
const DEADLINE_COLOUR = '#c62828';

let library;

/**
 * Chart.js, loaded once. The UMD builds are imported as modules: with neither CommonJS nor AMD on the
 * page they set globals, and unlike the ESM build they need no import map for their own dependencies.
 */
export function chartJs() {
  if (!library) {
    library = (async () => {
      await import(CHART_JS);
      await import(ANNOTATION);
      const Chart = globalThis.Chart;
      if (!Chart || !globalThis['chartjs-plugin-annotation']) {
        throw new Error('Chart.js or its annotation plugin did not set its global');
      }
      Chart.register(globalThis['chartjs-plugin-annotation']);
      Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
      Chart.defaults.color = '#333';
      return Chart;
    })().catch((error) => {
      library = undefined;
      throw error;
    });
  }
  return library;
}

/** A doughnut of the four counts, with how many units have reported in its hole. */
export function countsChart(Chart, canvas, progress, counts) {
  const total = progress.units.length;
  const submitted = progress.counts.doneOnTime + progress.counts.doneLate;
  return new Chart(canvas, {
    type: 'doughnut',
    data: {
      labels: counts.map(([, label]) => label),
      datasets: [{
        data: counts.map(([key]) => progress.counts[key]),
        backgroundColor: counts.map(([, , colour]) => colour),
        borderColor: '#fff',
        borderWidth: 2
      }]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      cutout: '62%',
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => ' ' + item.label + ': ' + item.raw + ' đơn vị' } },
        annotation: {
          annotations: {
            reported: {
              type: 'doughnutLabel',
              content: [submitted + '/' + total, 'đơn vị', 'đã gửi báo cáo'],
              font: [{ size: 30, weight: 'bold' }, { size: 13 }, { size: 13 }],
              color: ['#263238', '#546e7a', '#546e7a']
            }
          }
        }
      }
    }
  });
}

/**
 * How many units had sent their first report by each Vietnamese midnight since the campaign started,
 * up to now (or, for a closed campaign, to its last submission). A point at midnight counts what came
 * before it, so where the line meets a deadline set at midnight is the number that reported on time.
 */
function submissionSeries(progress) {
  const sent = progress.units.map((unit) => unit.firstSubmittedAt).filter(Boolean).map(vietnamDays)
    .sort((a, b) => a - b);
  const now = vietnamDays(progress.generatedAt);
  const start = Math.floor(Math.min(progress.startedAt ? vietnamDays(progress.startedAt) : now, ...sent));
  const end = progress.closed && sent.length ? Math.ceil(sent[sent.length - 1]) : now;
  const before = (moment) => sent.filter((at) => at < moment).length;
  const points = [{ x: start, y: 0, when: 'Bắt đầu ngày ' + day(start) }];
  for (let midnight = start + 1; midnight <= end; midnight++) {
    points.push({ x: midnight, y: before(midnight), when: 'Đến hết ngày ' + day(midnight - 1) });
  }
  if (end > Math.floor(end)) {
    points.push({ x: end, y: sent.filter((at) => at <= end).length, when: 'Đến ' + dateTime(progress.generatedAt) });
  }
  return points;
}

/** Units reported by day, the report deadline as a vertical line, the number of units as a horizontal one. */
export function submissionsChart(Chart, canvas, progress) {
  const total = progress.units.length;
  const points = submissionSeries(progress);
  const deadline = vietnamDays(progress.reportDeadline);
  const first = points[0].x;
  const last = Math.max(points[points.length - 1].x, deadline);
  const room = last + Math.max(1, (last - first) * 0.04);
  const step = Math.max(1, Math.ceil((room - first) / 10));
  // Ticks fall every step days from the start; the axis ends on one of them.
  const max = first + step * Math.ceil((room - first) / step);
  const latest = points[points.length - 1];
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [{
        label: 'Số đơn vị đã gửi báo cáo',
        data: points,
        borderColor: SUBMITTED_COLOUR,
        backgroundColor: 'rgba(46, 125, 50, 0.12)',
        fill: 'origin',
        borderWidth: 2.5,
        pointRadius: points.length > 40 ? 0 : 3,
        pointBackgroundColor: SUBMITTED_COLOUR
      }]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { top: 4, right: 12 } },
      scales: {
        x: {
          type: 'linear',
          min: first,
          max,
          ticks: { stepSize: step, autoSkip: true, maxRotation: 0,
            callback: (value) => (Number.isInteger(value) ? day(value) : '') },
          grid: { color: '#eee' }
        },
        y: {
          min: 0,
          max: Math.max(total, 1) + Math.max(1, Math.ceil(total * 0.15)),
          ticks: { precision: 0 },
          title: { display: true, text: 'Số đơn vị' },
          grid: { color: '#eee' }
        }
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => items[0].raw.when,
            label: (item) => ' Đã gửi báo cáo: ' + item.raw.y + '/' + total + ' đơn vị'
          }
        },
        annotation: {
          annotations: {
            total: {
              type: 'line',
              scaleID: 'y',
              value: total,
              borderColor: TOTAL_COLOUR,
              borderWidth: 1.5,
              borderDash: [5, 4],
              label: { display: true, position: 'start', content: 'Tổng số đơn vị: ' + total,
                backgroundColor: TOTAL_COLOUR, font: { size: 12 }, padding: 4 }
            },
            deadline: {
              type: 'line',
              scaleID: 'x',
              value: deadline,
              borderColor: DEADLINE_COLOUR,
              borderWidth: 2,
              borderDash: [6, 4],
              label: { display: true, position: 'center', content: 'Hạn gửi báo cáo ' + dateTime(progress.reportDeadline),
                backgroundColor: DEADLINE_COLOUR, font: { size: 12, weight: 'bold' }, padding: 5 }
            },
            latest: {
              type: 'label',
              xValue: latest.x,
              yValue: latest.y,
              position: { x: 'end', y: 'end' },
              xAdjust: -6,
              yAdjust: -6,
              content: latest.y + '/' + total + ' đã gửi',
              color: SUBMITTED_COLOUR,
              font: { size: 13, weight: 'bold' }
            }
          }
        }
      }
    }
  });
}
