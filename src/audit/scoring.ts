/**
 * Scoring: findings → points per criterion → total. Methods (assessment-schemes.md):
 * - pass-fail: all the criterion's points, or none when any of its findings costs points;
 * - per-finding: `points` off per case (a finding's `count`), per-rule points where the
 *   criterion gives them, at most `cap` (default: the criterion's points);
 * - rate: the criterion's points × the share that complies (the rule's measure; nothing to
 *   measure = full points);
 * - bonus: `points` per highlight case, at most the criterion's points.
 * Findings of severity info never cost points. A criterion never goes below zero. The total is
 * the criteria's points earned plus bonuses, at most the scheme's total (100 unless it says
 * otherwise), rounded half up to the scheme's decimals.
 *
 * Missing data is not compliance: a criterion none of whose rules has anything to judge (no
 * records, nothing recorded; a rate with nothing to measure) is 无数据 and scored as the
 * scheme's noData says — by default not scored, and the total is out of fewer points (outOf).
 */
import type { Rate } from "../facts/index.js";
import { t, type Lang } from "../util/i18n.js";
import { costsPoints, type Finding } from "./finding.js";
import type { Criterion, Method, Scheme } from "./scheme.js";

/** One rule's part in a criterion's deduction or bonus. */
export interface CriterionLine {
  rule: string;
  /** Findings (or highlights) of the rule that count. */
  findings: number;
  /** Cases they stand for (Σ count). */
  cases: number;
  /** Points per case (per-finding, bonus); null for pass-fail and rate. */
  pointsEach: number | null;
  /** cases × pointsEach before the cap; null for pass-fail and rate. */
  points: number | null;
}

export interface CriterionResult {
  id: string;
  title: string;
  group: string | null;
  /** Full points (for a bonus criterion, the most it adds). */
  points: number;
  method: Method;
  note: string | null;
  /** Points kept (bonus criteria: 0). */
  earned: number;
  /** Points lost (bonus criteria: 0). */
  lost: number;
  /** Points added (bonus criteria only). */
  bonus: number;
  /** pass-fail: failed. */
  failed: boolean;
  /** The deduction (or bonus) was limited by the cap. */
  capped: boolean;
  /** rate: the share that complies; null otherwise or when there is nothing to measure. */
  rate: Rate | null;
  lines: CriterionLine[];
  /** Indexes of the findings (bonus: highlights) behind it, costing points or not. */
  findings: number[];
  /** Why, in one sentence (the audit's language). */
  reason: string;
  /** Nothing to judge (无数据); scored as the scheme's noData says. */
  noData: boolean;
  /** Not counted in the total (无数据 under noData "not-scored"). */
  scored: boolean;
}

export interface ScoreResult {
  total: number;
  /** What the score is out of: the total less the points of criteria not scored (无数据). */
  outOf: number;
  /** Σ earned over the criteria other than bonus criteria. */
  base: number;
  /** Σ bonus, before the total's cap. */
  bonus: number;
  /** base + bonus, at most total. */
  score: number;
  criteria: CriterionResult[];
  /** Indexes of findings that feed no criterion. */
  unscored: number[];
}

export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round((Math.abs(x) + 1e-9) * f) / f;
  return x < 0 ? -r : r;
}

function num(n: number): string {
  return String(Number(n.toPrecision(12)));
}

export interface ScoringInput {
  findings: readonly Finding[];
  highlights: readonly Finding[];
  /** The measure of each rule that has one and ran. */
  measures: ReadonlyMap<string, Rate | null>;
  /** Rules that ran and had something to judge (absent: every rule that ran). */
  judged?: ReadonlySet<string>;
  ruleTitle: (id: string) => string;
  lang: Lang;
}

