/**
 * --redact attacked with every document and letter also written as PDF (read back by
 * pdftotext); npm test runs the same scenario with DOCX and XLSX (redact-everywhere.test.ts
 * reads GONGWEN_TEST_FULL).
 */
await import("./redact-everywhere.test.js");
