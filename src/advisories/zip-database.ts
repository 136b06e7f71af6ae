import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { OsvRecord } from '../facts/advisories/osv-record.js';
import { type WantedPackages, readWantedRecord } from '../facts/advisories/record-filter.js';
import { type DatabaseResult, MAX_RECORD_BYTES } from './database-result.js';

/**
 * Streams the `.json` entries of an OSV zip (osv.dev's `<ecosystem>/all.zip`), one entry at a time,
 * and keeps the records that name a wanted package. Rejects when the file is not a readable zip.
 */
export function readZipRecords(path: string, wanted: WantedPackages, signal: AbortSignal): Promise<DatabaseResult> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (openError, zip) => {
      if (openError || !zip) {
        reject(openError ?? new Error('cannot open the zip'));
        return;
      }
      scanEntries(zip, wanted, signal).then(resolve, reject);
    });
  });
}

function scanEntries(zip: ZipFile, wanted: WantedPackages, signal: AbortSignal): Promise<DatabaseResult> {
  const records: OsvRecord[] = [];
  let scanned = 0;
  return new Promise((resolve, reject) => {
    const finish = (): void => resolve({ records, scanned });
    zip.on('error', (error: Error) => {
      zip.close();
      reject(error);
    });
    zip.on('end', finish);
    zip.on('entry', (entry: Entry) => {
      if (signal.aborted) {
        zip.close();
        return finish();
      }
      if (!entry.fileName.endsWith('.json') || entry.uncompressedSize > MAX_RECORD_BYTES) return zip.readEntry();
      scanned += 1;
      readEntryText(zip, entry).then(
        (text) => {
          const record = readWantedRecord(text, wanted);
          if (record) records.push(record);
          zip.readEntry();
        },
        (error: unknown) => {
          zip.close();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
    zip.readEntry();
  });
}

function readEntryText(zip: ZipFile, entry: Entry): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(error ?? new Error(`cannot read ${entry.fileName}`));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  });
}
