import { isIP } from 'node:net';
import { z } from 'zod';

/** Thrown when the environment is invalid; the message lists every bad variable at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

/** What express's 'trust proxy' accepts by name, beside addresses and subnets (proxy-addr's names). */
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const isProxyAddress = (entry: string) => {
  if (PROXY_NAMES.includes(entry)) return true;
  const [address = '', range, ...rest] = entry.split('/');
  if (rest.length > 0 || !isIP(address)) return false;
  return range === undefined || /^\d{1,3}$/.test(range) || isIP(range) === 4;
};

/**
 * Which proxies may tell the client's address in X-Forwarded-For: unset or `false` = none (req.ip is the peer
 * address, so a client cannot pick its own rate-limit bucket); a hop count (`1`); or a comma-separated list of
 * addresses, subnets and express's names (`loopback, 10.0.0.0/8`). `true` (trust anyone) is refused.
 */
const trustProxySchema = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .optional()
    .transform((value, context): false | number | string[] => {
      const text = value?.trim() ?? 'false';
      if (text === 'false') return false;
      if (/^\d+$/.test(text)) return Number(text);
      if (text === 'true') {
        context.addIssue({ code: 'custom', message: 'true would let any client name its own address; give the proxy addresses or a hop count' });
        return false;
      }
      const entries = text.split(',').map((entry) => entry.trim());
      const bad = entries.filter((entry) => !isProxyAddress(entry));
      if (bad.length > 0) context.addIssue({ code: 'custom', message: `not a hop count, address, subnet or one of ${PROXY_NAMES.join(', ')}: ${bad.join(', ')}` });
      return entries;
    }),
);

const envSchema = z.object({
  /** New organizations that register: `auto` active at once, `admin` (default) wait for a DOIT administrator. */
  REGISTRATION_APPROVAL: z.enum(['auto', 'admin']).default('admin'),
  /** The DOIT's code in the state agencies' code list: the first part of national dossier codes (default unverified). */
  DVCQG_AGENCY_CODE: z.string().regex(/^[A-Z0-9.]{3,30}$/, 'letters, digits and dots, as in the state agencies code list (e.g. 000.00.00.H26)').default('000.00.00.H26'),
  /**
   * The National Public Service Portal's integration (src/national-portal, docs/DVCQG.md): off unless the URL,
   * user name and password are all set. Procedure codes (MaTTHC, MaLinhVuc) override the catalogue's:
   * `green_transformation=1.012345:CT01,epr=…`.
   */
  DVCQG_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  DVCQG_USERNAME: optionalString,
  DVCQG_PASSWORD: optionalString,
  DVCQG_PROCEDURE_CODES: z.preprocess(emptyAsUndefined, z.string().optional()),
  /** The processing unit's name as the portal shows it (DonViXuLy). */
  DVCQG_UNIT_NAME: z.string().default('Sở Công Thương thành phố Hải Phòng'),
  /**
   * The key results are signed with (src/signing): a PKCS#12 file and its password, never in git. Unset outside
   * production, a development key is generated into DATA_DIR/signing at the first start.
   */
  SIGNING_P12_PATH: optionalString,
  SIGNING_P12_PASSWORD: optionalString,
  /** Single sign-on by OpenID Connect: off unless the issuer, client id and secret are all set. */
  OIDC_ISSUER_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  /** Which claims carry the verified e-mail, its "verified" flag, the name and the organization's tax code. */
  OIDC_EMAIL_CLAIM: z.string().default('email'),
  OIDC_EMAIL_VERIFIED_CLAIM: z.string().default('email_verified'),
  OIDC_NAME_CLAIM: z.string().default('name'),
  OIDC_TAX_CODE_CLAIM: z.string().default('tax_code'),
  OIDC_SCOPES: z.string().default('openid email profile'),
  /** The sign-in button's words (the provider's name), e.g. "VNeID". */
  OIDC_LABEL: z.string().default(''),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  BASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  MONGODB_URI: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
  ),
  // Fixed by default, so the embedded database keeps its address across restarts and a second instance can be
  // pointed at it; 27018 leaves MongoDB's own 27017 free. 0 picks a free port once (tests).
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(27018),
  SESSION_SECRET: optionalString,
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
  ),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default('"Sở Công Thương Hải Phòng" <no-reply@localhost>')),
  UPLOAD_DIR: z.preprocess(emptyAsUndefined, z.string().default('uploads')),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(200).default(20),
  DEMO_PASSWORD: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_LOCALE: z.enum(['vi', 'en']).default('vi'),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('data')),
  TRUST_PROXY: trustProxySchema,
});

