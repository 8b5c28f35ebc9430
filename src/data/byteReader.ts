/** How the word-vector loader reads a file, so that one loader serves the browser and Node. */

/**
 * Reads the bytes at `url`, reporting progress as bytes arrive (`total` is null when the
 * size is unknown). The browser uses `fetchBytes`; Node passes a file reader.
 */
export type ByteReader = (
  url: string,
  onProgress?: (loaded: number, total: number | null) => void,
) => Promise<ArrayBuffer>;
