/** How values are named in error messages. */

/**
 * Describes a value for error messages: `null`, `undefined`, `an array`, `an object`, `a Promise`,
 * `a function (Menu)`, `the symbol Symbol(x)`, `"text"` (quoted), `number 42`, `boolean true`.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'function':
      return `a function${value.name ? ` (${value.name})` : ''}`;
    case 'object':
      return 'then' in value && typeof value.then === 'function' ? 'a Promise' : 'an object';
    case 'symbol':
      return `the symbol ${String(value)}`;
    case 'string':
      return JSON.stringify(value);
    default:
      return `${typeof value} ${String(value)}`;
  }
}
