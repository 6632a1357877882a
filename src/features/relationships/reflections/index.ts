// What others use of session reflections: the emoji offered, which the demo dataset picks from.
export { reflectionEmojis } from './schemas.ts';
