import type { ColumnProfile } from '../../shared/profile/types';

const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
const PHONE = /^\+?[\d\s().-]{7,20}$/;
const NAME_COLUMN = /(^|[_\s-])(first|last|full|sur|given|family|middle)?[_\s-]?names?$/i;
const TITLED_NAME = /^[A-Z][\p{L}'-]+(?: [A-Z][\p{L}'-]+)*, (Mr|Mrs|Miss|Ms|Mme|Mlle|Dr|Rev|Master|Sir|Lady|Col|Major|Capt)\.? /u;
const SAMPLE = 500;
const SHARE = 0.5;

/** What kind of personal data a text column seems to hold, or undefined. */
export function personalDataKind(profile: ColumnProfile, values: readonly string[]): string | undefined {
  if (profile.type === 'integer' || profile.type === 'float' || profile.type === 'boolean' || profile.type === 'date') { return undefined; }
  const sample = values.slice(0, SAMPLE).filter((v) => v.trim() !== '');
  if (sample.length === 0) { return undefined; }
  const share = (test: (v: string) => boolean) => sample.filter(test).length / sample.length;
  if (share((v) => EMAIL.test(v.trim())) >= SHARE) { return 'email addresses'; }
  if (share((v) => PHONE.test(v.trim()) && digitCount(v) >= 7 && digitCount(v) <= 15 && /[\s().+-]/.test(v)) >= SHARE) { return 'phone numbers'; }
  if (share((v) => TITLED_NAME.test(v)) >= SHARE) { return 'person names'; }
  if (NAME_COLUMN.test(profile.name) && profile.distinct > Math.min(50, profile.count / 2)) { return 'person names'; }
  return undefined;
}

function digitCount(v: string): number {
  let n = 0;
  for (const ch of v) { if (ch >= '0' && ch <= '9') { n++; } }
  return n;
}
