// One way to declare a status machine (ARCHITECTURE.md, state machines): its statuses, the moves
// allowed between them and who may make each, the statuses it never leaves, and the words people
// read for each status (one set per audience). A plain table checked once when it is declared, and
// a few questions asked of it; services still take their locks and write their own rows.
import { ConflictError } from '../errors.ts';

/** The nhsuk tag colours: https://service-manual.nhs.uk/design-system/components/tag */
export type TagColour = 'white' | 'grey' | 'green' | 'aqua-green' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

/** A status as a tag on a page. */
export interface StatusTag {
  text: string;
  colour: TagColour;
}

/** Every status in `from` may move to every status in `to`, made by any of `by`. */
export interface StatusMove<S extends string, R extends string> {
  from: S | readonly S[];
  to: S | readonly S[];
  by: readonly R[];
}

/** Each audience's words, for every status. */
export type StatusLabels<S extends string, L> = { readonly [A in keyof L]: Readonly<Record<S, unknown>> };

export interface StatusMachineTable<S extends string, R extends string, L extends StatusLabels<S, L>> {
  /** What moves, for messages: "invitation". */
  name: string;
  /** In the order people read them (the CHECK constraint's values, from the db types). */
  states: readonly S[];
  /** Who makes moves: the parties, an admin, or 'system' for sweeps and knock-on changes. */
  roles: readonly R[];
  moves: readonly StatusMove<NoInfer<S>, NoInfer<R>>[];
  /** Statuses that are never left. */
  closed?: readonly NoInfer<S>[];
  /** The words for each status, one set per audience (e.g. the applicant and the admins). */
  labels: L;
}

export interface StatusMachine<S extends string, R extends string, L extends StatusLabels<S, L>> {
  readonly name: string;
  readonly states: readonly S[];
  readonly roles: readonly R[];
  readonly closed: readonly S[];
  /** Every status that is not closed, in order. */
  readonly open: readonly S[];
  readonly labels: L;
  isState(value: string): value is S;
  isClosed(status: S): boolean;
  /** Whether `by` (any of them, or anyone when left out) may move `from` to `to`. */
  canMove(from: S, to: S, by?: R | readonly R[]): boolean;
  /** As canMove, but throws: `orElse`'s error, or a ConflictError naming the move. */
  assertMove(from: S, to: S, by?: R | readonly R[], orElse?: () => Error): void;
  /** The statuses `to` may be reached from (by `by`): for a WHERE clause, or the check after a lock. */
  sources(to: S, by?: R | readonly R[]): S[];
  /** The statuses `from` may move to (by `by`). */
  targets(from: S, by?: R | readonly R[]): S[];
  label<A extends keyof L>(status: S, audience: A): L[A][S];
}

const list = <T extends string>(value: T | readonly T[]): readonly T[] => (typeof value === 'string' ? [value] : value);
const words = (status: string) => status.replaceAll('_', ' ');

/** Checks the table (a mistake fails when the module loads, not when a person clicks) and answers questions about it. */
export function defineStatusMachine<S extends string, R extends string, L extends StatusLabels<NoInfer<S>, L>>(
  table: StatusMachineTable<S, R, L>,
): StatusMachine<S, R, L> {
  const states = new Set<string>(table.states);
  const roles = new Set<string>(table.roles);
  const closed = table.closed ?? [];
  const problem = (text: string) => new Error(`Status machine "${table.name}": ${text}`);
  if (states.size === 0 || states.size !== table.states.length) throw problem('list each status once');
  for (const status of closed) if (!states.has(status)) throw problem(`unknown closed status "${status}"`);

  // Who may make each move, keyed "from>to".
  const movers = new Map<string, Set<R>>();
  for (const move of table.moves) {
    if (move.by.length === 0) throw problem('every move needs someone who may make it');
    for (const role of move.by) if (!roles.has(role)) throw problem(`unknown role "${role}"`);
    for (const from of list(move.from)) {
      if (!states.has(from)) throw problem(`a move from unknown status "${from}"`);
      if (closed.includes(from)) throw problem(`a move out of closed status "${from}"`);
      for (const to of list(move.to)) {
        if (!states.has(to)) throw problem(`a move to unknown status "${to}"`);
        const key = `${from}>${to}`;
        movers.set(key, new Set([...(movers.get(key) ?? []), ...move.by]));
      }
    }
  }
  for (const [audience, words] of Object.entries<object>(table.labels)) {
    const keys = Object.keys(words);
    const missing = table.states.filter((status) => !keys.includes(status));
    const extra = keys.filter((key) => !states.has(key));
    if (missing.length > 0 || extra.length > 0) throw problem(`"${audience}" labels must name each status once (missing: ${missing.join(', ') || 'none'}; unknown: ${extra.join(', ') || 'none'})`);
  }

  const canMove = (from: S, to: S, by?: R | readonly R[]): boolean => {
    const allowed = movers.get(`${from}>${to}`);
    return allowed !== undefined && (by === undefined || list(by).some((role) => allowed.has(role)));
  };
  return {
    name: table.name,
    states: table.states,
    roles: table.roles,
    closed,
    open: table.states.filter((status) => !closed.includes(status)),
    labels: table.labels,
    isState: (value: string): value is S => states.has(value),
    isClosed: (status) => closed.includes(status),
    canMove,
    assertMove(from, to, by, orElse) {
      if (canMove(from, to, by)) return;
      throw orElse ? orElse() : new ConflictError(`This ${table.name} cannot go from ${words(from)} to ${words(to)}`, `${table.name.replaceAll(' ', '_')}_state`);
    },
    sources: (to, by) => table.states.filter((from) => canMove(from, to, by)),
    targets: (from, by) => table.states.filter((to) => canMove(from, to, by)),
    label: (status, audience) => table.labels[audience][status],
  };
}
