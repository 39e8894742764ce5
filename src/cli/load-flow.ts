/**
 * Loads a flow module (.tsx, .jsx, .ts, .js) for `twiml-jsx render`, with the one module loader of
 * the package (the dev phone's: esbuild with `jsxImportSource: "twiml-jsx"`, packages left to
 * Node's resolution from the flow's folder), loaded only when `render` runs.
 */

/**
 * Compiles and imports `file`, returning its export `name`.
 * @throws Error naming the file and line of compile errors, a missing export, or a missing esbuild.
 */
export async function loadFlow(file: string, name: string): Promise<unknown> {
  const { exportOf, loadModule } = await import('../dev/index.js');
  return exportOf(await loadModule(file), name, file);
}
