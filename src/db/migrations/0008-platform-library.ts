// The platform's starter library of mentoring guides (issue 5, part 8): offered in every programme
// (programme_id null) and tagged by phase and topic so the relationship page can suggest the right
// ones. Written for this project in our own words. Platform admins can edit or retire them later;
// this migration only adds them once.
import { sql, type Kysely } from 'kysely';

interface Guide {
  title: string;
  summary: string;
  body: string[];
  phases: string[];
  topics: string[];
}

const allPhases = ['building_rapport', 'setting_direction', 'making_progress', 'winding_down', 'moving_on'];

export const platformGuides: Guide[] = [
  {
    title: 'What makes mentoring work: guiding principles',
    summary: 'The few ideas underneath every good mentoring relationship, whoever you are and whatever you are working on.',
    phases: ['building_rapport'],
    topics: ['getting_started'],
    body: [
      'Mentoring is a relationship between two people who both choose to be there. It works best when a few principles hold from the first conversation to the last.',
      'The mentee leads. The mentee brings the questions, sets the goals and decides what to do. The mentor helps them think, shares experience when it is useful and asks rather than tells.',
      'Trust comes first. Nothing much happens until both of you feel you can be honest. Agree early what stays between you and what the limits of that are, then keep to it.',
      'Listen more than you speak. A mentor who listens well often helps more than one with the perfect answer. Give the other person time to finish their thought.',
      'Curiosity over judgement. Treat what you hear as something to understand, not something to mark. Different backgrounds and views are a strength of the relationship, not a problem to fix.',
      'Both of you learn. Mentors often say they gain as much as they give. Notice what you are learning and say so.',
      'Be reliable. Turn up, on time, prepared, and do what you said you would. If you cannot, say so early.',
      'Know where mentoring stops. Mentoring is not therapy, line management or a complaints route. When something needs more help than you can give, point to the right support and use it.',
      'End well. A good relationship has a planned ending, a look back at what changed and a thank-you on both sides.',
    ],
  },
  {
    title: 'Ten top tips for mentors and mentees',
    summary: 'Ten practical habits, from preparing for a session to ending well, that help both of you get the most out of mentoring.',
    phases: ['building_rapport', 'making_progress'],
    topics: ['getting_started', 'sessions'],
    body: [
      '1. Prepare. Before each session spend ten minutes thinking about what you want from it. Mentees: bring one or two things you want to talk about. Mentors: reread your last shared notes and actions.',
      '2. Listen properly. Put your phone away, close other windows and give your full attention. Check you have understood by saying back what you heard in your own words.',
      '3. Ask open questions. Questions that start with what, how or tell me more open a conversation; questions that can be answered yes or no tend to close it.',
      '4. Keep confidences. What is said in a session stays there, within the limits you agreed in your contract. If one of those limits is reached, talk about it openly before acting where you can.',
      '5. Hold your boundaries. Agree how and when you will be in touch between sessions, and what is outside the relationship. It is fine to say "that is not something I can help with".',
      '6. Work towards goals. Mentees: keep your goals few and specific, and review them every few weeks. Mentors: help the mentee notice progress, however small.',
      '7. Give and ask for feedback. Tell each other what is helping and what is not. Kind, specific and timely feedback keeps the relationship useful.',
      '8. Make time to reflect. After each session note one thing you learned or will try. Reflection turns a good conversation into real change.',
      '9. Look after yourself. Mentoring can bring up strong feelings on both sides. Notice how you are, take breaks when you need them and use the support services listed on the relationship page.',
      '10. End well. Plan the ending together, look back at where you started and what has changed, and thank each other.',
    ],
  },
  {
    title: 'The GROW model for setting and working on goals',
    summary: 'A simple four-step structure for a mentoring conversation about a goal: goal, reality, options and way forward.',
    phases: ['setting_direction', 'making_progress'],
    topics: ['goals', 'sessions'],
    body: [
      'GROW is a way to shape a conversation about something the mentee wants to change. It has four steps, and you can move back and forth between them.',
      'G is for goal. What does the mentee want to achieve, by when, and how will they know they have got there? A clear goal is specific enough that you could both recognise it.',
      'R is for reality. Where are things now? What has already been tried, what helped and what got in the way? Take time here: understanding the starting point often shows the way forward.',
      'O is for options. What could the mentee do? Aim for several options before judging any of them. A mentor can offer ideas from their own experience, as one option among many.',
      'W is for will, or way forward. Which option will the mentee take, what is the first step and when will they take it? Record it as an agreed action with a date.',
      'On this platform a goal can be written in GROW form, and you can record a review of it at later sessions to see how it is going over time.',
    ],
  },
  {
    title: 'The five phases of a mentoring relationship',
    summary: 'Most mentoring relationships pass through five phases, from building rapport to moving on. Knowing where you are helps you both.',
    phases: allPhases,
    topics: ['getting_started', 'ending_well'],
    body: [
      'Mentoring relationships tend to follow a pattern. Naming the phase you are in helps you choose what to focus on, and either of you can move the relationship on to the next phase on the platform.',
      'Building rapport. You get to know each other, talk about what you each hope for and agree your contract: how often you meet, where, and what stays confidential.',
      'Setting direction. The mentee decides on a small number of goals and you agree how you will notice progress.',
      'Making progress. The longest phase: regular sessions, actions between them and reviewing how each goal is going.',
      'Winding down. You look back at what has been achieved and plan how the mentee will carry on without regular sessions.',
      'Moving on. You end the relationship on good terms, write a short closing reflection and decide whether to stay in touch as colleagues.',
      'Not every relationship moves neatly from one phase to the next. It is normal to go back a step, for example to set a new goal.',
    ],
  },
  {
    title: 'Reverse mentoring: when the mentor is the more junior colleague',
    summary: 'In reverse mentoring a more junior colleague mentors a senior leader. How it differs, and how to make it work.',
    phases: ['building_rapport'],
    topics: ['reverse_mentoring', 'getting_started'],
    body: [
      'In reverse mentoring the usual roles swap: a colleague earlier in their career, or from a group whose voice is not often heard by leaders, mentors a more senior person. Both learn, and the organisation learns too.',
      'For the senior mentee: come to listen, not to explain. Ask about the reality of the work your mentor does and what gets in the way. Resist the urge to fix things in the session; reflect first.',
      'For the mentor: your experience is the point. You do not need to be an expert in leadership to offer a view the mentee cannot get elsewhere. Be honest, and be kind.',
      'Talk about power early. The mentee may be your manager\'s manager. Agree in your contract that honesty will not be held against anyone, and what will happen if something serious comes up.',
      'Keep confidentiality in both directions. The senior mentee may share things about the organisation; the mentor may share personal experiences. Both deserve the same care.',
      'Agree what will change. Good reverse mentoring leads to something: a changed decision, a new conversation, an invitation to a meeting. Record actions as you would in any mentoring.',
    ],
  },
  {
    title: 'Getting off to a good start',
    summary: 'What to cover in your first one or two sessions, and why the contract matters.',
    phases: ['building_rapport'],
    topics: ['getting_started'],
    body: [
      'Use your first meeting to get to know each other as people, not just job titles. If you can, meet face to face for this one.',
      'Talk about why you chose mentoring and what a good outcome would look like for each of you.',
      'Fill in your contract together. The mentee leads it. Agree how often and how long you will meet, where and how, how you will contact each other, and the limits of confidentiality.',
      'Agree a review date. A check-in after two or three sessions lets you both say honestly how it is going.',
    ],
  },
  {
    title: 'Setting goals that matter',
    summary: 'How to choose a small number of goals worth working on, and write them so you can tell when you have got there.',
    phases: ['setting_direction'],
    topics: ['goals'],
    body: [
      'Start wide, then narrow down. Talk about the things the mentee would like to be different in a year, then pick the one to three that matter most now.',
      'Write each goal so that you would both recognise it being achieved. "Feel more confident" becomes "Lead the team huddle twice a week by March".',
      'Check the goal belongs to the mentee. A goal set to please a manager or a mentor rarely survives a busy month.',
      'Plan to review. Set a date to look at each goal again, and expect some goals to change as you learn more.',
    ],
  },
  {
    title: 'Keeping momentum between sessions',
    summary: 'Small habits that keep progress going in the weeks between your mentoring sessions.',
    phases: ['making_progress'],
    topics: ['sessions', 'goals'],
    body: [
      'End every session with one or two agreed actions, each with an owner and a date.',
      'Book the next session before you finish this one. Relationships drift most when there is no date in the diary.',
      'If a session has to move, rearrange it rather than cancel it.',
      'Review the goals every six weeks or so. Record a short review on the platform so you can see the journey later.',
    ],
  },
  {
    title: 'Giving and receiving feedback in mentoring',
    summary: 'How to tell each other what is helping and what is not, in a way that keeps trust.',
    phases: ['making_progress'],
    topics: ['feedback'],
    body: [
      'Make feedback normal. Agree early that you will both say what is working and what is not, and ask at the end of a session now and then.',
      'Be specific. "The question about what you would do with no constraints really helped" is more useful than "that was good".',
      'Describe, do not judge. Talk about what happened and its effect, not about the kind of person someone is.',
      'Receive it with thanks. You do not have to agree with feedback to be glad it was given. Take time to think it over.',
    ],
  },
  {
    title: 'Looking after yourself while mentoring',
    summary: 'Mentoring can stir up strong feelings. Notice how you are, and know where to turn for more support.',
    phases: ['making_progress'],
    topics: ['wellbeing'],
    body: [
      'Conversations about work and careers can touch on stress, conflict, loss of confidence and more. It is normal to feel the weight of them sometimes, as a mentee or as a mentor.',
      'Mentors: you do not have to carry everything you hear. Use your own supervision, and remember that pointing someone to the right service is a way of helping.',
      'Mentees: mentoring is one source of support among several. If you are struggling, use your organisation\'s staff wellbeing, occupational health or employee assistance services, listed on the relationship page.',
      'If something worries you about the relationship itself, you can raise a concern in confidence with the programme admins.',
    ],
  },
  {
    title: 'Preparing to wind down',
    summary: 'How to recognise that the relationship is nearing its end, and use the last few sessions well.',
    phases: ['winding_down'],
    topics: ['ending_well'],
    body: [
      'Signs that it is time: the goals are met or nearly met, sessions feel less necessary, or the mentee is ready to work on their own.',
      'Look back together at your first goals and the reviews along the way. Name what has changed.',
      'Plan for afterwards: what will the mentee keep doing, and who else can support them?',
      'Agree the date of your final session.',
    ],
  },
  {
    title: 'Ending well and moving on',
    summary: 'How to close the relationship warmly, and what happens on the platform when you do.',
    phases: ['moving_on'],
    topics: ['ending_well', 'careers'],
    body: [
      'Use your last session to say thank you and to reflect on what each of you has learned.',
      'End the relationship on the platform when you are both ready. Each of you can then write a short closing reflection.',
      'Decide together whether to stay in touch informally, and on what terms.',
      'Think about what comes next. Many mentees go on to mentor others; many mentors find new things to learn by being mentored themselves.',
      'Endings can also come early, for good reasons. Ending a relationship that is not working is not a failure, and the mentee can be helped to find another mentor.',
    ],
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const guide of platformGuides) {
    await sql`
      insert into resources (programme_id, title, summary, body, phases, topics, created_by)
      values (null, ${guide.title}, ${guide.summary}, ${guide.body.join('\n\n')}, ${guide.phases}::text[], ${guide.topics}::text[], null)
    `.execute(db);
  }
}
