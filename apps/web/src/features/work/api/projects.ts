import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Assignment,
  type assignmentCreateInput,
  assignmentSchema,
  type assignmentUpdateInput,
  type InvoiceTimeInput,
  invoiceTimePreviewSchema,
  invoiceTimeResult,
  type Milestone,
  type milestoneCreateInput,
  milestoneInvoiceResult,
  milestoneSchema,
  type milestoneUpdateInput,
  type Project,
  projectBudgetSchema,
  type projectCreateInput,
  projectSchema,
  type projectUpdateInput,
  type Task,
  type taskCreateInput,
  taskSchema,
  type taskUpdateInput,
} from '@tessera/contracts';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';
import { fetchListPage } from '../../../lib/records/list-page';
import { createRecordHooks } from '../../../lib/records/record-hooks';

/** `/api/v1/projects`. Budget, milestones and the team live under the same key, so any change refreshes them. */
export const projectRecords = createRecordHooks<
  Project,
  z.output<typeof projectCreateInput>,
  z.output<typeof projectUpdateInput>
>({ path: 'projects', schema: projectSchema });

/** `/api/v1/milestones` (under the projects key). */
export const milestoneRecords = createRecordHooks<
  Milestone,
  z.output<typeof milestoneCreateInput>,
  z.output<typeof milestoneUpdateInput>
>({ path: 'milestones', key: ['projects', 'milestones'], schema: milestoneSchema });

/** `/api/v1/assignments` (under the projects key: a new member changes the forecast). */
export const assignmentRecords = createRecordHooks<
  Assignment,
  z.output<typeof assignmentCreateInput>,
  z.output<typeof assignmentUpdateInput>
>({ path: 'assignments', key: ['projects', 'assignments'], schema: assignmentSchema });

/** `GET /projects/:id/budget`: hours and money against the budget, burn-down, forecast, warnings. */
export function useProjectBudget(projectId: string) {
  return useQuery({
    queryKey: ['projects', 'budget', projectId],
    queryFn: ({ signal }) =>
      api.get(v1(`projects/${projectId}/budget`), { schema: projectBudgetSchema, signal }),
  });
}

export function useMilestones(projectId: string) {
  return useQuery({
    queryKey: [...milestoneRecords.key, 'of', projectId],
    queryFn: ({ signal }) =>
      fetchAll(v1('milestones'), milestoneSchema, { signal, query: { projectId, sort: 'dueDate' } }),
  });
}

export function useAssignments(projectId: string) {
  return useQuery({
    queryKey: [...assignmentRecords.key, 'of', projectId],
    queryFn: ({ signal }) =>
      fetchAll(v1('assignments'), assignmentSchema, { signal, query: { projectId, sort: 'startDate' } }),
  });
}

/** The first 100 projects by name: names for ids, and the projects to book on or pick from. */
export function useProjectOptions(enabled = true) {
  return useQuery({
    queryKey: ['projects', 'options'],
    queryFn: ({ signal }) =>
      fetchListPage(v1('projects'), projectSchema, { sort: 'name', limit: 100 }, signal),
    select: (page) => page.items,
    enabled,
    staleTime: 60_000,
  });
}

/** Projects still running (not completed or cancelled): what time and expenses are booked on. */
export const openProjects = (projects: readonly Project[] | undefined) =>
  (projects ?? []).filter((p) => p.status !== 'completed' && p.status !== 'cancelled');

/** A project's name for an id (`CODE · Name`), or a placeholder while unknown. */
export const projectLabel = (projects: readonly Project[] | undefined, id: string) => {
  const project = projects?.find((p) => p.id === id);
  return project ? `${project.code} · ${project.name}` : 'Project';
};

/** `GET /projects/:id/invoice-time`: what invoicing the project's billable time would put on the invoice now. */
export function useInvoiceTimePreview(projectId: string, query: InvoiceTimeInput, enabled: boolean) {
  return useQuery({
    queryKey: ['projects', 'invoice-time', projectId, query],
    queryFn: ({ signal }) =>
      api.get(v1(`projects/${projectId}/invoice-time`), { schema: invoiceTimePreviewSchema, signal, query }),
    enabled,
  });
}

/** `POST /projects/:id/invoice-time`: the draft invoice; refreshes the project's figures and time. */
export function useInvoiceTime(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InvoiceTimeInput) =>
      api.post(v1(`projects/${projectId}/invoice-time`), input, { schema: invoiceTimeResult }),
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: ['timesheets'] });
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}

/** `POST /projects/:id/milestones/:milestoneId/invoice`: a reached milestone's draft invoice; it becomes billed. */
export function useInvoiceMilestone(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (milestoneId: string) =>
      api.post(v1(`projects/${projectId}/milestones/${milestoneId}/invoice`), undefined, {
        schema: milestoneInvoiceResult,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['projects'] }),
  });
}

/** `/api/v1/tasks` (the CRM's tasks; under the projects key here): a project's task board (ADR 0021). */
export const taskRecords = createRecordHooks<
  Task,
  z.output<typeof taskCreateInput>,
  z.output<typeof taskUpdateInput>
>({ path: 'tasks', key: ['projects', 'tasks'], schema: taskSchema });

/** The tasks linked to a project, all pages (the board; the timesheet's task rows). */
export const projectTasksQuery = (projectId: string) =>
  queryOptions({
    queryKey: [...taskRecords.key, 'of', projectId],
    queryFn: ({ signal }) =>
      fetchAll(v1('tasks'), taskSchema, {
        signal,
        query: { relatedType: 'project', relatedId: projectId, sort: 'dueAt' },
      }),
  });

export function useProjectTasks(projectId: string, enabled = true) {
  return useQuery({ ...projectTasksQuery(projectId), enabled });
}
