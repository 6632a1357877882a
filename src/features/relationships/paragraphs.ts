// Stored plain text as the pages show it: paragraphs of lines. The views escape each line and put
// paragraphs and line breaks around them, so text someone typed never becomes HTML (a resource's
// body in the library, a concern and the admins' notes on it).

/** Plain text to paragraphs (blank lines) of lines (single new lines). */
export function paragraphsOf(body: string): string[][] {
  return body.split(/\n\s*\n/).map((p) => p.split('\n').map((line) => line.trim()).filter((line) => line !== '')).filter((p) => p.length > 0);
}
