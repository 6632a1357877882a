// The mentor's own profile page and its section forms. Thin: parse with the section's schema, one
// service call, then Post/Redirect/Get back to where the person came from.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import { ValidationError } from '../../errors.ts';
import { setFlash } from '../../platform/flash.ts';
import { keptValues, parseForm } from '../../platform/forms.ts';
import { actorOf } from '../../platform/request.ts';
import type { MentorDeps } from './deps.ts';
import { mentorDeps, returnPath, withLists } from './handler-support.ts';
import { mentoringTypeLabels } from './statuses.ts';
import {
  capacityFields, capacitySchema, contactFields, contactSchema, ethicsFields, ethicsSchema, offerFields, offerSchema, roleFields, roleSchema,
} from './profile-schemas.ts';
import {
  acceptEthicsCode, getOwnProfile, getSectionForm, saveCapacity, saveContact, saveOffer, saveRole, type ProfileSection,
} from './profile-service.ts';

interface Section<S extends z.ZodType> {
  name: ProfileSection;
  schema: S;
  fields: string[];
  /** Checkbox fields, kept as lists when the form is shown again. */
  lists: string[];
  saved: string;
  save(deps: MentorDeps, actor: Actor, input: z.infer<S>): Promise<void>;
}

const offerLists = ['helpAreas', 'leadershipDimensions', 'languages', 'mentoringTypes', 'meetingModes'];

export function createProfileHandlers(app: FastifyInstance) {
  const deps = mentorDeps(app);

  function sectionHandlers<S extends z.ZodType>(section: Section<S>) {
    const view = `mentors/views/edit-${section.name}.njk`;

    async function render(reply: FastifyReply, actor: Actor, returnTo: string, form?: { errors: Record<string, string>; values: Record<string, unknown> }) {
      const [start, own] = await Promise.all([getSectionForm(deps.db, actor, section.name), section.name === 'ethics' ? getOwnProfile(deps.db, actor) : null]);
      const values = form ? withLists(form.values, section.lists) : start.values;
      return reply.status(form ? 400 : 200).render(view, {
        values, terms: start.terms, errors: form?.errors, fieldOrder: section.fields, returnTo, backHref: returnTo, own, mentoringTypes: mentoringTypeLabels,
      });
    }

    return {
      async show(request: FastifyRequest, reply: FastifyReply) {
        return render(reply, actorOf(request), returnPath((request.query as { returnTo?: unknown }).returnTo));
      },
      async save(request: FastifyRequest, reply: FastifyReply) {
        const actor = actorOf(request);
        const returnTo = returnPath((request.body as { returnTo?: unknown } | undefined)?.returnTo);
        const form = parseForm(section.schema, request.body);
        if (!form.ok) return render(reply, actor, returnTo, form);
        try {
          await section.save(deps, actor, form.data);
        } catch (error) {
          if (error instanceof ValidationError) return render(reply, actor, returnTo, { errors: error.fieldErrors, values: keptValues(request.body) });
          throw error;
        }
        setFlash(reply, { kind: 'success', title: section.saved });
        return reply.redirect(returnTo);
      },
    };
  }

  return {
    async showProfile(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      return reply.render('mentors/views/profile.njk', { ...(await getOwnProfile(deps.db, actor)) });
    },
    role: sectionHandlers({ name: 'role', schema: roleSchema, fields: roleFields, lists: [], saved: 'Your role has been saved', save: saveRole }),
    offer: sectionHandlers({ name: 'offer', schema: offerSchema, fields: offerFields, lists: offerLists, saved: 'What you offer has been saved', save: saveOffer }),
    capacity: sectionHandlers({ name: 'capacity', schema: capacitySchema, fields: capacityFields, lists: [], saved: 'Your capacity has been saved', save: saveCapacity }),
    contact: sectionHandlers({ name: 'contact', schema: contactSchema, fields: contactFields, lists: [], saved: 'Your contact details have been saved', save: saveContact }),
    ethics: sectionHandlers({
      name: 'ethics', schema: ethicsSchema, fields: ethicsFields, lists: ['agree'], saved: 'You have agreed to work to the code of ethics',
      save: (d, actor) => acceptEthicsCode(d, actor),
    }),
  };
}
