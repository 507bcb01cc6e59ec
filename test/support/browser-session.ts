import type { Express } from 'express';
import request from 'supertest';

/** The CSRF token of the first form on a page. */
export function csrfTokenOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF token on the page');
  return match[1];
}

/** A cookie-keeping browser stand-in; `signIn` goes through the real login form. */
export function browser(app: Express) {
  const agent = request.agent(app);
  return {
    agent,
    async formToken(path = '/login'): Promise<string> {
      return csrfTokenOf((await agent.get(path)).text);
    },
    async signIn(email: string, password: string) {
      const token = csrfTokenOf((await agent.get('/login')).text);
      return agent.post('/login').type('form').send({ _csrf: token, email, password });
    },
  };
}
