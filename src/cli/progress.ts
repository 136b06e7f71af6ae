import type { ProgressEvent, ProgressListener } from '../engine/progress.js';

/** Draws progress on one rewritten stderr line, only when stderr is a terminal. */
export function createProgressPrinter(stream: NodeJS.WriteStream): { listener?: ProgressListener; done(): void } {
  if (!stream.isTTY || process.env.CI) return { done() {} };
  let drawn = false;
  const draw = (text: string): void => {
    stream.write(`\r\u001b[2K${text.slice(0, (stream.columns ?? 80) - 1)}`);
    drawn = true;
  };
  const listener = (event: ProgressEvent): void => {
    switch (event.type) {
      case 'discovered':
        draw(`liveready: ${event.files} files found`);
        break;
      case 'files-read':
        draw(`liveready: reading files ${event.done}/${event.total}`);
        break;
      case 'stage-start':
        draw(`liveready: ${event.stage}...`);
        break;
      case 'message':
        draw(`liveready: ${event.text}`);
        break;
      default:
        break;
    }
  };
  return {
    listener,
    done() {
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
