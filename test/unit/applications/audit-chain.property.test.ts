import fc from 'fast-check';
import { findBrokenLink, GENESIS_HASH, hashEntry, type ChainedEntry } from '../../../src/applications/audit-chain';
import { canonicalJson } from '../../../src/applications/canonical-json';

const contentArbitrary = fc.record({
  event: fc.record({ type: fc.constantFrom('SUBMIT', 'ACCEPT', 'REQUEST_SUPPLEMENT', 'APPROVE'), reasons: fc.array(fc.string(), { maxLength: 3 }) }),
  actor: fc.record({ role: fc.constantFrom('business', 'officer', 'leader', 'system'), name: fc.string() }),
  at: fc.date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  comment: fc.option(fc.string(), { nil: undefined }),
});

function chain(contents: Record<string, unknown>[]): ChainedEntry[] {
  let prevHash = GENESIS_HASH;
  return contents.map((content, index) => {
    const entry = { sequence: index + 1, prevHash, hash: hashEntry({ ...content, sequence: index + 1 }, prevHash), content: { ...content, sequence: index + 1 } };
    prevHash = entry.hash;
    return entry;
  });
}

describe('the tamper-evident audit chain', () => {
  it('when entries are chained, then the chain verifies whatever their content', () => {
    fc.assert(fc.property(fc.array(contentArbitrary, { maxLength: 30 }), (contents) => expect(findBrokenLink(chain(contents))).toBeUndefined()));
  });

  it('when any entry is altered, removed or the order swapped, then verification names the first entry out of place', () => {
    fc.assert(
      fc.property(fc.array(contentArbitrary, { minLength: 2, maxLength: 20 }), fc.nat(), fc.string({ minLength: 1 }), (contents, pick, text) => {
        const entries = chain(contents);
        const index = pick % entries.length;

        const altered = entries.map((e, i) => (i === index ? { ...e, content: { ...e.content, comment: `${String(e.content.comment ?? '')}${text}` } } : e));
        expect(findBrokenLink(altered)).toBe(index + 1);

        const removed = entries.filter((_, i) => i !== index);
        // The first entry that no longer fits is the one after the gap (reported by its own sequence).
        expect(findBrokenLink(removed)).toBe(index === entries.length - 1 ? undefined : index + 2);

        const swapped = [...entries];
        const other = (index + 1) % entries.length;
        [swapped[index], swapped[other]] = [swapped[other]!, swapped[index]!];
        expect(findBrokenLink(swapped)).toBe(swapped[Math.min(index, other)]!.sequence);
      }),
    );
  });

  it('when object keys come in another order, then the canonical form and so the hash are the same', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
      }),
    );
  });
});
