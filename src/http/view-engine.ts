import type { Express } from 'express';
import path from 'node:path';
import { Eta } from 'eta';
import { fromRoot } from '../paths';

/**
 * Eta renders views/*.eta with auto-escaping on; layouts and partials are plain Eta includes.
 * Templates are cached in production and re-read in development so edits show without a restart.
 */
export function installViewEngine(app: Express, options: { cache: boolean }): void {
  const viewsDir = fromRoot('views');
  const eta = new Eta({ views: viewsDir, cache: options.cache, autoEscape: true, autoTrim: false });
  app.engine('eta', (filePath, data, callback) => {
    // Express hands us an absolute path; Eta resolves names relative to its views folder.
    eta
      .renderAsync(path.relative(viewsDir, filePath), data as object)
      .then((html) => callback(null, html))
      .catch((error: unknown) => callback(error));
  });
  app.set('views', viewsDir);
  app.set('view engine', 'eta');
}
