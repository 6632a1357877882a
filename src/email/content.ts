// What each email says. Emails never carry confidential content: they say that something happened
// and link to the page (PRODUCT.md, "who sees what"). Each message is plain paragraphs plus at most
// one action link, rendered to both plain text and accessible HTML from the same words.

export interface EmailContent {
  subject: string;
  paragraphs: string[];
  action?: { text: string; url: string };
  after?: string[];
}

export const emailContent = {
  verifyEmail: (p: { url: string; serviceName: string }): EmailContent => ({
    subject: `Confirm your email address for ${p.serviceName}`,
    paragraphs: [`You created an account on ${p.serviceName}. Confirm your email address to start using it.`],
    action: { text: 'Confirm your email address', url: p.url },
    after: ['This link works once and expires in 3 days.', 'If you did not create an account, you can ignore this email.'],
  }),
  accountExists: (p: { signInUrl: string; resetUrl: string; serviceName: string }): EmailContent => ({
    subject: `You already have an account on ${p.serviceName}`,
    paragraphs: [
      `Someone tried to create an account on ${p.serviceName} with this email address. You already have an account.`,
      `Sign in at ${p.signInUrl}`,
    ],
    action: { text: 'Reset your password if you have forgotten it', url: p.resetUrl },
    after: ['If this was not you, you can ignore this email. Your account has not been changed.'],
  }),
  resetPassword: (p: { url: string; serviceName: string }): EmailContent => ({
    subject: `Reset your ${p.serviceName} password`,
    paragraphs: ['We received a request to reset the password for your account.'],
    action: { text: 'Choose a new password', url: p.url },
    after: ['This link works once and expires in 1 hour.', 'If you did not ask for this, you can ignore this email. Your password has not been changed.'],
  }),
  resetNoAccount: (p: { registerUrl: string; serviceName: string }): EmailContent => ({
    subject: `Reset your ${p.serviceName} password`,
    paragraphs: [`We received a request to reset a password for this email address, but there is no ${p.serviceName} account that uses it.`],
    action: { text: 'Create an account', url: p.registerUrl },
    after: ['If you did not ask for this, you can ignore this email.'],
  }),
  passwordChanged: (p: { signInUrl: string; serviceName: string }): EmailContent => ({
    subject: `Your ${p.serviceName} password has been changed`,
    paragraphs: [
      'The password for your account has just been changed, and you have been signed out on other devices.',
      'If you did not do this, reset your password now and tell the person who runs your programme.',
    ],
    action: { text: 'Sign in', url: p.signInUrl },
  }),
  programmeAdminAppointed: (p: { programmeUrl: string; serviceName: string }): EmailContent => ({
    subject: `You are now a programme admin on ${p.serviceName}`,
    paragraphs: ['You have been made a programme admin. You can now approve applications and follow the health of the programme.'],
    action: { text: 'Go to the programme', url: p.programmeUrl },
  }),
} as const;

export type EmailTemplate = keyof typeof emailContent;
