// A status machine's moves written out per role ("pending → accepted"), so a test can compare a
// machine with the arrows ARCHITECTURE.md draws and a change to either shows up as a failing line.
import type { StatusLabels, StatusMachine } from '../../src/platform/status-machine.ts';

export function movesByRole<S extends string, R extends string, L extends StatusLabels<S, L>>(machine: StatusMachine<S, R, L>): Record<R, string[]> {
  const entries = machine.roles.map((role) => [role, machine.states.flatMap((from) => machine.targets(from, role).map((to) => `${from} → ${to}`))] as const);
  return Object.fromEntries(entries) as Record<R, string[]>;
}
