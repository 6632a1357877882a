// What other parts of the relationship use of its health: a held session resets the flag, and the
// relationship sweep runs the health part.
export { recordSessionHeld } from './level.ts';
export { sweepHealth } from './sweep.ts';
