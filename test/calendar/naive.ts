/**
 * An independent, deliberately naive reference for the tests: reads the raw holiday JSON and
 * walks day by day with Date objects in UTC. No index, no day numbers.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const DIR = join(import.meta.dirname, "..", "..", "data", "holidays");

const listed = new Map<string, boolean>();
for (const f of readdirSync(DIR).filter((f) => /^\d{4}\.json$/.test(f))) {
  const j = JSON.parse(readFileSync(join(DIR, f), "utf8")) as { days: { date: string; isOffDay: boolean }[] };
  for (const d of j.days) listed.set(d.date, d.isOffDay);
}

export function nextDay(date: string, n = 1): string {
  const d = new Date(date + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function naiveIsWorking(date: string): boolean {
  const off = listed.get(date);
  if (off !== undefined) return !off;
  const wd = new Date(date + "T00:00:00Z").getUTCDay();
  return wd !== 0 && wd !== 6;
}

/** N-th working day strictly after `start`, not counting working days inside any pause. */
export function naiveDue(start: string, n: number, pauses: { from: string; to: string }[] = []): string {
  let d = start;
  let count = 0;
  while (count < n) {
    d = nextDay(d);
    const paused = pauses.some((p) => p.from <= d && d <= p.to);
    if (naiveIsWorking(d) && !paused) count++;
  }
  return d;
}
