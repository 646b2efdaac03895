/**
 * `GET /api/quiz?seed=&count=`: a multiple-choice quiz generated from the graph. The same
 * seed gives the same quiz (so a teacher can hand out a link); without one, a seed is drawn
 * and returned with the quiz.
 */
import { randomInt } from 'node:crypto';
import type { Router } from 'express';
import { generateQuiz, MAX_QUIZ_COUNT } from '../quiz/generate.js';
import type { GraphStore } from '../stores/types.js';
import { z } from 'zod';
import { optionalInt, validateQuery } from '../http/params.js';

export const MAX_QUIZ_SEED = 999_999;
export const DEFAULT_QUIZ_COUNT = 5;
export const quizQuery = {
  seed: z
    .string()
    .optional()
    .refine((s) => s === undefined || /^\d{1,6}$/.test(s), { message: `must be an integer from 0 to ${MAX_QUIZ_SEED}.` })
    .transform((s) => (s === undefined ? undefined : Number(s))),
  count: optionalInt(1, MAX_QUIZ_COUNT, DEFAULT_QUIZ_COUNT),
};

export function quizRoutes(router: Router, store: GraphStore): void {
  router.get('/quiz', async (req, res) => {
    const { seed, count } = validateQuery(req, quizQuery);
    const graph = await store.graph({});
    res.json(generateQuiz(graph, { seed: seed ?? randomInt(MAX_QUIZ_SEED + 1), count }));
  });
}
