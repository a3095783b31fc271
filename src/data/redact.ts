/**
 * `--redact`: a copy of the dataset without personal data, for documents meant for publication
 * (annual report, self-audit, summary) — and for letters only when asked (they are addressed to
 * the applicant).
 *
 * Decisions (documented defaults):
 * - An applicant's name becomes 申请人A, 申请人B, … in order of first appearance; the same name
 *   keeps the same letter, so "three requests by one applicant" still reads so. After Z come
 *   AA, AB, ….
 * - The applicant's address, postcode, phone, e-mail and ID number become "***".
 * - A consulted third party's name (party "third-party") becomes 第三方A, 第三方B, …; consulted
 *   agencies are public bodies and keep their names.
 * - Every other free-text field of the dataset (request contents, correction items, reply notes,
 *   the narrative, complaint and notice summaries, reform descriptions, innovations, interview
 *   titles, …): the redacted names and contact details are replaced wherever they appear word
 *   for word (longest first), and anything shaped like an ID number, a phone number or an e-mail
 *   address becomes "***" whoever it belongs to. Names written differently in free text cannot
 *   be found. In the narrative, which is Markdown, the mask is written escaped (\\*\\*\\*).
 * - Kept: the agency's own particulars (the `agency` block: the office's published telephone,
 *   e-mail and address, the reconsideration body and the court) and a referred agency's contact
 *   (reply.responsibleAgency) are public bodies' data; the same telephone or e-mail quoted in the
 *   narrative is kept too. An application's `handler` (承办人: name and phone) is the agency's
 *   staff named as the letters' contact, not an applicant: kept as it is, like the office's
 *   `contact`, and its phone quoted in free text is kept too. Codes (ids, types, channels, kinds) are not free text.
 * - Nothing else changes: ids, dates, reply types and every count stay as they are, so every
 *   derived figure is the same with and without --redact.
 */
import type { Dataset } from "./types.js";
import { maskPersonalPatterns } from "../util/personal-patterns.js";

export const REDACTED = "***";

/** A, B, … Z, AA, AB, … for 0, 1, … */
export function letterLabel(n: number): string {
  let s = "";
  let k = n + 1;
  while (k > 0) {
    const r = (k - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    k = Math.floor((k - 1) / 26);
  }
  return s;
}

/** Keys whose values are codes or references, never free text. */
const CODE_KEYS = new Set([
  "$schema",
  "id",
  "type",
  "channel",
  "party",
  "kind",
  "regime",
  "duplicateOf",
  "case",
]);

/** The dataset with applicants' and third parties' personal data replaced (the input is not changed). */
export function redactPersonalData(dataset: Dataset): Dataset {
  const copy = structuredClone(dataset);
  const applicants = new Map<string, string>();
  const parties = new Map<string, string>();
  const contacts: string[] = [];
  const label = (map: Map<string, string>, prefix: string, name: string): string => {
    let l = map.get(name);
    if (l === undefined) {
      l = `${prefix}${letterLabel(map.size)}`;
      map.set(name, l);
    }
    return l;
  };
  // Records may be malformed here (letters set invalid applications aside after loading): check shapes.
  const apps: unknown[] = Array.isArray(copy.disclosure?.applications) ? copy.disclosure.applications : [];
  const applicantRecords = new Set<object>();
  for (const app of apps) {
    if (!app || typeof app !== "object") continue;
    const { applicant: a, consultations } = app as { applicant?: unknown; consultations?: unknown };
    if (a && typeof a === "object") {
      applicantRecords.add(a);
      const rec = a as Record<string, unknown>;
      for (const [f, v] of Object.entries(rec)) {
        if (f === "type") continue;
        if (f === "name" && typeof v === "string") rec.name = label(applicants, "申请人", v);
        else if (typeof v === "string") {
          contacts.push(v);
          rec[f] = REDACTED;
        } else if (v !== null && typeof v === "object") rec[f] = REDACTED;
      }
    }
    for (const c of Array.isArray(consultations) ? (consultations as unknown[]) : []) {
      const rec = c as { party?: unknown; name?: unknown } | null;
      if (rec && typeof rec === "object" && rec.party === "third-party" && typeof rec.name === "string")
        rec.name = label(parties, "第三方", rec.name);
    }
  }
  // The agency's own published contacts stay where the narrative quotes them.
  const keep = new Set<string>();
  const collect = (node: unknown): void => {
    if (typeof node === "string") {
      const masked = maskPersonalPatterns(node);
      if (masked !== node)
        for (const part of node.split(/[\s,，、;；/（）()]+/))
          if (part && maskPersonalPatterns(part) !== part) keep.add(part);
    } else if (node && typeof node === "object") for (const v of Object.values(node)) collect(v);
  };
  collect(copy.agency);
  for (const app of apps) if (app && typeof app === "object") collect((app as { handler?: unknown }).handler);
  // The same names and details inside free text, longest first (a name inside a longer one).
  const replacements = [
    ...[...applicants, ...parties].map(([from, to]) => [from, to] as const),
    ...contacts.map((c) => [c, REDACTED] as const),
  ]
    .filter(([from]) => from.length >= 2)
    .sort((x, y) => y[0].length - x[0].length);
  // The narrative is Markdown as written: there *** would be emphasis markers, and vanish.
  const scrub = (text: string, markdown: boolean): string => {
    const mask = markdown ? "\\*\\*\\*" : REDACTED;
    let out = text;
    for (const [from, to] of replacements)
      if (out.includes(from)) out = out.split(from).join(to === REDACTED ? mask : to);
    return maskPersonalPatterns(out, keep, mask);
  };
  const walk = (node: unknown, markdown = false): unknown => {
    if (typeof node === "string") return scrub(node, markdown);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = walk(node[i], markdown);
      return node;
    }
    if (node && typeof node === "object") {
      if (applicantRecords.has(node)) return node;
      const rec = node as Record<string, unknown>;
      for (const [k, v] of Object.entries(rec)) {
        if (CODE_KEYS.has(k) || k === "responsibleAgency" || k === "handler") continue;
        rec[k] = walk(v, markdown);
      }
    }
    return node;
  };
  for (const [k, v] of Object.entries(copy as unknown as Record<string, unknown>))
    if (k !== "agency" && !CODE_KEYS.has(k))
      (copy as unknown as Record<string, unknown>)[k] = walk(v, k === "narrative");
  return copy;
}
