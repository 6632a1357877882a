// The words of the demo's relationships beyond their sessions and goals: notes on moving phase, the
// contract's terms, reasons for ending, closing reflections, concerns and what admins did about
// them. All invented and free of names, written the way people in the NHS and social care write.
import type { MentoringType } from '../../db/types.ts';

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
