import { Worker } from 'node:worker_threads';
import { Mutex } from 'async-mutex';
import { agendasPdf } from './agenda-layout.js';
import { badgesPdf, BADGES_PER_PAGE } from './badges-layout.js';
import type { AgendaSheet, PrintedEdition, PrintedPerson, SlotPlan } from './model.js';
import { tablesPdf } from './tables-layout.js';

/** A document to lay out: which one, and its data (plain, so that a worker thread can take it). */
export type PrintJob = { edition: PrintedEdition; printedAt: Date } & (
  | { document: 'agendas'; sheets: AgendaSheet[] }
  | { document: 'badges'; people: PrintedPerson[] }
  | { document: 'tables'; plans: SlotPlan[] }
);

/** Lays the document out here, in this thread. */
export function render(job: PrintJob): Promise<Buffer> {
  switch (job.document) {
    case 'agendas':
      return agendasPdf(job.edition, job.sheets, job.printedAt);
    case 'badges':
      return badgesPdf(job.edition, job.people, job.printedAt);
    case 'tables':
      return tablesPdf(job.edition, job.plans, job.printedAt);
  }
}

/** About a page: laid out in a few milliseconds, not worth a thread. */
function isSmall(job: PrintJob): boolean {
  switch (job.document) {
    case 'agendas':
      return job.sheets.length <= 1;
    case 'badges':
      return job.people.length <= BADGES_PER_PAGE;
    case 'tables':
      return job.plans.length <= 1;
  }
}

// One large document at a time: on a 2-core server the other core keeps answering the API.
const offThread = new Mutex();

/**
 * Lays the document out, a large one in a worker thread: the badges of 5,000 people take seconds
 * of CPU (docs/print.md), during which the server would answer nobody.
 */
export function renderPdf(job: PrintJob): Promise<Buffer> {
  if (isSmall(job)) return render(job);
  return offThread.runExclusive(() => renderInWorker(job));
}

function renderInWorker(job: PrintJob): Promise<Buffer> {
  const worker = new Worker(new URL('./render.worker.js', import.meta.url), { workerData: job });
  // A document being laid out must not keep a stopping server alive.
  worker.unref();
  return new Promise((resolve, reject) => {
    let done = false;
    worker.on('message', (pdf: Uint8Array) => {
      done = true;
      resolve(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!done) reject(new Error(`The PDF worker stopped with code ${code}`));
    });
  });
}
