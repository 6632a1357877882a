// Account forms and their messages (NHS service manual style).
import { z } from 'zod';
import { emailField, fullNameField, newPasswordField } from '../../auth/password-schema.ts';

const returnTo = z.string().optional().default('/');

export const registerFields = ['fullName', 'email', 'password'];
export const registerSchema = z.object({ fullName: fullNameField, email: emailField, password: newPasswordField });

export const signInFields = ['email', 'password'];
export const signInSchema = z.object({
  email: z.string({ error: 'Enter your email address' }).trim().toLowerCase().min(1, 'Enter your email address'),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password'),
  returnTo,
});

export const forgotPasswordFields = ['email'];
export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordFields = ['password'];
export const resetPasswordSchema = z.object({
  token: z.string({ error: 'The link is not complete' }).min(1, 'The link is not complete'),
  password: newPasswordField,
});

export const changePasswordFields = ['currentPassword', 'newPassword'];
export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password'),
  newPassword: newPasswordField,
});

export const tokenQuery = z.object({ token: z.string().min(1).max(200) });
