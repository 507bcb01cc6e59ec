import { trusted, Types } from 'mongoose';
import ExcelJS from 'exceljs';
import { ApplicationModel } from '../../src/applications/application.model';
import { PetitionModel } from '../../src/dialogue/petition.model';

/** The baseline: the same dossiers and petitions read by cursor and written field by field, no figures, no rows logic. */
export async function writeBareWorkbook(conferenceId: string, startsAt: Date, endsAt: Date, filename: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useSharedStrings: false, useStyles: false });
  let rows = 0;
  const dossiers = workbook.addWorksheet('Dossiers');
  const range = trusted({ $gte: startsAt, $lt: endsAt });
  for await (const d of ApplicationModel.find({ $or: [{ submittedAt: range }, { decidedAt: range }] }).sort({ code: 1 }).lean().cursor({ batchSize: 500 })) {
    const x = d as Record<string, unknown>;
    dossiers.addRow([x.code, x.type, x.title, x.state, x.submittedAt, x.decidedAt]).commit();
    rows += 1;
  }
  dossiers.commit();
  const petitions = workbook.addWorksheet('Petitions');
  for await (const p of PetitionModel.find({ conferenceId: new Types.ObjectId(conferenceId) }).sort({ topic: 1, receivedAt: 1 }).lean().cursor({ batchSize: 500 })) {
    petitions.addRow([p.code, p.topic, p.organizationName, p.text, p.status, p.responsibleUnit, p.response, p.receivedAt]).commit();
    rows += 1;
  }
  petitions.commit();
  await workbook.commit();
  return rows;
}
