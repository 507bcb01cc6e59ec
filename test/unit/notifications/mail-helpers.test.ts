import { digestDayFor, digestInstant } from '../../../src/notifications/digest-schedule';
import { decodeHeaderWords, parseHeaders } from '../../../src/notifications/mail-outbox-folder';
import { stableMessageId } from '../../../src/notifications/message-id';

describe('stable Message-IDs', () => {
  it('when the same message goes to the same recipient again, then the Message-ID is the same, whatever the address case', () => {
    expect(stableMessageId('d:000001/notify', 'A@Example.vn')).toBe(stableMessageId('d:000001/notify', 'a@example.vn'));
    expect(stableMessageId('d:000001/notify', 'a@example.vn')).toMatch(/^<[0-9a-f]{32}\.[0-9a-f]{16}@hp-green>$/);
  });

  it('when the message or the recipient differs, then so does the Message-ID, and no address shows in it', () => {
    const id = stableMessageId('d:000001/notify', 'a@example.vn');
    expect(stableMessageId('d:000002/notify', 'a@example.vn')).not.toBe(id);
    expect(stableMessageId('d:000001/notify', 'b@example.vn')).not.toBe(id);
    expect(id).not.toContain('example');
  });
});

describe('digest days', () => {
  it('when something happens before 07:00 in Viet Nam, then it goes into that morning\'s digest, otherwise the next', () => {
    expect(digestDayFor(new Date('2026-03-12T23:59:00Z'))).toBe('2026-03-13'); // 06:59 on 13 March
    expect(digestDayFor(new Date('2026-03-13T00:00:00Z'))).toBe('2026-03-14'); // 07:00 on 13 March
    expect(digestInstant('2026-03-13').toISOString()).toBe('2026-03-13T00:00:00.000Z');
  });

  it('when a digest is sent, then the next one is booked for the following morning', () => {
    expect(digestDayFor(digestInstant('2026-12-31'))).toBe('2027-01-01');
  });
});

describe('.eml headers', () => {
  it('when headers are encoded words or folded, then the listing shows them readable', () => {
    expect(decodeHeaderWords('=?UTF-8?Q?=C4=90=C3=A3_ti=E1=BA=BFp?= =?UTF-8?Q?_nh=E1=BA=ADn?=')).toBe('Đã tiếp nhận');
    expect(decodeHeaderWords('=?UTF-8?B?SOG7kyBzxqE=?=')).toBe('Hồ sơ');
    const headers = parseHeaders('Subject: [HP-EPR-2026-000001]\n =?UTF-8?B?SOG7kyBzxqE=?=\nTo: a@example.vn\n\nbody: not a header');
    expect(headers.get('subject')).toBe('[HP-EPR-2026-000001] Hồ sơ');
    expect(headers.has('body')).toBe(false);
  });
});