export type Config = Readonly<{
  env: 'development' | 'test' | 'production';
  isProduction: boolean;
  port: number;
  baseUrl: string;
  /** Undefined means: provision the embedded FerretDB (never in production). */
  mongodbUri: string | undefined;
  /** Port of the embedded FerretDB on 127.0.0.1, kept across its restarts (0: a free one, picked once). */
  embeddedDbPort: number;
  sessionSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  uploadDir: string;
  maxUploadBytes: number;
  demoPassword: string | undefined;
  logLevel: string;
  defaultLocale: 'vi' | 'en';
  dataDir: string;
  /** express's 'trust proxy': false (none), a hop count, or addresses, subnets and names. */
  trustProxy: false | number | string[];
  /** Whether a newly registered organization is active at once or waits for a DOIT administrator. */
  registrationApproval: 'auto' | 'admin';
  /** Single sign-on, when configured (src/accounts/single-sign-on.ts). */
  oidc: OidcConfig | undefined;
  /** The agency part of national dossier codes. */
  agencyCode: string;
  /** The National Public Service Portal's integration, when configured. */
  dvcqg: DvcqgConfig | undefined;
  /** The signing key's PKCS#12 file and password; undefined: a development key (never in production). */
  signing: { p12Path: string; p12Password: string } | undefined;
}>;

export interface DvcqgConfig {
  url: string;
  username: string;
  password: string;
  unitName: string;
  /** MaTTHC and MaLinhVuc by procedure type, as DVCQG_PROCEDURE_CODES gives them (the catalogue fills the rest). */
  procedureCodes: Readonly<Record<string, { procedureCode: string; fieldCode: string }>>;
}

const CODE = /^[A-Za-z0-9._-]{1,40}$/;

/** `type=MaTTHC:MaLinhVuc` entries, comma separated; the problems name each bad entry. */
function parseProcedureCodes(text: string | undefined): { codes: Record<string, { procedureCode: string; fieldCode: string }>; problems: string[] } {
  const codes: Record<string, { procedureCode: string; fieldCode: string }> = {};
  const problems: string[] = [];
  for (const entry of (text ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^([a-z_]+)=([^:]+):(.+)$/.exec(entry);
    if (!match || !CODE.test(match[2]!) || !CODE.test(match[3]!)) {
      problems.push(`DVCQG_PROCEDURE_CODES: "${entry.slice(0, 60)}" is not type=MaTTHC:MaLinhVuc (letters, digits, dots, dashes)`);
      continue;
    }
    codes[match[1]!] = { procedureCode: match[2]!, fieldCode: match[3]! };
  }
  return { codes, problems };
}

export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  claims: { email: string; emailVerified: string; name: string; taxCode: string };
  scopes: string;
  label: string;
}

const MIN_SECRET_LENGTH = 32;
/** Only outside production: a fixed development secret keeps sessions across restarts of `npm start`. */
const DEVELOPMENT_SESSION_SECRET = 'development-only-session-secret-not-for-production';

