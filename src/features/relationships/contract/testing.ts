// Helpers for the contract tests: a valid contract form, saving and signing through the pages as a
// browser would (reading the version and revision from the page's hidden fields), and the stored rows.
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../../test/support/app.ts';
import { modeId, postAs, type Party } from '../testing.ts';
export { dateBoxes } from '../../../../test/support/dates.ts';
import { dateBoxes } from '../../../../test/support/dates.ts';

/** Distinctive contract text, so tests can prove it never reaches an email, the audit trail or an outsider. */
export const SECRET_CONTRACT = 'CONTRACT-MARKER-3b8e: I want to build confidence before my band 7 interview';

export const contractPath = (id: string) => `/relationships/${id}/contract`;
export const editPath = (id: string) => `/relationships/${id}/contract/edit`;
export const signPath = (id: string) => `/relationships/${id}/contract/sign`;


export async function contractForm(t: TestApp, overrides: Record<string, string | string[]> = {}): Promise<Record<string, string | string[]>> {
  return {
    menteeExpects: SECRET_CONTRACT, mentorExpects: 'Honest challenge and turning up on time', frequency: 'Every four weeks', sessionMinutes: '60',
    modes: [await modeId(t, 'video'), await modeId(t, 'face_to_face')], place: 'Education centre, room 2', firstFaceToFace: 'yes',
    boundaries: 'No contact at weekends', confidentialityExtra: '', success: ['takeaway', 'score'], successOwnWords: '',
    ...dateBoxes('reviewOn', 30), ...dateBoxes('endsOn', 120), ...overrides,
  };
}

/** The hidden version and revision fields of the last form on a page. */
export function tokensOf(body: string): { versionId: string; revision: string } {
  const versionId = /name="versionId" value="([^"]*)"/.exec(body)?.[1];
  const revision = /name="revision" value="([^"]*)"/.exec(body)?.[1];
  assert.ok(versionId !== undefined && revision !== undefined, 'the page carries the version and revision');
  return { versionId, revision };
}

/** Opens the edit form (for its tokens), then posts the form. */
export async function saveAs(t: TestApp, party: Party, relationshipId: string, overrides: Record<string, string | string[]> = {}): Promise<LightMyRequestResponse> {
  const page = await party.client.get(editPath(relationshipId));
  assert.equal(page.statusCode, 200, 'the edit form opens');
  return party.client.post(editPath(relationshipId), { ...(await contractForm(t, overrides)), ...tokensOf(page.body) }, { csrf: await party.client.csrfToken() });
}

export async function saveOrFail(t: TestApp, party: Party, relationshipId: string, overrides: Record<string, string | string[]> = {}): Promise<void> {
  const response = await saveAs(t, party, relationshipId, overrides);
  assert.equal(response.statusCode, 302, `saved: ${response.body.slice(0, 300)}`);
}

/** Reads the contract page, then signs the version and revision it shows. */
export async function signAs(party: Party, relationshipId: string): Promise<LightMyRequestResponse> {
  const page = await party.client.get(contractPath(relationshipId));
  return postAs(party, signPath(relationshipId), tokensOf(page.body));
}

export async function versionsOf(t: TestApp, relationshipId: string) {
  return t.db.selectFrom('contract_versions').selectAll().where('relationship_id', '=', relationshipId).orderBy('version').execute();
}

export async function signersOf(t: TestApp, versionId: string): Promise<string[]> {
  const rows = await t.db.selectFrom('contract_signatures').select('user_id').where('contract_version_id', '=', versionId).orderBy('user_id').execute();
  return rows.map((row) => row.user_id);
}
