import { Eta } from 'eta';
import { fromRoot } from '../paths';
import type { MailContent, MailLocale } from './mail-copy';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export type MailRenderer = (content: MailContent, locale: MailLocale) => RenderedMail;

/**
 * Renders structured copy with the layouts in views/mail: HTML with Eta's escaping, so a dossier title or a
 * reason typed by a user cannot inject markup, and plain text without it (escaping would garble it).
 */
export function createMailRenderer(viewsDir = fromRoot('views', 'mail')): MailRenderer {
  const html = new Eta({ views: viewsDir, cache: true, autoEscape: true, autoTrim: false });
  const text = new Eta({ views: viewsDir, cache: true, autoEscape: false, autoTrim: false });
  return (mail, locale) => ({
    subject: mail.subject,
    html: html.render('./html', { mail, locale }),
    text: text.render('./text', { mail, locale }),
  });
}
