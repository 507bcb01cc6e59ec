import type { WorkflowType } from '../../workflows/workflow-types';
import { findProcedure } from './procedures';

/** The two clock settings of a procedure that the event path needs (from the procedure catalogue). */
export function procedureSettings(type: string): { limitWorkingDays: number; clockMode: 'restart' | 'pause' } {
  const procedure = findProcedure(type as WorkflowType);
  return { limitWorkingDays: procedure.timeLimitWorkingDays.value, clockMode: procedure.clockModeOnSupplementation.value };
}
