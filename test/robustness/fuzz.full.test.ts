/**
 * The whole seeded fuzz rounds for npm run test:full — 1,000 data mutations and 240 hostile
 * environment cases (links, encodings, FIFOs, zip bombs, template bombs); npm test runs the first
 * 250 and 30 (fuzz.test.ts reads GONGWEN_TEST_FULL).
 */
await import("./fuzz.test.js");
