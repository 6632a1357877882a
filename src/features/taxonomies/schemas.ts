// Forms of the taxonomy and settings pages, with their messages (NHS service manual: error messages).
import { z } from 'zod';
import { taxonomyNames, type TaxonomyName } from '../../db/types.ts';
import { taxonomyInfo } from './names.ts';

export const taxonomyParams = z.object({ taxonomy: z.enum(taxonomyNames) });
export const termParams = z.object({ taxonomy: z.enum(taxonomyNames), termId: z.uuid() });

const termLabel = (taxonomy: TaxonomyName) => {
  const missing = `Enter the name of the ${taxonomyInfo[taxonomy].term}`;
  return z.string({ error: missing }).trim().min(1, missing).max(120, 'Name must be 120 characters or fewer');
};

/** ICS terms sit under a region; every other taxonomy is flat (any parent sent is dropped). */
export function addTermSchema(taxonomy: TaxonomyName) {
  const label = termLabel(taxonomy);
  return taxonomy === 'ics'
    ? z.object({ label, parentId: z.uuid({ error: 'Select the region this integrated care system is in' }) })
    : z.object({ label });
}

export const addTermFields = ['label', 'parentId'];

export function renameTermSchema(taxonomy: TaxonomyName) {
  return z.object({ label: termLabel(taxonomy) });
}

export const renameTermFields = ['label'];

/** A full web address people can follow: http or https only (never javascript: and the like). */
const webAddress = z
  .string({ error: 'Enter a link to the code of ethics' })
  .trim()
  .min(1, 'Enter a link to the code of ethics')
  .max(500, 'Link must be 500 characters or fewer')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'Enter a full web address, like https://www.example.org/code-of-ethics');

export const platformSettingsSchema = z.object({
  ethicsCodeName: z.string({ error: 'Enter the name of the code of ethics' }).trim().min(1, 'Enter the name of the code of ethics').max(120, 'Name must be 120 characters or fewer'),
  ethicsCodeUrl: webAddress,
  ethicsCodeSummary: z
    .string({ error: 'Enter a summary of the code of ethics' })
    .trim()
    .min(1, 'Enter a summary of the code of ethics')
    .max(2000, 'Summary must be 2,000 characters or fewer'),
});

export const platformSettingsFields = ['ethicsCodeName', 'ethicsCodeUrl', 'ethicsCodeSummary'];
