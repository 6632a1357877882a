// A mentor as a search result or shortlist entry: what a card shows and where its links and
// buttons go. Never contact details: those come only with an accepted invitation.
import type { MentoringType } from '../../db/types.ts';
import { mentoringTypeBits, type IndexedMentor } from '../../matching/search-types.ts';
import { mentoringTypeLabels } from '../mentors/statuses.ts';
import { excerpt } from './words.ts';

export interface ShortlistButton {
  isShortlisted: boolean;
  action: string;
  returnTo: string;
}

export interface MentorCard {
  userId: string;
  name: string;
  jobTitle: string;
  organisation: string;
  bioExcerpt: string;
  types: string[];
  reasons: string[];
  profileHref: string;
  shortlist: ShortlistButton;
}

export const paths = {
  search: (programmeId: string) => `/programmes/${programmeId}/find-a-mentor`,
  profile: (programmeId: string, mentorId: string) => `/programmes/${programmeId}/mentors/${mentorId}`,
  invite: (programmeId: string, mentorId: string) => `/programmes/${programmeId}/mentors/${mentorId}/invite`,
  shortlist: (programmeId: string) => `/programmes/${programmeId}/shortlist`,
  shortlistAdd: (programmeId: string, mentorId: string) => `/programmes/${programmeId}/shortlist/${mentorId}`,
  shortlistRemove: (programmeId: string, mentorId: string) => `/programmes/${programmeId}/shortlist/${mentorId}/remove`,
  seeking: (programmeId: string) => `/programmes/${programmeId}/seeking`,
  newPost: (programmeId: string) => `/programmes/${programmeId}/seeking/new`,
  closePost: (programmeId: string, postId: string) => `/programmes/${programmeId}/seeking/${postId}/close`,
  offer: (programmeId: string, postId: string) => `/programmes/${programmeId}/seeking/${postId}/offer`,
};

export function shortlistButton(programmeId: string, mentorId: string, isShortlisted: boolean, returnTo: string): ShortlistButton {
  return { isShortlisted, action: isShortlisted ? paths.shortlistRemove(programmeId, mentorId) : paths.shortlistAdd(programmeId, mentorId), returnTo };
}

export function typeLabels(bits: number): string[] {
  return (Object.keys(mentoringTypeBits) as MentoringType[]).filter((type) => (bits & mentoringTypeBits[type]) !== 0).map((type) => mentoringTypeLabels[type].text);
}

export function mentorCard(mentor: IndexedMentor, reasons: string[], at: { programmeId: string; isShortlisted: boolean; returnTo: string }): MentorCard {
  return {
    userId: mentor.userId,
    name: mentor.fullName,
    jobTitle: mentor.jobTitle,
    organisation: mentor.organisation,
    bioExcerpt: excerpt(mentor.bio),
    types: typeLabels(mentor.mentoringTypes),
    reasons,
    profileHref: paths.profile(at.programmeId, mentor.userId),
    shortlist: shortlistButton(at.programmeId, mentor.userId, at.isShortlisted, at.returnTo),
  };
}
