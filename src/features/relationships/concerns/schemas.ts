// Raising a concern and an admin's action on one, with NHS-style messages.
import { z } from 'zod';
import type { ConcernStatus } from '../../../db/types.ts';
import { requiredText, text } from '../fields.ts';

export const CONCERN_MAX = 4000;
export const ACTION_NOTE_MAX = 2000;

export const concernStatuses = ['open', 'in_progress', 'closed'] as const satisfies readonly ConcernStatus[];

export const concernStatusLabels: Record<ConcernStatus, string> = { open: 'Open', in_progress: 'In progress', closed: 'Closed' };
export const concernStatusColours: Record<ConcernStatus, string> = { open: 'red', in_progress: 'yellow', closed: 'grey' };

export const concernFields = ['body'];
export const concernSchema = z.object({ body: requiredText('your concern', CONCERN_MAX) });
export type ConcernInput = z.infer<typeof concernSchema>;

export const concernActionFields = ['note', 'status'];
export const concernActionSchema = z.object({
  note: requiredText('what you did or decided', ACTION_NOTE_MAX),
  status: text().pipe(z.enum(concernStatuses, { error: 'Choose the status of the concern' })),
});
export type ConcernActionInput = z.infer<typeof concernActionSchema>;

/** The queue's tab, from the address; anything else shows the open concerns. */
export const queueFilterSchema = z.object({ status: z.enum(concernStatuses).catch('open') });
