import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/index.ts';
import { boardRoutes } from './board/board.routes.ts';
import { canvassingRoutes } from './canvassing/canvassing.routes.ts';
import { crewRoutes } from './crews/crews.routes.ts';
import { jobRoutes } from './jobs/jobs.routes.ts';
import { registerFieldRecords } from './registrations.ts';

registerFieldRecords();

export interface FieldDeps {
  database: Database;
}

/** The field module's HTTP API: crews, jobs and loads, the dispatch board, door-to-door canvassing. */
export const fieldRoutes = async (app: FastifyInstance, deps: FieldDeps) => {
  await app.register(crewRoutes, deps);
  await app.register(jobRoutes, deps);
  await app.register(boardRoutes, deps);
  await app.register(canvassingRoutes, deps);
};

export { loadBoard } from './board/board.service.ts';
export { type FieldDemoPeople, seedFieldDemo } from './demo/demo-data.ts';
