import type { Response } from 'express';
import { z } from 'zod';
import { listCalendarRows, refreshIfLive, removeCalendarEntry, restoreShippedEntry, saveCalendarEntry } from '../../admin';
import { localDateOf, type WorkingCalendar } from '../../calendar';
import { currentActor, type RouteDefinition } from '../../http/route-table';
import { ADMIN_PAGES, checkForm, flashOf, isConfirmed, keptValues, renderConfirmation, serviceErrors, startOfLocalDay, translatorOf, type FieldErrors } from './staff-helpers';

const required = 'admin.errors.required';
const entrySchema = z.object({
  date: z.iso.date('admin.calendar.errors.date'),
  kind: z.enum(['holiday', 'day_off', 'makeup_workday'], 'admin.errors.choose'),
  name_vi: z.string().trim().min(1, required).max(200, 'admin.errors.tooLong'),
  name_en: z.string().trim().min(1, required).max(200, 'admin.errors.tooLong'),
  legalBasis: z.string().trim().max(300, 'admin.errors.tooLong').default(''),
  source: z.string().trim().min(1, required).max(300, 'admin.errors.tooLong'),
  verified: z.preprocess((v) => v === 'yes', z.boolean()),
  note: z.string().trim().max(500, 'admin.errors.tooLong').optional(),
  // The hidden field of the edit form (the date being edited): drawn by the page, read from the kept values.
  editing: z.string().max(10).optional(),
});
const dateParam = z.iso.date();
const FLASHES = ['saved', 'removed', 'restored'];

async function renderCalendar(res: Response, year: number, now: Date, form: { values: Record<string, string>; errors: FieldErrors; editing?: string }, status = 200) {
  const rows = await listCalendarRows();
  const years = [...new Set([...rows.map((r) => Number(r.entry.date.slice(0, 4))), Number(localDateOf(now).slice(0, 4))])].sort();
  res.status(status).render('staff/admin-calendar', {
    title: translatorOf(res)('admin.calendar.title'),
    rows: rows.filter((r) => r.entry.date.startsWith(`${year}-`)),
    year,
    years,
    ...form,
  });
}

const yearOf = (value: unknown, now: Date) => z.coerce.number().int().min(2000).max(2100).catch(Number(localDateOf(now).slice(0, 4))).parse(value);

/**
 * The holiday calendar: the shipped table with its sources and verified flags, and the administrator's
 * additions, edits and removals stored over it. A live calendar is refreshed at once after each change.
 */
export function adminCalendarPages(deps: { now: () => Date; calendar: WorkingCalendar }): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/admin/calendar',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        res.locals.flash = flashOf(translatorOf(res), req.query.done, FLASHES, 'admin.calendar');
        const now = deps.now();
        const editing = typeof req.query.edit === 'string' && dateParam.safeParse(req.query.edit).success ? req.query.edit : undefined;
        const year = editing ? Number(editing.slice(0, 4)) : yearOf(req.query.year, now);
        let values: Record<string, string> = { kind: 'holiday' };
        if (editing) {
          const row = (await listCalendarRows()).find((r) => r.entry.date === editing);
          if (row) values = { ...row.entry, verified: row.entry.verified ? 'yes' : '', note: row.entry.note ?? '' } as Record<string, string>;
        }
        await renderCalendar(res, year, now, { values, errors: {}, editing });
      },
    },
    {
      method: 'post',
      path: '/admin/calendar',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        const t = translatorOf(res);
        const now = deps.now();
        const values = keptValues(req.body);
        const editing = typeof values.editing === 'string' && values.editing ? values.editing : undefined;
        const form = checkForm(entrySchema, req.body, t);
        const year = yearOf((values.date ?? '').slice(0, 4), now);
        if (form.errors) return renderCalendar(res, year, now, { values, errors: form.errors, editing }, 400);
        try {
          const { editing: _editing, ...entry } = form.data;
          await saveCalendarEntry(currentActor(req), { ...entry, note: entry.note || undefined }, now);
        } catch (error) {
          const errors = serviceErrors(error, t);
          if (!errors) throw error;
          return renderCalendar(res, year, now, { values, errors, editing }, 400);
        }
        await refreshIfLive(deps.calendar);
        res.redirect(303, `/admin/calendar?year=${form.data.date.slice(0, 4)}&done=saved`);
      },
    },
    {
      method: 'post',
      path: '/admin/calendar/:date/remove',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        const date = dateParam.parse(req.params.date);
        // Removing a day moves the statutory due dates that count working days across it: ask once more.
        if (!isConfirmed(req.body)) {
          const t = translatorOf(res);
          const row = (await listCalendarRows()).find((r) => r.entry.date === date && r.origin !== 'removed');
          if (!row) return res.redirect(303, `/admin/calendar?year=${date.slice(0, 4)}`);
          const name = res.locals.locale === 'en' ? row.entry.name_en : row.entry.name_vi;
          return renderConfirmation(res, {
            title: t('admin.calendar.confirmRemove.title'),
            question: t('admin.calendar.confirmRemove.question', { date: (res.locals.fmt as { date: (d: Date) => string }).date(startOfLocalDay(date)), name }),
            warning: t('admin.calendar.confirmRemove.warning'),
            facts: [{ label: t('admin.calendar.kind'), value: t(`admin.calendar.kinds.${row.entry.kind}`) }],
            action: `/admin/calendar/${date}/remove`,
            submitLabel: t('admin.calendar.confirmRemove.submit'),
            back: { href: `/admin/calendar?year=${date.slice(0, 4)}`, label: t('admin.calendar.title') },
            danger: true,
          });
        }
        await removeCalendarEntry(currentActor(req), date, deps.now());
        await refreshIfLive(deps.calendar);
        res.redirect(303, `/admin/calendar?year=${date.slice(0, 4)}&done=removed`);
      },
    },
    {
      method: 'post',
      path: '/admin/calendar/:date/restore',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        const date = dateParam.parse(req.params.date);
        await restoreShippedEntry(currentActor(req), date, deps.now());
        await refreshIfLive(deps.calendar);
        res.redirect(303, `/admin/calendar?year=${date.slice(0, 4)}&done=restored`);
      },
    },
  ];
}
