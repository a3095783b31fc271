/**
 * Benchmark: validate + facts + audit of a generated dataset of 100,000 on-request applications
 * and 100,000 approval cases, in memory (target ≤ 1 s, issue 7; growth should be linear to
 * 1,000,000). Needs the build (`npx tsc -p tsconfig.build.json`).
 *
 *   node bench/audit.mjs [N ...]        # default 100000; e.g. `node bench/audit.mjs 100000 1000000`
 *
 * Timed: validation — of the JSON text as `gongwen audit` reads a file (syntax and repeated keys,
 * schema, checks), or of the object in memory (schema, checks) — then deriveFacts, then runAudit
 * under the default scheme. Not timed: generating the dataset, JSON.stringify, compiling the
 * schema. The dataset is valid (the benchmark fails otherwise) and realistic: replies
 * mostly on time, 1 % late, corrections, extensions, consultations, fees, reviews, some requests
 * open at the end of the year; cases mostly within their limit, 0.5 % overdue.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import {
  datasetValidator,
  defaultCalendar,
  deriveFacts,
  loadScheme,
  runAudit,
  validateDataset,
  validateDatasetText,
} from "gongwen";

const YEAR = 2023;

/** A deterministic generated dataset with `n` applications and `n` approval cases. */
export function generateDataset(n = 100_000) {
  // mulberry32: a small PRNG whose low bits are as good as its high bits.
  let seed = 7;
  const rand = (m) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * m);
  };
  const cal = defaultCalendar();
  const workdays = [];
  for (let d = `${YEAR}-01-03`; d <= `${YEAR}-12-31`; d = cal.addWorkingDays(d, 1)) workdays.push(d);
  const wd = (i) => workdays[Math.min(i, workdays.length - 1)];
  const lastReceipt = workdays.findIndex((d) => d >= `${YEAR}-11-10`);

  const items = Array.from({ length: 10 }, (_, i) => ({
    id: `item-${i}`,
    name: `审批事项${i}`,
    category: `类别${i % 4}`,
    statutoryLimit: { days: 20, unit: "working" },
    promisedLimit: { days: 5, unit: "working" },
    inPlatform: true,
    guidePublished: true,
  }));
  const cases = new Array(n);
  for (let i = 0; i < n; i++) {
    const a = rand(workdays.length - 10);
    const took = rand(200) === 0 ? 6 : rand(6);
    cases[i] = {
      id: `SP-${i}`,
      item: `item-${rand(10)}`,
      received: wd(a),
      accepted: wd(a),
      completed: wd(a + took),
      sealUsed: true,
    };
  }

  const TYPES = [
    { type: "disclosed" },
    { type: "already-public" },
    { type: "partial" },
    { type: "refused", reason: "process-information", ground: "draft" },
    { type: "unavailable", reason: "not-held" },
    { type: "not-processed", reason: "petition-complaint" },
  ];
  const applicantTypes = ["natural-person", "commercial-enterprise", "research-institution", "other"];
  const apps = new Array(n);
  let feeCount = 0;
  let feeAmount = 0;
  for (let i = 0; i < n; i++) {
    const r = rand(lastReceipt);
    const received = wd(r);
    const app = {
      id: `YSQ-${i}`,
      applicant: { type: applicantTypes[rand(4)], name: `申请人${i}` },
      channel: "online",
      submitted: received,
      confirmed: received,
      content: "某项政府信息",
    };
    let start = r;
    const kind = rand(100);
    if (kind < 5) {
      app.correction = {
        notified: wd(r + 3),
        periodDays: 15,
        items: ["申请内容的具体名称"],
        correctedReceived: wd(r + 5),
      };
      start = r + 5;
    } else if (kind < 8) {
      app.extension = { approved: wd(r + 15), notified: wd(r + 15), days: 10 };
    } else if (kind < 11) {
      app.consultations = [
        { party: "third-party", name: "第三方", sent: wd(r + 2), answered: wd(r + 8), consent: true },
      ];
      start = r + 6;
    } else if (kind < 12) {
      const pages = 31 + rand(60);
      const amount = (pages - 30) * 10;
      app.fee = {
        method: "per-page",
        quantity: pages,
        amount,
        noticeDate: wd(r + 2),
        paid: true,
        paidDate: wd(r + 4),
      };
      feeCount++;
      feeAmount += amount;
      start = r + 2;
    }
    const t = TYPES[rand(TYPES.length)];
    if (rand(200) !== 0) {
      const late = rand(100) === 0 ? 21 + rand(2) : 1 + rand(19);
      app.reply = { date: wd(start + late), ...t };
      if (rand(500) === 0)
        app.reconsideration = {
          filed: wd(start + late + 5),
          outcome: "upheld",
          decided: wd(start + late + 25),
        };
    }
    apps[i] = app;
  }

  return {
    year: YEAR,
    regime: "ogi-2019",
    agency: {
      name: "基准市基准局",
      shortName: "基准",
      parentGovernment: "基准市人民政府",
      reconsiderationBody: { name: "基准市人民政府" },
      court: { name: "基准市人民法院" },
      address: "基准市基准路1号",
      website: "https://www.jizhun.example.gov.cn",
      disclosureOffice: { name: "基准局办公室", head: "办公室主任" },
    },
    approval: {
      office: { head: "局长", deputies: [{ count: 1 }], staff: 5, partyMembershipTransferred: true },
      items,
      maxPromisedLimit: { days: 5, unit: "working" },
      cases,
      seal: { dedicatedKeeper: true, misused: false },
      complaints: [],
      criticismNotices: [],
      absenceIncidents: [],
    },
    disclosure: {
      leadingGroup: { leader: "局长", deputy: "副局长", members: "各科室负责人", office: "办公室" },
      rules: [{ name: "《政府信息公开工作制度》", published: true, onRequest: true }],
      onRequestSetup: { designatedStaff: true, unifiedReplyTexts: true },
      applications: apps,
      fees: { count: feeCount, amount: feeAmount },
    },
  };
}