function indexesByRule(list: readonly Finding[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  list.forEach((f, i) => {
    const a = m.get(f.rule);
    if (a) a.push(i);
    else m.set(f.rule, [i]);
  });
  return m;
}

function scoreCriterion(
  c: Criterion,
  scheme: Scheme,
  input: ScoringInput,
  byRule: Map<string, number[]>,
  highlightsByRule: Map<string, number[]>,
): CriterionResult {
  const r = scoreJudged(c, scheme, input, byRule, highlightsByRule);
  const { lang } = input;
  // 无数据: none of the criterion's rules had anything to judge, and nothing was found.
  const nothing =
    c.method.type !== "bonus" &&
    input.judged !== undefined &&
    r.findings.length === 0 &&
    c.rules.every((x) => !input.judged!.has(x.id));
  if (!nothing) return r;
  const how = scheme.noData;
  const earned = how === "full-points" ? c.points : 0;
  return {
    ...r,
    earned,
    lost: how === "zero" ? c.points : 0,
    failed: false,
    capped: false,
    rate: null,
    noData: true,
    scored: how !== "not-scored",
    reason:
      how === "not-scored"
        ? t(lang, "无数据，不计分", "no data: not scored")
        : how === "zero"
          ? t(lang, "无数据，按方案计0分", "no data: zero points, as the scheme says")
          : t(lang, "无数据，按方案计满分", "no data: full points, as the scheme says"),
  };
}

function scoreJudged(
  c: Criterion,
  scheme: Scheme,
  input: ScoringInput,
  byRule: Map<string, number[]>,
  highlightsByRule: Map<string, number[]>,
): CriterionResult {
  const { lang } = input;
  const d = scheme.decimals;
  const isBonus = c.method.type === "bonus";
  const source = isBonus ? input.highlights : input.findings;
  const index = isBonus ? highlightsByRule : byRule;
  const findings: number[] = [];
  const lines: CriterionLine[] = [];
  for (const r of c.rules) {
    const idx = index.get(r.id) ?? [];
    findings.push(...idx);
    const counting = isBonus ? idx : idx.filter((i) => costsPoints(source[i]!.severity));
    const cases = counting.reduce((s, i) => s + source[i]!.count, 0);
    const each = c.method.type === "per-finding" || isBonus ? (r.points ?? c.method.points ?? 0) : null;
    lines.push({
      rule: r.id,
      findings: counting.length,
      cases,
      pointsEach: each,
      points: each === null ? null : each * cases,
    });
  }
  findings.sort((a, b) => a - b);
  const base = {
    id: c.id,
    title: c.title,
    group: c.group,
    points: c.points,
    method: c.method,
    note: c.note,
    lines,
    findings,
    noData: false,
    scored: true,
  };
  const title = (id: string) => input.ruleTitle(id);

  switch (c.method.type) {
    case "pass-fail": {
      const n = lines.reduce((s, l) => s + l.findings, 0);
      const failed = n > 0;
      return {
        ...base,
        earned: failed ? 0 : c.points,
        lost: failed ? c.points : 0,
        bonus: 0,
        failed,
        capped: false,
        rate: null,
        reason: failed
          ? t(lang, `发现问题${n}项，本项不得分`, `${n} finding${n === 1 ? "" : "s"}: no points`)
          : t(lang, "未发现问题", "no findings"),
      };
    }
    case "per-finding": {
      const raw = lines.reduce((s, l) => s + (l.points ?? 0), 0);
      const cap = c.method.cap ?? c.points;
      const lost = roundTo(Math.min(raw, cap, c.points), d);
      const parts = lines
        .filter((l) => l.cases > 0)
        .map((l) =>
          t(
            lang,
            `“${title(l.rule)}”${l.cases}件×${num(l.pointsEach ?? 0)}分`,
            `${title(l.rule)}: ${l.cases} × ${num(l.pointsEach ?? 0)}`,
          ),
        );
      const capped = raw > cap;
      return {
        ...base,
        earned: roundTo(c.points - lost, d),
        lost,
        bonus: 0,
        failed: false,
        capped,
        rate: null,
        reason:
          parts.length === 0
            ? t(lang, "未发现问题", "no findings")
            : t(
                lang,
                `${parts.join("；")}，计${num(raw)}分${capped ? `，以${num(cap)}分为限` : ""}`,
                `${parts.join("; ")}: ${num(raw)} points${capped ? `, capped at ${num(cap)}` : ""}`,
              ),
      };
    }
    case "rate": {
      const rule = c.rules[0]!.id;
      const rate = input.measures.get(rule) ?? null;
      const ratio = rate?.ratio ?? null;
      const earned = ratio === null ? c.points : roundTo(c.points * ratio, d);
      return {
        ...base,
        earned,
        lost: roundTo(c.points - earned, d),
        bonus: 0,
        failed: false,
        capped: false,
        rate: ratio === null ? null : rate,
        reason:
          rate === null || ratio === null
            ? t(lang, "无可计量的对象，按满分计", "nothing to measure: full points")
            : t(
                lang,
                `${rate.numerator}/${rate.denominator}×${num(c.points)}分 = ${num(earned)}分`,
                `${rate.numerator}/${rate.denominator} × ${num(c.points)} = ${num(earned)}`,
              ),
      };
    }
    case "bonus": {
      const raw = lines.reduce((s, l) => s + (l.points ?? 0), 0);
      const bonus = roundTo(Math.min(raw, c.points), d);
      const parts = lines
        .filter((l) => l.cases > 0)
        .map((l) =>
          t(
            lang,
            `“${title(l.rule)}”${l.cases}项×${num(l.pointsEach ?? 0)}分`,
            `${title(l.rule)}: ${l.cases} × ${num(l.pointsEach ?? 0)}`,
          ),
        );
      return {
        ...base,
        earned: 0,
        lost: 0,
        bonus,
        failed: false,
        capped: raw > c.points,
        rate: null,
        reason:
          parts.length === 0
            ? t(lang, "无加分事项", "nothing to add")
            : t(
                lang,
                `${parts.join("；")}，加${num(bonus)}分${raw > c.points ? `（以${num(c.points)}分为限）` : ""}`,
                `${parts.join("; ")}: +${num(bonus)}${raw > c.points ? ` (capped at ${num(c.points)})` : ""}`,
              ),
      };
    }
  }
}

/** Score the findings under a scheme. */
export function scoreFindings(scheme: Scheme, input: ScoringInput): ScoreResult {
  const byRule = indexesByRule(input.findings);
  const highlightsByRule = indexesByRule(input.highlights);
  const criteria = scheme.criteria.map((c) => scoreCriterion(c, scheme, input, byRule, highlightsByRule));
  const fed = new Set(
    scheme.criteria.flatMap((c) => (c.method.type === "bonus" ? [] : c.rules.map((r) => r.id))),
  );
  const unscored = input.findings.flatMap((f, i) => (fed.has(f.rule) ? [] : [i]));
  const d = scheme.decimals;
  const outOf = roundTo(
    scheme.total -
      criteria.filter((c) => !c.scored && c.method.type !== "bonus").reduce((s, c) => s + c.points, 0),
    d,
  );
  const base = roundTo(
    criteria.filter((c) => c.method.type !== "bonus").reduce((s, c) => s + c.earned, 0),
    d,
  );
  const bonus = roundTo(
    criteria.reduce((s, c) => s + c.bonus, 0),
    d,
  );
  return {
    total: scheme.total,
    outOf,
    base,
    bonus,
    score: roundTo(Math.min(outOf, base + bonus), d),
    criteria,
    unscored,
  };
}
