import { describe, expect, it } from "vitest";
import { computeDeadline, isReplyOnTime } from "../../src/calendar/deadline.js";
import { createCalendar } from "../../src/calendar/calendar.js";
import { eventNote } from "../../src/calendar/trace-format.js";
import { regimeFor } from "../../src/law/regime.js";
import { UserError } from "../../src/util/errors.js";

const OVERRIDE_2027 = new URL("../fixtures/calendar-override-2027.json", import.meta.url).pathname;
import { naiveDue } from "./naive.js";

describe("regime by receipt date", () => {
  it("2019-05-14 is ogi-2008 (15 WD), 2019-05-15 is ogi-2019 (20 WD)", () => {
    expect(regimeFor("2019-05-14")).toBe("ogi-2008");
    expect(regimeFor("2019-05-15")).toBe("ogi-2019");
    const a = computeDeadline({ received: "2019-05-14" });
    expect([a.regime, a.baseDays, a.due]).toEqual(["ogi-2008", 15, "2019-06-04"]);
    // 2019-06-07 端午 is skipped.
    const b = computeDeadline({ received: "2019-05-15" });
    expect([b.regime, b.baseDays, b.due]).toEqual(["ogi-2019", 20, "2019-06-13"]);
  });
  it("an explicit regime wins", () => {
    const r = computeDeadline({ received: "2019-05-15", regime: "ogi-2008" });
    expect([r.regime, r.due]).toEqual(["ogi-2008", "2019-06-05"]);
  });
});

describe("holidays and make-up workdays", () => {
  it("Spring Festival 2023: seven days off, make-up Saturday and Sunday counted", () => {
    const r = computeDeadline({ received: "2023-01-17" });
    expect(r.due).toBe("2023-02-17");
    const byDate = new Map(r.trace.map((e) => [e.date, e]));
    expect(byDate.get("2023-01-17")).toEqual({ date: "2023-01-17", class: "start" });
    expect(byDate.get("2023-01-20")).toEqual({ date: "2023-01-20", class: "counted", n: 3 });
    expect(byDate.get("2023-01-21")).toEqual({ date: "2023-01-21", class: "holiday", holidayName: "春节" });
    expect(byDate.get("2023-01-28")).toEqual({
      date: "2023-01-28",
      class: "makeup-workday",
      holidayName: "春节",
      n: 4,
    });
    expect(byDate.get("2023-01-29")).toMatchObject({ class: "makeup-workday", n: 5 });
    expect(byDate.get("2023-02-04")).toEqual({ date: "2023-02-04", class: "weekend" });
    expect(r.trace.at(-1)).toEqual({ date: "2023-02-17", class: "counted", n: 20 });
    expect(r.trace).toHaveLength(32);
  });
  it("Spring Festival 2024 with two make-up Sundays (02-04, 02-18)", () => {
    expect(computeDeadline({ received: "2024-02-01" }).due).toBe("2024-03-05");
  });
  it("National Day 2024: make-up Sunday 09-29 and Saturday 10-12", () => {
    const r = computeDeadline({ received: "2024-09-20" });
    expect(r.due).toBe("2024-10-23");
    const counted = r.trace.filter((e) => e.class === "makeup-workday").map((e) => [e.date, e.n]);
    expect(counted).toEqual([
      ["2024-09-29", 6],
      ["2024-10-12", 12],
    ]);
    expect(r.trace.filter((e) => e.class === "holiday")).toHaveLength(7);
  });
  it("2018-12-29, a make-up Saturday held in 2019.json, counts", () => {
    const r = computeDeadline({ received: "2018-12-20" });
    expect(r.regime).toBe("ogi-2008");
    expect(r.due).toBe("2019-01-11");
    expect(r.trace.find((e) => e.date === "2018-12-29")).toEqual({
      date: "2018-12-29",
      class: "makeup-workday",
      holidayName: "元旦",
      n: 7,
    });
  });
  it("2015-09-03 victory-day holiday (09-03..05 off, Sunday 09-06 worked)", () => {
    const r = computeDeadline({ received: "2015-08-31" });
    expect(r.due).toBe("2015-09-22");
    expect(r.trace.find((e) => e.date === "2015-09-04")).toMatchObject({ class: "holiday" });
    expect(r.trace.find((e) => e.date === "2015-09-06")).toMatchObject({ class: "makeup-workday", n: 3 });
  });
  it("2020 Spring Festival extended to 02-02: the due date moves one day", () => {
    const r = computeDeadline({ received: "2020-01-20" });
    expect(r.due).toBe("2020-02-25");
    expect(r.trace.find((e) => e.date === "2020-01-31")).toEqual({
      date: "2020-01-31",
      class: "holiday",
      holidayName: "春节",
    });
    expect(r.trace.find((e) => e.date === "2020-02-03")).toEqual({
      date: "2020-02-03",
      class: "counted",
      n: 4,
    });
  });
  it("a receipt on a non-working day changes nothing in the rule", () => {
    // Saturday 2023-03-04 is day 0; the first counted day is Monday 03-06.
    const r = computeDeadline({ received: "2023-03-04" });
    expect(r.trace[0]).toEqual({ date: "2023-03-04", class: "start" });
    expect(r.trace[2]).toEqual({ date: "2023-03-06", class: "counted", n: 1 });
    expect(r.due).toBe("2023-03-31");
  });
});

