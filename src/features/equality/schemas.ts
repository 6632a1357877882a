// The equality form: every question optional, and an answer only from the question's own list
// (anything else is a forged or stale form, answered with the question's message).
import { z } from 'zod';
import { answerKeys, equalityQuestions } from './questions.ts';

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

export const equalitySchema = z
  .object(
    Object.fromEntries(
      equalityQuestions.map((question) => {
        const [first, ...rest] = answerKeys(question);
        return [question.key, z.preprocess(blankToUndefined, z.enum([first ?? '', ...rest], { error: question.missing }).optional())];
      }),
    ),
  )
  // Only answered questions are kept: an unanswered one is simply absent from the stored answers.
  .transform((data) => Object.fromEntries(Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === 'string')));

export type EqualityAnswers = Record<string, string>;
