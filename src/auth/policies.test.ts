// Every rule in policies.ts, for every kind of actor, as one table. A rule added to `policies`
// without rows here fails the last test.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { Actor } from './actor.ts';
import { policies, type MaybeActor } from './policies.ts';

const PROGRAMME_A = '0a000000-0000-4000-8000-00000000000a';
const PROGRAMME_B = '0b000000-0000-4000-8000-00000000000b';

function person(name: string, options: Partial<Pick<Actor, 'isPlatformAdmin' | 'memberships'>> = {}): Actor {
  return {
    id: randomUUID(),
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.nhs.uk`,
    fullName: name,
    isPlatformAdmin: options.isPlatformAdmin ?? false,
    memberships: options.memberships ?? [],
  };
}

const actors = {
  anonymous: null,
  signedInNoRoles: person('Aisha Begum'),
  menteeOfA: person('Ben Carter', { memberships: [{ programmeId: PROGRAMME_A, role: 'mentee' }] }),
  mentorOfA: person('Chloe Davies', { memberships: [{ programmeId: PROGRAMME_A, role: 'mentor' }] }),
  programmeAdminOfA: person('Daniel Evans', { memberships: [{ programmeId: PROGRAMME_A, role: 'programme_admin' }] }),
  programmeAdminOfB: person('Emma Fraser', { memberships: [{ programmeId: PROGRAMME_B, role: 'programme_admin' }] }),
  platformAdmin: person('Farah Gill', { isPlatformAdmin: true }),
} satisfies Record<string, MaybeActor>;

type ActorName = keyof typeof actors;
type Rule = keyof typeof policies;

interface Row {
  rule: Rule;
  actor: ActorName;
  args: unknown[];
  expected: boolean;
}

const openA = { id: PROGRAMME_A, isOpen: true };
const menteeApplicationInA = { userId: actors.menteeOfA.id, programmeId: PROGRAMME_A };
const invitationInA = (status: string) => ({ menteeId: actors.menteeOfA.id, mentorId: actors.mentorOfA.id, status });
const notOpenA = { id: PROGRAMME_A, isOpen: false };

/** One row per actor: `allowed` lists the actors for whom the rule answers true. */
function rowsFor(rule: Rule, args: unknown[], allowed: ActorName[]): Row[] {
  return (Object.keys(actors) as ActorName[]).map((actor) => ({ rule, actor, args, expected: allowed.includes(actor) }));
}

const everyone = Object.keys(actors) as ActorName[];
const signedIn = everyone.filter((name) => name !== 'anonymous');

const table: Row[] = [
  ...rowsFor('isAnyone', [], everyone),
  ...rowsFor('isSignedIn', [], signedIn),
  ...rowsFor('canAdministerPlatform', [], ['platformAdmin']),
  ...rowsFor('canManageProgramme', [PROGRAMME_A], ['programmeAdminOfA', 'platformAdmin']),
  ...rowsFor('canManageProgramme', [PROGRAMME_B], ['programmeAdminOfB', 'platformAdmin']),
  ...rowsFor('canViewProgramme', [openA], signedIn),
  ...rowsFor('canViewProgramme', [notOpenA], ['menteeOfA', 'mentorOfA', 'programmeAdminOfA', 'platformAdmin']),
  ...rowsFor('canReadOutbox', [true], everyone),
  ...rowsFor('canReadOutbox', [false], []),
  ...rowsFor('canApplyToProgramme', [openA], signedIn),
  ...rowsFor('canApplyToProgramme', [notOpenA], []),
  ...rowsFor('isSelf', [actors.menteeOfA.id], ['menteeOfA']),
  ...rowsFor('canViewApplication', [menteeApplicationInA], ['menteeOfA', 'programmeAdminOfA', 'platformAdmin']),
  ...rowsFor('canDecideApplication', [menteeApplicationInA], ['programmeAdminOfA', 'platformAdmin']),
  // Nobody decides their own application, even an admin of the programme.
  ...rowsFor('canDecideApplication', [{ userId: actors.programmeAdminOfA.id, programmeId: PROGRAMME_A }], ['platformAdmin']),
  ...rowsFor('canViewMentorProfile', [{ userId: actors.mentorOfA.id, approvedProgrammeIds: [PROGRAMME_A] }], ['menteeOfA', 'mentorOfA', 'programmeAdminOfA', 'platformAdmin']),
  ...rowsFor('canViewMentorProfile', [{ userId: actors.mentorOfA.id, approvedProgrammeIds: [] }], ['mentorOfA', 'platformAdmin']),
  ...rowsFor('canEditPlatformSettings', [], ['platformAdmin']),
  ...rowsFor('canFindMentors', [PROGRAMME_A], ['menteeOfA']),
  ...rowsFor('canFindMentors', [PROGRAMME_B], []),
  ...rowsFor('canActAsMentor', [PROGRAMME_A], ['mentorOfA']),
  ...rowsFor('isInvitationParty', [invitationInA('pending')], ['menteeOfA', 'mentorOfA']),
  ...rowsFor('canSeeContactDetails', [invitationInA('pending')], []),
  ...rowsFor('canSeeContactDetails', [invitationInA('accepted')], ['menteeOfA', 'mentorOfA']),
  ...rowsFor('canSeeContactDetails', [invitationInA('declined')], []),
  ...rowsFor('isRelationshipParty', [invitationInA('active')], ['menteeOfA', 'mentorOfA']),
  ...rowsFor('canWorkInRelationship', [invitationInA('active')], ['menteeOfA', 'mentorOfA']),
  ...rowsFor('canWorkInRelationship', [invitationInA('ended')], []),
  ...rowsFor('isRelationshipMentee', [invitationInA('active')], ['menteeOfA']),
  ...rowsFor('isRelationshipMentee', [invitationInA('ended')], []),
  // Not even a platform admin reads another person's private note.
  ...rowsFor('isAuthor', [{ authorId: actors.mentorOfA.id }], ['mentorOfA']),
  ...rowsFor('canSeeSessionReflection', [{ ...invitationInA('active'), sharedWithMentor: false }], ['menteeOfA']),
  ...rowsFor('canSeeSessionReflection', [{ ...invitationInA('active'), sharedWithMentor: true }], ['menteeOfA', 'mentorOfA']),
  ...rowsFor('canOverseeRelationships', [PROGRAMME_A], ['programmeAdminOfA', 'platformAdmin']),
  ...rowsFor('canCurateResources', [null], ['platformAdmin']),
  ...rowsFor('canCurateResources', [PROGRAMME_A], ['programmeAdminOfA', 'platformAdmin']),
];

function apply(rule: Rule, actor: MaybeActor, args: unknown[]): boolean {
  // Each rule takes the actor first and then its own arguments; the table supplies both.
  const fn = policies[rule] as (actor: MaybeActor, ...rest: unknown[]) => boolean;
  return fn(actor, ...args);
}

describe('policies', () => {
  for (const row of table) {
    const label = `${row.rule}(${[row.actor, ...row.args.map((arg) => JSON.stringify(arg))].join(', ')}) is ${row.expected}`;
    test(label, () => {
      assert.equal(apply(row.rule, actors[row.actor], row.args), row.expected);
    });
  }

  test('every rule in policies has rows in the table', () => {
    const covered = new Set(table.map((row) => row.rule));
    const missing = Object.keys(policies).filter((rule) => !covered.has(rule as Rule));
    assert.deepEqual(missing, [], `rules without a test row: ${missing.join(', ')}`);
  });

  test('every actor appears for every rule', () => {
    for (const rule of Object.keys(policies) as Rule[]) {
      const seen = new Set(table.filter((row) => row.rule === rule).map((row) => row.actor));
      assert.deepEqual([...seen].sort(), [...everyone].sort(), `rule ${rule}`);
    }
  });

  test('a programme admin of one programme is not a member of another (no cross-programme leakage)', () => {
    assert.equal(policies.canManageProgramme(actors.programmeAdminOfA, PROGRAMME_B), false);
    assert.equal(policies.canViewProgramme(actors.programmeAdminOfA, { id: PROGRAMME_B, isOpen: false }), false);
  });
});
