/**
 * DeadlineComputer.baseDue(received) — the receipt letter's deadline, computed for every
 * application without building a result — is compute({ received }).due, with the same error
 * when the computation reaches a year without data (computeDeadline is DeadlineComputer.compute;
 * deadline.test.ts pins its values).
 */
import { describe, expect, it } from "vitest";
import { computeDeadline, DeadlineComputer } from "../../src/calendar/deadline.js";
import { addCalendarDays } from "../../src/calendar/dates.js";
import type { Regime } from "../../src/law/regime.js";

function outcome(f: () => unknown): unknown {
  try {
    return { ok: JSON.parse(JSON.stringify(f())) as unknown };
  } catch (e) {
    return { error: (e as Error).message, name: (e as Error).name };
  }
}

describe("DeadlineComputer", () => {
  const regimes: (Regime | undefined)[] = [undefined, "ogi-2008", "ogi-2019"];
  const dates: string[] = [];
  for (let d = "2006-12-20"; d <= "2008-01-20"; d = addCalendarDays(d, 1)) dates.push(d);
  for (let d = "2019-05-01"; d <= "2019-05-31"; d = addCalendarDays(d, 1)) dates.push(d);
  for (let d = "2023-01-01"; d <= "2023-12-31"; d = addCalendarDays(d, 3)) dates.push(d);
  for (let d = "2026-11-15"; d <= "2027-01-10"; d = addCalendarDays(d, 1)) dates.push(d);
  dates.push("2023-02-30", "not a date");

  for (const lang of ["zh", "en"] as const)
    for (const convention of [{}, { receiptDay: "day-one-if-working" as const }]) {
      it(`baseDue is compute({ received }).due, errors included (${lang}, ${JSON.stringify(convention)})`, () => {
        const options = { lang, countingConvention: convention };
        const c = new DeadlineComputer(options);
        let errors = 0;
        for (const received of dates)
          for (const regime of regimes) {
            const input = { received, ...(regime ? { regime } : {}) };
            const expected = outcome(() => computeDeadline(input, options).due);
            expect({ received, regime, r: outcome(() => c.baseDue(received, regime)) }).toStrictEqual({
              received,
              regime,
              r: expected,
            });
            if ((expected as { error?: string }).error) errors++;
          }
        expect(errors).toBeGreaterThan(20);
      });
    }
});
