// One-time messages shown after a redirect (Post/Redirect/Get): "Your password has been changed".
// Kept in a short-lived signed cookie so they work for signed-out pages too.
import type { FastifyReply, FastifyRequest } from 'fastify';

const COOKIE = 'mh_flash';

export interface Flash {
  kind: 'success' | 'info';
  title: string;
  text?: string;
}

export function setFlash(reply: FastifyReply, flash: Flash): void {
  reply.setCookie(COOKIE, JSON.stringify(flash), { path: '/', httpOnly: true, sameSite: 'lax', signed: true, maxAge: 120 });
}

export function readFlash(request: FastifyRequest, reply: FastifyReply): Flash | null {
  const raw = request.cookies[COOKIE];
  if (!raw) return null;
  reply.clearCookie(COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    return JSON.parse(unsigned.value) as Flash;
  } catch {
    return null;
  }
}
