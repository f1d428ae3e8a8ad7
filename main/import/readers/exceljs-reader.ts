import { createRequire } from 'node:module';
import Module from 'node:module';
import type ExcelJSNamespace from 'exceljs';

type ExcelJSModule = typeof ExcelJSNamespace;

const require = createRequire(import.meta.url);

interface SaxEvent {
  eventType: string;
  value: unknown;
}

interface SaxesLike {
  on(event: string, fn: (value: unknown) => void): void;
  write(text: string): void;
}

/**
 * ExcelJS 4.4 decodes each zip chunk of the sheet XML on its own (`TextDecoder.decode(chunk)`
 * without `stream: true`), so a Chinese character whose UTF-8 bytes straddle two chunks becomes
 * U+FFFD — in a large workbook, random names and amounts like "¥1,170.00" arrive garbled. This is
 * its SAX driver with one decoder per stream; it is put in Node's module cache before ExcelJS loads,
 * so ExcelJS's streaming reader uses it.
 */
function fixedParseSax(): (iterable: AsyncIterable<Uint8Array | string>) => AsyncGenerator<SaxEvent[]> {
  const { SaxesParser } = require('saxes') as { SaxesParser: new () => SaxesLike };
  return async function* parseSax(iterable) {
    const parser = new SaxesParser();
    const decoder = new TextDecoder('utf-8');
    let error: unknown;
    let events: SaxEvent[] = [];
    parser.on('error', (e) => (error = e));
    parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
    parser.on('text', (value) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
    for await (const chunk of iterable) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.decode();
    if (rest) {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  };
}

function loadPatched(): ExcelJSModule {
  const target = require.resolve('exceljs/lib/utils/parse-sax');
  if (!require.cache[target]) {
    const m = new Module(target);
    m.filename = target;
    m.loaded = true;
    m.exports = fixedParseSax();
    require.cache[target] = m;
  }
  return require('exceljs') as ExcelJSModule;
}

/** ExcelJS with the streaming reader's UTF-8 decoding fixed (see above). Import ExcelJS for reading from here. */
export const ExcelJS: ExcelJSModule = loadPatched();

