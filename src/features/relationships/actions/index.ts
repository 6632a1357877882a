// What the session notes page uses of agreed actions: the session's actions worded for the reader,
// the owner choices, and adding one from the session with the same form and rules as here.
export { ACTION_MAX, actionFields, actionSchema } from './schemas.ts';
export { listActions, ownerChoices, type ActionRow, type OwnerChoice } from './pages.ts';
export { addAction } from './service.ts';
