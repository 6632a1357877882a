// What the session forms start from: the frame and the meeting modes to choose from, a session's
// current details for rescheduling it, and a new session's defaults. Only the two parties reach them
// (access.loadForParty).
import type { Actor } from '../../../auth/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { MentoringSession } from '../../../db/types.ts';
import { meetingFieldValues } from '../../invitations/meeting-time.ts';
import { listTermsForForms } from '../../taxonomies/service.ts';
import { loadForParty, type RelationshipContext } from '../access.ts';
import { frameOf, type Frame } from '../frame.ts';
import { DEFAULT_MINUTES } from './schemas.ts';

export interface FormPage {
  frame: Frame;
  modes: { id: string; label: string }[];
}

/** The frame and meeting modes every session form needs; retired modes only when the session already uses one. */
export async function getFormPage(db: Db, actor: Actor, relationshipId: string, keepModeIds: string[] = []): Promise<FormPage & { context: RelationshipContext }> {
  const context = await loadForParty(db, actor, relationshipId);
  const modes = (await listTermsForForms(db, keepModeIds)).meeting_mode.map((term) => ({ id: term.id, label: term.label }));
  return { frame: frameOf(context), modes, context };
}

/** A session's current details as the reschedule form's values. */
export function sessionFormValues(session: MentoringSession): Record<string, string> {
  const { meetingTime, ...date } = meetingFieldValues('sessionDate', new Date(session.starts_at));
  return {
    ...date, sessionTime: meetingTime ?? '', sessionMinutes: String(session.duration_minutes), sessionMode: session.mode,
    location: session.location, agenda: session.agenda, sequence: String(session.ics_sequence),
  };
}

export const newSessionValues = { sessionMinutes: String(DEFAULT_MINUTES) };
