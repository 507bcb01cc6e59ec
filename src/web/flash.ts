type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * The one-line confirmation after a redirect (`?done=`), shown by the layout: `<section>.flash.<done>`, only
 * for values in `allowed`, so nothing typed into the URL is echoed back.
 */
export function flashOf(t: Translate, done: unknown, allowed: readonly string[], section: string): string | undefined {
  return typeof done === 'string' && allowed.includes(done) ? t(`${section}.flash.${done}`) : undefined;
}
