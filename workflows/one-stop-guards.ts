import type { z } from 'zod';
import { isConsultationComplete, supplementationRequestsLeft, type WorkflowContext } from './one-stop-context';
import { problem, type Problem } from './problem';
import { factsShapeProblems } from './readiness/required-documents';
import type { WorkflowEvent } from './workflow-events.schema';

/**
 * Every guard is written once as "the problems that stop this transition"; the machine's guard passes when
 * the list is empty, and the evaluation API shows the same list when an event is refused. So a reason can
 * never drift from the rule it explains.
 *
 * `context` rules depend only on the dossier's state, so they also decide which buttons to show; `event`
 * rules depend on what the user sends (facts, an apology note), which a form can still supply.
 */
export type GuardParams = { agency: string } | undefined;
export type GuardRule =
  | { dependsOn: 'context'; problems: (context: WorkflowContext, params: GuardParams) => Problem[] }
  | { dependsOn: 'event'; problems: (context: WorkflowContext, event: WorkflowEvent, params: GuardParams) => Problem[] };

export const GUARD_NAMES = [
  'submissionReady',
  'decisionExplained',
  'inspectionRecorded',
  'opinionFrom',
  'consultationComplete',
  'declared',
  'readyAndDeclared',
  'intakeOpen',
  'supplementationAllowed',
  'supplementationUsedUp',
  'resultNotReturned',
] as const;
export type GuardName = (typeof GUARD_NAMES)[number];
export type GuardRules = Record<GuardName, GuardRule>;

/** One line per guard for the generated documentation. */
export const GUARD_DESCRIPTIONS: Record<GuardName, string> = {
  submissionReady: "the type's readiness check finds no problem in the submitted facts",
  decisionExplained: 'when the dossier is overdue, the decision carries an apology note (form 04)',
  inspectionRecorded: 'a scheduled inspection has been recorded',
  opinionFrom: 'the opinion is from (or the lapse concerns) this region’s agency',
  consultationComplete: 'every consulted agency has answered or lapsed (no second consultation)',
  declared: 'the applicant confirmed the declaration that the dossier is true and complete',
  readyAndDeclared: "the type's readiness check finds no problem, and the applicant confirmed the declaration",
  intakeOpen: 'the dossier has not been accepted yet (refusal at intake comes before acceptance)',
  supplementationAllowed: 'no supplementation was requested yet, or a leader allowed one more (Decision 766)',
  supplementationUsedUp: 'the one supplementation request is used up (a leader may then allow another)',
  resultNotReturned: 'the result has not been returned to the applicant yet',
};

export interface Readiness<F> {
  factsSchema: z.ZodType<F>;
  submissionProblems: (facts: F) => Problem[];
}

/** Facts of the wrong shape are refused with reasons too, so a service bug never throws inside a machine. */
export function readinessProblems<F>(readiness: Readiness<F>, facts: unknown): Problem[] {
  const parsed = readiness.factsSchema.safeParse(facts);
  return parsed.success ? readiness.submissionProblems(parsed.data) : factsShapeProblems(parsed.error);
}

