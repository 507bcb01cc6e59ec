import { linkSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import type { Db, Document } from 'mongodb';
import { connectDatabase, ensureIndexes, startEmbeddedFerretDb } from '../../src/db';
import { uploadSettingsFromConfig } from '../../src/documents';
import { UnitCopier, type CopyOwner } from './copy';
import { ManifestCollector, writeManifest } from './manifest';
import { Numbering } from './numbering';
import { applicantEmail, createOrganizations, templateOwners, type OrganizationKind } from './organizations';
import { randomSource } from './random';
import { buildTemplates } from './templates';
import { collectUnits, type Unit } from './units';
import { verifyInstallation } from './verify';

export const DB_NAME = 'hp-green';
const CLOSED_STATES = new Set(['approved', 'rejected', 'withdrawn', 'revoked', 'expired']);
const OPEN_TARGET = 300;
const WEEK = 7 * 86_400_000;
const MAX_SHIFT_WEEKS = 5 * 52;
const UNITS_PER_BATCH = 500;

export interface BuildReport {
  dossiers: number;
  petitions: number;
  organizations: number;
  records: Record<string, number>;
  templateMs: number;
  copyMs: number;
}

/** The furthest back a copy may move: never so far that one of its pending jobs (a deadline, an expiry) falls due. */
function maxShiftWeeks(unit: Unit, now: Date): number {
  if (!unit.earliestPendingJob) return MAX_SHIFT_WEEKS;
  return Math.max(0, Math.min(MAX_SHIFT_WEEKS, Math.floor((unit.earliestPendingJob.getTime() - now.getTime()) / WEEK) - 1));
}

async function insertBatch(db: Db, batch: Map<string, Document[]>, counts: Record<string, number>): Promise<void> {
  for (const [collection, docs] of batch) {
    for (let start = 0; start < docs.length; start += 1000) await db.collection(collection).insertMany(docs.slice(start, start + 1000), { ordered: false });
    counts[collection] = (counts[collection] ?? 0) + docs.length;
  }
  batch.clear();
}

/**
 * Builds an installation of `size` dossiers in `dir` (FerretDB data and uploads): templates through the real
 * event path, then faithful copies written in bulk. About 300 dossiers are open; the rest are closed and spread
 * over five years before the templates; petitions are copied one for every eight dossiers.
 */
export async function buildInstallation(size: number, dir: string, log: (line: string) => void): Promise<BuildReport> {
  const server = await startEmbeddedFerretDb({ dataDir: path.join(dir, 'ferretdb'), log });
  const database = await connectDatabase(`${server.uri}${DB_NAME}`);
  try {
    await ensureIndexes();
    const now = new Date();
    const started = performance.now();
    const uploads = uploadSettingsFromConfig({ uploadDir: path.join(dir, 'uploads'), maxUploadBytes: 20 * 1024 * 1024 });
    await buildTemplates({ now, dataDir: path.join(dir, 'data'), uploads });
    const templateMs = performance.now() - started;
    const db = mongoose.connection.db!;
    const units = await collectUnits(db);
    const owners = await templateOwners(db);
    const numbering = await Numbering.load(db);
    const dossierUnits = units.filter((u) => u.kind === 'dossier');
    log(`templates: ${dossierUnits.length} dossiers, ${units.length - dossierUnits.length} petitions through the event path in ${(templateMs / 1000).toFixed(1)} s`);

    const organizationCount = Math.min(1500, Math.max(100, Math.round(size / 40)));
    const complexCodes = (await db.collection('industrialcomplexes').find({}, { projection: { code: 1 } }).toArray()).map((c) => String(c.code));
    const copyOwners = await createOrganizations(db, organizationCount, complexCodes, now);

    const open = dossierUnits.filter((u) => !CLOSED_STATES.has(u.state));
    const closed = dossierUnits.filter((u) => CLOSED_STATES.has(u.state));
    const petitions = units.filter((u) => u.kind === 'petition');
    const copies = Math.max(0, size - dossierUnits.length);
    const openCopies = Math.min(copies, Math.max(0, OPEN_TARGET - open.length));
    const plan: Unit[] = [];
    for (let i = 0; i < copies; i++) plan.push(i < openCopies ? open[i % open.length]! : closed[i % closed.length]!);
    for (let i = 0; i < Math.round(size / 8) - petitions.length; i++) plan.push(petitions[i % petitions.length]!);

    // Copied documents get storage keys of their own; their files are hard links to the template's bytes.
    const uploadRoot = path.join(dir, 'uploads');
    const uploadedFiles = new Set(readdirSync(uploadRoot));
    const collector = new ManifestCollector({ ...copyOwners.enterprise[0]!, email: applicantEmail(0) });
    const random = randomSource(size);
    const copiers = new Map<Unit, UnitCopier>();
    const turn: Record<OrganizationKind, number> = { enterprise: 0, ic_operator: 0 };
    const batch = new Map<string, Document[]>();
    const counts: Record<string, number> = {};
    const copyStarted = performance.now();
    for (const [index, unit] of plan.entries()) {
      const templateOwner = owners.get(unit.organizationId)!;
      let copier = copiers.get(unit);
      if (!copier) copiers.set(unit, (copier = new UnitCopier(unit, templateOwner)));
      const pool = copyOwners[templateOwner.kind];
      const owner: CopyOwner = pool[turn[templateOwner.kind]++ % pool.length]!;
      const shiftMs = -Math.floor(random() * (maxShiftWeeks(unit, now) + 1)) * WEEK;
      const { records, renamedUuids } = copier.copy(owner, shiftMs, numbering);
      collector.see(records, owner);
      for (const [from, to] of renamedUuids) if (uploadedFiles.has(from)) linkSync(path.join(uploadRoot, from), path.join(uploadRoot, to));
      for (const [collection, docs] of Object.entries(records)) {
        const list = batch.get(collection) ?? [];
        batch.set(collection, list);
        list.push(...docs);
      }
      if ((index + 1) % UNITS_PER_BATCH === 0 || index === plan.length - 1) {
        batch.set('sequenceclaims', numbering.takeClaims());
        await insertBatch(db, batch, counts);
        const seconds = (performance.now() - copyStarted) / 1000;
        log(`copied ${index + 1}/${plan.length} units in ${seconds.toFixed(0)} s (${((index + 1) / seconds).toFixed(0)}/s)`);
      }
    }
    for (const hint of numbering.hints()) await db.collection('sequencehints').updateOne({ _id: hint._id }, { $max: { last: hint.last } }, { upsert: true });
    const copyMs = performance.now() - copyStarted;

    const manifest = collector.manifest();
    writeManifest(dir, manifest);
    await verifyInstallation(db, { dossiers: dossierUnits.length + copies, sample: manifest.sample, log });
    const report: BuildReport = { dossiers: dossierUnits.length + copies, petitions: Math.max(petitions.length, Math.round(size / 8)), organizations: organizationCount, records: counts, templateMs, copyMs };
    writeFileSync(path.join(dir, 'build.json'), JSON.stringify(report, null, 2));
    return report;
  } finally {
    await database.close();
    await server.stop();
  }
}
