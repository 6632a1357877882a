// "Seeking a mentor" posts (#ProjectMentorMe, issue 4 part 5): an approved mentee may have one open
// post per programme, saying what they are looking for and how they would like to meet; the
// programme's approved mentors browse them and offer chemistry meetings (the offer itself is the
// invitations feature's). Mentors see the post, the mentee's first name, job title, profession and
// region — never the rest of their application.
import { sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/connection.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import type { TermCodes } from '../../matching/term-codes.ts';
import { allowedTermIds, labelsFor } from '../taxonomies/service.ts';
import { paths } from './cards.ts';
import type { PostFilters, PostInput } from './seeking-schemas.ts';
import { firstName } from './words.ts';

export const POSTS_PER_PAGE = 20;

export interface OwnPost {
  id: string;
  summary: string;
  meetingModes: string[];
  createdAt: Date;
  closeAction: string;
}

export interface PostCard {
  id: string;
  summary: string;
  meetingModes: string[];
  createdAt: Date;
  firstName: string;
  jobTitle: string;
  profession: string | null;
  region: string | null;
  offerHref: string;
}

const ALREADY_OPEN = 'You already have a post open in this programme. Take it down before you write a new one.';

function mustFindMentors(actor: Actor, programmeId: string): void {
  if (!policies.canFindMentors(actor, programmeId)) throw new ForbiddenError();
}

export async function getOwnOpenPost(db: Db, actor: Actor, programmeId: string): Promise<OwnPost | null> {
  mustFindMentors(actor, programmeId);
  const post = await db
    .selectFrom('seeking_posts')
    .select(['id', 'summary', 'meeting_mode_ids', 'created_at'])
    .where('programme_id', '=', programmeId)
    .where('mentee_id', '=', actor.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (!post) return null;
  const labels = await labelsFor(db, post.meeting_mode_ids);
  return {
    id: post.id,
    summary: post.summary,
    meetingModes: post.meeting_mode_ids.map((id) => labels.get(id) ?? '').filter(Boolean),
    createdAt: post.created_at,
    closeAction: paths.closePost(programmeId, post.id),
  };
}

function isOneOpenViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505' && (error as { constraint?: string }).constraint === 'seeking_posts_one_open';
}

export async function createPost(db: Db, actor: Actor, programmeId: string, input: PostInput): Promise<string> {
  mustFindMentors(actor, programmeId);
  const allowed = await allowedTermIds(db, 'meeting_mode', input.meetingModeIds);
  if (input.meetingModeIds.some((id) => !allowed.has(id))) throw new ValidationError({ meetingModeIds: 'Select how you would like to meet from the list' });
  try {
    return await db.transaction().execute(async (trx) => {
      const post = await trx
        .insertInto('seeking_posts')
        .values({ programme_id: programmeId, mentee_id: actor.id, summary: input.summary, meeting_mode_ids: [...new Set(input.meetingModeIds)] })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actorId: actor.id, action: 'seeking_post.opened', subjectType: 'seeking_post', subjectId: post.id, programmeId });
      return post.id;
    });
  } catch (error) {
    // The database holds the one-open-post rule, so two submissions at once give one post.
    if (isOneOpenViolation(error)) throw new ConflictError(ALREADY_OPEN, 'seeking_post_open');
    throw error;
  }
}

/** Taking a post down twice (a double click) is not an error: it is down. */
export async function closePost(db: Db, actor: Actor, programmeId: string, postId: string): Promise<void> {
  mustFindMentors(actor, programmeId);
  await db.transaction().execute(async (trx) => {
    const post = await trx
      .selectFrom('seeking_posts')
      .select(['id', 'status'])
      .where('id', '=', postId)
      .where('programme_id', '=', programmeId)
      .where('mentee_id', '=', actor.id)
      .forUpdate()
      .executeTakeFirst();
    if (!post) throw new NotFoundError();
    if (post.status !== 'open') return;
    await trx.updateTable('seeking_posts').set({ status: 'closed', closed_at: sql`now()` }).where('id', '=', postId).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'seeking_post.closed', subjectType: 'seeking_post', subjectId: postId, programmeId });
  });
}

export async function listOpenPosts(db: Db, codes: TermCodes, actor: Actor, programmeId: string, filters: PostFilters): Promise<{ posts: PostCard[]; total: number }> {
  if (!policies.canActAsMentor(actor, programmeId)) throw new ForbiddenError();
  const termId = (taxonomy: 'meeting_mode' | 'profession' | 'region' | 'care_setting', key: string) => (key ? (codes.termByKey(taxonomy, key)?.id ?? null) : undefined);
  const mode = termId('meeting_mode', filters.mode);
  const profession = termId('profession', filters.profession);
  const region = termId('region', filters.region);
  const setting = termId('care_setting', filters.setting);
  // An unknown key (an old link) matches nothing, as a filter on a term nobody has would.
  if ([mode, profession, region, setting].includes(null)) return { posts: [], total: 0 };

  let query = db
    .selectFrom('seeking_posts as s')
    .innerJoin('users as u', 'u.id', 's.mentee_id')
    .leftJoin('mentee_profiles as p', 'p.user_id', 's.mentee_id')
    .where('s.programme_id', '=', programmeId)
    .where('s.status', '=', 'open')
    // A mentor who is also a mentee does not see their own post.
    .where('s.mentee_id', '<>', actor.id)
    // Only people still on the programme as mentees.
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('programme_memberships as m').select('m.id').whereRef('m.user_id', '=', 's.mentee_id').where('m.programme_id', '=', programmeId).where('m.role', '=', 'mentee')),
    );
  if (mode) query = query.where(sql<boolean>`${mode}::uuid = any(s.meeting_mode_ids)`);
  if (profession) query = query.where('p.profession_id', '=', profession);
  if (region) query = query.where('p.region_id', '=', region);
  if (setting) query = query.where('p.care_setting_id', '=', setting);
  if (filters.q) query = query.where(sql<boolean>`to_tsvector('english', s.summary) @@ plainto_tsquery('english', ${filters.q})`);

  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    query
      .select(['s.id', 's.summary', 's.meeting_mode_ids', 's.created_at', 'u.full_name', 'p.job_title', 'p.profession_id', 'p.region_id'])
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id')
      .limit(POSTS_PER_PAGE)
      .offset((filters.page - 1) * POSTS_PER_PAGE)
      .execute(),
  ]);
  const label = (taxonomy: 'meeting_mode' | 'profession' | 'region', id: string | null) => (id ? codes.label(taxonomy, codes.code(id)) || null : null);
  return {
    total: Number(count.n),
    posts: rows.map((row) => ({
      id: row.id,
      summary: row.summary,
      meetingModes: row.meeting_mode_ids.map((id) => label('meeting_mode', id) ?? '').filter(Boolean),
      createdAt: row.created_at,
      firstName: firstName(row.full_name),
      jobTitle: row.job_title ?? '',
      profession: label('profession', row.profession_id),
      region: label('region', row.region_id),
      offerHref: paths.offer(programmeId, row.id),
    })),
  };
}
