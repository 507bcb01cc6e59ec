import type { WorkflowType } from '../../workflows/workflow-types';
import { findProcedure } from './procedures';

export interface ProcedureClockSettings {
  limitWorkingDays: number;
  clockMode: 'restart' | 'pause';
  /** The completeness check's own limit, counted from submission (Decree 118 versions). */
  completenessCheckWorkingDays: number;
}

/** The clock settings of a procedure that the event path needs (from the procedure catalogue). */
export function procedureSettings(type: string): ProcedureClockSettings {
  const procedure = findProcedure(type as WorkflowType);
  return {
    limitWorkingDays: procedure.timeLimitWorkingDays.value,
    clockMode: procedure.clockModeOnSupplementation.value,
    completenessCheckWorkingDays: procedure.completenessCheckWorkingDays.value,
  };
}
