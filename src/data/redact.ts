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
 * - Where a redacted name or contact detail also appears word for word in an application's
 *   free text (the request's content, the reply's note), it is replaced there too (a request
 *   naming the third party, say). Names written differently in free text cannot be found.
 * - Nothing else changes: ids, dates, reply types and every count stay as they are, so every
 *   derived figure is the same with and without --redact.
 */
import type { Dataset } from "./types.js";

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

const CONTACT_FIELDS = ["address", "postcode", "phone", "email", "idNumber"] as const;

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
  for (const app of apps) {
    if (!app || typeof app !== "object") continue;
    const { applicant: a, consultations } = app as { applicant?: unknown; consultations?: unknown };
    if (a && typeof a === "object") {
      const rec = a as Record<string, unknown>;
      if (typeof rec.name === "string") rec.name = label(applicants, "申请人", rec.name);
      for (const f of CONTACT_FIELDS)
        if (typeof rec[f] === "string") {
          contacts.push(rec[f]);
          rec[f] = REDACTED;
        }
    }
    for (const c of Array.isArray(consultations) ? (consultations as unknown[]) : []) {
      const rec = c as { party?: unknown; name?: unknown } | null;
      if (rec && typeof rec === "object" && rec.party === "third-party" && typeof rec.name === "string")
        rec.name = label(parties, "第三方", rec.name);
    }
  }
  // The same names and details inside free text, longest first (a name inside a longer one).
  const replacements = [
    ...[...applicants, ...parties].map(([from, to]) => [from, to] as const),
    ...contacts.map((c) => [c, REDACTED] as const),
  ]
    .filter(([from]) => from.length >= 2)
    .sort((x, y) => y[0].length - x[0].length);
  const scrub = (text: string): string => {
    let out = text;
    for (const [from, to] of replacements) if (out.includes(from)) out = out.split(from).join(to);
    return out;
  };
  if (replacements.length > 0)
    for (const app of apps) {
      if (!app || typeof app !== "object") continue;
      const rec = app as { content?: unknown; reply?: { note?: unknown } | null };
      if (typeof rec.content === "string") rec.content = scrub(rec.content);
      if (rec.reply && typeof rec.reply === "object" && typeof rec.reply.note === "string")
        rec.reply.note = scrub(rec.reply.note);
    }
  return copy;
}
