/**
 * A WHATWG ReadableStream (a browser `File.stream()`, a `fetch` body, Node's web streams) as the
 * async iterable of byte chunks ingestReadings takes. Current Chrome and Firefox streams are
 * already async-iterable; this reader loop works everywhere (Safari included).
 *
 * @example
 * const bytes = [];
 * for await (const chunk of readableChunks(new Blob(['ab', 'c']).stream())) bytes.push(...chunk);
 * bytes // => [0x61, 0x62, 0x63]
 */
export async function* readableChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value && value.length > 0) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
