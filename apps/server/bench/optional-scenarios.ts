import { identityDeps } from '../src/app.ts';
import type { BenchEnv } from './bench-env.ts';
import { dispatchBoardBench, dispatchBoardLines } from './dispatch-board.ts';
import { documentLines, documentThroughput } from './document-throughput.ts';
import { importLines, importThroughput, roundLine } from './import-throughput.ts';
import { kpiLines, kpisBench } from './kpis.ts';
import type { BenchOptions } from './options.ts';
import { outboxLines, outboxThroughput } from './outbox-throughput.ts';
import { pdfRenderLines, pdfRenderRate } from './pdf-render.ts';
import { salesBench, salesLines } from './sales.ts';
import { schedulingBench, schedulingLines } from './scheduling.ts';
import { socketFanout } from './socket-fanout.ts';
import { workBench, workLines } from './work.ts';

// The scenarios after the lead table, each printed as it ends; a flag of 0 skips one (scheduling always runs).
// Returns what run.ts records in its JSON file.

export const runOptionalScenarios = async (env: BenchEnv, options: BenchOptions) => {
  const { database, config, jwtSecret } = env;
  const fanout = options.sockets > 0 ? await socketFanout(options.sockets, 50) : undefined;
  if (fanout)
    console.log(
      `\nsocket fan-out: ${fanout.clients} clients in one tenant room, ${fanout.deliveries} deliveries: ` +
        `p50 ${fanout.p50Ms} ms, p99 ${fanout.p99Ms} ms, max ${fanout.maxMs} ms`,
    );
  const outboxOptions = { seconds: options.outbox, tenants: 4, writers: 8, batch: 10 };
  const outbox = outboxOptions.seconds > 0 ? await outboxThroughput(database, outboxOptions) : undefined;
  if (outbox) console.log(`\n${outboxLines(outbox, outboxOptions).join('\n')}`);
  // Sales documents: PDF and UBL renders per second (--pdf 0 skips, --pdf N seconds per case).
  if (options.pdf > 0)
    console.log(`\n${pdfRenderLines(await pdfRenderRate(options.pdf), options.pdf).join('\n')}`);
  const schedulingOptions = { agents: 50, days: 14, runs: 50, seconds: 3 };
  const scheduling = await schedulingBench(identityDeps({ config, jwtSecret, database }), schedulingOptions);
  console.log(`\n${schedulingLines(scheduling).join('\n')}`);
  const documents =
    options.documents > 0
      ? await documentThroughput(database, { mb: 10, runs: options.documents })
      : undefined;
  if (documents) console.log(`\n${documentLines(documents).join('\n')}`);
  // Dispatch board: 50 crews × 400 (and 4,000) jobs in a week; --board 0 skips, --board N sets the runs.
  const boardRuns = options.board;
  const board =
    boardRuns > 0
      ? await dispatchBoardBench(database, { crews: 50, jobs: [400, 4000], runs: boardRuns })
      : undefined;
  if (board) console.log(`\n${dispatchBoardLines(board, boardRuns).join('\n')}`);
  // CRM lead import vs a plain COPY of the same rows (--import 0 skips, --import N rows).
  const importRows = options.importRows;
  const imports =
    importRows > 0
      ? await importThroughput(database, {
          rows: importRows,
          rounds: options.importRounds,
          onRound: (r) => console.log(roundLine(importRows, r)),
        })
      : undefined;
  if (imports) console.log(`\n${importLines(imports).join('\n')}`);
  // Work: timesheet week saves, utilisation and budgets on N members × a year of entries (--work 0 skips).
  const work =
    options.work > 0
      ? await workBench(database, { members: options.work, runs: 100, seconds: 5, clients: 8 })
      : undefined;
  if (work) console.log(`\n${workLines(work).join('\n')}`);
  // Sales: issuing (1 and 8 writers) and the invoice list on N generated invoices (--sales 0 skips).
  const sales =
    options.sales > 0
      ? await salesBench(database, { invoices: options.sales, issues: 400, runs: 100 })
      : undefined;
  if (sales) console.log(`\n${salesLines(sales, 100).join('\n')}`);
  // Every KPI endpoint on N leads (and N/10 invoices), at the first connection count; --kpis 0 (default)
  // skips: bench/kpis.ts.
  const kpiLeads = options.kpis;
  const kpiConnections = options.connectionCounts[0] ?? 10;
  const kpiRun = {
    leads: kpiLeads,
    invoices: Math.floor(kpiLeads / 10),
    duration: options.duration,
    connections: kpiConnections,
  };
  const kpis = kpiLeads > 0 ? await kpisBench(database, kpiRun) : undefined;
  if (kpis) console.log(`\n${kpiLines(kpis, kpiConnections, options.duration).join('\n')}`);
  return { fanout, outbox, documents, board, imports, work, sales, kpis };
};
