/**
 * DeadlineResult → JSON (calendar/trace-format.ts deadlineFigures, deadlineEventsJson) through
 * every caller: `gongwen deadline --json --explain` and the audit's deadline evidence give the
 * same figures and events, key for key and in the same order.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { deadlineEvidence } from "../../src/audit/finding.js";
import { computeDeadline, deadlineEventsJson, deadlineFigures } from "../../src/index.js";

describe("one JSON form of a deadline", () => {
  const input = {
    received: "2023-03-01",
    regime: "ogi-2019" as const,
    extensionDays: 10,
    pauses: [{ from: "2023-03-06", to: "2023-03-08" }],
  };
  const result = computeDeadline(input);
  const figures = deadlineFigures(result);

  it("has the figures of the computation", () => {
    expect(figures).toStrictEqual({
      regime: "ogi-2019",
      received: "2023-03-01",
      start: "2023-03-01",
      due: "2023-04-18",
      baseDays: 20,
      extensionDays: 10,
      pausedDays: 3,
    });
    expect(deadlineEventsJson(result).map((e) => Object.keys(e))).toEqual(
      result.events.map(() => ["date", "kind", "note"]),
    );
  });

  it("the CLI prints it, then what only the CLI adds", () => {
    const r = spawnSync(
      "node",
      ["dist/cli/main.js", "deadline", "--received", "2023-03-01", "--extension", "10"].concat([
        "--pause",
        "2023-03-06..2023-03-08",
        "--json",
        "--explain",
      ]),
      { encoding: "utf8" },
    );
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual([
      ...Object.keys(figures),
      "dueWithoutExtension",
      "correctionDue",
      "trace",
      "events",
    ]);
    expect(Object.fromEntries(Object.keys(figures).map((k) => [k, out[k]]))).toStrictEqual(figures);
    expect(out.events).toStrictEqual(deadlineEventsJson(computeDeadline(input, { lang: "zh" })));
  });

  it("the audit evidence is it with the summary and trace in words", () => {
    const ev = deadlineEvidence(result, "zh") as unknown as Record<string, unknown>;
    expect(Object.keys(ev)).toEqual([...Object.keys(figures), "summary", "trace", "events"]);
    expect(Object.fromEntries(Object.keys(figures).map((k) => [k, ev[k]]))).toStrictEqual(figures);
    expect(ev.events).toStrictEqual(deadlineEventsJson(result));
  });
});
