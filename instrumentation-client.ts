// Runs in the browser before the app hydrates. zod 4 probes whether it may compile parsers with `new Function`
// (caught, but the CSP still reports the blocked eval as a violation); the policy forbids eval (decision 035), so
// zod is told not to try. Parsing works the same, interpreted.
//
// Through zod's global configuration object rather than `z.config()`: importing zod here put all of it (30 kB
// compressed) into every page's shared bundle, although only a few forms parse in the browser (decision 053).
// zod 4 keeps its configuration in `globalThis.__zod_globalConfig` and adopts an object already there, so this works
// whether zod loads after this file or (never today) before it.
const zodGlobal = globalThis as typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
zodGlobal.__zod_globalConfig = Object.assign(zodGlobal.__zod_globalConfig ?? {}, { jitless: true });