describe("corrections", () => {
  it("ogi-2019: notice due 7 WD after receipt; counting restarts from the corrected request", () => {
    const r = computeDeadline({
      received: "2023-03-01",
      correctionNotified: "2023-03-06",
      correctionReceived: "2023-03-15",
    });
    expect(r.correctionDue).toBe("2023-03-10");
    expect(r.correctionNoticeOnTime).toBe(true);
    expect(r.start).toBe("2023-03-15");
    expect(r.received).toBe("2023-03-01");
    expect(r.due).toBe("2023-04-13"); // 04-05 清明 skipped
    expect(r.trace[0]).toEqual({ date: "2023-03-15", class: "start" });
    expect(r.events.map((e) => [e.date, e.kind])).toEqual([
      ["2023-03-01", "received"],
      ["2023-03-06", "correction-notice"],
      ["2023-03-15", "correction-restart"],
      ["2023-04-13", "due"],
    ]);
  });
  it("a late correction notice is flagged", () => {
    const r = computeDeadline({ received: "2023-03-01", correctionNotified: "2023-03-13" });
    expect(r.correctionNoticeOnTime).toBe(false);
    expect(eventNote(r.events[1]!)).toBe("发出补正告知（应于2023年3月10日前，已逾期）");
  });
  it("ogi-2008 has no correction limit; restart is the configurable default", () => {
    const a = computeDeadline({ received: "2018-03-01", correctionReceived: "2018-03-05" });
    expect(a.correctionDue).toBeNull();
    expect(a.start).toBe("2018-03-05");
    const b = computeDeadline(
      { received: "2018-03-01", correctionReceived: "2018-03-05" },
      { countingConvention: { restartOnCorrection: { "ogi-2008": false, "ogi-2019": true } } },
    );
    expect(b.start).toBe("2018-03-01");
    expect(b.events.map((e) => e.kind)).toEqual(["received", "correction-received", "due"]);
  });
  it("a corrected request before the receipt is an error", () => {
    expect(() => computeDeadline({ received: "2023-03-01", correctionReceived: "2023-02-28" })).toThrow(
      "correctionReceived（2023年2月28日）早于收到申请的日期（2023年3月1日）",
    );
  });
});

