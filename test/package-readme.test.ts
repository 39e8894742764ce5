/**
 * README.md as the registry shows it: the registry page does not resolve links relative to the
 * repository, so every link to a file of the repository is absolute (…/blob/main/<path>), and
 * the file it names exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/packed.js';

const REPOSITORY_FILES = 'https://github.com/twiml-jsx/twiml-jsx/blob/main/';
const readme = readFileSync(join(root, 'README.md'), 'utf8');
/** Markdown link targets `[text](target)`, outside code blocks. */
const targets = [...readme.replace(/^```[\s\S]*?^```/gm, '').matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);

describe('README links', () => {
  it('are absolute or anchors (no link relative to the repository)', () => {
    expect(targets.filter((t) => !/^(https?:\/\/|#)/.test(t))).toEqual([]);
  });

  it('name files that exist in the repository', () => {
    const files = targets
      .filter((t) => t.startsWith(REPOSITORY_FILES))
      .map((t) => t.slice(REPOSITORY_FILES.length).split('#')[0]);
    expect(files).toEqual(expect.arrayContaining(['docs/vocabulary.md', 'docs/http.md']));
    expect(files.filter((f) => !existsSync(join(root, f)))).toEqual([]);
  });
});
