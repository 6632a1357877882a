// The programme editor: every setting of a programme on one form, for platform admins.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Programme } from '../../db/types.ts';
import { parseForm } from '../../platform/forms.ts';
import { setFlash } from '../../platform/flash.ts';
import { actorOf, pathParams } from '../../platform/request.ts';
import { getProgramme, updateProgrammeSettings } from './service.ts';
import { programmeSettingsFields, programmeSettingsSchema } from './schemas.ts';

const VIEW = 'programmes/views/settings.njk';
const programmeParams = z.object({ programmeId: z.uuid() });

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The stored programme as the form's values: strings, the way the form sends them back. */
export function settingsFormValues(programme: Programme): Record<string, string | string[]> {
  return {
    name: programme.name,
    description: programme.description,
    eligibility: programme.eligibility,
    mentoringTypes: programme.mentoring_types,
    requiresLineManager: yesNo(programme.requires_line_manager),
    requiresAdminApproval: yesNo(programme.requires_admin_approval),
    maxOpenInvitations: String(programme.max_open_invitations),
    invitationReminderDays: String(programme.invitation_reminder_days),
    invitationExpiryDays: String(programme.invitation_expiry_days),
    lineManagerReminderDays: String(programme.line_manager_reminder_days),
    lineManagerExpiryDays: String(programme.line_manager_expiry_days),
    isOpen: yesNo(programme.is_open),
    confidentialityText: programme.confidentiality_text,
  };
}

export function createProgrammeSettingsHandlers(app: FastifyInstance) {
  const { db } = app.deps;

  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      const programme = await getProgramme(db, pathParams(programmeParams, request).programmeId);
      return reply.render(VIEW, { programme, values: settingsFormValues(programme) });
    },

    async save(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId } = pathParams(programmeParams, request);
      const form = parseForm(programmeSettingsSchema, request.body);
      if (!form.ok) {
        const programme = await getProgramme(db, programmeId);
        return reply.status(400).render(VIEW, { programme, errors: form.errors, values: form.values, fieldOrder: programmeSettingsFields });
      }
      await updateProgrammeSettings(db, actorOf(request), programmeId, form.data);
      setFlash(reply, { kind: 'success', title: 'Programme settings saved' });
      return reply.redirect(`/admin/programmes/${programmeId}`);
    },
  };
}
