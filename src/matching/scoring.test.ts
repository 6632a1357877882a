import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newBitSet, setBit, type BitSet } from './bitset.ts';
import { explainFit, scoreFit, weights, type Labels, type MenteeNeeds, type MentorTraits } from './scoring.ts';

const AREAS = ['Career progression', 'Confidence and resilience', 'Interviews and applications', 'Digital skills'];
const MODES = ['Face to face', 'Phone', 'Video'];
const SETTINGS = ['Acute hospital', 'Primary care', 'Mental health'];
const labels: Labels = {
  helpArea: (bit) => AREAS[bit] ?? '?',
  meetingMode: (bit) => MODES[bit] ?? '?',
  profession: (id) => ['Nursing', 'Pharmacy'][id] ?? '?',
  careSetting: (id) => SETTINGS[id] ?? '?',
  region: (id) => ['London', 'Midlands'][id] ?? '?',
  band: (bandId) => `Band ${bandId}`,
};

function bits(...on: number[]): BitSet {
  const set = newBitSet(40);
  for (const bit of on) setBit(set, bit);
  return set;
}

const mentee: MenteeNeeds = {
  helpAreas: bits(0, 1, 2),
  meetingModes: bits(2),
  professionId: 0,
  careSettingId: 1,
  regionId: 0,
  bandRank: 5,
  prefersOtherProfession: false,
  prefersOtherSetting: false,
  mentoringType: 'traditional',
};

const mentor: MentorTraits = { helpAreas: bits(1, 2, 3), meetingModes: bits(0, 2), professionId: 1, careSettingId: 1, regionId: 1, bandRank: 8, bandId: 8 };

describe('fit', () => {
  test('weights add up to 100 points', () => {
    assert.equal(Object.values(weights).reduce((sum, w) => sum + w, 0), 100);
  });

  test('the score is the sum of the explained components', () => {
    const text = { matched: 1, total: 2 };
    const reasons = explainFit(mentee, mentor, labels, text);
    const total = reasons.reduce((sum, r) => sum + r.points, 0);
    assert.ok(Math.abs(total - scoreFit(mentee, mentor, text)) < 1e-9);
  });

  test('reasons say why in plain words, strongest first', () => {
    const reasons = explainFit(mentee, mentor, labels).map((r) => r.text);
    assert.deepEqual(reasons, [
      'helps with confidence and resilience and interviews and applications — 2 of your 3 areas',
      'more senior (Band 8)',
      'also works in primary care',
      'offers video',
    ]);
  });

  test('a preference for another profession or setting turns the component round', () => {
    const curious = { ...mentee, prefersOtherProfession: true, prefersOtherSetting: true };
    const reasons = explainFit(curious, mentor, labels).map((r) => r.text);
    assert.ok(reasons.includes('from another profession (pharmacy), as you asked'));
    assert.ok(!reasons.some((text) => text.startsWith('also works in')));
  });

  test('in reverse mentoring the more junior colleague fits; in peer mentoring a similar level does', () => {
    assert.equal(scoreFit({ ...mentee, mentoringType: 'reverse' }, { ...mentor, bandRank: 3, bandId: 3 }) > scoreFit({ ...mentee, mentoringType: 'reverse' }, mentor), true);
    assert.ok(explainFit({ ...mentee, mentoringType: 'peer' }, { ...mentor, bandRank: 6, bandId: 6 }, labels).some((r) => r.text.startsWith('at a similar level')));
  });

  test('covering every area a mentee asked for says so', () => {
    const full = { ...mentor, helpAreas: bits(0, 1, 2) };
    assert.match(explainFit(mentee, full, labels)[0]?.text ?? '', /all 3 of your areas$/);
  });

  test('unknown answers neither score nor explain', () => {
    const blank: MentorTraits = { helpAreas: bits(), meetingModes: bits(), professionId: -1, careSettingId: -1, regionId: -1, bandRank: -1, bandId: -1 };
    assert.equal(scoreFit(mentee, blank), 0);
    assert.deepEqual(explainFit(mentee, blank, labels), []);
  });
});
