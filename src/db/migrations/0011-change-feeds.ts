// Change notifications for the caches that spare a request its database round trips (ADR 0004):
// `session_changed` with a user id when their sessions end, or their name, email, platform role or
// programme roles change; `mentee_context_changed` with a mentee's user id when anything a search
// is made from changes for them (profile and its terms, shortlist, invitations, relationships), or
// '*' when a programme's kinds of mentoring change. One trigger function serves every table: its
// arguments are the channel and the column holding the id (or '*'). A changed id notifies both.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function notify_change() returns trigger language plpgsql as $$
    declare
      before_key text := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) ->> tg_argv[1] end;
      after_key text := case when tg_op in ('UPDATE', 'INSERT') then to_jsonb(new) ->> tg_argv[1] end;
    begin
      if tg_argv[1] = '*' then
        perform pg_notify(tg_argv[0], '*');
        return null;
      end if;
      if after_key is not null then perform pg_notify(tg_argv[0], after_key); end if;
      if before_key is not null and before_key is distinct from after_key then perform pg_notify(tg_argv[0], before_key); end if;
      return null;
    end $$;

    -- A session's last_seen_at moves every minute it is used; only its end matters here.
    create trigger auth_sessions_changed after delete or update of user_id on auth_sessions
      for each row execute function notify_change('session_changed', 'user_id');
    create trigger users_session_changed after update of full_name, email, is_platform_admin or delete on users
      for each row execute function notify_change('session_changed', 'id');
    create trigger memberships_session_changed after insert or update or delete on programme_memberships
      for each row execute function notify_change('session_changed', 'user_id');

    create trigger mentee_profiles_context_changed after insert or update or delete on mentee_profiles
      for each row execute function notify_change('mentee_context_changed', 'user_id');
    create trigger profile_terms_context_changed after insert or update or delete on profile_terms
      for each row execute function notify_change('mentee_context_changed', 'user_id');
    create trigger shortlist_context_changed after insert or update or delete on shortlist_entries
      for each row execute function notify_change('mentee_context_changed', 'mentee_id');
    create trigger invitations_context_changed after insert or update of status, mentee_id, mentor_id or delete on invitations
      for each row execute function notify_change('mentee_context_changed', 'mentee_id');
    create trigger relationships_context_changed after insert or update of status, mentee_id, mentor_id or delete on relationships
      for each row execute function notify_change('mentee_context_changed', 'mentee_id');
    create trigger programmes_context_changed after update of mentoring_types on programmes
      for each statement execute function notify_change('mentee_context_changed', '*');
  `.execute(db);
}
