/**
 * Moving an installation to MongoDB (issue #13): copy every collection and index of one database into an empty
 * one, then verify counts, content digests, indexes and the dossier audit chains. `npm run db:copy` wraps it.
 */
export { copyDatabase, verifyCopy, type CopyOptions, type CopyReport } from './copy-database';
export { CopyRefusedError } from './endpoints';
export { startEmbeddedSource, type EmbeddedSource as EmbeddedSourceHandle } from './embedded-source';
export { formatVerification } from './report';
export type { Verification, CollectionCheck } from './verify';
