/**
 * The letters of a dataset as document trees, in memory: the library's way to letters for
 * callers that store or stream them (the workbench, job workers). The same plan, document
 * numbers, facts and context as `gongwen letters`, so a tree rendered here gives the same bytes
 * as the file the CLI writes. Render a tree with renderDocx / renderPdf.
 */
import { defaultCalendar, type Calendar } from "../calendar/index.js";
import type { Dataset } from "../data/types.js";
import { clerkMessage } from "../data/messages.js";
import { applicationFact, applicationFactContext, type ApplicationFacts } from "../facts/applications.js";
import { UserError } from "../util/errors.js";
import { t, type Lang } from "../util/i18n.js";
import { planLetters } from "./batch.js";
import { buildLetter, letterContext, LetterError, type BuiltLetter, type LetterEnv } from "./build.js";
import { lettersConfigFor, type LettersConfig } from "./config.js";
import { fieldToPointer } from "./fields.js";
import { LETTER_KINDS, letterNameZh, type LetterKind } from "./kinds.js";

export interface ComposeLettersOptions {
  /** Application ids (default: all). Unknown ids are a UserError. */
  requests?: readonly string[];
  /** Letter kinds (default: all that apply). */
  kinds?: readonly LetterKind[];
  /** Default: the templates folder's letters/config.json, else the defaults. */
  config?: LettersConfig;
  templatesDir?: string;
  calendar?: Calendar;
  lang?: Lang;
  /** Messages name fields by their keys (received), not in Chinese (收到日期). */
  fieldKeys?: boolean;
}

export interface ComposedLetters {
  letters: BuiltLetter[];
  /** Letters that could not be made: application id, field and why (never the applicant). */
  errors: string[];
  /** Messages for the clerk (e.g. a reply after its deadline). */
  warnings: string[];
  /** The facts of each application composed, by id. */
  facts: Map<string, ApplicationFacts>;
}

/** Compose the letters of `dataset` (a validated dataset) into document trees. */
export function composeLetters(dataset: Dataset, options: ComposeLettersOptions = {}): ComposedLetters {
  const lang = options.lang ?? "zh";
  const config = options.config ?? lettersConfigFor(options.templatesDir, lang);
  const calendar = (options.calendar ?? defaultCalendar(lang)).withLang(lang);
  const apps = dataset.disclosure.applications ?? [];
  const kinds = new Set<LetterKind>(options.kinds ?? LETTER_KINDS);
  let wanted: Set<string> | null = null;
  if (options.requests && options.requests.length > 0) {
    const known = new Set(apps.map((a) => a.id));
    const unknown = [...new Set(options.requests)].filter((r) => !known.has(r));
    if (unknown.length > 0)
      throw new UserError(
        t(
          lang,
          `数据中没有这些申请：${unknown.join("、")}`,
          `no application with these ids in the data: ${unknown.join(", ")}`,
        ),
      );
    wanted = new Set(options.requests);
  }
  const { plans, docNumbers } = planLetters(dataset, config);
  const factContext = applicationFactContext(dataset, calendar);
  const env: LetterEnv = {
    dataset,
    config,
    docNumbers,
    ...(options.templatesDir !== undefined ? { templatesDir: options.templatesDir } : {}),
    lang,
    ...(options.fieldKeys ? { fieldKeys: true } : {}),
  };
  const out: ComposedLetters = { letters: [], errors: [], warnings: [], facts: new Map() };
  apps.forEach((app, index) => {
    if (wanted && !wanted.has(app.id)) return;
    const facts = applicationFact(app, index, factContext);
    out.facts.set(app.id, facts);
    for (const planned of plans[index]!) {
      if (!kinds.has(planned.kind)) continue;
      try {
        const letter = buildLetter(env, app, facts, planned);
        out.letters.push(letter);
        out.warnings.push(...letter.warnings);
      } catch (e) {
        // For people: labels, not keys, and dates in words (--json: as built).
        const said = (m: string): string => (env.fieldKeys ? m : clerkMessage(m, lang));
        if (e instanceof LetterError) out.errors.push(said(e.message));
        else if (e instanceof UserError)
          out.errors.push(
            t(
              lang,
              `${app.id}：${letterNameZh(planned, env.fieldKeys)}：${said(e.message)}`,
              `${app.id}: ${planned.suffix}: ${said(e.message)}`,
            ),
          );
        else throw e;
      }
    }
  });
  return out;
}

/** A letter `gongwen letters` would refuse: where (JSON pointer in the dataset) and why. */
export interface LetterGap {
  id: string;
  kind: LetterKind;
  /** JSON pointer of the field the letter lacks (or of the application). */
  pointer: string;
  /** The sentence the letters command prints for it. */
  message: string;
}

/**
 * The letters of `dataset` that cannot be made, found without composing or writing anything:
 * the plan and the context `letters` uses (letterContext, which refuses a record that lacks what
 * its letter must say), so `validate --for letters` reports exactly what `letters` would set aside.
 */
export function letterGaps(
  dataset: Dataset,
  options: { config?: LettersConfig; templatesDir?: string; calendar?: Calendar; lang?: Lang } = {},
): LetterGap[] {
  const lang = options.lang ?? "zh";
  const config = options.config ?? lettersConfigFor(options.templatesDir, lang);
  const calendar = (options.calendar ?? defaultCalendar(lang)).withLang(lang);
  const { plans, docNumbers } = planLetters(dataset, config);
  const factContext = applicationFactContext(dataset, calendar);
  const env: LetterEnv = { dataset, config, docNumbers, lang };
  const gaps: LetterGap[] = [];
  (dataset.disclosure.applications ?? []).forEach((app, index) => {
    const facts = applicationFact(app, index, factContext);
    const at = `/disclosure/applications/${index}`;
    for (const planned of plans[index]!) {
      try {
        letterContext(env, app, facts, planned);
      } catch (e) {
        if (e instanceof LetterError)
          gaps.push({
            id: app.id,
            kind: planned.kind,
            pointer: at + fieldToPointer(e.field),
            message: e.message,
          });
        else if (e instanceof UserError)
          gaps.push({
            id: app.id,
            kind: planned.kind,
            pointer: at,
            message: t(
              lang,
              `${app.id}：${letterNameZh(planned, env.fieldKeys)}：${e.message}`,
              `${app.id}: ${planned.suffix}: ${e.message}`,
            ),
          });
        else throw e;
      }
    }
  });
  return gaps;
}
