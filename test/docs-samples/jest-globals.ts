/**
 * Jest's globals as @types/jest declares them, reduced to what a sample for Jest uses: `expect`
 * with `extend()` and `addSnapshotSerializer()`, and the `jest` namespace a setup file augments
 * (`Matchers<R, T = {}>`, `Expect`). Samples marked `<!-- not run, with Jest's globals: … -->` are
 * type-checked with these declarations (Jest is not a dependency of this repository), in a program
 * of their own, so that no other sample sees a global `expect`. The shapes follow @types/jest: two
 * type parameters on `Matchers` (an augmentation may declare fewer, not more), a matcher's `this`
 * is `MatcherUtils & Readonly<MatcherState>`, a serializer is pretty-format's `Plugin`.
 */
export const JEST_GLOBALS = `declare const expect: jest.Expect;

declare namespace jest {
  interface Matchers<R, T = {}> {
    toBe(expected: unknown): R;
    toEqual(expected: unknown): R;
  }
  type JestMatchers<T> = Matchers<void, T> & {
    not: Matchers<void, T>;
    resolves: Matchers<Promise<void>, T>;
    rejects: Matchers<Promise<void>, T>;
  };
  interface Expect {
    <T = any>(actual: T): JestMatchers<T>;
    extend(matchers: ExpectExtendMap): void;
    addSnapshotSerializer(serializer: SnapshotSerializerPlugin): void;
    anything(): any;
  }
  interface ExpectExtendMap {
    [name: string]: CustomMatcher;
  }
  type CustomMatcher = (
    this: MatcherContext,
    received: any,
    ...expected: any[]
  ) => CustomMatcherResult | Promise<CustomMatcherResult>;
  interface CustomMatcherResult {
    pass: boolean;
    message: () => string;
  }
  type MatcherContext = MatcherUtils & Readonly<MatcherState>;
  interface MatcherUtils {
    readonly isNot: boolean;
    readonly promise: string;
    readonly expand: boolean;
    utils: {
      diff(a: any, b: any, options?: object): string | null;
      printExpected(value: any): string;
      printReceived(value: any): string;
      [name: string]: any;
    };
    equals(a: any, b: any, customTesters?: ((a: any, b: any) => boolean | undefined)[], strictCheck?: boolean): boolean;
    [other: string]: any;
  }
  interface MatcherState {
    assertionCalls: number;
    currentTestName: string;
    expand: boolean;
    expectedAssertionsNumber: number;
    isExpectingAssertions?: boolean;
    suppressedErrors: Error[];
    testPath: string;
  }
  /** pretty-format's Plugin: the current form (serialize) or the older one (print). */
  type SnapshotSerializerPlugin = NewPlugin | OldPlugin;
  interface NewPlugin {
    serialize(
      value: any,
      config: object,
      indentation: string,
      depth: number,
      refs: unknown[],
      printer: (...args: any[]) => string,
    ): string;
    test(value: any): boolean;
  }
  interface OldPlugin {
    print(
      value: any,
      print: (value: any) => string,
      indent: (text: string) => string,
      options: object,
      colors: object,
    ): string;
    test(value: any): boolean;
  }
}
`;
