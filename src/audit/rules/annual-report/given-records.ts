/**
 * Annual report: figures given for tables 三 and 四 (disclosure.annualReportTable) agree with
 * the application records, cell by cell, where both exist.
 */
import type { Finding } from "../../finding.js";
import { checkGivenAgainstRecords, type Violation } from "../../../annual-report/rules.js";
import {
  VIOLATION_MESSAGES,
  violationFindings,
  type AnnualReportNumbers,
} from "../../annual-report-violations.js";
import type { RuleContext } from "../../rule.js";

export const id = "annual-report/given-records";
export const title = {
  zh: "年度报告填报数与申请记录一致",
  en: "Annual report figures agree with the records",
};
export const source = {
  zh: "《中华人民共和国政府信息公开条例》（国务院令第711号）第五十条第（二）项；（国务院令第492号）第三十二条第（二）项：年度报告如实报告依申请公开情况",
  en: "Regulations on Open Government Information Art. 50 (Decree 711): the report states requests as received and handled",
};
export const sources = {
  "ogi-2019": {
    zh: "《中华人民共和国政府信息公开条例》（国务院令第711号）第五十条第（二）项：年度报告如实报告收到和处理申请情况",
    en: "Regulations on Open Government Information (Decree 711) Art. 50(2): the report states requests as received and handled",
  },
  "ogi-2008": {
    zh: "《中华人民共和国政府信息公开条例》（国务院令第492号）第三十二条第（二）项：年度报告如实报告依申请公开和不予公开情况",
    en: "Regulations on Open Government Information (Decree 492) Art. 32(2): the report states requests and refusals",
  },
};
export const defaultSeverity = "error";
export const messages = VIOLATION_MESSAGES;

/** The given cells (where the records are kept too) that differ from the records' counts. */
export function violations(report: AnnualReportNumbers): Violation[] {
  return report.recordTables ? checkGivenAgainstRecords(report.givenTables, report.recordTables) : [];
}

export function check(ctx: RuleContext): Finding[] {
  return violationFindings(ctx, violations(ctx.facts.annualReport));
}
