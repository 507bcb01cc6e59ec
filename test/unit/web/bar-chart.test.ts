import fc from 'fast-check';
import { barChart, wrapLabel } from '../../../src/web/staff/svg-chart';

describe('bar chart labels', () => {
  it('when labels are long, then each is wrapped into at most two lines that fit its bar, nothing but the overflow is lost', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-zÀ-ỹ]{1,12}$/), { minLength: 1, maxLength: 6 }), fc.integer({ min: 3, max: 30 }), (words, maxChars) => {
        const label = words.join(' ');
        const lines = wrapLabel(label, maxChars);
        expect(lines.length).toBeGreaterThanOrEqual(1);
        expect(lines.length).toBeLessThanOrEqual(2);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(maxChars);
        // Whatever is shown is the label from its start (an ellipsis marks a cut).
        const shown = lines.join(' ').replace(/…/g, '');
        for (const part of shown.split(' ').filter(Boolean)) expect(label).toContain(part);
        if (label.length <= maxChars) expect(lines).toEqual([label]);
      }),
    );
  });

  it('when four procedures share a small chart, then no label is wider than its slot, so neighbours never touch', () => {
    const chart = barChart(['Chuyển đổi xanh', 'EPR', 'Điện mặt trời', 'Giảm phát thải'].map((label, i) => ({ label, value: i + 1 })), { width: 360 });
    const slot = (360 - 48) / 4;
    for (const bar of chart.bars) for (const line of bar.labelLines) expect(line.length * 6.2).toBeLessThanOrEqual(slot);
    expect(chart.bars.map((b) => b.labelLines.join(' ').replace('…', ''))).toEqual(['Chuyển đổi xanh', 'EPR', 'Điện mặt trời', 'Giảm phát thải']);
  });
});
