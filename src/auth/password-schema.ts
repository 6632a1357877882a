// The rules for a new password, as zod, with NHS-style messages. Shared by register, reset, change
// and first-run setup.
import { z } from 'zod';
import { isCommonPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.ts';

export const newPasswordField = z
  .string({ error: 'Enter a password' })
  .min(1, 'Enter a password')
  .min(MIN_PASSWORD_LENGTH, `Password must be ${MIN_PASSWORD_LENGTH} characters or more`)
  .max(MAX_PASSWORD_LENGTH, `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`)
  .refine((value) => !isCommonPassword(value), 'This password is too common. Try three random words, like "kettle river orange"');

export const emailField = z
  .string({ error: 'Enter your email address' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .pipe(z.email('Enter an email address in the correct format, like name@example.nhs.uk'));

export const fullNameField = z
  .string({ error: 'Enter your full name' })
  .trim()
  .min(1, 'Enter your full name')
  .max(200, 'Full name must be 200 characters or fewer');
