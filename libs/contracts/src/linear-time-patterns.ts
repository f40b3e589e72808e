import type { RegExpEngine } from 'ajv/dist/types/index.js';
import { RE2JS } from 're2js';

/**
 * The regular-expression engine contract patterns run on: RE2 (its JavaScript port), whose
 * matching takes time linear in the input. A pattern like `^(a+)+$` cannot stall the gateway on a
 * department's record however it is written; one RE2 cannot run (backreferences, lookaround) is
 * refused, naming it, when the contract is compiled, i.e. when it is registered.
 */
export const linearTimePatterns: RegExpEngine = Object.assign(
  (pattern: string): { test: (text: string) => boolean; toString: () => string } => {
    let compiled: RE2JS;
    try {
      compiled = RE2JS.compile(pattern);
    } catch (error) {
      throw new Error(`the pattern ${JSON.stringify(pattern)} cannot be matched in linear time (RE2 has no backreferences or lookaround): ${(error as Error).message}`, { cause: error });
    }
    // Ajv keys its compiled patterns by toString(): each must name its own pattern.
    return { test: (text: string) => compiled.test(text), toString: () => `re2:${pattern}` };
  },
  // Ajv names the engine in standalone code it generates; the hub compiles at run time only.
  { code: 'require("re2js").RE2JS' },
);
