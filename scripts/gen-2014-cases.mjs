#!/usr/bin/env node
/**
 * Generate the approval cases of samples/2014-commerce-bureau.json, deterministically.
 *
 * The reference summary gives only totals: 267 cases completed in 2014 (6 新设外商投资企业,
 * 19 企业变更, 240 对外贸易经营者备案登记, 2 机动车鉴定评估机构设立), none overdue. This script
 * spreads them over the real 2014 working days (data/holidays/2014.json) with a seeded PRNG:
 * every case is received on a working day, accepted the same day (or, for a few foreign-invested
 * enterprise cases, the next working day), and completed within its item's promised limit,
 * counted in working days from acceptance (acceptance day = day 0). Every case also stays within
 * the office's 7-day claim. Run: node scripts/gen-2014-cases.mjs (rewrites the sample's
 * approval.cases; the rest of the file is kept).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const samplePath = resolve(root, "samples/2014-commerce-bureau.json");

/** Working days of `year` from the holiday data (listed days override the normal week). */
export function workingDays(year) {
  const overrides = new Map();
  for (const y of [year, year + 1]) {
    const file = JSON.parse(readFileSync(resolve(root, `data/holidays/${y}.json`), "utf8"));
    for (const d of file.days) overrides.set(d.date, !d.isOffDay);
  }
  const days = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86400000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const dow = new Date(t).getUTCDay();
    const work = overrides.has(date) ? overrides.get(date) : dow >= 1 && dow <= 5;
    if (work) days.push(date);
  }
  return days;
}

/** mulberry32: a small seeded PRNG, so the output never changes. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cases per item, and the working days from acceptance to completion they may take. */
const PLAN = [
  { item: "fie-establishment", count: 6, minDays: 2, maxDays: 7, nextDayAcceptance: 0.5 },
  { item: "fie-change", count: 19, minDays: 1, maxDays: 7, nextDayAcceptance: 0.3 },
  { item: "foreign-trade-filing", count: 240, minDays: 0, maxDays: 2, nextDayAcceptance: 0 },
  { item: "used-vehicle-appraiser", count: 2, minDays: 4, maxDays: 7, nextDayAcceptance: 0 },
];

export function generateCases() {
  const days = workingDays(2014);
  const rand = prng(20140123);
  const cases = [];
  for (const p of PLAN) {
    for (let i = 0; i < p.count; i++) {
      const latest = days.length - 1 - p.maxDays - 1; // room for next-day acceptance and the longest duration
      const r = Math.floor(rand() * (latest + 1));
      const a = r + (rand() < p.nextDayAcceptance ? 1 : 0);
      const span = p.minDays + Math.floor(rand() * (p.maxDays - p.minDays + 1));
      cases.push({ item: p.item, received: days[r], accepted: days[a], completed: days[a + span] });
    }
  }
  const order = new Map(PLAN.map((p, i) => [p.item, i]));
  cases.sort((x, y) =>
    x.received < y.received ? -1 : x.received > y.received ? 1 : order.get(x.item) - order.get(y.item),
  );
  return cases.map((c, i) => ({
    id: `SP2014-${String(i + 1).padStart(3, "0")}`,
    item: c.item,
    received: c.received,
    accepted: c.accepted,
    completed: c.completed,
    sealUsed: true,
  }));
}

/** One-line form of a JSON value: { "a": 1, "b": [1, 2] }. */
function inline(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return "[" + value.map(inline).join(", ") + "]";
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  return "{ " + entries.map(([k, v]) => JSON.stringify(k) + ": " + inline(v)).join(", ") + " }";
}

/** JSON with short objects and arrays on one line (as a person would write them). */
export function formatJson(value, indent = "", width = 160, prefix = 0) {
  const one = inline(value);
  if (value === null || typeof value !== "object" || indent.length + prefix + one.length <= width) return one;
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    return "[\n" + value.map((v) => inner + formatJson(v, inner, width)).join(",\n") + "\n" + indent + "]";
  }
  const body = Object.entries(value).map(([k, v]) => {
    const key = JSON.stringify(k) + ": ";
    return inner + key + formatJson(v, inner, width, key.length);
  });
  return "{\n" + body.join(",\n") + "\n" + indent + "}";
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const data = JSON.parse(readFileSync(samplePath, "utf8"));
  data.approval.cases = generateCases();
  writeFileSync(samplePath, formatJson(data) + "\n");
}
