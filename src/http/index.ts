export { createApp, type AppDeps } from './app';
export { startHttpServer, type RunningHttpServer } from './http-server';
