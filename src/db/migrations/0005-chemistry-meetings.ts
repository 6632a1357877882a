// What chemistry meetings need beyond the 0002 model (issue 4, parts 6–11): the mentoring type the
// invitation is for (the relationship it may become takes it), the mentee's preferred ways and
// times to meet, the meeting the two agree on (which its .ics describes), the message a party
// leaves when they decline, withdraw or cancel, and when the mentee chose this mentor (the mentor
// then confirms). At most one open brokering request per mentee per programme.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table invitations
      add column mentoring_type text not null default 'traditional' check (mentoring_type in ('traditional', 'reverse', 'peer')),
      add column preferred_mode_ids uuid[] not null default '{}',
      add column preferred_times text not null default '' check (length(preferred_times) <= 200),
      add column meeting_starts_at timestamptz,
      add column meeting_minutes integer check (meeting_minutes between 15 and 180),
      add column meeting_mode_id uuid references taxonomy_terms (id),
      add column closing_message text check (length(closing_message) <= 500),
      add column chosen_at timestamptz,
      add constraint invitations_meeting_complete
        check ((meeting_starts_at is null) = (meeting_minutes is null) and (meeting_starts_at is null) = (meeting_mode_id is null)),
      add constraint invitations_chosen_only_when_met check (chosen_at is null or status in ('met', 'chosen', 'not_chosen'));

    create index invitations_pending_due_idx on invitations (expires_at) where status = 'pending';
    create index invitation_events_invitation_idx on invitation_events (invitation_id, occurred_at);
    create unique index broker_requests_one_open on broker_requests (programme_id, mentee_id) where status = 'open';
  `.execute(db);
}
