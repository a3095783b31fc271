/**
 * What the year pages compute (the year's dataset, its audit, year-end documents and their
 * files, the report check, the statistics), kept per (office, year, data revision). The
 * revision is the database's count of writes to the year (and to the year before, which the
 * annual report and audit compare with): any write, from this process or another on the same
 * database, moves it, and the next request computes afresh.
 */
export class YearCache {
  private readonly entries = new Map<string, { stamp: string; memo: Map<string, unknown> }>();
  /** How many values were computed (not served from the cache): for tests and the benchmark. */
  computed = 0;

  constructor(private readonly max = 16) {}

  /** The values of (office, year) at `stamp`; emptied when the stamp moved. */
  at(officeId: number, year: number, stamp: string): YearMemo {
    const key = `${officeId}/${year}`;
    let e = this.entries.get(key);
    if (!e || e.stamp !== stamp) {
      this.entries.delete(key);
      e = { stamp, memo: new Map() };
      this.entries.set(key, e);
      while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    const memo = e.memo;
    return {
      get: <T>(name: string, make: () => T): T => {
        if (memo.has(name)) return memo.get(name) as T;
        this.computed++;
        const v = make();
        // A failed promise is not kept: the next request tries again.
        if (v instanceof Promise) v.catch(() => memo.delete(name));
        memo.set(name, v);
        return v;
      },
    };
  }
}

export interface YearMemo {
  /** The value named `name` at this revision, made once by `make` (thrown errors are not kept). */
  get<T>(name: string, make: () => T): T;
}
