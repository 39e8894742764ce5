/**
 * The core as built into dist/index.js: the public API (`./index.ts`) plus what the other
 * entries (the JSX runtimes, xml, http, rest, testing) use from it. Every entry imports the core
 * from that one file, so there is one copy of it (one element class, one set of caches) and
 * importing the core reads a single module. The extra names are not public: index.d.ts, made
 * from `./index.ts`, does not declare them.
 */
export * from './index.js';
export { jsx, jsxs, jsxDEV } from './runtime/jsx.js';
export { MAX_DEPTH, POSITION, describeValue, makeElement } from './runtime/element.js';
export { joinPath, segmentOf } from './validate/path.js';
export { didYouMean } from './validate/suggest.js';
export { deepText, ownText } from './validate/text.js';
export { checkUrl } from './validate/values.js';
