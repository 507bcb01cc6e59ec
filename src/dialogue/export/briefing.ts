import type { TFunction } from 'i18next';
import { formatters, type Locale } from '../../i18n';
import { unitIn } from '../../pgi';
import type { ConferenceFigures } from '../conference-figures';
import type { DossierRow } from '../dossier-rows';
import type { PetitionRecord } from '../petition.model';
import { PETITION_TOPICS, type PetitionTopic } from '../petition-topics';
import { WORKFLOW_TYPES } from '../../../workflows/workflow-types';
import type { BarChart } from './bar-chart';

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'chart'; chart: BarChart };

export interface Briefing {
  cover: { department: string; title: string; conference: string; lines: string[] };
  blocks: Block[];
}

/** What the briefing lists beyond the figures, capped so the document stays readable; the XLSX has all rows. */
export interface BriefingLists {
  overdue: DossierRow[];
  petitions: Map<PetitionTopic, PetitionRecord[]>;
}

export const BRIEFING_LIST_LIMIT = 50;

/**
 * Pure: the briefing as blocks, built once from the figures so the DOCX and the PDF say the same thing in
 * the same order. Numbers are formatted here, in the reader's locale.
 */
export function buildBriefing(figures: ConferenceFigures, lists: BriefingLists, t: TFunction, locale: Locale): Briefing {
  const f = formatters(locale);
  const n = (value: number | null, digits = 0) => (value === null ? '—' : f.number(value, digits));
  const d = figures.dossiers;
  const conference = figures.conference;
  const blocks: Block[] = [{ kind: 'heading', text: t('dialogue.keyFigures') }];
  const counts = (c: typeof d.total) => [n(c.received), n(c.decided), n(c.approved), n(c.rejected)];
  blocks.push({
    kind: 'table',
    header: [t('dialogue.type'), t('dialogue.received'), t('dialogue.decided'), t('dialogue.approved'), t('dialogue.rejected')],
    rows: [...WORKFLOW_TYPES.map((type) => [t(`dialogue.types.${type}`), ...counts(d.byType[type])]), [t('dialogue.total'), ...counts(d.total)]],
  });
  blocks.push({ kind: 'paragraph', text: `${t('dialogue.onTimeRate')}: ${d.onTime.ratePercent === null ? '—' : `${n(d.onTime.ratePercent, 1)} %`} (${n(d.onTime.onTime)}/${n(d.onTime.decided)})` });
  blocks.push({ kind: 'paragraph', text: `${t('dialogue.averageDays')}: ${n(d.averageProcessingWorkingDays, 1)} ${t('dialogue.workingDays')}` });
  blocks.push({ kind: 'subheading', text: `${t('dialogue.overdueList')} (${n(d.overdueCount)})` });
  if (d.overdueCount === 0) blocks.push({ kind: 'paragraph', text: t('dialogue.overdueNone') });
  else {
    blocks.push({ kind: 'table', header: [t('dialogue.code'), t('dialogue.title'), t('dialogue.dueAt')], rows: lists.overdue.map((r) => [r.code, r.title, f.date(r.currentDueAt)]) });
    if (d.overdueCount > lists.overdue.length) blocks.push({ kind: 'paragraph', text: t('dialogue.andMore', { count: d.overdueCount - lists.overdue.length }) });
  }

  blocks.push({ kind: 'heading', text: t('dialogue.pgi') });
  if (figures.pgi.length === 0) blocks.push({ kind: 'paragraph', text: t('dialogue.pgiNone') });
  for (const component of figures.pgi[0]?.components ?? []) {
    blocks.push({ kind: 'subheading', text: `${t('dialogue.component')} ${component.number}: ${component.name[locale]}` });
    blocks.push({
      kind: 'table',
      header: [t('dialogue.indicator'), t('dialogue.unit'), ...figures.pgi.map((p) => p.id)],
      rows: component.indicators.map((indicator) => [
        indicator.name[locale],
        unitIn(indicator.unit, locale),
        ...figures.pgi.map((p) => n(p.components.find((c) => c.number === component.number)?.indicators.find((i) => i.id === indicator.id)?.value ?? null, 2)),
      ]),
    });
  }

  blocks.push({ kind: 'heading', text: t('dialogue.certified') });
  for (const [label, items] of [[t('dialogue.ecoParks'), figures.certified.ecoIndustrialParks], [t('dialogue.ecoEnterprises'), figures.certified.ecoEnterprises]] as const) {
    blocks.push({ kind: 'subheading', text: `${label} (${n(items.length)})` });
    if (items.length === 0) blocks.push({ kind: 'paragraph', text: t('dialogue.none') });
    else blocks.push({ kind: 'table', header: [t('dialogue.certificateNumber'), t('dialogue.holder'), t('dialogue.issuedAt')], rows: items.map((c) => [c.number, c.holderName, f.date(c.issuedAt)]) });
  }

  const h = d.highlights;
  blocks.push({ kind: 'heading', text: t('dialogue.highlights') });
  blocks.push({
    kind: 'table',
    header: [t('dialogue.indicator'), t('dialogue.value'), t('dialogue.unit')],
    rows: [
      [t('dialogue.eprObligation'), n(h.eprRecyclingObligationKg, 3), 'kg'],
      [t('dialogue.eprContribution'), n(h.eprContributionVnd), 'VND'],
      [t('dialogue.ghgEmissions'), n(h.ghgEmissionsTco2e, 3), 'tCO2e'],
      [t('dialogue.ghgReduction'), n(h.ghgReductionTargetTco2e, 3), 'tCO2e'],
      [t('dialogue.renewableCapacity'), n(h.renewableCapacityKwp, 3), 'kWp'],
    ],
  });

  const p = figures.petitions;
  blocks.push({ kind: 'heading', text: t('dialogue.petitions') });
  blocks.push({ kind: 'paragraph', text: t('dialogue.petitionCount', { total: n(p.total), open: n(p.open) }) });
  for (const group of p.byTopic.filter((g) => g.total > 0)) {
    blocks.push({ kind: 'subheading', text: `${t(`dialogue.topics.${group.topic}`)} (${n(group.total)}; ${t('dialogue.openItems')}: ${n(group.open)})` });
    const items = lists.petitions.get(group.topic) ?? [];
    blocks.push({
      kind: 'table',
      header: [t('dialogue.organization'), t('dialogue.petition'), t('dialogue.state'), t('dialogue.responsibleUnit'), t('dialogue.response')],
      rows: items.map((x) => [`${x.code}\n${x.organizationName}`, x.text, t(`dialogue.statuses.${x.status}`), x.responsibleUnit ?? '—', x.response ?? '—']),
    });
    if (group.total > items.length) blocks.push({ kind: 'paragraph', text: t('dialogue.andMore', { count: group.total - items.length }) });
  }

  blocks.push({ kind: 'heading', text: t('dialogue.charts') });
  blocks.push({ kind: 'chart', chart: { title: t('dialogue.chartReceived'), bars: WORKFLOW_TYPES.map((type) => ({ label: t(`dialogue.types.${type}`), value: d.byType[type].received })) } });
  blocks.push({ kind: 'chart', chart: { title: t('dialogue.chartPetitions'), bars: PETITION_TOPICS.map((topic) => ({ label: t(`dialogue.topics.${topic}`), value: p.byTopic.find((g) => g.topic === topic)?.total ?? 0 })) } });

  return {
    cover: {
      department: t('dialogue.department'),
      title: t('dialogue.briefingTitle'),
      conference: conference.title,
      lines: [
        ...(conference.planReference ? [`${t('dialogue.plan')}: ${conference.planReference}`] : []),
        `${t('dialogue.conferenceDate')}: ${f.date(`${conference.date}T00:00:00+07:00`)}`,
        `${t('dialogue.scope')}: ${f.date(figures.scope.startsAt)} – ${f.date(new Date(Date.parse(figures.scope.endsAt) - 1))}`,
        `${t('dialogue.generatedAt')}: ${f.dateTime(figures.asOf)}`,
      ],
    },
    blocks,
  };
}