export function buildGuardRules<F>(readiness: Readiness<F>): GuardRules {
  const rules: Omit<GuardRules, 'readyAndDeclared'> = {
    submissionReady: {
      dependsOn: 'event',
      problems: (_ctx, event) => {
        if (event.type !== 'SUBMIT' && event.type !== 'RESUBMIT') return [];
        return readinessProblems(readiness, event.dossier);
      },
    },
    decisionExplained: {
      dependsOn: 'event',
      problems: (ctx, event) => {
        if (event.type !== 'APPROVE' && event.type !== 'REJECT') return [];
        if (!ctx.overdue || event.apologyNote !== undefined) return [];
        return [
          problem(
            'apology_note_required',
            'Hồ sơ đã quá hạn: quyết định phải kèm thư xin lỗi và hẹn lại ngày trả kết quả (mẫu 04, Thông tư 01/2018/TT-VPCP).',
            'The dossier is overdue: the decision needs an apology and new appointment note (form 04, Circular 01/2018/TT-VPCP).',
            'apologyNote',
          ),
        ];
      },
    },
    inspectionRecorded: {
      dependsOn: 'context',
      problems: (ctx) =>
        ctx.inspection !== null && ctx.inspection.recordedAt === null
          ? [
              problem(
                'inspection_not_recorded',
                `Chưa ghi nhận kết quả kiểm tra thực tế dự kiến ngày ${ctx.inspection.scheduledFor}.`,
                `The inspection scheduled for ${ctx.inspection.scheduledFor} has not been recorded.`,
                'inspection',
              ),
            ]
          : [],
    },
    opinionFrom: { dependsOn: 'event', problems: opinionProblems },
    consultationComplete: {
      dependsOn: 'context',
      problems: (ctx) =>
        isConsultationComplete(ctx)
          ? []
          : [problem('consultation_incomplete', 'Chưa hoàn tất lấy ý kiến.', 'The consultation is not complete.')],
    },
    declared: {
      dependsOn: 'event',
      problems: (_ctx, event) =>
        (event.type === 'SUBMIT' || event.type === 'RESUBMIT') && event.declaration !== true
          ? [
              problem(
                'declaration_required',
                'Hãy xác nhận lời cam đoan: nội dung hồ sơ và các giấy tờ kèm theo là trung thực, đầy đủ.',
                'Confirm the declaration that the dossier and its documents are true and complete.',
                'declaration',
              ),
            ]
          : [],
    },
    intakeOpen: {
      dependsOn: 'context',
      problems: (ctx) =>
        ctx.acceptedAt === null
          ? []
          : [problem('already_accepted', 'Hồ sơ đã được tiếp nhận; không thể từ chối tiếp nhận nữa.', 'The dossier was already accepted; it can no longer be refused at intake.')],
    },
    supplementationAllowed: {
      dependsOn: 'context',
      problems: (ctx) =>
        supplementationRequestsLeft(ctx) > 0
          ? []
          : [
              problem(
                'supplementation_used_up',
                'Hồ sơ đã được yêu cầu bổ sung một lần. Yêu cầu thêm cần lãnh đạo Sở cho phép và hồ sơ sẽ bị tính là trễ hạn (Quyết định 766/QĐ-TTg).',
                'The dossier was already asked for supplementation once. Another request needs a leader\'s approval and counts the dossier as late (Decision 766/QĐ-TTg).',
              ),
            ],
    },
    supplementationUsedUp: {
      dependsOn: 'context',
      problems: (ctx) =>
        supplementationRequestsLeft(ctx) <= 0
          ? []
          : [problem('supplementation_available', 'Hồ sơ vẫn còn được yêu cầu bổ sung; không cần lãnh đạo cho phép.', 'The dossier may still be asked for supplementation; no approval is needed.')],
    },
    resultNotReturned: {
      dependsOn: 'context',
      problems: (ctx) =>
        ctx.resultReturned
          ? [problem('result_already_returned', `Kết quả đã được trả lúc ${ctx.resultReturned.at}.`, `The result was returned at ${ctx.resultReturned.at}.`)]
          : [],
    },
  };
  return {
    ...rules,
    readyAndDeclared: {
      dependsOn: 'event',
      problems: (ctx, event, params) => [...rules.submissionReady.problems(ctx, event as never, params), ...rules.declared.problems(ctx, event as never, params)],
    },
  };
}

/** Explains from the context why an opinion (or lapse) for `event.agency` cannot be recorded in a region. */
function opinionProblems(ctx: WorkflowContext, event: WorkflowEvent, params: GuardParams): Problem[] {
  if (event.type !== 'RECORD_OPINION' && event.type !== 'OPINION_OVERDUE') return [];
  if (params !== undefined && event.agency === params.agency) return [];
  const record = ctx.consultation?.agencies[event.agency];
  if (record === undefined) {
    const consulted = Object.keys(ctx.consultation?.agencies ?? {}).join(', ');
    return [
      problem(
        'agency_not_consulted',
        `Cơ quan "${event.agency}" không thuộc danh sách được lấy ý kiến (${consulted}).`,
        `Agency "${event.agency}" is not consulted on this dossier (consulted: ${consulted}).`,
        'agency',
      ),
    ];
  }
  if (record.status === 'answered') {
    return [
      problem(
        'opinion_already_recorded',
        `Đã ghi nhận ý kiến của "${event.agency}" lúc ${record.closedAt}.`,
        `The opinion of "${event.agency}" was already recorded at ${record.closedAt}.`,
        'agency',
      ),
    ];
  }
  if (record.status === 'lapsed') {
    return [
      problem(
        'opinion_lapsed',
        `Thời hạn cho ý kiến của "${event.agency}" đã hết lúc ${record.closedAt}; được coi là không có ý kiến khác.`,
        `The opinion period of "${event.agency}" lapsed at ${record.closedAt}; it counts as no objection.`,
        'agency',
      ),
    ];
  }
  // The agency is still pending, so its own region accepts the event; this is another region declining it.
  return [
    problem(
      'opinion_for_other_agency',
      `Ý kiến này thuộc về cơ quan "${event.agency}".`,
      `This opinion belongs to agency "${event.agency}".`,
      'agency',
    ),
  ];
}
