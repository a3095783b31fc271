/** Types for json-source-map 0.6 (the package ships none). Lines and columns are 0-based. */
declare module "json-source-map" {
  export interface Location {
    line: number;
    column: number;
    pos: number;
  }
  export interface PointerInfo {
    value: Location;
    valueEnd: Location;
    key?: Location;
    keyEnd?: Location;
  }
  export function parse(source: string): { data: unknown; pointers: Record<string, PointerInfo> };
  const jsonSourceMap: { parse: typeof parse };
  export default jsonSourceMap;
}
