// What the contract and phase emails say. Like every email here they never carry the contract's
// words, a phase note or anything else the pair wrote (PRODUCT.md, "who sees what"): they say what
// happened and link to the page, where a signed-in party reads the rest.
import type { EmailContent } from '../../../email/content.ts';
import { queueEmail } from '../../../email/outbox.ts';
import { mailDeps, type RelationshipDeps, type Trx } from '../deps.ts';
import type { Person } from '../access.ts';

interface Base {
  url: string;
  programmeName: string;
  /** The other party's name: who did it, or who the relationship is with. */
  name: string;
}

const readContract = (url: string) => ({ text: 'Sign in to read the contract', url });

export const contractEmails = {
  contractReadyToSign: (p: Base & { version: number }): EmailContent => ({
    subject: 'Your mentoring contract is ready to sign',
    paragraphs: [
      `${p.name} has saved version ${p.version} of your mentoring contract on ${p.programmeName}.`,
      'Sign in to read it, change it if you need to, and sign it. It is agreed once you have both signed the same version.',
    ],
    action: readContract(p.url),
  }),
  contractSigned: (p: Base & { version: number }): EmailContent => ({
    subject: 'Your mentoring contract has been signed',
    paragraphs: [`${p.name} has signed version ${p.version} of your mentoring contract.`, 'Sign in to read it and add your signature.'],
    action: readContract(p.url),
  }),
  contractAgreed: (p: Base & { version: number }): EmailContent => ({
    subject: 'Your mentoring contract is agreed',
    paragraphs: [`You and ${p.name} have both signed version ${p.version} of your mentoring contract. It is now agreed.`],
    action: readContract(p.url),
  }),
  contractReviewDue: (p: Base & { reviewOn: string }): EmailContent => ({
    subject: 'Your mentoring contract is due for review',
    paragraphs: [
      `The contract you agreed with ${p.name} on ${p.programmeName} is due for review on ${p.reviewOn}.`,
      'Talk together about whether it still works for you both. If anything needs to change, either of you can edit it and you both sign the new version.',
    ],
    action: readContract(p.url),
  }),
  phaseChanged: (p: Base & { phase: string }): EmailContent => ({
    subject: 'The phase of your mentoring relationship has changed',
    paragraphs: [`${p.name} has moved your mentoring relationship on ${p.programmeName} to the phase "${p.phase}".`, 'Sign in to see the prompts and resources for this phase.'],
    action: { text: 'Sign in to see your mentoring relationship', url: p.url },
  }),
} as const;

export type ContractEmail = keyof typeof contractEmails;

/** Queues one of these emails to a party, in the caller's transaction. Template names are the keys. */
export async function emailParty(
  trx: Trx, deps: Pick<RelationshipDeps, 'jobs' | 'views' | 'config'>, person: Person, template: ContractEmail, content: EmailContent,
): Promise<void> {
  if (!person.email) return;
  await queueEmail(trx, mailDeps(deps), { to: person.email, userId: person.id, template, content });
}
