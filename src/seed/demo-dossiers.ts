import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { Schema, model } from 'mongoose';
import { createApplication } from '../applications/application.service';
import { requiredDocumentRules } from '../applications/procedures';
import { sendEvent } from '../applications/send-event';
import { actorFromUser } from '../auth/access-token.service';
import type { Actor } from '../auth/actor';
import type { WorkingCalendar } from '../calendar';
import { insertIfAbsent } from '../db';
import { uploadDocuments, type UploadSettings } from '../documents';
import { fromRoot } from '../paths';
import { DEMO_USERS } from './hai-phong.data';
import { UserModel } from '../auth/user.model';

/** Runs once per database: the marker's insert decides, so two instances starting together seed once. */
export const SeedMarkerModel = model('SeedMarker', new Schema({ _id: String, at: Date }, { versionKey: false }));

const EPR_DEMO_DATA = {
  reportingYear: 2026,
  role: 'producer',
  previousYearAmountVnd: 50_000_000_000,
  complianceMethod: 'recycle',
  productLines: [
    { productCode: 'packaging_rigid_pet', placedOnMarketKg: 500_000 },
    { productCode: 'packaging_paper_carton', placedOnMarketKg: 120_000 },
  ],
};

let fontBytes: Buffer | undefined;

/** A file name as a person would save it ("Ke-hoach-tai-che.pdf"), from the document's Vietnamese title. */
export function demoFileName(title: string): string {
  const words = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${words.slice(0, 60).replace(/-$/, '')}.pdf`;
}

/** A one-page PDF labelled as demo data, in the shipped font so Vietnamese renders (font read once: parsing it per PDF tripled the cost). */
export function demoPdf(title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font((fontBytes ??= readFileSync(fromRoot('views', 'static', 'fonts', 'DejaVuSans.ttf')))).fontSize(16).text(title);
    doc.moveDown().fontSize(11).text('Tài liệu mẫu (dữ liệu demo) — Demo document, not a real filing.');
    doc.end();
  });
}

async function attachRequiredDocuments(actor: Actor, dossierId: string, uploads: UploadSettings, now: Date): Promise<void> {
  for (const rule of requiredDocumentRules('epr', { complianceMethod: 'recycle', role: 'producer', claimsExportExclusion: false })) {
    const bytes = await demoPdf(rule.name_vi);
    const file = path.join(os.tmpdir(), `hp-green-demo-${randomUUID()}.pdf`);
    await writeFile(file, bytes);
    try {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await uploadDocuments(actor, { dossierId, code: rule.code, files: [{ path: file, originalName: demoFileName(rule.name_vi), sizeBytes: bytes.length, sha256 }] }, uploads, now);
    } finally {
      await rm(file, { force: true });
    }
  }
}

export async function demoActor(email: string): Promise<Actor | undefined> {
  const user = await UserModel.findOne({ email }).lean();
  return user ? actorFromUser(user) : undefined;
}

/**
 * A few demo dossiers along the one-stop process, so every role's page has something on it after
 * `npm start`: a draft, one awaiting the completeness check, one awaiting the leader's decision, and one
 * approved with its certificate. Everything goes through the real event path.
 */
export async function seedDemoDossiers(deps: { now: () => Date; calendar: WorkingCalendar; uploads: UploadSettings }): Promise<number> {
  const [business, officer, leader] = await Promise.all(
    (['business', 'officer', 'leader'] as const).map((role) => demoActor(DEMO_USERS.find((u) => u.role === role)!.email)),
  );
  if (!business || !officer || !leader) return 0;
  if (!(await insertIfAbsent(SeedMarkerModel, { _id: 'demo-dossiers-v1', at: deps.now() }))) return 0;

  const open = async (title: string) => {
    const dossier = await createApplication(business, { type: 'epr', title, data: EPR_DEMO_DATA }, deps.now());
    return String(dossier._id);
  };
  const send = (actor: Actor, id: string, type: string, payload: Record<string, unknown> = {}) => sendEvent(actor, id, { type, payload }, deps);

  await open('EPR bao bì năm 2026 (bản nháp, demo)');

  const submitted = await open('EPR bao bì năm 2026 — đợt 2 (demo)');
  await attachRequiredDocuments(business, submitted, deps.uploads, deps.now());
  await send(business, submitted, 'SUBMIT', { declaration: true });

  const awaiting = await open('EPR bao bì năm 2026 — nhà máy Đình Vũ (demo)');
  await attachRequiredDocuments(business, awaiting, deps.uploads, deps.now());
  await send(business, awaiting, 'SUBMIT', { declaration: true });
  await send(officer, awaiting, 'ACCEPT');
  await send(officer, awaiting, 'RECOMMEND', { decision: 'approve' });

  const approved = await open('EPR bao bì năm 2026 — nhà máy An Dương (demo)');
  await attachRequiredDocuments(business, approved, deps.uploads, deps.now());
  await send(business, approved, 'SUBMIT', { declaration: true });
  await send(officer, approved, 'ACCEPT');
  await send(officer, approved, 'RECOMMEND', { decision: 'approve' });
  await send(leader, approved, 'APPROVE');
  return 4;
}
