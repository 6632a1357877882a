// Where the demo's people work and what they do: invented towns and organisations, the care setting
// each kind of organisation is, and groups of roles (profession, band, the programmes they join and
// the help they offer or ask for), weighted like the workforce. Only faker and invented towns are
// used, so nobody here is a real person or organisation.
import { fakerEN_GB as faker } from '@faker-js/faker';
import type { Group, OrgKind, Role } from '../plan.ts';

// Invented towns, so no organisation below can be mistaken for a real trust or practice.
export const TOWNS = ['Brackenford', 'Castlemere', 'Dunmoor', 'Elmsbridge', 'Fernleigh', 'Greyhaven', 'Hollowmere', 'Kingsbeck',
  'Lindenford', 'Marshwick', 'Northcombe', 'Oakleigh Vale', 'Redmarsh', 'Stoneybrook', 'Thistlewood', 'Westerholme'];

export const ORGANISATIONS: Record<OrgKind, (town: string) => string> = {
  trust: (town) => `${town} ${faker.helpers.arrayElement(['NHS Foundation Trust', 'Hospitals NHS Trust', 'University Hospitals NHS Foundation Trust'])}`,
  community: (town) => `${town} Community Health Services NHS Trust`,
  icb: (town) => `${town} Integrated Care Board`,
  gp: (town) => faker.helpers.arrayElement([`${town} Medical Practice`, `${town} Health Centre`, `The ${faker.location.street()} Surgery`]),
  ambulance: (town) => `${town} and District Ambulance Service NHS Trust`,
  council: (town) => `${town} Council adult social care`,
  hospice: (town) => `${town} Hospice`,
};
/** care_setting taxonomy keys (migration 0003); hospices are charities, so the voluntary sector. */
export const SETTINGS: Record<OrgKind, string> = {
  trust: 'acute', community: 'community', icb: 'commissioning', gp: 'primary_care', ambulance: 'ambulance', council: 'social_care', hospice: 'voluntary',
};

const role = (title: string, profession: string, bands: string[], extra: Pick<Role, 'setting' | 'org'> = {}): Role => ({ title, profession, bands, ...extra });

