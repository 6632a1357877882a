// What the rest of the relationship uses of sessions: the mentor's calendar address (an ending
// cancels the sessions still to come, addressed as their invitations were), and the reminders and
// reflection prompts for the relationship sweep.
export { mentorAddress } from './calendar.ts';
export { sweepSessions } from './sweep.ts';
