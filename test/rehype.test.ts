import { join } from 'node:path';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { read } from 'to-vfile';
import { describe, expect, it } from 'vitest';
import rehypeRightslint from '../src/rehype.js';

describe('rightslint/rehype', () => {
  it('reports findings as vfile messages inside an existing pipeline', async () => {
    const cwd = join(import.meta.dirname, 'fixtures/wire-missing-attribution');
    const file = await read({ path: 'world/harbour-talks.html', cwd });
    const processor = unified().use(rehypeParse).use(rehypeRightslint, { asOf: '2026-01-15' });
    await processor.run(processor.parse(file), file);
    expect(file.messages).toHaveLength(1);
    const [message] = file.messages;
    expect(message).toMatchObject({
      ruleId: 'missing-attribution',
      source: 'rightslint',
      fatal: true,
      place: { start: { line: 13, column: 21 } },
      url: expect.stringMatching(/missing-attribution\.md$/),
      expected: ['Copyright Agence France-Presse'],
    });
  });

  it('leaves a licensed page without messages', async () => {
    const cwd = join(import.meta.dirname, 'fixtures/wire-licensed');
    const file = await read({ path: 'world/harbour-talks.html', cwd });
    const processor = unified().use(rehypeParse).use(rehypeRightslint, { asOf: '2026-01-15' });
    await processor.run(processor.parse(file), file);
    expect(file.messages).toEqual([]);
  });
});
