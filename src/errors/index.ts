export * from './app-error';
export * from './zod-field-errors';
