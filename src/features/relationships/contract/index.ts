// What the rest of the relationship uses of the contract: the phase email and the way it is sent
// (the phase page tells the other party, as the contract does), the contract's status words for the
// relationship page, and the review reminder for the relationship sweep.
export { contractEmails, emailParty } from './emails.ts';
export { contractStatusText } from './status.ts';
export { sweepContractReviews } from './sweep.ts';
