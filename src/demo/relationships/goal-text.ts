// The words of the demo's goals: each written in GROW's terms for the kind of mentoring, and the
// notes people leave when reviewing their progress (low, middle or high). All invented.
import type { MentoringType } from '../../db/types.ts';

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
