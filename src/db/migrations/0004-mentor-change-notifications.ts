// Change notifications for the in-memory mentor search index (docs/adr/0003): whenever something
// the index reads changes, NOTIFY mentor_changed with the mentor's user id; when taxonomy terms
// change, NOTIFY taxonomy_changed. PostgreSQL delivers them at commit, and never for a rollback.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function notify_mentor_changed() returns trigger language plpgsql as $$
    begin
      if tg_table_name in ('relationships', 'invitations') then
        if tg_op <> 'INSERT' then perform pg_notify('mentor_changed', old.mentor_id::text); end if;
        if tg_op <> 'DELETE' then perform pg_notify('mentor_changed', new.mentor_id::text); end if;
      elsif tg_table_name = 'users' then
        perform pg_notify('mentor_changed', new.id::text);
      elsif tg_table_name = 'profile_terms' then
        if tg_op <> 'INSERT' and old.side = 'mentor' then perform pg_notify('mentor_changed', old.user_id::text); end if;
        if tg_op <> 'DELETE' and new.side = 'mentor' then perform pg_notify('mentor_changed', new.user_id::text); end if;
      else
        if tg_op <> 'INSERT' then perform pg_notify('mentor_changed', old.user_id::text); end if;
        if tg_op <> 'DELETE' then perform pg_notify('mentor_changed', new.user_id::text); end if;
      end if;
      return null;
    end $$;

    create trigger mentor_profiles_changed after insert or update or delete on mentor_profiles
      for each row execute function notify_mentor_changed();
    create trigger profile_terms_changed after insert or update or delete on profile_terms
      for each row execute function notify_mentor_changed();
    create trigger mentor_applications_changed after insert or update of status or delete on mentor_applications
      for each row execute function notify_mentor_changed();
    create trigger relationships_changed after insert or update of status or delete on relationships
      for each row execute function notify_mentor_changed();
    create trigger invitations_changed after insert or update of status or delete on invitations
      for each row execute function notify_mentor_changed();
    create trigger users_name_changed after update of full_name on users
      for each row execute function notify_mentor_changed();

    create function notify_taxonomy_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('taxonomy_changed', '');
      return null;
    end $$;
    create trigger taxonomy_terms_changed after insert or update or delete on taxonomy_terms
      for each statement execute function notify_taxonomy_changed();
  `.execute(db);
}
