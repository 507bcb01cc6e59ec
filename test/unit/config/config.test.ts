import { ConfigError, loadConfig } from '../../../src/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('when the environment is empty, then development defaults apply and the embedded database is chosen', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', port: 3000, baseUrl: 'http://localhost:3000', defaultLocale: 'vi' });
    expect(config.mongodbUri).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('when several variables are bad, then one error names every one of them', () => {
    const problems = problemsOf({ PORT: 'eighty', MONGODB_URI: 'postgres://x', LOG_LEVEL: 'loud', DEFAULT_LOCALE: 'fr', MAX_UPLOAD_MB: '-1', SMTP_URL: 'http://mail' });
    const named = problems.map((p) => p.split(':')[0]);
    expect(named).toEqual(expect.arrayContaining(['PORT', 'MONGODB_URI', 'LOG_LEVEL', 'DEFAULT_LOCALE', 'MAX_UPLOAD_MB', 'SMTP_URL']));
  });

  it('when production lacks a session secret, a database and a base URL, then it refuses to start', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.join('\n')).toMatch(/SESSION_SECRET/);
    expect(problems.join('\n')).toMatch(/MONGODB_URI/);
    expect(problems.join('\n')).toMatch(/BASE_URL/);
    // Results are signed with the Department's key; a development key is never used in production.
    expect(problems.join('\n')).toMatch(/SIGNING_P12_PATH: required in production/);
  });

  it('when production is given a short secret or demo users, then it refuses them', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      SESSION_SECRET: 'short',
      MONGODB_URI: 'mongodb://db/hp',
      BASE_URL: 'https://green.haiphong.gov.vn',
      SIGNING_P12_PATH: '/run/secrets/soct-signing.p12',
      DEMO_PASSWORD: 'secret123',
    });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/SESSION_SECRET: required in production, at least 32/);
    expect(problems.join('\n')).toMatch(/DEMO_PASSWORD/);
  });

  it('when production is configured completely, then the config is accepted', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      MONGODB_URI: 'mongodb://db:27017/hp?replicaSet=rs0',
      BASE_URL: 'https://green.haiphong.gov.vn/',
      SIGNING_P12_PATH: '/run/secrets/soct-signing.p12',
      SIGNING_P12_PASSWORD: 'from-the-secret-store',
      MAX_UPLOAD_MB: '10',
    });
    expect(config).toMatchObject({ isProduction: true, baseUrl: 'https://green.haiphong.gov.vn', maxUploadBytes: 10 * 1024 * 1024, signing: { p12Path: '/run/secrets/soct-signing.p12', p12Password: 'from-the-secret-store' } });
  });

  it('when a variable is set to an empty string, then it counts as unset', () => {
    expect(loadConfig({ MONGODB_URI: '', SMTP_URL: '', PORT: '' }).mongodbUri).toBeUndefined();
  });

  it('when TRUST_PROXY is unset, then no proxy is trusted; a hop count or a list of addresses, subnets and names is taken as express takes it', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, 192.168.1.0/255.255.255.0, fd00::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '192.168.1.0/255.255.255.0', 'fd00::1']);
  });

  it('when TRUST_PROXY is true or names something that is not an address, then it is refused by name', () => {
    expect(problemsOf({ TRUST_PROXY: 'true' })).toEqual([expect.stringMatching(/^TRUST_PROXY: true would let any client name its own address/)]);
    expect(problemsOf({ TRUST_PROXY: 'loopback, proxy.example.vn, 10.0.0.0/8/1' })).toEqual([expect.stringMatching(/^TRUST_PROXY: .*proxy\.example\.vn, 10\.0\.0\.0\/8\/1$/)]);
  });
});

describe('configuration of the national connections', () => {
  const portal = { DVCQG_URL: 'https://dvcqg.example.vn/api', DVCQG_USERNAME: 'soct', DVCQG_PASSWORD: 'secret' };

  it('when only part of the portal connection is set, then start is refused naming the three settings', () => {
    const problems = problemsOf({ DVCQG_URL: 'https://dvcqg.example.vn/api' });
    expect(problems).toEqual(['DVCQG_URL, DVCQG_USERNAME, DVCQG_PASSWORD: set all three to connect to the National Public Service Portal, or none']);
  });

  it('when a procedure code entry is malformed, then the problem names DVCQG_PROCEDURE_CODES and the entry', () => {
    const problems = problemsOf({ ...portal, DVCQG_PROCEDURE_CODES: 'epr=1.012222:MT-EPR, solar 1.2' });
    expect(problems).toEqual(['DVCQG_PROCEDURE_CODES: "solar 1.2" is not type=MaTTHC:MaLinhVuc (letters, digits, dots, dashes)']);
  });

  it('when production talks to the portal over http, then start is refused', () => {
    const problems = problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), MONGODB_URI: 'mongodb://db/hp', BASE_URL: 'https://green.haiphong.gov.vn', SIGNING_P12_PATH: '/run/secrets/k.p12', ...portal, DVCQG_URL: 'http://dvcqg.example.vn' });
    expect(problems).toEqual([expect.stringMatching(/^DVCQG_URL: must use https in production/)]);
  });

  it('when the agency code or single sign-on is half set, then each problem names its setting', () => {
    const problems = problemsOf({ DVCQG_AGENCY_CODE: 'sở công thương', OIDC_CLIENT_ID: 'green' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(expect.arrayContaining(['DVCQG_AGENCY_CODE', 'OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET']));
  });

  it('when the portal is configured completely, then the codes are read per procedure', () => {
    const config = loadConfig({ ...portal, DVCQG_PROCEDURE_CODES: 'epr=1.012222:MT-EPR,green_transformation=1.011111:CT-MT' });
    expect(config.dvcqg).toMatchObject({ url: 'https://dvcqg.example.vn/api', procedureCodes: { epr: { procedureCode: '1.012222', fieldCode: 'MT-EPR' }, green_transformation: { procedureCode: '1.011111', fieldCode: 'CT-MT' } } });
    expect(loadConfig({}).dvcqg).toBeUndefined();
  });
});
