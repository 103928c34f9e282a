/*
 * Dates as the campaign means them: in Asia/Ho_Chi_Minh whatever the browser's zone, written
 * dd/mm/yyyy with a 24-hour clock. Shared by Cockpit's progress view and Admin's registry page.
 */
const ZONE = 'Asia/Ho_Chi_Minh';
const DAY_MS = 86400000;

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit'
});

export function dateTime(value) {
  if (!value) {
    return '';
  }
  return new Date(value).toLocaleString('vi-VN', {
    timeZone: ZONE, hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric'
  });
}

/**
 * Days since 1970-01-01 on Vietnam's calendar, the time of day as the fraction: whole numbers fall
 * on Vietnamese midnights, so a chart's day ticks and a deadline "at the start of 15/07" line up.
 */
export function vietnamDays(value) {
  const instant = new Date(value).getTime();
  const parts = Object.fromEntries(wallClock.formatToParts(instant).map((part) => [part.type, part.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour),
    Number(parts.minute), Number(parts.second), ((instant % 1000) + 1000) % 1000);
  return wall / DAY_MS;
}

/** The Vietnamese day whose midnight is {@code days}, as dd/mm/yyyy. */
export function day(days) {
  return new Date(Math.floor(days) * DAY_MS).toLocaleDateString('vi-VN', {
    timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric'
  });
}
