/**
 * Build time of the start-up snapshot only. A TextDecoder or Intl.Segmenter made at a module's
 * top level holds a native object (an ICU converter, a break iterator) that a V8 snapshot
 * cannot keep. While the snapshot is built, such objects are stand-ins that make a throw-away
 * real one for each call; once the snapshot is running (restore()), each stand-in makes its real
 * object on first use and keeps it, and new objects are the real classes again.
 */
const RealTextDecoder = globalThis.TextDecoder;
const RealSegmenter = Intl.Segmenter;
let building = true;

function lazy(Real, methods, getters) {
  class Lazy {
    constructor(...args) {
      this.args = args;
      this.real = undefined;
    }
    get inner() {
      if (building) return new Real(...this.args);
      return (this.real ??= new Real(...this.args));
    }
  }
  for (const m of methods)
    Lazy.prototype[m] = function (...a) {
      return this.inner[m](...a);
    };
  for (const g of getters)
    Object.defineProperty(Lazy.prototype, g, {
      get() {
        return this.inner[g];
      },
    });
  return Lazy;
}

globalThis.TextDecoder = lazy(RealTextDecoder, ["decode"], ["encoding", "fatal", "ignoreBOM"]);
Intl.Segmenter = lazy(RealSegmenter, ["segment", "resolvedOptions"], []);

export function restore() {
  building = false;
  globalThis.TextDecoder = RealTextDecoder;
  Intl.Segmenter = RealSegmenter;
}
