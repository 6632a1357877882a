// The words of the demo's chemistry meetings and mentoring relationships: what mentees, mentors and
// admins wrote in invitations, posts, contracts, goals, notes, reflections, endings and concerns.
// All invented and free of names, written the way people in the NHS and social care write them.
import type { MentoringType } from '../types.ts';

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

export interface GoalText { title: string; reality: string; options: string; wayForward: string }
const goal = (title: string, reality: string, options: string, wayForward: string): GoalText => ({ title, reality, options, wayForward });

export const GOALS: Record<MentoringType, GoalText[]> = {
  traditional: [
    goal('Prepare for band 7 interviews with confidence',
      'I have applied twice and reached interview once. The feedback was that my answers were about clinical tasks rather than leading the team.',
      'Practise answers using the STAR approach; shadow my ward manager at a staffing meeting; ask to lead the rota review as a stretch project.',
      'Write three leadership examples by the end of the month and do a mock interview before the next round of adverts.'),
    goal('Lead my first quality improvement project',
      'Discharge letters on our ward are often late and the team is frustrated, but I have never led a project before.',
      'Use the trust QI team\'s model for improvement; start with one small test of change; involve the ward clerk and pharmacy.',
      'Map the current process with the team this month and agree one change to test for two weeks.'),
    goal('Get better at difficult conversations with my team',
      'I put off raising concerns about performance until they become bigger problems, and then it feels personal.',
      'Role play with my mentor; use a simple structure for feedback; book onto the trust\'s managing conversations course.',
      'Have one planned conversation I have been putting off, and reflect on it at our next session.'),
    goal('Balance clinical and management time',
      'I am new to a service manager role. My diary is full of meetings and I still cover clinical shifts when we are short.',
      'Protect two mornings a week; delegate the weekly data return; agree with my line manager what can wait.',
      'Keep a two-week time diary and bring it to our next session.'),
    goal('Write a business case for an extra therapy post',
      'Waiting times for our clinic have doubled. I have the data but have never written a business case.',
      'Ask finance for the template; look at a successful case from another division; involve the patient panel.',
      'Draft the case for need and share it before the divisional meeting.'),
    goal('Understand how decisions are made at board level',
      'I write papers that go to committees but do not really know what happens to them afterwards.',
      'Observe a public board meeting; meet the trust secretary; read the last three workforce papers.',
      'Attend the next public board meeting and bring three questions to our session.'),
  ],
  reverse: [
    goal('Understand what makes it hard for newer nurses to speak up',
      'Our staff survey says junior colleagues do not feel safe raising concerns, but nobody tells me why.',
      'Hear my mentor\'s experience; work alongside the team on a night shift; look at the Freedom to Speak Up themes.',
      'Spend part of a night shift on the assessment unit and share what I learn with the executive team.'),
    goal('See our digital systems through the eyes of the people using them',
      'The board hears that the new electronic record is going well. I suspect the picture on the wards is more mixed.',
      'Sit beside my mentor for part of a shift; ask the digital team for the themes from support calls.',
      'Write up three changes we could make quickly and test them with my mentor before taking them to the digital board.'),
    goal('Make our leadership programme feel open to everyone',
      'Few staff from minority ethnic backgrounds apply for our leadership programme, and I do not understand why.',
      'Ask my mentor and their colleagues what puts them off; review the application form; talk to the staff networks.',
      'Agree two changes to the next intake with the head of organisational development.'),
  ],
  peer: [
    goal('Settle into my new role as team leader',
      'I have been a team leader for two months and still feel like one of the team rather than its leader.',
      'Talk through how my peer handled the same change; agree ground rules with the team; ask my manager for regular supervision.',
      'Hold a team meeting about how we want to work together, and share how it went next time.'),
    goal('Look after my own wellbeing through the winter',
      'Last winter I worked most of my days off and ended up unwell. I want this year to be different.',
      'Use the staff wellbeing hub; plan leave now; agree a code word with my peer for when I am overdoing it.',
      'Book my leave for the next three months this week and check in about it at every session.'),
    goal('Build a network beyond my own practice',
      'I only know people in my own surgery and feel isolated when problems come up.',
      'Join the primary care network\'s managers\' group; attend the local training hub events; ask my peer for introductions.',
      'Go to the next network meeting and introduce myself to two people.'),
    goal('Return to practice with confidence',
      'I am back after a career break and everything from the systems to the medicines seems to have changed.',
      'Ask for a phased return; use the practice development team; keep a list of questions to bring to our sessions.',
      'Complete the updated medicines training this month and agree a review with my manager.'),
  ],
};

