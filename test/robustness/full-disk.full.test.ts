/** The full disk with letters on worker threads too (full-disk.test.ts reads GONGWEN_TEST_FULL). */
await import("./full-disk.test.js");
