import { closeSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { OsvRecord } from '../facts/advisories/osv-record.js';
import { type WantedPackages, mentionedNames, readWantedRecord } from '../facts/advisories/record-filter.js';
import { type DatabaseResult, MAX_RECORD_BYTES } from './database-result.js';
import { type EntryLocation, type ZipIndex, addToIndex, indexFileOf, loadZipIndex, saveZipIndex } from './zip-index.js';

const LOCAL_HEADER_BYTES = 30;

/**
 * Reads the `.json` entries of an OSV zip (osv.dev's `<ecosystem>/all.zip`), one entry at a time,
 * and keeps the records that name a wanted package. yauzl walks the central directory; each entry
 * is then read and inflated synchronously (a stream per entry costs more than the record itself,
 * and an export has hundreds of thousands). With a cache directory, the first scan also files every
 * entry under the package names it mentions (zip-index.ts), and later runs on the same zip (same
 * path, size and modification time) inflate only the entries of the wanted names. Rejects when the
 * file is not a readable zip.
 */
export function readZipRecords(path: string, wanted: WantedPackages, signal: AbortSignal, cacheDir?: string): Promise<DatabaseResult> {
  const indexFile = cacheDir ? indexFileOf(cacheDir, path) : undefined;
  const index = indexFile ? loadZipIndex(indexFile) : undefined;
  if (index) return Promise.resolve(readIndexedRecords(path, index, wanted));
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (openError, zip) => {
      if (openError || !zip) {
        reject(openError ?? new Error('cannot open the zip'));
        return;
      }
      const fd = openSync(path, 'r');
      const building: ZipIndex | undefined = indexFile ? { entries: [], names: new Map(), scanned: 0 } : undefined;
      scanEntries(zip, fd, wanted, signal, building).then(
        (result) => {
          closeSync(fd);
          if (indexFile && building && !signal.aborted) saveZipIndex(indexFile, { ...building, scanned: result.scanned });
          resolve(result);
        },
        (error: unknown) => {
          closeSync(fd);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  });
}

/** The wanted records through the index: only the entries filed under a wanted name are inflated. */
function readIndexedRecords(path: string, index: ZipIndex, wanted: WantedPackages): DatabaseResult {
  const positions = new Set<number>();
  for (const name of wanted.names) for (const position of index.names.get(name) ?? []) positions.add(position);
  const records: OsvRecord[] = [];
  const fd = openSync(path, 'r');
  try {
    for (const position of [...positions].sort((a, b) => a - b)) {
      const location = index.entries[position];
      const text = location ? readEntryText(fd, location) : undefined;
      const record = text === undefined ? undefined : readWantedRecord(text, wanted);
      if (record) records.push(record);
    }
  } finally {
    closeSync(fd);
  }
  return { records, scanned: index.scanned };
}

function scanEntries(zip: ZipFile, fd: number, wanted: WantedPackages, signal: AbortSignal, building: ZipIndex | undefined): Promise<DatabaseResult> {
  const records: OsvRecord[] = [];
  let scanned = 0;
  return new Promise((resolve, reject) => {
    zip.on('error', (error: Error) => {
      zip.close();
      reject(error);
    });
    zip.on('end', () => resolve({ records, scanned }));
    zip.on('entry', (entry: Entry) => {
      if (signal.aborted) {
        zip.close();
        resolve({ records, scanned });
        return;
      }
      if (isRecordEntry(entry)) {
        scanned += 1;
        const text = readEntryText(fd, entry);
        // While indexing, the record's names are listed once and serve both the index and the filter.
        const names = text !== undefined && building ? mentionedNames(text) : undefined;
        if (names && building) addToIndex(building, entry, names);
        const record = text === undefined ? undefined : readWantedRecord(text, wanted, names);
        if (record) records.push(record);
      }
      zip.readEntry();
    });
    zip.readEntry();
  });
}

function isRecordEntry(entry: Entry): boolean {
  const isEncrypted = (entry.generalPurposeBitFlag & 1) !== 0;
  const isSupported = entry.compressionMethod === 0 || entry.compressionMethod === 8;
  return entry.fileName.endsWith('.json') && !isEncrypted && isSupported && entry.uncompressedSize <= MAX_RECORD_BYTES && entry.compressedSize <= MAX_RECORD_BYTES;
}

/** The entry's text, or undefined when its bytes are not what the directory says (a damaged entry is skipped). */
function readEntryText(fd: number, entry: EntryLocation): string | undefined {
  try {
    const header = Buffer.alloc(LOCAL_HEADER_BYTES);
    if (readSync(fd, header, 0, LOCAL_HEADER_BYTES, entry.relativeOffsetOfLocalHeader) !== LOCAL_HEADER_BYTES || header.readUInt32LE(0) !== 0x04034b50) return undefined;
    const start = entry.relativeOffsetOfLocalHeader + LOCAL_HEADER_BYTES + header.readUInt16LE(26) + header.readUInt16LE(28);
    const packed = Buffer.alloc(entry.compressedSize);
    if (readSync(fd, packed, 0, entry.compressedSize, start) !== entry.compressedSize) return undefined;
    // maxOutputLength: a record that inflates past the limit is a zip bomb, not an advisory.
    const bytes = entry.compressionMethod === 8 ? inflateRawSync(packed, { maxOutputLength: MAX_RECORD_BYTES }) : packed;
    return bytes.toString('utf8');
  } catch {
    return undefined;
  }
}
