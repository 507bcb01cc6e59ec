export { connectDatabase, ensureIndexes, type DatabaseConnection } from './connection';
export { startEmbeddedFerretDb, type EmbeddedFerretDb } from './embedded-ferretdb';
export { superviseEmbeddedFerretDb, type SupervisedFerretDb } from './embedded-supervisor';
export { openDatabase, EMBEDDED_DB_NAME, type OpenDatabase } from './open-database';
export { ensureFerretDbBinary, GoMissingError } from './ferretdb-binary';
export { insertIfAbsent, insertManyIfAbsent, isDuplicateKeyError, DUPLICATE_KEY } from './unique-insert';
export { allocateSequence } from './sequence';
export { scansWholeCollections } from './server-kind';
export { LiveDirectory, type LiveSource } from './live-directory';
