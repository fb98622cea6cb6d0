import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { read } from 'to-vfile';
import { VFile } from 'vfile';
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

  it('reports a page over the policy\'s size limit as unchecked, a fatal message, instead of checking it without a time limit', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rightslint-rehype-'));
    writeFileSync(join(cwd, 'rightslint.yaml'), 'maxFileSize: 1000\n');
    const file = new VFile({ path: 'big.html', cwd, value: `<p>PARIS (AFP) - ${'Talks resumed. '.repeat(100)}</p>` });
    const processor = unified().use(rehypeParse).use(rehypeRightslint, { asOf: '2026-01-15' });
    await processor.run(processor.parse(file), file);
    expect(file.messages.map((m) => [m.ruleId, m.fatal, m.reason])).toEqual([
      ['unscannable-file', true, expect.stringMatching(/larger than the size limit \(1\d{3} bytes, limit 1000: see `maxFileSize`\)/)],
    ]);
  });

  it('quotes the first 20 pieces of evidence in actual and counts the rest', async () => {
    // 1,500 credits joined whole made an `actual` of 1,500 texts (1 MB for 200,000).
    const cwd = mkdtempSync(join(tmpdir(), 'rightslint-rehype-'));
    const value = `<!DOCTYPE html><body>\n${'<img alt="AFP/X">\n'.repeat(1_500)}</body>`;
    const file = new VFile({ path: 'photos/wall.html', cwd, value });
    const processor = unified().use(rehypeParse).use(rehypeRightslint, { asOf: '2026-01-15' });
    await processor.run(processor.parse(file), file);
    const [message] = file.messages;
    expect(message).toMatchObject({ ruleId: 'unlicensed-content', place: { start: { line: 2, column: 11 } } });
    expect(message?.actual).toBe([...Array<string>(20).fill('AFP'), '… and 1,480 more'].join('; '));
  });

  it('quotes as many as maxEvidence asks', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rightslint-rehype-'));
    const value = '<!DOCTYPE html><body>\n<img alt="AFP/X">\n<img alt="AFP/Y">\n<img alt="AFP/Z">\n</body>';
    const file = new VFile({ path: 'photos/wall.html', cwd, value });
    const processor = unified().use(rehypeParse).use(rehypeRightslint, { asOf: '2026-01-15', maxEvidence: 1 });
    await processor.run(processor.parse(file), file);
    expect(file.messages[0]?.actual).toBe('AFP; … and 2 more');
  });
});
