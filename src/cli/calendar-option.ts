/**
 * `--calendar-override FILE` for every command that counts working days (deadline, audit,
 * render, letters, serve): one calendar, built once per run from the shipped national data
 * plus the override, handed to every library call the command makes. A year that is in neither
 * (e.g. 2027 before its State Council notice is added) stays unknown: deadlines that need it are
 * undeterminable, never counted as weekends only.
 */
import type { Argv } from "yargs";
import type { Calendar } from "../calendar/index.js";
import type { Lang } from "../util/i18n.js";

export const CALENDAR_OVERRIDE_OPTION = "calendar-override";

/** Add the option to a command's builder. */
export function withCalendarOption<T>(y: Argv<T>): Argv<T & { "calendar-override"?: string }> {
  return y.option(CALENDAR_OVERRIDE_OPTION, {
    type: "string",
    // One language is shown (cli/help.ts describeIn).
    describe:
      "日历覆盖文件（JSON）：本地休息日，或尚未收录的年度节假日安排（见 schemas/README-calendar.md）/ calendar override file (JSON): local rest days, or a year whose holiday notice is not shipped yet (schemas/README-calendar.md)",
  });
}

/** The run's calendar: the shipped data, plus the override when one is given. */
export async function cliCalendar(override: string | undefined, lang: Lang): Promise<Calendar> {
  const { createCalendar } = await import("../calendar/calendar.js");
  return createCalendar({ ...(override !== undefined ? { override } : {}), lang });
}
