import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../src/config/policy.js';
import { detectHolders } from '../src/detect/holders.js';
import { findEvidence } from '../src/detect/signals.js';
import { readPage } from '../src/document/page.js';

/** The holders proven on a page of these images, by the shipped catalogue. */
async function proven(images: string): Promise<string[]> {
  const { catalogue } = await defaultPolicy(process.cwd());
  const page = await readPage('gallery.html', `<!DOCTYPE html><html lang="en"><body><article><h1>Harbour</h1><p>The harbour at dawn.</p>${images}</article></body></html>`);
  return detectHolders(findEvidence(page, catalogue)).map((detection) => `${detection.holder}/${detection.kinds.join(',')}`);
}

describe('weak signals', () => {
  it('prove a photo by two pictures whose file names hold an asset id', async () => {
    expect(await proven('<img src="/img/GettyImages-1890265437.jpg" alt=""><img src="/img/GettyImages-1890265502.jpg" alt="">')).toEqual(['getty/photo']);
  });

  it('take one picture for one sign however many copies of its file name the page keeps', async () => {
    // The sizes of a srcset, a lazy loader's copy, and the <noscript> twin for readers without scripts.
    expect(await proven('<img src="/img/GettyImages-1890265437-640.jpg" srcset="/img/GettyImages-1890265437-640.jpg 640w, /img/GettyImages-1890265437-1280.jpg 1280w" alt="">')).toEqual([]);
    expect(await proven('<img src="/img/grey.png" data-src="/img/shutterstock_1140790211.jpg" alt=""><noscript><img src="/img/shutterstock_1140790211.jpg" alt=""></noscript>')).toEqual([]);
  });
});
