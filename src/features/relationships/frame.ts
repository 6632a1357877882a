// What every relationship page shows around its own content: whose relationship it is, its type
// and state, and the relationship's own navigation (views/frame.njk). Pages pass `frame` and a
// `section` naming the navigation item they belong to.
import type { RelationshipContext } from './access.ts';
import { paths } from './paths.ts';
import { phaseInfo } from './phases.ts';

export type Section = 'overview' | 'contract' | 'goals' | 'sessions' | 'actions' | 'reflections' | 'resources';

export interface Frame {
  id: string;
  role: 'mentee' | 'mentor';
  otherName: string;
  otherRoleName: string;
  programmeName: string;
  typeLabel: string;
  phaseLabel: string;
  isActive: boolean;
  title: string;
  nav: { section: Section; text: string; href: string }[];
}

export function frameOf(context: RelationshipContext): Frame {
  const id = context.relationship.id;
  return {
    id,
    role: context.role,
    otherName: context.other.fullName,
    otherRoleName: context.wording.roleName[context.other.role],
    programmeName: context.programme.name,
    typeLabel: context.wording.label,
    phaseLabel: phaseInfo[context.relationship.phase].label,
    isActive: context.isActive,
    title: `Mentoring with ${context.other.fullName}`,
    nav: [
      { section: 'overview', text: 'Overview', href: paths.relationship(id) },
      { section: 'contract', text: 'Contract', href: paths.contract(id) },
      { section: 'goals', text: 'Goals', href: paths.goals(id) },
      { section: 'sessions', text: 'Sessions', href: paths.sessions(id) },
      { section: 'actions', text: 'Actions', href: paths.actions(id) },
      { section: 'reflections', text: 'Reflections', href: paths.reflections(id) },
      { section: 'resources', text: 'Resources and support', href: paths.resources(id) },
    ],
  };
}
