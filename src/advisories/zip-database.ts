import { closeSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { OsvRecord } from '../facts/advisories/osv-record.js';
import { type WantedPackages, readWantedRecord } from '../facts/advisories/record-filter.js';
import { type DatabaseResult, MAX_RECORD_BYTES } from './database-result.js';

const LOCAL_HEADER_BYTES = 30;

/**
 * Reads the `.json` entries of an OSV zip (osv.dev's `<ecosystem>/all.zip`), one entry at a time,
 * and keeps the records that name a wanted package. yauzl walks the central directory; each entry
 * is then read and inflated synchronously (a stream per entry costs more than the record itself,
 * and an export has hundreds of thousands). Rejects when the file is not a readable zip.
 */
export function readZipRecords(path: string, wanted: WantedPackages, signal: AbortSignal): Promise<DatabaseResult> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (openError, zip) => {
      if (openError || !zip) {
        reject(openError ?? new Error('cannot open the zip'));
        return;
      }
      const fd = openSync(path, 'r');
      scanEntries(zip, fd, wanted, signal).then(
        (result) => {
          closeSync(fd);
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

function scanEntries(zip: ZipFile, fd: number, wanted: WantedPackages, signal: AbortSignal): Promise<DatabaseResult> {
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
        const record = text === undefined ? undefined : readWantedRecord(text, wanted);
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
function readEntryText(fd: number, entry: Entry): string | undefined {
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
