// The relationship page: where the pair is (phase, contract, next session), what they are working
// on (goals, open actions), what to do next, and the phase's prompts, resources and the "support
// beyond mentoring" links. Only the two parties ever reach it (access.loadForParty).
import { sql } from 'kysely';
import type { Actor } from '../../../auth/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { relationshipPhases, type RelationshipPhase, type ContractStatus } from '../../../db/types.ts';
import { formatDate, formatDateTime } from '../../../platform/formatting.ts';
import { loadForParty, type RelationshipContext } from '../access.ts';
import { contractStatusText } from '../contract/index.ts';
import { goalStatusLabels } from '../goals/index.ts';
import { paths } from '../paths.ts';
import { frameOf, type Frame } from '../frame.ts';
import { phaseInfo, phases, type PhaseInfo } from '../phases.ts';

export interface NextStep {
  text: string;
  href: string;
}

export type OverviewPage = {
  frame: Frame;
  about: string;
  startedOn: string;
  endedOn: string | null;
  phase: PhaseInfo;
  phaseSteps: { label: string; state: 'done' | 'current' | 'to do' }[];
  contract: { status: ContractStatus | 'none'; text: string; version: number | null; needsMySignature: boolean };
  nextSession: { when: string; href: string } | null;
  lastHeldOn: string | null;
  goals: { title: string; status: string; href: string }[];
  openActions: { description: string; owner: string; due: string | null; overdue: boolean }[];
  nextSteps: NextStep[];
  resources: { title: string; summary: string; href: string }[];
  support: { title: string; url: string }[];
  links: { phase: string; contract: string; goals: string; sessions: string; actions: string; resources: string; concern: string; end: string };
};

function phaseStepsOf(current: RelationshipPhase): OverviewPage['phaseSteps'] {
  const at = relationshipPhases.indexOf(current);
  return phases.map((p, index) => ({ label: p.label, state: index < at ? 'done' : index === at ? 'current' : 'to do' }));
}

async function contractOf(db: Db, context: RelationshipContext, actorId: string): Promise<OverviewPage['contract']> {
  const current = await db.selectFrom('contract_versions').select(['id', 'status', 'version'])
    .where('relationship_id', '=', context.relationship.id).where('status', '<>', 'superseded').executeTakeFirst();
  if (!current) return { status: 'none', text: contractStatusText.none, version: null, needsMySignature: false };
  const signed = await db.selectFrom('contract_signatures').select('user_id').where('contract_version_id', '=', current.id).execute();
  return {
    status: current.status, text: contractStatusText[current.status], version: current.version,
    needsMySignature: current.status !== 'agreed' && !signed.some((s) => s.user_id === actorId),
  };
}

function stepsFor(page: Omit<OverviewPage, 'nextSteps'>, context: RelationshipContext): NextStep[] {
  if (!context.isActive) return [];
  const id = context.relationship.id;
  const steps: NextStep[] = [];
  if (page.contract.status === 'none') steps.push({ text: context.role === 'mentee' ? 'Start your contract: it is yours to lead, and you fill it in together' : 'Agree your contract together (the mentee leads it)', href: paths.contract(id) });
  else if (page.contract.needsMySignature) steps.push({ text: `Read and sign version ${page.contract.version ?? ''} of your contract`, href: paths.contract(id) });
  if (page.goals.length === 0 && context.role === 'mentee') steps.push({ text: 'Set your first goal', href: paths.goals(id) });
  if (!page.nextSession) steps.push({ text: 'Schedule your next session', href: paths.sessions(id) });
  if (page.openActions.some((a) => a.overdue)) steps.push({ text: 'Check your overdue actions', href: paths.actions(id) });
  return steps;
}

export async function getOverview(db: Db, actor: Actor, relationshipId: string, now: Date = new Date()): Promise<OverviewPage> {
  const context = await loadForParty(db, actor, relationshipId);
  const r = context.relationship;
  const [contract, nextSession, lastHeld, goals, actions, resources, support] = await Promise.all([
    contractOf(db, context, actor.id),
    db.selectFrom('mentoring_sessions').select(['id', 'starts_at', 'duration_minutes']).where('relationship_id', '=', r.id)
      .where('status', '=', 'scheduled').where('starts_at', '>=', sql<Date>`now() - interval '1 hour'`).orderBy('starts_at').limit(1).executeTakeFirst(),
    db.selectFrom('mentoring_sessions').select('starts_at').where('relationship_id', '=', r.id).where('status', '=', 'held').orderBy('starts_at', 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('goals').select(['id', 'title', 'status']).where('relationship_id', '=', r.id).orderBy('created_at').execute(),
    db.selectFrom('agreed_actions').leftJoin('users', 'users.id', 'agreed_actions.owner_id')
      .select(['agreed_actions.description', 'agreed_actions.due_on', 'agreed_actions.owner_id', 'users.full_name as ownerName'])
      .where('agreed_actions.relationship_id', '=', r.id).where('agreed_actions.done_at', 'is', null).orderBy('agreed_actions.due_on').orderBy('agreed_actions.created_at').limit(10).execute(),
    db.selectFrom('resources').select(['id', 'title', 'summary', 'url'])
      .where((eb) => eb.or([eb('programme_id', 'is', null), eb('programme_id', '=', r.programme_id)]))
      .where('retired_at', 'is', null).where(sql<boolean>`${r.phase} = any(phases)`).orderBy('title').limit(5).execute(),
    db.selectFrom('support_links').select(['title', 'url', 'programme_id'])
      .where((eb) => eb.or([eb('programme_id', 'is', null), eb('programme_id', '=', r.programme_id)])).orderBy('sort_order').orderBy('title').execute(),
  ]);
  // A programme's own support links replace the platform's defaults when it has set any.
  const ownSupport = support.filter((s) => s.programme_id !== null);
  const today = now.toISOString().slice(0, 10);
  const page: Omit<OverviewPage, 'nextSteps'> = {
    frame: frameOf(context),
    about: context.wording.about,
    startedOn: formatDate(r.started_at),
    endedOn: r.ended_at ? formatDate(r.ended_at) : null,
    phase: phaseInfo[r.phase],
    phaseSteps: phaseStepsOf(r.phase),
    contract,
    nextSession: nextSession ? { when: `${formatDateTime(nextSession.starts_at)} (${nextSession.duration_minutes} minutes)`, href: paths.session(r.id, nextSession.id) } : null,
    lastHeldOn: lastHeld ? formatDate(lastHeld.starts_at) : null,
    goals: goals.map((g) => ({ title: g.title, status: goalStatusLabels[g.status], href: paths.goal(r.id, g.id) })),
    openActions: actions.map((a) => ({
      description: a.description, owner: a.owner_id === actor.id ? 'You' : (a.ownerName ?? 'Both of you'),
      due: a.due_on ? formatDate(a.due_on) : null, overdue: a.due_on !== null && a.due_on < today,
    })),
    resources: resources.map((x) => ({ title: x.title, summary: x.summary, href: `${paths.resources(r.id)}#resource-${x.id}` })),
    support: (ownSupport.length > 0 ? ownSupport : support).map((s) => ({ title: s.title, url: s.url })),
    links: {
      phase: paths.phase(r.id), contract: paths.contract(r.id), goals: paths.goals(r.id), sessions: paths.sessions(r.id),
      actions: paths.actions(r.id), resources: paths.resources(r.id), concern: paths.concern(r.id), end: paths.end(r.id),
    },
  };
  return { ...page, nextSteps: stepsFor(page, context) };
}
