import { z } from 'zod';
import { emailField, fullNameField, newPasswordField } from '../../auth/password-schema.ts';

export const setupFields = ['setupCode', 'fullName', 'email', 'password'];

export const setupSchema = z.object({
  setupCode: z.string({ error: 'Enter the setup code' }).trim().min(1, 'Enter the setup code'),
  fullName: fullNameField,
  email: emailField,
  password: newPasswordField,
});
