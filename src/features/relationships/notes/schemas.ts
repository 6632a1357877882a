// The notes forms and their messages (NHS service manual style). Each form's fields have their own
// names, so the three forms on the notes page can each show their errors without mixing them up.
import { z } from 'zod';
import { optionalText, requiredText, text } from '../fields.ts';

export const NOTE_MAX = 4000;

export const sharedNoteFields = ['sharedNote'];
export const sharedNoteSchema = z.object({ sharedNote: requiredText('your note', NOTE_MAX) });

/** An edit names the version it started from (the note's last change, in milliseconds), so a stale tab cannot overwrite a newer edit. */
export const editNoteSchema = z.object({
  sharedNote: requiredText('your note', NOTE_MAX),
  version: text().pipe(z.string().regex(/^\d+$/)).transform(Number),
});

/** An empty private note is allowed: saving one clears it. */
export const privateNoteFields = ['privateNote'];
export const privateNoteSchema = z.object({ privateNote: optionalText('your private note', NOTE_MAX) });