describe("consultation pauses", () => {
  it("working days from sent to answered, both inclusive, are not counted", () => {
    expect(computeDeadline({ received: "2023-03-01" }).due).toBe("2023-03-29");
    const r = computeDeadline({
      received: "2023-03-01",
      pauses: [{ from: "2023-03-06", to: "2023-03-10", kind: "third-party" }],
    });
    expect(r.pausedDays).toBe(5);
    expect(r.due).toBe("2023-04-06");
    expect(r.trace.filter((e) => e.class === "paused").map((e) => e.date)).toEqual([
      "2023-03-06",
      "2023-03-07",
      "2023-03-08",
      "2023-03-09",
      "2023-03-10",
    ]);
    expect(r.events.filter((e) => e.kind.startsWith("pause")).map((e) => eventNote(e))).toEqual([
      "征求第三方意见开始（发函）",
      "征求第三方意见结束（收到答复），期间5个工作日不计入期限",
    ]);
  });
  it("a one-day pause pushes the deadline by one working day; a weekend-only pause by none", () => {
    const one = computeDeadline({
      received: "2023-03-01",
      pauses: [{ from: "2023-03-03", to: "2023-03-03" }],
    });
    expect([one.due, one.pausedDays]).toEqual(["2023-03-30", 1]);
    const wk = computeDeadline({
      received: "2023-03-01",
      pauses: [{ from: "2023-03-04", to: "2023-03-05" }],
    });
    expect([wk.due, wk.pausedDays]).toEqual(["2023-03-29", 0]);
  });
  it("overlapping pauses are not counted twice", () => {
    const r = computeDeadline({
      received: "2023-03-01",
      pauses: [
        { from: "2023-03-06", to: "2023-03-08", kind: "third-party" },
        { from: "2023-03-08", to: "2023-03-10", kind: "agency" },
      ],
    });
    expect([r.due, r.pausedDays]).toEqual(["2023-04-06", 5]);
  });
  it("a pause that starts after the deadline has no effect", () => {
    const r = computeDeadline({ received: "2023-03-01", pauses: [{ from: "2023-04-03", to: "2023-04-04" }] });
    expect([r.due, r.pausedDays]).toEqual(["2023-03-29", 0]);
    expect(eventNote(r.events.find((e) => e.kind === "pause-end")!)).toBe(
      "征求意见结束（收到答复），不在计算期间内，不影响期限",
    );
  });
  it("pause send and answer days can be excluded by convention", () => {
    const r = computeDeadline(
      { received: "2023-03-01", pauses: [{ from: "2023-03-06", to: "2023-03-10" }] },
      { countingConvention: { pauseIncludesSendDay: false, pauseIncludesAnswerDay: false } },
    );
    expect([r.due, r.pausedDays]).toEqual(["2023-04-03", 3]);
  });
  it("a pause ending before it starts, or starting before receipt, is an error", () => {
    expect(() =>
      computeDeadline({ received: "2023-03-01", pauses: [{ from: "2023-03-10", to: "2023-03-06" }] }),
    ).toThrow("pauses[0]：结束日期 2023年3月6日 早于开始日期 2023年3月10日");
    expect(() =>
      computeDeadline({ received: "2023-03-01", pauses: [{ from: "2023-02-27", to: "2023-03-06" }] }),
    ).toThrow(UserError);
  });
});

