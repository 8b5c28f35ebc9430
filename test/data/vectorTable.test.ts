/**
 * Loading the table: from the file system in Node and with a streamed fetch in the
 * browser, through the same loader; failures are VectorFileErrors with the URL in them.
 */
import { describe, expect, it } from 'vitest';
import { VectorFileError } from '../../src/core/vectors/format';
import { fetchBytes } from '../../src/data/fetchBytes';
import { loadWordVectors } from '../../src/data/vectorTable';
import { readFileBytes } from '../../src/tools/nodeBytes';
import { TINY, tinyBytes } from '../core/vectors/vectorFixtures';

describe('loading', () => {
  it('reports a missing file and an HTTP error as VectorFileError', async () => {
    await expect(loadWordVectors('/no/such/file.bin', readFileBytes)).rejects.toBeInstanceOf(
      VectorFileError,
    );
    const original = globalThis.fetch;
    globalThis.fetch = async () => new Response('not found', { status: 404 });
    try {
      await expect(loadWordVectors('vectors/x.bin')).rejects.toThrow(
        'could not load word vectors from vectors/x.bin: HTTP 404',
      );
    } finally {
      globalThis.fetch = original;
    }
  });

  it('streams a fetched file with progress', async () => {
    const bytes = tinyBytes();
    const original = globalThis.fetch;
    globalThis.fetch = async () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.slice(0, 50));
          controller.enqueue(bytes.slice(50));
          controller.close();
        },
      });
      return new Response(body, { headers: { 'Content-Length': String(bytes.length) } });
    };
    try {
      const progress: [number, number | null][] = [];
      const table = await loadWordVectors('vectors/tiny.bin', fetchBytes, (loaded, total) =>
        progress.push([loaded, total]),
      );
      expect(table.words).toEqual(TINY.words);
      expect(progress).toEqual([
        [50, bytes.length],
        [bytes.length, bytes.length],
      ]);
    } finally {
      globalThis.fetch = original;
    }
  });
});