// Who mentors where: the first programme is each group's usual home, later ones a second interest.
// `help` lists the help_area keys people in the group most often offer or ask about.
type GroupKey = 'seniorNursing' | 'juniorNursing' | 'ahp' | 'medical' | 'management' | 'primaryCare' | 'socialCare';
export const GROUPS: Record<GroupKey, Group> = {
  seniorNursing: { weight: 5, orgs: ['trust', 'community'], programmes: ['london', 'peer'], sector: 'the NHS', domain: 'example.nhs.uk',
    roles: [role('Ward Sister', 'nursing', ['afc_7']), role('Matron', 'nursing', ['afc_8a']), role('Clinical Nurse Specialist', 'nursing', ['afc_7']),
      role('Advanced Nurse Practitioner', 'nursing', ['afc_7', 'afc_8a']), role('Practice Development Nurse', 'nursing', ['afc_7']),
      role('Consultant Midwife', 'midwifery', ['afc_8b'])],
    help: ['leadership_development', 'first_management_role', 'career_progression', 'confidence_resilience', 'teaching_education', 'quality_improvement', 'returning_to_practice'] },
  juniorNursing: { weight: 3, orgs: ['trust', 'community'], programmes: ['reverse', 'peer'], junior: true, sector: 'the NHS', domain: 'example.nhs.uk',
    roles: [role('Staff Nurse', 'nursing', ['afc_5']), role('Midwife', 'midwifery', ['afc_5', 'afc_6']), role('Community Midwife', 'midwifery', ['afc_6']),
      role('Healthcare Support Worker', 'healthcare_support_worker', ['afc_2', 'afc_3']), role('Nursing Associate', 'nursing', ['afc_4']),
      role('Mental Health Nurse', 'nursing', ['afc_5', 'afc_6'], { setting: 'mental_health' })],
    help: ['edi', 'digital_skills', 'wellbeing_balance', 'teams_relationships', 'new_post_or_country', 'confidence_resilience'] },
  ahp: { weight: 4, orgs: ['trust', 'community'], programmes: ['ahp', 'peer', 'london'], sector: 'the NHS', domain: 'example.nhs.uk',
    roles: [role('Physiotherapist', 'physiotherapy', ['afc_6', 'afc_7']), role('Occupational Therapist', 'occupational_therapy', ['afc_6', 'afc_7']),
      role('Speech and Language Therapist', 'speech_language_therapy', ['afc_6', 'afc_7']), role('Diagnostic Radiographer', 'radiography', ['afc_6']),
      role('Dietitian', 'dietetics', ['afc_6', 'afc_7']), role('Paramedic', 'paramedic', ['afc_6'], { org: 'ambulance' }),
      role('Podiatrist', 'podiatry', ['afc_6']), role('Therapy Services Manager', 'physiotherapy', ['afc_8a', 'afc_8b'])],
    help: ['career_progression', 'clinical_to_management', 'research_academic', 'quality_improvement', 'interviews_applications', 'primary_acute', 'teaching_education'] },
  medical: { weight: 2, orgs: ['trust'], programmes: ['london', 'peer'], sector: 'the NHS', domain: 'example.nhs.uk',
    roles: [role('Consultant Anaesthetist', 'medical_dental', ['consultant']), role('Consultant Paediatrician', 'medical_dental', ['consultant']),
      role('Clinical Director', 'medical_dental', ['consultant']), role('Specialty Registrar', 'medical_dental', ['resident_doctor'])],
    help: ['clinical_to_management', 'leadership_development', 'research_academic', 'wellbeing_balance', 'nhs_systems', 'leading_change'] },
  management: { weight: 4, orgs: ['trust', 'icb', 'community'], programmes: ['london', 'peer'], sector: 'the NHS', domain: 'example.nhs.uk',
    roles: [role('Service Manager', 'management', ['afc_8a']), role('Head of People', 'hr_od', ['afc_8c']), role('Finance Business Partner', 'finance', ['afc_8a']),
      role('Programme Manager', 'management', ['afc_7', 'afc_8a']), role('Deputy Director of Operations', 'management', ['afc_8d']),
      role('Digital Transformation Lead', 'digital_data_technology', ['afc_8b']), role('Head of Patient Experience', 'management', ['afc_8b'])],
    help: ['finance_business_cases', 'project_management', 'leading_change', 'nhs_systems', 'networking', 'first_management_role', 'career_progression'] },
  primaryCare: { weight: 2, orgs: ['gp'], programmes: ['peer', 'london'], sector: 'primary care', domain: 'example.nhs.uk',
    roles: [role('GP Partner', 'medical_dental', ['gp']), role('Salaried GP', 'medical_dental', ['gp']), role('Practice Manager', 'management', ['not_afc']),
      role('Clinical Pharmacist', 'pharmacy', ['afc_7']), role('Practice Nurse', 'nursing', ['afc_6', 'not_afc']),
      role('Social Prescribing Link Worker', 'social_care', ['afc_4', 'not_afc'])],
    help: ['primary_acute', 'wellbeing_balance', 'teams_relationships', 'networking', 'finance_business_cases', 'career_progression'] },
  socialCare: { weight: 1, orgs: ['council', 'hospice'], programmes: ['peer'], sector: 'social care', domain: 'example.org',
    roles: [role('Registered Manager', 'social_care', ['not_afc']), role('Social Worker', 'social_care', ['not_afc']),
      role('Care Coordinator', 'social_care', ['not_afc']), role('Palliative Care Nurse', 'nursing', ['not_afc'])],
    help: ['wellbeing_balance', 'confidence_resilience', 'teams_relationships', 'first_management_role', 'primary_acute', 'edi'] },
};
// Reverse-mentoring mentees are senior leaders (the programme's eligibility: band 8c and above).
export const REVERSE_MENTEE_ROLES = [role('Director of Nursing', 'nursing', ['vsm']), role('Deputy Chief Nurse', 'nursing', ['afc_9']),
  role('Divisional Director of Operations', 'management', ['afc_8d']), role('Head of Midwifery', 'midwifery', ['afc_8c']),
  role('Chief People Officer', 'hr_od', ['vsm']), role('Medical Director', 'medical_dental', ['vsm'])];

// region keys; outside London people are spread roughly like the workforce (Scotland and Wales rarer).
export const REGIONS = ['north_east_yorkshire', 'north_west', 'midlands', 'east_of_england', 'south_east', 'south_west', 'scotland', 'wales'];
export const REGION_WEIGHTS = [4, 4, 5, 3, 4, 3, 1, 1];