describe("extensions", () => {
  it("ogi-2019 extension of 20 WD (the limit)", () => {
    const r = computeDeadline({ received: "2023-03-01", extensionDays: 20 });
    expect([r.due, r.dueWithoutExtension, r.extensionDays]).toEqual(["2023-04-26", "2023-03-29", 20]);
    expect(r.trace.find((e) => e.date === "2023-04-23")).toMatchObject({ class: "makeup-workday", n: 37 });
  });
  it("ogi-2019 extension of 21 WD is an error", () => {
    expect(() => computeDeadline({ received: "2023-03-01", extensionDays: 21 })).toThrow(
      "延期21个工作日超过上限：《中华人民共和国政府信息公开条例》（2019年修订）规定最长延期20个工作日",
    );
  });
  it("ogi-2008 allows 15, not 16", () => {
    expect(computeDeadline({ received: "2018-03-01", extensionDays: 15 }).due).toBe(
      naiveDue("2018-03-01", 30),
    );
    expect(() => computeDeadline({ received: "2018-03-01", extensionDays: 16 }, { lang: "en" })).toThrow(
      "An extension of 16 working days exceeds the limit: the Regulations on Open Government Information (2007) allow at most 15",
    );
  });
  it("negative or fractional extensions are errors", () => {
    expect(() => computeDeadline({ received: "2023-03-01", extensionDays: -1 })).toThrow(UserError);
    expect(() => computeDeadline({ received: "2023-03-01", extensionDays: 1.5 })).toThrow(UserError);
  });
  it("an extension notified after the original deadline is flagged, with both dates", () => {
    const ok = computeDeadline({
      received: "2023-03-01",
      extensionDays: 10,
      extensionApproved: "2023-03-27",
      extensionNotified: "2023-03-29",
    });
    expect(ok.extensionLate).toBe(false);
    const late = computeDeadline({
      received: "2023-03-01",
      extensionDays: 10,
      extensionApproved: "2023-03-27",
      extensionNotified: "2023-03-30",
    });
    expect(late.extensionLate).toBe(true);
    expect([late.extensionApproved, late.extensionNotified]).toEqual(["2023-03-27", "2023-03-30"]);
    const ext = late.events.find((e) => e.kind === "extension")!;
    expect(ext).toEqual({
      date: "2023-03-30",
      kind: "extension",
      data: { days: 10, originalDue: "2023-03-29", late: true },
    });
    expect(eventNote(ext)).toBe("延期10个工作日（原截止日期2023年3月29日，延期晚于原截止日期）");
  });
});

describe("years without data", () => {
  it("a request that runs into 2027 fails naming the year", () => {
    expect(() => computeDeadline({ received: "2026-12-10" })).toThrow(
      '2027年的节假日数据缺失：日历中还没有国务院办公厅关于2027年部分节假日安排的通知，跨入2027年的工作日无法计算。通知发布后，请把2027年的全部节假日和调休上班日写入日历覆盖文件，用 --calendar-override 文件名 指定，例如 {"years": [2027], "days": [{"date": "2027-01-01", "name": "元旦", "isOffDay": true}, …]}（格式见 schemas/README-calendar.md）',
    );
    expect(() => computeDeadline({ received: "2026-12-01", extensionDays: 20 })).toThrow("2027年");
    expect(computeDeadline({ received: "2026-12-01" }).due).toBe("2026-12-29");
  });
  it("an override that adds 2027 makes it computable", () => {
    const calendar = createCalendar({ override: OVERRIDE_2027 });
    const r = computeDeadline({ received: "2026-12-10" }, { calendar });
    expect(r.due).toBe("2027-01-08");
    expect(r.trace.find((e) => e.date === "2027-01-01")).toEqual({
      date: "2027-01-01",
      class: "holiday",
      holidayName: "元旦",
    });
  });
  it("a local rest day from an override pushes the deadline", () => {
    const calendar = createCalendar({
      override: { days: [{ date: "2023-02-10", name: "本地休息日", isOffDay: true }] },
    });
    expect(computeDeadline({ received: "2023-01-17" }, { calendar }).due).toBe("2023-02-20");
  });
});

describe("counting convention", () => {
  it("day-one-if-working counts a working receipt day as day 1", () => {
    const r = computeDeadline(
      { received: "2023-03-01" },
      { countingConvention: { receiptDay: "day-one-if-working" } },
    );
    expect(r.due).toBe("2023-03-28");
    expect(r.trace[0]).toEqual({ date: "2023-03-01", class: "counted", n: 1 });
    const sat = computeDeadline(
      { received: "2023-03-04" },
      { countingConvention: { receiptDay: "day-one-if-working" } },
    );
    expect(sat.due).toBe("2023-03-31");
  });
  it("isReplyOnTime: the due day is on time by default", () => {
    const r = computeDeadline({ received: "2023-01-17" });
    expect(isReplyOnTime(r, "2023-02-17")).toBe(true);
    expect(isReplyOnTime(r, "2023-02-20")).toBe(false);
    expect(isReplyOnTime(r, "2023-02-17", { countingConvention: { dueDayIsOnTime: false } })).toBe(false);
    expect(isReplyOnTime(r, "2023-02-16", { countingConvention: { dueDayIsOnTime: false } })).toBe(true);
  });
});

