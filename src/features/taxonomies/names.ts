// What each taxonomy is called on the admin pages (PRODUCT.md, "Taxonomies"), in the order the
// list shows them. `term` is the singular for form labels: "Name of the new profession".
import type { TaxonomyName } from '../../db/types.ts';

export interface TaxonomyInfo {
  title: string;
  term: string;
  description: string;
}

export const taxonomyInfo: Record<TaxonomyName, TaxonomyInfo> = {
  profession: { title: 'Professions', term: 'profession', description: 'The profession a mentor or mentee works in.' },
  band: { title: 'Bands and grades', term: 'band or grade', description: 'Agenda for Change bands, medical grades and other levels of seniority.' },
  region: { title: 'Regions', term: 'region', description: 'NHS England regions and the other UK nations.' },
  ics: { title: 'Integrated care systems', term: 'integrated care system', description: 'Optional: the integrated care system (ICS) within a region.' },
  care_setting: { title: 'Care settings', term: 'care setting', description: 'Where someone works: acute hospital, primary care, community and so on.' },
  leadership_dimension: { title: 'Leadership dimensions', term: 'leadership dimension', description: 'The nine dimensions of the NHS Healthcare Leadership Model.' },
  help_area: { title: 'Areas a mentor can help with', term: 'area', description: 'What mentors offer to help with and mentees ask for help with.' },
  meeting_mode: { title: 'Meeting modes', term: 'meeting mode', description: 'How mentors and mentees can meet.' },
  language: { title: 'Languages', term: 'language', description: 'Languages a mentor can mentor in.' },
};
