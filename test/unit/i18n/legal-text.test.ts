import * as calculators from '../../../src/applications/calculators';
import { DEFAULT_PROCEDURE_CATALOGUE } from '../../../src/applications/procedures/procedure-catalogue.data';
import { citationIn, sourceIn, valueNoteIn } from '../../../src/i18n';
import { translatedValueNotes } from '../../../src/i18n/legal-text';
import { RECURRING_OBLIGATIONS } from '../../../src/web/business/obligation-calendar.data';

/** Every string under a given key anywhere in the data (legal values, procedures, obligations). */
function stringsUnder(key: string, roots: readonly unknown[]): string[] {
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    for (const [name, value] of Object.entries(node)) {
      if (name === key && typeof value === 'string') found.add(value);
      else if (name === key && Array.isArray(value)) value.filter((v): v is string => typeof v === 'string').forEach((v) => found.add(v));
      walk(value);
    }
  };
  roots.forEach(walk);
  return [...found];
}

const DATA = [calculators, DEFAULT_PROCEDURE_CATALOGUE, RECURRING_OBLIGATIONS];
/** Words that mark English (or our own files) left on a Vietnamese page. */
const ENGLISH = /\b(Decree|Decision|Circular|Law|Arts?|Annex|amended|forms|and|of|the|Project|DOMAIN|DEMO|DEFAULT|ASSUMPTION|ND-CP|QD-TTg|Guidelines|Tables?)\b/;

describe('legal citations and sources on a Vietnamese page', () => {
  it('when a citation is shown in Vietnamese, then it reads the Vietnamese way', () => {
    expect(citationIn('Decree 08/2022/ND-CP Arts 77–86, amended by Decree 05/2025/ND-CP', 'vi')).toBe('Nghị định 08/2022/NĐ-CP, Điều 77–86, sửa đổi bởi Nghị định 05/2025/NĐ-CP');
    expect(citationIn('Decree 35/2022/ND-CP Arts 37 and 40; forms in Circular 05/2025', 'vi')).toBe('Nghị định 35/2022/NĐ-CP, Điều 37 và 40; biểu mẫu theo Thông tư 05/2025');
    expect(citationIn('Law on Environmental Protection 2020 Arts 54–55', 'vi')).toBe('Luật Bảo vệ môi trường 2020, Điều 54–55');
    expect(citationIn('Decision 13/2024/QD-TTg', 'vi')).toBe('Quyết định 13/2024/QĐ-TTg');
    expect(citationIn('Decree 08/2022/ND-CP Arts 77–86', 'en')).toBe('Decree 08/2022/ND-CP Arts 77–86');
  });

  it('when any legal basis in the data is shown in Vietnamese, then no English word is left', () => {
    const bases = stringsUnder('legalBasis', DATA);
    expect(bases.length).toBeGreaterThan(10);
    for (const basis of bases) expect([basis, citationIn(basis, 'vi')]).toEqual([basis, expect.not.stringMatching(ENGLISH)]);
  });

  it('when any source in the data is shown in Vietnamese, then it says what a reader needs, without English or our file names', () => {
    const sources = stringsUnder('source', DATA);
    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources) expect([source, sourceIn(source, 'vi')]).toEqual([source, expect.not.stringMatching(ENGLISH)]);
    expect(sourceIn('Project domain notes (DOMAIN.md §1)', 'en')).not.toContain('DOMAIN.md');
    expect(sourceIn('Sổ tay của Sở', 'vi')).toBe('Sổ tay của Sở'); // typed by an administrator: kept
  });

  it('when any note in the data is shown in Vietnamese, then it has its Vietnamese words', () => {
    const notes = stringsUnder('note', [calculators]);
    expect(notes.length).toBeGreaterThan(3);
    expect(notes.filter((note) => !translatedValueNotes().includes(note))).toEqual([]);
    for (const note of notes) expect(valueNoteIn(note, 'vi')).not.toMatch(ENGLISH);
  });
});
