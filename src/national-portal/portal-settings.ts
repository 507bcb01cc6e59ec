import { findProcedure } from '../applications/procedures';
import { ConfigError, type DvcqgConfig } from '../config';
import { WORKFLOW_TYPES, type WorkflowType } from '../../workflows/workflow-types';

/** What the adapter needs beyond the connection: each procedure's national codes and name. */
export interface PortalSettings {
  url: string;
  username: string;
  password: string;
  unitCode: string;
  unitName: string;
  baseUrl: string;
  procedures: Record<WorkflowType, { procedureCode: string; fieldCode: string; name: string; fees: { name: string; amountVnd: number }[] }>;
}

/**
 * The adapter's settings, or a ConfigError naming the setting to fix: every procedure must have its MaTTHC and
 * MaLinhVuc (DVCQG_PROCEDURE_CODES, else the catalogue), since the portal refuses a dossier without them.
 */
export function portalSettings(config: { dvcqg: DvcqgConfig; agencyCode: string; baseUrl: string }): PortalSettings {
  const { dvcqg } = config;
  const problems: string[] = [];
  const unknown = Object.keys(dvcqg.procedureCodes).filter((type) => !(WORKFLOW_TYPES as readonly string[]).includes(type));
  if (unknown.length) problems.push(`DVCQG_PROCEDURE_CODES: no procedure ${unknown.join(', ')} (the procedures are ${WORKFLOW_TYPES.join(', ')})`);
  const procedures = {} as PortalSettings['procedures'];
  const missing: string[] = [];
  for (const type of WORKFLOW_TYPES) {
    const procedure = findProcedure(type);
    const procedureCode = dvcqg.procedureCodes[type]?.procedureCode ?? procedure.dvcqg.procedureCode.value;
    const fieldCode = dvcqg.procedureCodes[type]?.fieldCode ?? procedure.dvcqg.fieldCode.value;
    if (!procedureCode || !fieldCode) {
      missing.push(type);
      continue;
    }
    const fees = procedure.fees.amountVnd ? [{ name: procedure.fees.note_vi, amountVnd: procedure.fees.amountVnd }] : [];
    procedures[type] = { procedureCode, fieldCode, name: procedure.name_vi, fees };
  }
  if (missing.length) problems.push(`DVCQG_PROCEDURE_CODES: the portal files a dossier under its procedure's MaTTHC and MaLinhVuc; give them for ${missing.join(', ')} as type=MaTTHC:MaLinhVuc`);
  if (problems.length) throw new ConfigError(problems);
  return { url: dvcqg.url, username: dvcqg.username, password: dvcqg.password, unitCode: config.agencyCode, unitName: dvcqg.unitName, baseUrl: config.baseUrl, procedures };
}