/** Parses the environment once; the only place that interprets environment variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const values = parsed.success ? parsed.data : undefined;
  const nodeEnv = values?.NODE_ENV ?? (env.NODE_ENV === 'production' ? 'production' : 'development');

  if (nodeEnv === 'production') {
    if (!env.SESSION_SECRET || env.SESSION_SECRET.length < MIN_SECRET_LENGTH) {
      problems.push(`SESSION_SECRET: required in production, at least ${MIN_SECRET_LENGTH} characters`);
    }
    if (!env.MONGODB_URI) {
      problems.push('MONGODB_URI: required in production (the embedded database is for development only)');
    }
    if (env.DEMO_PASSWORD) {
      problems.push('DEMO_PASSWORD: demo users are refused in production; unset it');
    }
    if (!env.BASE_URL) {
      problems.push('BASE_URL: required in production (links in mail and QR codes use it)');
    }
    if (!env.SIGNING_P12_PATH) {
      problems.push('SIGNING_P12_PATH: required in production (results are signed with the Department\'s key; development keys are refused)');
    }
  } else if (env.SESSION_SECRET && env.SESSION_SECRET.length < MIN_SECRET_LENGTH) {
    problems.push(`SESSION_SECRET: at least ${MIN_SECRET_LENGTH} characters when set`);
  }

  const oidcParts = [env.OIDC_ISSUER_URL, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter((v) => v !== undefined && v !== '');
  if (oidcParts.length > 0 && oidcParts.length < 3) problems.push('OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three for single sign-on, or none');

  const dvcqgParts = [env.DVCQG_URL, env.DVCQG_USERNAME, env.DVCQG_PASSWORD].filter((v) => v !== undefined && v !== '');
  if (dvcqgParts.length > 0 && dvcqgParts.length < 3) problems.push('DVCQG_URL, DVCQG_USERNAME, DVCQG_PASSWORD: set all three to connect to the National Public Service Portal, or none');
  if (nodeEnv === 'production' && env.DVCQG_URL && !env.DVCQG_URL.startsWith('https://')) problems.push('DVCQG_URL: must use https in production (the password and dossiers travel over it)');
  const procedureCodes = parseProcedureCodes(env.DVCQG_PROCEDURE_CODES);
  problems.push(...procedureCodes.problems);

  if (problems.length > 0 || !values) throw new ConfigError(problems);

  return Object.freeze({
    env: values.NODE_ENV,
    isProduction: values.NODE_ENV === 'production',
    port: values.PORT,
    baseUrl: (values.BASE_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, ''),
    mongodbUri: values.MONGODB_URI,
    embeddedDbPort: values.EMBEDDED_DB_PORT,
    sessionSecret: values.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    uploadDir: values.UPLOAD_DIR,
    maxUploadBytes: Math.round(values.MAX_UPLOAD_MB * 1024 * 1024),
    demoPassword: values.DEMO_PASSWORD,
    logLevel: values.LOG_LEVEL,
    defaultLocale: values.DEFAULT_LOCALE,
    dataDir: values.DATA_DIR,
    trustProxy: values.TRUST_PROXY,
    registrationApproval: values.REGISTRATION_APPROVAL,
    agencyCode: values.DVCQG_AGENCY_CODE,
    signing: values.SIGNING_P12_PATH ? { p12Path: values.SIGNING_P12_PATH, p12Password: values.SIGNING_P12_PASSWORD ?? '' } : undefined,
    dvcqg:
      values.DVCQG_URL && values.DVCQG_USERNAME && values.DVCQG_PASSWORD
        ? { url: values.DVCQG_URL.replace(/\/$/, ''), username: values.DVCQG_USERNAME, password: values.DVCQG_PASSWORD, unitName: values.DVCQG_UNIT_NAME, procedureCodes: procedureCodes.codes }
        : undefined,
    oidc:
      values.OIDC_ISSUER_URL && values.OIDC_CLIENT_ID && values.OIDC_CLIENT_SECRET
        ? {
            issuerUrl: values.OIDC_ISSUER_URL,
            clientId: values.OIDC_CLIENT_ID,
            clientSecret: values.OIDC_CLIENT_SECRET,
            claims: { email: values.OIDC_EMAIL_CLAIM, emailVerified: values.OIDC_EMAIL_VERIFIED_CLAIM, name: values.OIDC_NAME_CLAIM, taxCode: values.OIDC_TAX_CODE_CLAIM },
            scopes: values.OIDC_SCOPES,
            label: values.OIDC_LABEL,
          }
        : undefined,
  });
}
