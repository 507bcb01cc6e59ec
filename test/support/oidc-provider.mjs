// A real OpenID Connect provider (oidc-provider, the certified implementation) for the single sign-on tests,
// run as its own process because it is an ES module. Its accounts come from OIDC_TEST_ACCOUNTS (JSON: login ->
// claims); the development login form accepts any password. Prints "ready" once it listens.
import Provider from 'oidc-provider';
import process from 'node:process';

const port = Number(process.env.OIDC_TEST_PORT);
const issuer = `http://127.0.0.1:${port}`;
const accounts = JSON.parse(process.env.OIDC_TEST_ACCOUNTS ?? '{}');

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_TEST_CLIENT_ID,
      client_secret: process.env.OIDC_TEST_CLIENT_SECRET,
      redirect_uris: [process.env.OIDC_TEST_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'tax_code'] },
  async findAccount(_ctx, id) {
    const claims = accounts[id];
    if (!claims) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
  },
  features: { devInteractions: { enabled: true } },
  // Plain http on 127.0.0.1 in the tests.
  cookies: { keys: ['test-only-cookie-key'] },
});
provider.proxy = false;
provider.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
