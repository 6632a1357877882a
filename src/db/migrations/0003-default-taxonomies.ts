// The default taxonomies from PRODUCT.md, and installation-wide settings (the code of ethics
// mentors accept). Platform admins can add, rename and retire terms afterwards; keys are stable
// so renaming a label never breaks a profile.
import { sql, type Kysely } from 'kysely';

type Term = [key: string, label: string];

const taxonomies: Record<string, Term[]> = {
  profession: [
    ['nursing', 'Nursing'], ['midwifery', 'Midwifery'], ['medical_dental', 'Medical and dental'],
    ['physiotherapy', 'Allied health: physiotherapy'], ['occupational_therapy', 'Allied health: occupational therapy'],
    ['paramedic', 'Allied health: paramedic'], ['radiography', 'Allied health: radiography'],
    ['speech_language_therapy', 'Allied health: speech and language therapy'], ['dietetics', 'Allied health: dietetics'],
    ['podiatry', 'Allied health: podiatry'], ['orthoptics', 'Allied health: orthoptics'],
    ['prosthetics_orthotics', 'Allied health: prosthetics and orthotics'], ['arts_therapies', 'Allied health: arts therapies'],
    ['osteopathy', 'Allied health: osteopathy'], ['healthcare_science', 'Healthcare science'], ['pharmacy', 'Pharmacy'],
    ['psychological_professions', 'Psychological professions'], ['healthcare_support_worker', 'Healthcare support worker'],
    ['social_care', 'Social care'], ['management', 'Management'], ['admin_clerical', 'Administrative and clerical'],
    ['estates_facilities', 'Estates and facilities'], ['finance', 'Finance'], ['hr_od', 'HR and organisational development'],
    ['digital_data_technology', 'Digital, data and technology'], ['research', 'Research'],
    ['education_training', 'Education and training'], ['communications', 'Communications'],
  ],
  band: [
    ['afc_1', 'Band 1'], ['afc_2', 'Band 2'], ['afc_3', 'Band 3'], ['afc_4', 'Band 4'], ['afc_5', 'Band 5'], ['afc_6', 'Band 6'],
    ['afc_7', 'Band 7'], ['afc_8a', 'Band 8a'], ['afc_8b', 'Band 8b'], ['afc_8c', 'Band 8c'], ['afc_8d', 'Band 8d'], ['afc_9', 'Band 9'],
    ['foundation_doctor', 'Foundation doctor'], ['resident_doctor', 'Resident doctor in training'], ['sas_doctor', 'SAS doctor'],
    ['consultant', 'Consultant'], ['gp', 'GP'], ['vsm', 'Very senior manager or executive'], ['student', 'Student'],
    ['not_afc', 'Not on Agenda for Change'],
  ],
  region: [
    ['north_east_yorkshire', 'North East and Yorkshire'], ['north_west', 'North West'], ['midlands', 'Midlands'],
    ['east_of_england', 'East of England'], ['london', 'London'], ['south_east', 'South East'], ['south_west', 'South West'],
    ['scotland', 'Scotland'], ['wales', 'Wales'], ['northern_ireland', 'Northern Ireland'],
  ],
  care_setting: [
    ['acute', 'Acute hospital'], ['primary_care', 'Primary care'], ['community', 'Community health'], ['mental_health', 'Mental health'],
    ['ambulance', 'Ambulance'], ['social_care', 'Social care'], ['commissioning', 'Commissioning or ICB'], ['national_body', 'National body'],
    ['education', 'Education'], ['independent', 'Independent sector'], ['voluntary', 'Voluntary sector'],
  ],
  leadership_dimension: [
    ['inspiring_shared_purpose', 'Inspiring shared purpose'], ['leading_with_care', 'Leading with care'],
    ['evaluating_information', 'Evaluating information'], ['connecting_our_service', 'Connecting our service'],
    ['sharing_the_vision', 'Sharing the vision'], ['engaging_the_team', 'Engaging the team'], ['holding_to_account', 'Holding to account'],
    ['developing_capability', 'Developing capability'], ['influencing_for_results', 'Influencing for results'],
  ],
  help_area: [
    ['career_progression', 'Career progression'], ['first_management_role', 'First management role'],
    ['clinical_to_management', 'Moving from clinical practice into management'], ['leadership_development', 'Leadership development'],
    ['interviews_applications', 'Interviews and applications'], ['confidence_resilience', 'Confidence and resilience'],
    ['wellbeing_balance', 'Wellbeing and work-life balance'], ['networking', 'Networking and making connections'],
    ['quality_improvement', 'Quality improvement'], ['research_academic', 'Research and academic careers'], ['digital_skills', 'Digital skills'],
    ['edi', 'Equality, diversity and inclusion'], ['primary_acute', 'Working across primary and acute care'],
    ['nhs_systems', 'Understanding NHS systems and structures'], ['leading_change', 'Leading change'],
    ['teams_relationships', 'Teams and relationships at work'], ['teaching_education', 'Teaching and education'],
    ['project_management', 'Project management'], ['finance_business_cases', 'Finance and business cases'],
    ['new_post_or_country', 'Settling into a new post or new country'], ['returning_to_practice', 'Returning to practice'],
  ],
  meeting_mode: [['face_to_face', 'Face to face'], ['phone', 'Phone'], ['video', 'Video']],
  language: [
    ['english', 'English'], ['welsh', 'Welsh'], ['scottish_gaelic', 'Scottish Gaelic'], ['irish', 'Irish'], ['bsl', 'British Sign Language'],
    ['arabic', 'Arabic'], ['bengali', 'Bengali'], ['cantonese', 'Cantonese'], ['french', 'French'], ['german', 'German'],
    ['greek', 'Greek'], ['gujarati', 'Gujarati'], ['hindi', 'Hindi'], ['italian', 'Italian'], ['malayalam', 'Malayalam'],
    ['mandarin', 'Mandarin'], ['polish', 'Polish'], ['portuguese', 'Portuguese'], ['punjabi', 'Punjabi'], ['romanian', 'Romanian'],
    ['somali', 'Somali'], ['spanish', 'Spanish'], ['tagalog', 'Tagalog'], ['tamil', 'Tamil'], ['turkish', 'Turkish'],
    ['twi', 'Twi'], ['urdu', 'Urdu'], ['yoruba', 'Yoruba'],
  ],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [taxonomy, terms] of Object.entries(taxonomies)) {
    for (const [index, [key, label]] of terms.entries()) {
      await sql`insert into taxonomy_terms (taxonomy, key, label, sort_order) values (${taxonomy}, ${key}, ${label}, ${index * 10})`.execute(db);
    }
  }
  await sql`
    create table platform_settings (
      id boolean primary key default true check (id),
      ethics_code_name text not null default 'EMCC Global Code of Ethics',
      ethics_code_url text not null default 'https://www.emccglobal.org/leadership-development/ethics/',
      ethics_code_summary text not null default 'Mentors on this register work to the Global Code of Ethics for coaches, mentors and supervisors: they put the interests of the people they mentor first, keep what they hear confidential within agreed limits, work within their competence, take part in supervision, and keep developing their practice.',
      updated_at timestamptz not null default now(),
      updated_by uuid references users (id) on delete set null
    );
    insert into platform_settings (id) values (true);

    -- A mentor's "more information" request and a mentee's are answered on the application itself.
    alter table mentor_applications add column admin_message text;
    alter table mentee_applications add column admin_message text;
    -- Which version of the code of ethics a mentor accepted.
    alter table mentor_profiles add column ethics_code_name text;
    -- Lookups by status for the admin queues and the reminder sweep.
    create index mentor_applications_queue_idx on mentor_applications (programme_id, status, submitted_at);
    create index mentee_applications_queue_idx on mentee_applications (programme_id, status, submitted_at);
    create index line_manager_requests_pending_idx on line_manager_requests (status, created_at) where status = 'pending';
  `.execute(db);
}
