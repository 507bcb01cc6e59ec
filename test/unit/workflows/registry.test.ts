import {
  applyWorkflowEvent,
  getWorkflow,
  initialSnapshot,
  latestVersion,
  listWorkflows,
  UnknownWorkflowError,
  WORKFLOW_TYPES,
  WorkflowSnapshotError,
} from '../../../workflows';
import * as renewableV1 from '../../../workflows/renewable-energy-v1.machine';
import * as renewableV2 from '../../../workflows/renewable-energy-v2.machine';
import { AT, drive } from './drive';
import { READY_FACTS } from './sample-events';

describe('workflow registry', () => {
  it('when every type is listed, then each has a version 1 and exactly one latest version', () => {
    const listed = listWorkflows();
    for (const type of WORKFLOW_TYPES) {
      const versions = listed.filter((w) => w.type === type);
      expect(versions.map((w) => w.version)).toContain(1);
      expect(versions.filter((w) => w.latest)).toHaveLength(1);
    }
  });

  it('when a version is asked for, then that version is returned; without one, the latest', () => {
    expect(getWorkflow('renewable_energy', 1).machine).toBe(renewableV1.machine);
    expect(getWorkflow('renewable_energy', 2).machine).toBe(renewableV2.machine);
    expect(getWorkflow('renewable_energy').version).toBe(latestVersion('renewable_energy'));
    expect(latestVersion('renewable_energy')).toBe(3);
    expect([renewableV1.id, renewableV1.version, renewableV2.version]).toEqual(['renewable_energy', 1, 2]);
    // The Decree 118 versions are the latest of every type; the older ones keep their rules.
    for (const type of ['green_transformation', 'epr', 'renewable_energy', 'emissions_reduction'] as const) {
      expect(getWorkflow(type).rules).toEqual({ clockStartsAt: 'acceptance', decree118Steps: true });
      expect(getWorkflow(type, 1).rules).toEqual({ clockStartsAt: 'submission', decree118Steps: false });
    }
  });

  it('when an unknown type or version is asked for, then a typed error names it', () => {
    expect(() => getWorkflow('renewable_energy', 9)).toThrow(UnknownWorkflowError);
    expect(() => getWorkflow('fishing_licence')).toThrow(/fishing_licence/);
  });

  it('when a snapshot persisted under version 1 is restored, then it continues with version 1 rules', () => {
    const stored = JSON.parse(
      JSON.stringify(drive('renewable_energy', 1, [{ type: 'SUBMIT', at: AT, dossier: READY_FACTS.renewable_energy }])),
    );
    const underV1 = applyWorkflowEvent('renewable_energy', 1, stored, { type: 'ACCEPT', at: AT });
    const underV2 = applyWorkflowEvent('renewable_energy', 2, stored, { type: 'ACCEPT', at: AT });
    expect(underV1.accepted && underV1.state).toBe('technical_review');
    expect(underV2.accepted && underV2.state).toBe('consultation');
  });

  it('when a snapshot from version 2 is restored with version 1, then it is rejected as not fitting', () => {
    const consulting = drive('renewable_energy', 2, [
      { type: 'SUBMIT', at: AT, dossier: READY_FACTS.renewable_energy },
      { type: 'ACCEPT', at: AT },
    ]);
    expect(() => applyWorkflowEvent('renewable_energy', 1, consulting, { type: 'WITHDRAW', at: AT })).toThrow(
      WorkflowSnapshotError,
    );
  });

  it('when a new dossier starts, then its snapshot is a JSON draft with an empty record', () => {
    const snapshot = initialSnapshot('epr', 1);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot).toMatchObject({ status: 'active', value: 'draft', context: { overdue: false, decision: null } });
  });
});