export const REVIEW_NOTES = {
  low: ['Not much progress: short staffing meant there was no time this month.', 'Harder than I expected. We talked about breaking it into smaller steps.',
    'Slow going, but I know what is getting in the way now.'],
  middle: ['Made a start, and talked it through with my line manager.', 'Some progress: the first step is done.',
    'Feeling more confident. What we practised in our session worked.', 'About halfway there, and clearer on the next step.'],
  high: ['Nearly there: one last step to go.', 'Done, and the change has stuck.', 'Achieved! Looking back, the small steps made all the difference.',
    'Achieved, and I have noticed the difference in how I feel at work.'],
};

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

export const PHASE_NOTES: Record<string, string[]> = {
  setting_direction: ['Contract signed, so ready to talk about goals.', ''],
  making_progress: ['Goals agreed in today\'s session.', ''],
  winding_down: ['Both goals nearly done: time to start planning the end.', ''],
  moving_on: ['Last session booked.', ''],
};

export const CONTRACT_TEXT = {
  menteeExpects: {
    traditional: ['Honest feedback and someone to think out loud with as I prepare for a band 7 role.',
      'Help to see the bigger picture of the trust and how to influence it.', 'A safe space to talk about leading a team for the first time.'],
    reverse: ['To hear what it is really like on the front line, without it being filtered through layers of management.',
      'Challenge: tell me when I have got it wrong.'],
    peer: ['Someone who understands the pressures of the job to talk things through with every few weeks.',
      'A sounding board, and a nudge when I take on too much.'],
  } satisfies Record<MentoringType, string[]>,
  mentorExpects: ['That you come with something you want to talk about, and tell me if our sessions are not helping.',
    'Let me know in good time if you need to move a session.', 'That we are both honest, and that you lead on what we talk about.', ''],
  frequency: ['Once a month, for an hour', 'Every four to six weeks', 'Every three weeks at first, then monthly'],
  frequencyLater: ['Every six weeks now that the goals are under way', 'Monthly, with a longer session every quarter'],
  place: {
    inPerson: ['Alternating between video and the café by the education centre', 'Face to face in the library quiet room where possible',
      'The education centre, or a walk round the hospital grounds if it is dry'],
    remote: ['On video, with cameras on where we can', 'By phone or video, whichever suits the week', ''],
  },
  boundaries: ['We will not discuss individual patients or colleagues by name. Sessions stay within working hours.',
    'Either of us can move a session with a week\'s notice. We will not contact each other out of hours except by email.', ''],
  confidentialityExtra: ['', '', 'We agreed that anything about the restructure stays between us until it is announced.'],
  successOwnWords: ['', 'I will feel more confident in interviews and know what I want to do next.', 'We will both have learned something.'],
};

/** Reasons for ending, in the voice of whoever ended it; admins only ever read them. */
export const ENDING_REASONS = {
  completed: {
    mentee: ['We achieved both goals and agreed to stay in touch informally.', 'I got the band 7 post, so it felt like the right time to finish.', ''],
    mentor: ['We have covered what we set out to, and they are ready to carry on without regular sessions.', ''],
  },
  ended_early: {
    mentee: ['We found it hard to find times to meet with my shift pattern and agreed to stop.',
      'We were not the right match for what I need now. I would like help finding a mentor with management experience.'],
    mentor: ['I have changed jobs and no longer have the time to commit.', 'We agreed the fit was not right: they need someone with community experience.'],
  },
  ended_by_admin: ['The mentor has left the trust and is no longer on the register.',
    'The mentee is on long-term leave. Closed at their request; we will help them find a mentor when they return.'],
  afterConcern: 'Closed after a concern was raised and discussed with both parties.',
};

export const CLOSING_REFLECTIONS = [
  'I learned that I do not need to have the answers: asking good questions was far more useful.',
  'Mentoring helped me find my voice in meetings. I am grateful for the time and the honesty.',
  'It did not work out, but I know much better now what I need from a mentor.',
  'I got as much out of this as my mentee did. It reminded me why I went into leadership.',
  'Hearing about the front line first hand changed how I read the board papers.',
];

export const CONCERNS = {
  cancelling: 'My mentor has cancelled our last three sessions at short notice and I do not know whether to carry on.',
  wellbeing: 'My mentee has talked about being very stressed and I am worried about their wellbeing. I have pointed them to occupational health but would like advice.',
  boundaries: 'In our last session my mentor shared details about a colleague that I found uncomfortable. I would like some advice before our next session.',
  silence: 'We have not been able to meet for two months and I am not sure how to raise it without it sounding like a complaint.',
};

export const CONCERN_ACTIONS = [
  'Called the mentee to listen. Agreed I will speak to the mentor about how sessions are arranged.',
  'Spoke to the mentor, who had not realised the cancellations were a problem. They will suggest a fixed monthly slot.',
  'Mentee confirmed sessions are back on track. Closing.',
  'Shared the occupational health and employee assistance details with the mentor and offered a call.',
  'Met both parties separately. Agreed the relationship should close and the mentee would like help finding a new mentor.',
];
