// The words of the demo's sessions: agendas, where people meet, shared notes, agreed actions, each
// party's private notes, the mentee's takeaways and why a session was called off. All invented and
// free of names.

export const AGENDAS = ['Get to know each other and talk about what we both want from mentoring.', 'Go through the contract together.',
  'Look at the feedback from my last interview.', 'Review the goals and agree what to focus on next.',
  'Talk through the restructure and what it means for the team.', 'Plan how we will end well.', '', ''];

/** Where people meet, by meeting_mode key. */
export const LOCATIONS: Record<string, string[]> = {
  face_to_face: ['The café by the main entrance', 'Education centre, seminar room 2', 'Library quiet room', 'The hospital garden, if it is dry'],
  video: ['Video link in the calendar invitation', 'I will send a Teams link on the day'],
  phone: ['I will call your mobile', 'Phone: please call me at the start time'],
};

export const SHARED_NOTES = [
  'We talked about the interview panel and what they are likely to ask. Useful idea: prepare one example for each of the leadership behaviours.',
  'Agreed to look at the discharge data together next time.',
  'Good conversation about delegation. The question to keep asking: "does this need to be me?"',
  'We looked at the team\'s rota pressures and ideas for sharing the load more fairly.',
  'Talked about the restructure. Nothing decided yet, so the focus is on what is in our control.',
  'Shared the model for improvement and the PDSA template.',
  'We went through the staff survey results for the unit and what surprised us.',
  'Useful to hear how things look from the front line. Three themes: handover time, equipment and feeling listened to.',
  'Looked back at the goals: one nearly done, one to rethink.',
  'We talked about how to keep going after our sessions end.',
];

export const ACTIONS = [
  'Write three examples for the interview using the STAR approach', 'Send the QI project charter template', 'Book a place at the next public board meeting',
  'Ask the ward manager about shadowing a staffing meeting', 'Share the article on compassionate leadership', 'Draft the case for need section',
  'Keep a time diary for two weeks', 'Introduce each other to the local QI lead', 'Arrange to join a night shift on the assessment unit',
  'Book annual leave for the next three months', 'Look at the leadership academy\'s free courses', 'Ask finance for last year\'s budget report',
];

export const PRIVATE_NOTES = {
  mentor: [
    'Check how they are sleeping: they mentioned night shifts twice.',
    'Much more confident than in our first session. Check in about workload next time.',
    'I talked too much today. Ask more open questions next time.',
    'Remember to bring the model for improvement handout.',
    'Something about the ward culture worries me a little. Keep listening, and signpost to Freedom to Speak Up if it comes up again.',
    'Bring this to supervision (anonymously): how far to go with career advice versus letting them decide.',
  ],
  mentee: [
    'I did not say how anxious I am about the interview. Bring it up next time.',
    'Really helpful. Write down the question about delegation before I forget it.',
    'I felt a bit judged when we talked about the rota. Probably me being tired.',
    'Good to hear they found the same things hard when they started.',
    'Next time: ask how they handled their first budget meeting.',
    'I held back on the rota problem. I think I need to talk to my manager first.',
  ],
};

export const TAKEAWAYS = [
  'Having a structure for feedback makes it feel less personal.', 'I do not have to know all the answers to lead the team.',
  'Small tests of change are less scary than one big project.', 'Saying no to some things is part of the job.',
  'Other people find this hard too.', 'I should ask for the stretch project rather than wait to be offered it.',
  'Asking for help early is a strength, not a weakness.', 'Protecting time for myself is not selfish.',
  'The conversations before a decision matter more than the paper.', 'Writing things down helps me see what I can change.', '',
];

export const SESSION_CANCEL_MESSAGES = ['Sorry, I have been asked to cover a shift. Can we find another date this week?',
  'Our clinic has been moved, so I need to cancel. I will suggest a new time.', 'Unwell today, sorry. I will be in touch.', ''];
