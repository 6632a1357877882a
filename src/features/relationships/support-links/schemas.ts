// The programme's "support beyond mentoring" links (PRODUCT.md, journey 5): where a mentee or mentor
// turns when something is past what mentoring can offer. Configuration, not anyone's content.
import { z } from 'zod';
import { supportLinkKinds, type SupportLinkKind } from '../../../db/types.ts';
import { httpsUrl, requiredText, text, wholeNumber } from '../fields.ts';

export const LINK_TITLE_MAX = 120;

export const supportKindLabels: Record<SupportLinkKind, string> = {
  wellbeing: 'Staff wellbeing support',
  occupational_health: 'Occupational health',
  freedom_to_speak_up: 'Freedom to Speak Up guardian',
  employee_assistance: 'Employee assistance programme',
  other: 'Other',
};

export const supportLinkFields = ['kind', 'title', 'url', 'sortOrder'];
export const supportLinkSchema = z.object({
  kind: text().pipe(z.enum(supportLinkKinds, { error: 'Choose what kind of support this is' })),
  title: requiredText('the name of the service', LINK_TITLE_MAX),
  url: httpsUrl('The web address', true),
  sortOrder: wholeNumber('the position in the list', 1, 99),
});
export type SupportLinkInput = z.infer<typeof supportLinkSchema>;
