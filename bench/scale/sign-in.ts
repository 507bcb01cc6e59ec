/** How a reader proves who it is: a session cookie for pages (as a browser), a bearer token for the API. */
export interface Credentials {
  cookie: string;
  token: string;
}

function mergeCookies(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    if (at > 0) jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/** Signs in through the real /login form (its CSRF token and cookies), then asks the token endpoint for a bearer token. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<Credentials> {
  const jar = new Map<string, string>();
  const form = await fetch(`${baseUrl}/login`);
  mergeCookies(jar, form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error('the sign-in page has no CSRF token');
  const signedIn = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email, password, _csrf: csrf }).toString(),
  });
  if (signedIn.status !== 303 && signedIn.status !== 302) throw new Error(`sign-in as ${email} answered ${signedIn.status}: ${(await signedIn.text()).slice(0, 300)}`);
  mergeCookies(jar, signedIn);

  const issued = await fetch(`${baseUrl}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, name: 'bench-scale' }),
  });
  if (issued.status !== 201) throw new Error(`token for ${email} answered ${issued.status}: ${(await issued.text()).slice(0, 300)}`);
  const token = String(((await issued.json()) as { token: unknown }).token);
  return { cookie: cookieHeader(jar), token };
}
