// The mentee profile pages: the overview and one form per section. Thin: parse, save, redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import { ValidationError, type FieldErrors } from '../../errors.ts';
import { setFlash } from '../../platform/flash.ts';
import { keptValues, parseForm } from '../../platform/forms.ts';
import { getMenteeProfileForm, getMenteeProfileView, preferenceLabels, saveMenteeMentoring, saveMenteePreferences, saveMenteeRole } from './profile-service.ts';
import {
  GOALS_MAX, mentoringFields, mentoringSchema, PREFERENCES_MAX, preferencesFields, preferencesSchema, returnToField, roleFields, roleSchema,
} from './schemas.ts';
import { menteeDeps } from './handler-support.ts';
import { actorOf } from '../../platform/request.ts';
import type { MenteeDeps } from './transitions.ts';

function returnToOf(request: FastifyRequest): string {
  const source = (request.method === 'GET' ? request.query : request.body) as Record<string, unknown> | undefined;
  return returnToField.parse(typeof source?.returnTo === 'string' ? source.returnTo : undefined);
}

export function createProfileHandlers(app: FastifyInstance) {
  const deps = menteeDeps(app);

  function section<S extends z.ZodType>(view: string, schema: S, fieldOrder: string[], save: (deps: MenteeDeps, actor: Actor, data: z.infer<S>) => Promise<void>) {
    async function render(request: FastifyRequest, reply: FastifyReply, status: number, form: { errors?: FieldErrors; values?: Record<string, unknown> } = {}) {
      const current = await getMenteeProfileForm(deps.db, actorOf(request).id);
      const returnTo = returnToOf(request);
      return reply.status(status).render(`mentees/views/${view}`, {
        terms: current.terms, values: form.values ?? current.values, errors: form.errors, fieldOrder, returnTo, backHref: returnTo,
        preferenceLabels, goalsMax: GOALS_MAX, preferencesMax: PREFERENCES_MAX,
      });
    }
    return {
      show: (request: FastifyRequest, reply: FastifyReply) => render(request, reply, 200),
      async save(request: FastifyRequest, reply: FastifyReply) {
        const form = parseForm(schema, request.body);
        if (!form.ok) return render(request, reply, 400, form);
        try {
          await save(deps, actorOf(request), form.data);
        } catch (error) {
          if (error instanceof ValidationError) return render(request, reply, 400, { errors: error.fieldErrors, values: keptValues(request.body) });
          throw error;
        }
        setFlash(reply, { kind: 'success', title: 'Your mentee profile has been saved' });
        return reply.redirect(returnToOf(request));
      },
    };
  }

  return {
    async showProfile(request: FastifyRequest, reply: FastifyReply) {
      const profile = await getMenteeProfileView(deps.db, actorOf(request).id);
      return reply.render('mentees/views/profile.njk', { profile, backHref: '/' });
    },
    role: section('profile-role.njk', roleSchema, roleFields, saveMenteeRole),
    mentoring: section('profile-mentoring.njk', mentoringSchema, mentoringFields, saveMenteeMentoring),
    preferences: section('profile-preferences.njk', preferencesSchema, preferencesFields, saveMenteePreferences),
  };
}
