/**
 * Stands in for `fast-json-stringify` in the bundle (src/tools/bundle.ts).
 * graphql-jit loads it, with ajv (0.7 MB of code), for its `customJSONSerializer`
 * option only, which src/jitExecutor.ts never sets; should that change, this says so.
 */
export default function fastJsonStringify(): never {
  throw new Error(
    'fast-json-stringify is not in the bundle: graphql-jit must run without customJSONSerializer',
  );
}