function cpuMs(since) {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
}

/**
 * Validate + facts + audit of a generated dataset; wall and CPU milliseconds per stage.
 * `from: "text"` validates the JSON text as `gongwen audit` does (parse with positions, schema,
 * checks); `from: "object"` validates the object in memory (schema and checks, no parsing).
 */
export function benchAudit(n = 100_000, { from = "text" } = {}) {
  const dataset = generateDataset(n);
  // As `gongwen audit` has it after reading the file: a flat string decoded from UTF-8 (what
  // JSON.stringify returns is a tree of pieces, flattened — a copy of the whole text — on first use).
  const text = from === "text" ? Buffer.from(JSON.stringify(dataset), "utf8").toString("utf8") : undefined;
  const scheme = loadScheme(undefined);
  datasetValidator(); // compiled once per process, outside the timing
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let data;
  if (text !== undefined) {
    const v = validateDatasetText(text, "bench.json");
    if (!v.ok) throw invalid(v.errors);
    data = v.data;
  } else {
    const v = validateDataset(dataset);
    if (!v.ok) throw invalid(v.issues);
    data = v.data;
  }
  const t1 = performance.now();
  const facts = deriveFacts(data);
  const t2 = performance.now();
  const result = runAudit(data, { scheme, facts });
  const t3 = performance.now();
  return {
    from,
    applications: n,
    cases: n,
    bytes: text?.length ?? null,
    ms: t3 - t0,
    cpuMs: cpuMs(cpu0),
    validateMs: t1 - t0,
    factsMs: t2 - t1,
    auditMs: t3 - t2,
    findings: result.findings.length,
    score: result.score,
  };
}

function invalid(errors) {
  const first = errors.slice(0, 3).map((e) => `${e.pointer}: ${JSON.stringify(e.message)}`);
  return new Error(`the generated dataset is invalid: ${first.join("; ")}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((x) => x > 0);
  benchAudit(10_000); // warm-up
  benchAudit(10_000, { from: "object" });
  const f = (x) => x.toFixed(0);
  for (const n of sizes.length ? sizes : [100_000]) {
    // From the text up to 1,000,000 too (some 360 MB of JSON; 3.4 GB of memory with the generated
    // object kept): plain text is read with JSON.parse, positions are found only for errors.
    for (const from of ["text", "object"]) {
      const r = benchAudit(n, { from });
      console.log(
        `audit (${from}): ${n} applications + ${n} cases: ${f(r.ms)} ms ` +
          `(validate ${f(r.validateMs)}, facts ${f(r.factsMs)}, audit ${f(r.auditMs)}; CPU ${f(r.cpuMs)} ms); ` +
          `${r.findings} findings, score ${r.score}`,
      );
    }
  }
}
