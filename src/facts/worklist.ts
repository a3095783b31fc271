/**
 * Where an open application stands on a given day (the workbench's worklist): working days left
 * to its deadline and whether it is on time, due soon or overdue. Decided here, from the
 * application's facts, so no adapter counts days itself.
 */
import type { Calendar } from "../calendar/index.js";
import type { ApplicationFacts } from "./applications.js";
import { codedOf, type InputMessage } from "../data/input-messages.js";

export type WorkStatus = "on-time" | "due-soon" | "overdue" | "unknown";

/** Working days before the deadline from which an application counts as due soon (default). */
export const DUE_SOON_WORKING_DAYS = 5;

export interface WorkStanding {
  due: string | null;
  /** Working days from `asOf` to the deadline (0: due that day; negative: overdue). */
  daysLeft: number | null;
  status: WorkStatus;
  /**
   * Why the deadline or the count is unknown (e.g. no holiday data for its year), as message ids
   * and data (`problemsText` words them).
   */
  problems: InputMessage[];
}

/**
 * The standing of an application on `asOf` (YYYY-MM-DD). The due day itself is on time; an
 * application replied by `asOf` is judged by its reply (on time or overdue), one replied later
 * was still open that day.
 */
export function workStanding(
  fact: ApplicationFacts,
  asOf: string,
  calendar: Calendar,
  soonDays: number = DUE_SOON_WORKING_DAYS,
): WorkStanding {
  const problems: InputMessage[] = fact.problems;
  const due = fact.due;
  if (due === null) return { due: null, daysLeft: null, status: "unknown", problems };
  if (fact.reply !== null && fact.reply.date <= asOf)
    return {
      due,
      daysLeft: null,
      status: fact.reply.onTime === false ? "overdue" : "on-time",
      problems,
    };
  let daysLeft: number;
  try {
    daysLeft = calendar.workingDaysBetween(asOf, due);
  } catch (e) {
    return { due, daysLeft: null, status: asOf > due ? "overdue" : "unknown", problems: [codedOf(e)] };
  }
  const status = asOf > due ? "overdue" : daysLeft <= soonDays ? "due-soon" : "on-time";
  return { due, daysLeft, status, problems };
}

/** An application not yet answered on a day: its deadline and standing. */
export interface OpenApplication extends WorkStanding {
  id: string;
  received: string | null;
}

/**
 * The applications received by `asOf` and not answered by then, with their due dates and
 * standing; overdue ones first, then by due date (`gongwen audit --as-of`).
 */
export function openApplications(
  facts: readonly ApplicationFacts[],
  asOf: string,
  calendar: Calendar,
  soonDays: number = DUE_SOON_WORKING_DAYS,
): OpenApplication[] {
  const out: OpenApplication[] = [];
  for (const f of facts) {
    if (f.reply !== null && f.reply.date <= asOf) continue;
    if (f.received !== null && f.received > asOf) continue;
    out.push({ id: f.id, received: f.received, ...workStanding(f, asOf, calendar, soonDays) });
  }
  const rank = (s: WorkStatus) => (s === "overdue" ? 0 : s === "due-soon" ? 1 : s === "on-time" ? 2 : 3);
  return out.sort(
    (a, b) =>
      rank(a.status) - rank(b.status) ||
      (a.due ?? "9999").localeCompare(b.due ?? "9999") ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
