/** The development JSX runtime (Vite, Vitest and esbuild's dev mode call `jsxDEV`). */
export { Fragment, jsxDEV, jsx, jsxs, createElement, type JSX } from './core.js';
