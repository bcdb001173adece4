/** Minutes east of UTC of Europe/Rome's wall clock at an instant. */
function romeOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((wall - instant.getTime()) / 60000);
}

/**
 * An Italian local date and time ("2025-12-04", "20:30") as an RFC 3339 date-time with the
 * offset Europe/Rome has then (+01:00 in winter, +02:00 in summer).
 */
export function romeDateTime(day: string, time: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  // The offset at the local time read as UTC, then checked at the instant it gives.
  let offset = romeOffsetMinutes(new Date(asUtc));
  offset = romeOffsetMinutes(new Date(asUtc - offset * 60000));
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${day}T${pad(hh)}:${pad(mm)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
