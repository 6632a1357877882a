// The words of the demo's chemistry meetings: what mentees, mentors and admins wrote in
// invitations, offers, proposals, answers, private fit reflections and "seeking a mentor" posts.
// All invented and free of names, written the way people in the NHS and social care write them.
import type { MentoringType } from '../../db/types.ts';

const a = (title: string) => `${/^[AEIOU]/i.test(title) ? 'an' : 'a'} ${title}`;

/** What a mentee writes when inviting a mentor, given their job title. */
export const INVITE_MESSAGES: Record<MentoringType, ((title: string) => string)[]> = {
  traditional: [
    (title) => `I am ${a(title)} and feel ready to take the next step in my career. Your profile really stood out to me, and I would value the chance to talk.`,
    (title) => `I work as ${a(title)} and would like help balancing day-to-day pressures with developing as a leader. Would you be open to a first chat?`,
    (title) => `As ${a(title)}, I am starting to lead others for the first time. You mention enjoying helping people find their feet, which is exactly what I am looking for.`,
    (title) => `I am ${a(title)} preparing for interviews for more senior roles, and would love some honest feedback on my leadership examples.`,
  ],
  reverse: [
    (title) => `As ${a(title)}, I want to understand what working on the front line is like today, and I am keen to listen rather than talk. Would you be willing to meet?`,
    (title) => `Our staff survey tells me newer colleagues do not always feel heard. As ${a(title)}, I would value your honest view of what gets in the way.`,
    (title) => `I am ${a(title)} and would be grateful for the chance to learn from your experience of the changes we have made on the wards.`,
  ],
  peer: [
    (title) => `I am ${a(title)} and would like someone at a similar stage to share ideas with every few weeks.`,
    (title) => `I am finding this year hard going and would value a peer to talk things through with. I work as ${a(title)}.`,
    () => 'We seem to be at a similar stage in our careers. Would you like to meet and see whether peer mentoring suits us both?',
  ],
};

export const PREFERRED_TIMES = ['Weekday mornings before 9am', 'Tuesday or Thursday lunchtimes', 'Any time on my non-clinical day (Wednesday)',
  'Late afternoons, after 4pm', 'I work nights, so late mornings are best', ''];

export const OFFER_MESSAGES = [
  'I read your post and think I could help. I moved from a clinical role into management a few years ago and remember how it felt. Happy to have an informal chat first.',
  'Your post really resonated with me. I have supported several colleagues through their first leadership role and would be glad to meet.',
  'I have been through a similar change in my own service and would be happy to share what helped. Shall we meet for half an hour to see if we are a good fit?',
];

export const PROPOSAL_MESSAGES = [
  'I think you two would work well together: you share an interest in quality improvement and both work in community services.',
  'This mentor has lots of experience of supporting people into their first management role, which is what you asked us about.',
  'Suggested after our conversation last week. Do get in touch with me if it does not feel right.',
];

export const DECLINE_MESSAGES = [
  'Thank you for thinking of me. I am at capacity until the spring, but do try again then.',
  'I do not think I am the best person for this. Someone with research experience would help you more.',
  'I am about to start a secondment and would not be able to give you the time you deserve. Good luck!',
  '',
];
export const OFFER_DECLINE_MESSAGES = ['Thank you for offering. I have already arranged to meet someone else.', ''];
export const WITHDRAW_MESSAGES = ['Sorry, my rota has changed and I cannot manage this at the moment.', 'I have been seconded for three months, so I need to pause for now.', ''];
export const CANCEL_MESSAGES = [
  'I am sorry: I have been asked to cover a colleague on long-term leave and cannot take on a new mentee after all.',
  'Apologies, a family matter means I need to step back for a few weeks.',
];
export const NOT_CONTINUING_MESSAGES = [
  'I enjoyed meeting you, but I think someone with community experience would help you more than I can.',
  'Thank you for choosing me. Having thought about it, I do not have the time you need right now.',
];

export const FIT_REFLECTIONS = {
  mentee: [
    'Easy to talk to and asked good questions. I came away with two ideas already.',
    'Lovely person, but I am not sure they have the management experience I am after.',
    'Felt comfortable straight away. They understood the pressures of my role without me having to explain.',
    'A bit rushed, as they were called back to the ward. Would like to meet again before deciding.',
  ],
  mentor: [
    'Clear about what they want from mentoring. I think I can help with the interview preparation.',
    'I liked their energy. Check I really have the time before I say yes.',
    'They are further on than they think. The main need seems to be confidence rather than skills.',
  ],
};

export const SEEKING_POSTS = [
  'I am a band 6 physiotherapist thinking about a first team lead role. I would like a mentor who has made that move and can help me think about what kind of leader I want to be.',
  'Newly qualified nurse on a busy medical ward. I would value a mentor to help me plan my development and build confidence in speaking up in handovers and meetings.',
  'I manage a small admin team and want to move into operational management. Looking for someone who can help me understand budgets, rotas and the wider system.',
  'Returning to practice after five years away. I would like a mentor who understands how much has changed and can help me settle back in.',
  'I am interested in education roles and would like to talk to someone who has combined clinical work with teaching or a university post.',
  'Recently promoted to a registered manager role in a care home. Looking for a peer who has been through CQC inspections as a new manager.',
  'I want to get better at leading change without burning out my team. Happy to meet on video, early mornings suit me best.',
];
