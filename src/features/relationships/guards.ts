// The three route guards the relationship's routes use (deny by default: every route names one).
// A pair's pages need only a signed-in person here, because their services answer 404 to anyone
// who is not the mentee or the mentor (access.loadForParty); admins' pages are guarded by programme,
// or by platform for the platform's resource library.
import { guards } from '../../auth/guards.ts';

export const party = { config: { guard: guards.signedIn } };
export const programmeAdmin = { config: { guard: guards.programmeAdmin() } };
export const platformAdmin = { config: { guard: guards.platformAdmin } };
