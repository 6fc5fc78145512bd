import { expect } from 'vitest';
import { InputError } from '../../src/model/issues.ts';
import type { Model } from '../../src/model/schema.ts';
import { ingestReadings, type IngestOptions } from '../../src/readings/ingest.ts';
import type { IngestResult } from '../../src/readings/types.ts';

/** Bytes as a stream of small chunks, so every test also crosses chunk boundaries. */
export async function* chunked(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
}

/**
 * Ingests through both readers — the general one (papaparse for every row) and the byte fast
 * path, reached early with an 8-byte encoding sniff — and fails unless they give the same
 * result (or throw the same error). Every test that ingests thus checks the two agree.
 */
async function bothPaths(bytes: Uint8Array, options: IngestOptions, chunk: number): Promise<IngestResult> {
  const run = async (o: IngestOptions): Promise<{ r?: IngestResult; e?: unknown }> => {
    try {
      return { r: await ingestReadings(chunked(bytes, chunk), { file: 'r.csv', ...options, ...o }) };
    } catch (e) {
      return { e };
    }
  };
  const general = await run({ fastPath: false });
  const fast = await run({ sniffBytes: 8 });
  if (general.e !== undefined || fast.e !== undefined) {
    expect(fast.e instanceof InputError ? fast.e.issues : fast.e).toEqual(
      general.e instanceof InputError ? general.e.issues : general.e,
    );
    throw general.e;
  }
  expect(fast.r).toEqual(general.r);
  return general.r!;
}

export function ingestText(csv: string, options: IngestOptions = {}, chunk = 7): Promise<IngestResult> {
  return bothPaths(new TextEncoder().encode(csv), options, chunk);
}

export function ingestBytes(bytes: Uint8Array, options: IngestOptions = {}, chunk = 4096): Promise<IngestResult> {
  return bothPaths(bytes, options, chunk);
}

/** The InputError an ingest throws (fails the test when it does not throw). */
export async function ingestError(csvOrBytes: string | Uint8Array, options: IngestOptions = {}): Promise<InputError> {
  try {
    if (typeof csvOrBytes === 'string') await ingestText(csvOrBytes, options);
    else await ingestBytes(csvOrBytes, options);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

/** A minimal model with one node and the given meters, each on its own flow. */
export function modelWith(
  meters: {
    id: string;
    unit?: string;
    accuracyClass?: string;
    reading?: NonNullable<Model['meters']>[number]['reading'];
    status?: 'in-service' | 'failed' | 'removed';
    flowUnit?: string;
  }[],
  campaign?: { start: string; end: string; timezone?: string },
): Model {
  return {
    name: 'test',
    nodes: [{ id: 'plant', name: '全厂', level: 1 }],
    flows: meters.map((m) => ({
      id: `F_${m.id}`,
      from: null,
      to: 'plant',
      layer: 'water',
      unit: m.flowUnit ?? m.reading?.unit ?? 't',
      source: 'unmeasured' as const,
    })),
    meters: meters.map((m) => ({
      id: m.id,
      flows: [`F_${m.id}`],
      accuracyClass: m.accuracyClass,
      reading: m.reading,
      status: m.status ?? 'in-service',
    })),
    campaign: campaign ? { ...campaign, normalProduction: true, performedBy: 'enterprise' } : undefined,
  } as Model;
}

/** Minutes after 2026-03-01 08:00 (+08:00) as a local timestamp string. */
export function at(minutes: number): string {
  const d = new Date(Date.UTC(2026, 2, 1, 8, 0) + minutes * 60_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

export function meter(r: IngestResult, id: string) {
  const m = r.meters.find((x) => x.id === id);
  if (!m) throw new Error(`no meter ${id}`);
  return m;
}

export function flag(r: IngestResult, id: string, code: string) {
  return meter(r, id).flags.find((f) => f.code === code);
}
