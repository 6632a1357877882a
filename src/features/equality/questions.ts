// The equality monitoring questions and their answers, keyed for storage. Categories follow the
// ONS 2021 Census for England and Wales (ethnic group, religion, sexual orientation, gender
// identity); every question is optional and offers "Prefer not to say".
// https://www.ons.gov.uk/census/census2021dictionary/variablesbytopic

export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

export interface AnswerGroup {
  /** Shown as the legend of a group of answers (ethnic groups); absent for a flat list. */
  label?: string;
  answers: { key: string; label: string }[];
}

export interface EqualityQuestion {
  key: string;
  /** The question as asked on the form. */
  text: string;
  /** The short name used in reports. */
  reportLabel: string;
  hint?: string;
  groups: AnswerGroup[];
  /** Said in the error message for an answer that is not in the list. */
  missing: string;
}

const flat = (...answers: [key: string, label: string][]): AnswerGroup[] => [{ answers: answers.map(([key, label]) => ({ key, label })) }];

export const equalityQuestions: EqualityQuestion[] = [
  {
    key: 'age',
    text: 'What is your age?',
    reportLabel: 'Age',
    groups: flat(['16_24', '16 to 24'], ['25_34', '25 to 34'], ['35_44', '35 to 44'], ['45_54', '45 to 54'], ['55_64', '55 to 64'], ['65_plus', '65 and over']),
    missing: 'Select your age group from the list',
  },
  {
    key: 'sex',
    text: 'What is your sex?',
    reportLabel: 'Sex',
    groups: flat(['female', 'Female'], ['male', 'Male']),
    missing: 'Select your sex from the list',
  },
  {
    key: 'gender_same_as_birth',
    text: 'Is the gender you identify with the same as the sex you were registered at birth?',
    reportLabel: 'Gender identity the same as sex registered at birth',
    groups: flat(['yes', 'Yes'], ['no', 'No']),
    missing: 'Select yes or no',
  },
  {
    key: 'ethnicity',
    text: 'What is your ethnic group?',
    reportLabel: 'Ethnic group',
    hint: 'Choose the option that best describes your ethnic group or background.',
    groups: [
      { label: 'Asian or Asian British', answers: [
        { key: 'asian_bangladeshi', label: 'Bangladeshi' }, { key: 'asian_chinese', label: 'Chinese' }, { key: 'asian_indian', label: 'Indian' },
        { key: 'asian_pakistani', label: 'Pakistani' }, { key: 'asian_other', label: 'Any other Asian background' },
      ] },
      { label: 'Black, Black British, Caribbean or African', answers: [
        { key: 'black_african', label: 'African' }, { key: 'black_caribbean', label: 'Caribbean' }, { key: 'black_other', label: 'Any other Black, Black British or Caribbean background' },
      ] },
      { label: 'Mixed or multiple ethnic groups', answers: [
        { key: 'mixed_white_asian', label: 'White and Asian' }, { key: 'mixed_white_black_african', label: 'White and Black African' },
        { key: 'mixed_white_black_caribbean', label: 'White and Black Caribbean' }, { key: 'mixed_other', label: 'Any other mixed or multiple ethnic background' },
      ] },
      { label: 'White', answers: [
        { key: 'white_british', label: 'English, Welsh, Scottish, Northern Irish or British' }, { key: 'white_irish', label: 'Irish' },
        { key: 'white_gypsy_traveller', label: 'Gypsy or Irish Traveller' }, { key: 'white_roma', label: 'Roma' }, { key: 'white_other', label: 'Any other White background' },
      ] },
      { label: 'Other ethnic group', answers: [{ key: 'other_arab', label: 'Arab' }, { key: 'other_any', label: 'Any other ethnic group' }] },
    ],
    missing: 'Select your ethnic group from the list',
  },
  {
    key: 'disability',
    text: 'Do you consider yourself to be disabled?',
    reportLabel: 'Disability',
    hint: 'The Equality Act 2010 says you are disabled if you have a physical or mental impairment that has a substantial and long-term effect on your ability to do normal daily activities.',
    groups: flat(['yes', 'Yes'], ['no', 'No']),
    missing: 'Select yes or no',
  },
  {
    key: 'sexual_orientation',
    text: 'Which of the following best describes your sexual orientation?',
    reportLabel: 'Sexual orientation',
    groups: flat(['straight', 'Straight or heterosexual'], ['gay_lesbian', 'Gay or lesbian'], ['bisexual', 'Bisexual'], ['other', 'Other sexual orientation']),
    missing: 'Select your sexual orientation from the list',
  },
  {
    key: 'religion',
    text: 'What is your religion?',
    reportLabel: 'Religion',
    groups: flat(
      ['none', 'No religion'], ['buddhist', 'Buddhist'], ['christian', 'Christian'], ['hindu', 'Hindu'], ['jewish', 'Jewish'], ['muslim', 'Muslim'], ['sikh', 'Sikh'],
      ['other', 'Any other religion'],
    ),
    missing: 'Select your religion from the list',
  },
];

/** Every answer a question accepts, "Prefer not to say" included. */
export function answerKeys(question: EqualityQuestion): string[] {
  return [...question.groups.flatMap((group) => group.answers.map((answer) => answer.key)), PREFER_NOT_TO_SAY];
}

export const equalityFields = equalityQuestions.map((question) => question.key);
