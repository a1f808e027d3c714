/** The part of negotiator 1.x (no types of its own) that src/standins/negotiator.ts uses. */
declare module 'negotiator/index.js' {
  export default class Negotiator {
    constructor(request: { readonly headers: Readonly<Record<string, string | undefined>> });
    mediaType(available?: readonly string[]): string | undefined;
  }
}
