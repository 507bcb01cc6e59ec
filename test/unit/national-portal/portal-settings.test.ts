import { ConfigError, loadConfig } from '../../../src/config';
import { createNationalPortal, portalTime } from '../../../src/national-portal';
import { createLogger } from '../../../src/logging/logger';

const portal = { DVCQG_URL: 'https://dvcqg.example.vn/api', DVCQG_USERNAME: 'soct', DVCQG_PASSWORD: 'secret' };
const start = (env: Record<string, string>) => createNationalPortal(loadConfig(env), { now: () => new Date(), logger: createLogger('silent') });
const problemsAtStart = (env: Record<string, string>) => {
  try {
    start(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('the national portal adapter at start', () => {
  it('when the portal is not configured, then there is no adapter and nothing is refused', () => {
    expect(start({})).toBeUndefined();
  });

  it('when procedures lack their national codes, then start is refused naming DVCQG_PROCEDURE_CODES and each procedure', () => {
    const problems = problemsAtStart({ ...portal, DVCQG_PROCEDURE_CODES: 'epr=1.012222:MT-EPR' });
    expect(problems).toEqual(['DVCQG_PROCEDURE_CODES: the portal files a dossier under its procedure\'s MaTTHC and MaLinhVuc; give them for green_transformation, renewable_energy, emissions_reduction as type=MaTTHC:MaLinhVuc']);
  });

  it('when a code names no procedure of ours, then start is refused naming it', () => {
    const codes = 'green_transformation=1:A,epr=2:B,renewable_energy=3:C,emissions_reduction=4:D,solar=5:E';
    expect(problemsAtStart({ ...portal, DVCQG_PROCEDURE_CODES: codes })).toEqual([expect.stringMatching(/^DVCQG_PROCEDURE_CODES: no procedure solar/)]);
  });

  it('when every procedure has its codes, then the adapter is built with its two jobs', () => {
    const codes = 'green_transformation=1:A,epr=2:B,renewable_energy=3:C,emissions_reduction=4:D';
    expect(Object.keys(start({ ...portal, DVCQG_PROCEDURE_CODES: codes })!.handlers).sort()).toEqual(['dvcqg-check', 'dvcqg-push']);
  });
});

describe('portal dates', () => {
  it.each([
    ['2026-03-12T02:00:00Z', '20260312090000'],
    ['2026-12-31T16:59:59.999Z', '20261231235959'],
    ['2026-12-31T17:00:00Z', '20270101000000'],
  ])('%s reads %s in Hai Phong', (instant, expected) => {
    expect(portalTime(new Date(instant))).toBe(expected);
  });
});
