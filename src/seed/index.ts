export { seedDemo, type DemoSeedResult } from './demo-seed';