describe("agrees with a naive day-by-day walk", () => {
  it("for 3,000 generated requests 2008–2026 with pauses and extensions", () => {
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const day = (from: string, n: number): string => {
      const d = new Date(from + "T00:00:00Z");
      d.setUTCDate(d.getUTCDate() + n);
      return d.toISOString().slice(0, 10);
    };
    for (let i = 0; i < 3000; i++) {
      const received = day("2008-05-01", rand(6700));
      const regime = regimeFor(received);
      const ext = rand(3) === 0 ? rand(regime === "ogi-2008" ? 16 : 21) : 0;
      const pauses =
        rand(2) === 0
          ? [
              (() => {
                const from = day(received, rand(30));
                return { from, to: day(from, rand(20)) };
              })(),
            ]
          : [];
      const base = regime === "ogi-2008" ? 15 : 20;
      const r = computeDeadline({ received, extensionDays: ext, pauses });
      expect(r.due, `${received} +${ext} ${JSON.stringify(pauses)}`).toBe(
        naiveDue(received, base + ext, pauses),
      );
      expect(r.trace.at(-1)?.n).toBe(base + ext);
      expect(r.trace.filter((e) => e.class === "paused")).toHaveLength(r.pausedDays);
    }
  });
});

describe("result object", () => {
  it("serialises every field, the events and the trace", () => {
    const r = computeDeadline({ received: "2023-01-17" });
    const json = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      "regime",
      "received",
      "start",
      "due",
      "baseDays",
      "extensionDays",
      "pausedDays",
      "dueWithoutExtension",
      "correctionDue",
      "correctionNotified",
      "correctionNoticeOnTime",
      "extensionApproved",
      "extensionNotified",
      "extensionLate",
      "events",
      "trace",
    ]);
    expect((json.trace as unknown[]).length).toBe(32);
    expect(r.events).toBe(r.events);
    expect(r.trace).toBe(r.trace);
  });
  it("events are codes and data; eventNote words them in either language", () => {
    const r = computeDeadline(
      { received: "2023-03-01", pauses: [{ from: "2023-03-06", to: "2023-03-10", kind: "agency" }] },
      { lang: "en" },
    );
    expect(r.events.map((e) => e.data)).toEqual([
      { regime: "ogi-2019", baseDays: 20 },
      { pause: "agency" },
      { pause: "agency", days: 5 },
      { workingDay: 20, pausedDays: 5 },
    ]);
    // No wording in the events (the trace has holiday names, which are data).
    expect(JSON.stringify(r.events)).not.toMatch(/[\u4e00-\u9fff]|received \(|working days/);
    expect(r.events.map((e) => eventNote(e))).toEqual([
      "收到申请（适用《中华人民共和国政府信息公开条例》（2019年修订），答复期限20个工作日）",
      "征求其他机关意见开始（发函）",
      "征求其他机关意见结束（收到答复），期间5个工作日不计入期限",
      "截止日期（第20个工作日，暂停5个工作日不计）",
    ]);
    expect(r.events.map((e) => eventNote(e, "en"))).toEqual([
      "Request received (the Regulations on Open Government Information (revised 2019): reply within 20 working days)",
      "Consultation of other agencies starts (letter sent)",
      "Consultation of other agencies ends (answer received): 5 working days not counted",
      "Deadline (working day 20; 5 paused working days not counted)",
    ]);
  });
  it("invalid input dates name the field", () => {
    expect(() => computeDeadline({ received: "2023-02-29" })).toThrow(
      "日期无效（received）：2023-02-29，应为 YYYY-MM-DD 格式的真实日期",
    );
    expect(() =>
      computeDeadline({ received: "2023-03-01", pauses: [{ from: "x", to: "2023-03-02" }] }),
    ).toThrow("日期无效（pauses[0].from）：x");
  });
});
