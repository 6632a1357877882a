// The demo's four programmes, one of each kind of mentoring (and one not yet open), with the steps
// each asks of applicants, and the line-manager windows written to them.
import type { ProgrammeKey, ProgrammeSpec } from '../plan.ts';

export const PROGRAMMES: Record<ProgrammeKey, ProgrammeSpec> = {
  london: { name: 'London leadership mentoring register', types: ['traditional'], isOpen: true, lineManager: true, approval: true, admins: 2,
    description: 'One-to-one mentoring from experienced leaders for staff stepping into, or growing in, a leadership role.',
    eligibility: 'Anyone working in NHS or social care organisations in London, at any band, with their line manager\'s support.', },
  reverse: { name: 'Nursing and midwifery reverse mentoring', types: ['reverse'], isOpen: true, lineManager: false, approval: true, admins: 1,
    description: 'Nurses, midwives and support workers early in their careers mentor senior leaders about life on the front line.',
    eligibility: 'Mentors: registered nurses, midwives and healthcare support workers. Mentees: band 8c and above.', },
  peer: { name: 'Peer support mentoring', types: ['peer'], isOpen: true, lineManager: false, approval: false, admins: 2,
    description: 'Colleagues at a similar stage support each other through change, new roles and challenging times.',
    eligibility: 'Open to all staff. No line manager approval is needed.', },
  ahp: { name: 'Allied health professions mentoring', types: ['traditional', 'peer'], isOpen: false, lineManager: true, approval: false, admins: 1,
    description: 'Mentoring by and for allied health professionals, from preceptorship to consultant practice.',
    eligibility: 'Registered allied health professionals and AHP support workers. Opens to new applications soon.', },
};
export const PROGRAMME_KEYS = Object.keys(PROGRAMMES) as ProgrammeKey[];

/** The demo programmes' line-manager windows, written to the programmes too, so the two agree. */
export const LINE_MANAGER_REMINDER_DAYS = 7;
export const LINE_MANAGER_EXPIRY_DAYS = 14;
