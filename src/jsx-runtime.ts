/** The automatic JSX runtime (`"jsxImportSource": "twiml-jsx"`). */
export { Fragment, jsx, jsxs, createElement, type JSX } from './core.js';
