import type { EntityManager } from '@mikro-orm/postgresql';
import { basename } from 'node:path';
import {
  importCsv,
  upsertRows,
  type BatchCounts,
  type ImportReport,
  type Importer,
  inTransaction,
} from '../../../common/importer.js';
import { refreshClaimFlags } from '../hooks/claim.quality.js';
import { refreshGrantStateFlags } from '../hooks/grant.quality.js';
import {
  parseGrant,
  REQUIRED_COLUMNS,
  SKIP,
  type ParseContext,
  type ParsedGrant,
} from './grant-row.js';
import { PnrrGrant, PnrrGrantSnapshot } from '../model/grant.entity.js';
import { PnrrBody } from '../model/body.entity.js';

/** Dataset of the current grant files, and of the notices met only in grant files. */
export const GRANTS_DATASET = 'padigitale2026-candidature';

/** Loads what the row parser checks against: comuni, measures, notices. */
export async function loadParseContext(em: EntityManager): Promise<ParseContext> {
  const comuni = await em.execute<{ c: string }[]>('select istat_code as c from comune');
  const measures = await em.execute<{ c: string }[]>('select code as c from pnrr_measure');
  const notices = await em.execute<{ t: string; m: string }[]>(
    'select title as t, measure_code as m from pnrr_notice',
  );
  return {
    comuni: new Set(comuni.map((r) => r.c)),
    provinces: new Set(comuni.map((r) => r.c.slice(0, 3))),
    measures: new Set(measures.map((r) => r.c)),
    notices: new Map(notices.map((r) => [r.t, r.m])),
    seen: new Map(),
  };
}

/** Writes the bodies and the unknown notices a batch refers to. */
async function writeBodiesAndNotices(
  em: EntityManager,
  rows: ParsedGrant[],
  ctx: ParseContext,
  dataset: string,
  note: string,
): Promise<void> {
  const named = new Map<string, Record<string, unknown>>();
  const unnamed = new Map<string, ParsedGrant>();
  for (const r of rows)
    if (r.bodyName)
      named.set(r.ipaCode, {
        ipa_code: r.ipaCode,
        name: r.bodyName,
        kind: r.bodyKind,
        comune_istat_code: r.comune,
        dataset_id: dataset,
        source_note: note,
      });
    else unnamed.set(r.ipaCode, r);
  await upsertRows(em, PnrrBody, ['ipa_code'], [...named.values()]);
  for (const r of unnamed.values())
    if (!named.has(r.ipaCode))
      await em.execute(
        `insert into pnrr_body (ipa_code, name, kind, comune_istat_code, dataset_id, source_note)
         values (?, ?, ?, ?, ?, ?) on conflict (ipa_code) do nothing`,
        [
          r.ipaCode,
          r.bodyKind === 'COMUNE' ? `Comune di ${r.comuneName}` : r.ipaCode,
          r.bodyKind,
          r.comune,
          dataset,
          `${note}; layout without "ente": name composed from the comune column`,
        ],
      );
  for (const r of rows)
    if (!ctx.notices.has(r.notice)) {
      await em.execute(
        `insert into pnrr_notice (title, measure_code, target_bodies, dataset_id, source_note)
         values (?, ?, '{}', ?, ?) on conflict (title) do nothing`,
        [r.notice, r.measure, GRANTS_DATASET, `${note}: notice not in avvisi.csv`],
      );
      ctx.notices.set(r.notice, r.measure);
    }
}

/** The columns of a grant row in pnrr_grant / pnrr_grant_snapshot. */
const grantColumns = (r: ParsedGrant, dataset: string, note: string) => ({
  cup: r.cup,
  notice_title: r.notice,
  measure_code: r.measure,
  body_ipa_code: r.ipaCode,
  comune_istat_code: r.comune,
  amount: r.amount,
  window: r.window,
  decree_number: r.decreeNumber,
  decree: r.decree,
  applied_on: r.appliedOn,
  funded_on: r.fundedOn,
  status: r.status,
  status_on: r.statusOn,
  dataset_id: dataset,
  source_note: note,
});

const earliest = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/**
 * The day each row's state was first observed: a grant whose state (status and status
 * date) is what the hub already holds keeps the earliest day known for it (a re-import of
 * the same or a later file changes nothing); a new or changed state is observed on the
 * file's day (null when unknown). One statement per batch.
 */
async function observationDays(
  em: EntityManager,
  rows: ParsedGrant[],
  fileDay: string | null,
): Promise<(string | null)[]> {
  const stored = await em.execute<
    {
      cup: string;
      notice: string;
      status: string;
      status_on: string | null;
      observed_on: string | null;
    }[]
  >(
    `select g.cup, g.notice_title as notice, g.status::text as status, g.status_on::text as status_on,
            g.status_observed_on::text as observed_on
       from pnrr_grant g join json_to_recordset(?::json) k(cup text, notice text)
         on k.cup = g.cup and k.notice = g.notice_title`,
    [JSON.stringify(rows.map((r) => ({ cup: r.cup, notice: r.notice })))],
  );
  const byKey = new Map(stored.map((g) => [`${g.cup}\u0000${g.notice}`, g]));
  return rows.map((r) => {
    const before = byKey.get(`${r.cup}\u0000${r.notice}`);
    const same = before && before.status === r.status && before.status_on === r.statusOn;
    return same ? earliest(before.observed_on, fileDay) : fileDay;
  });
}

/**
 * Where an import writes: the current grants (with the publication day of the file, when
 * known: the day their state was observed), or a snapshot of a given publication day.
 */
type Target =
  { kind: 'current'; observedOn?: string | null } | { kind: 'snapshot'; publishedOn: string };

/**
 * Imports a `candidature_*` file (either layout, any size: streamed) into the current
 * grants or into a snapshot. One transaction; bad rows are reported with line, column and
 * reason; rows of comuni outside the hub's provinces are skipped and counted.
 */
export async function importGrantFile(
  outer: EntityManager,
  file: string,
  target: Target = { kind: 'current' },
  onProgress?: (lines: number) => void,
): Promise<ImportReport> {
  // One transaction: the rows and the flags refreshed from them are committed together.
  return inTransaction(outer, async (em) => {
    const ctx = await loadParseContext(em);
    const note = basename(file);
    const dataset =
      target.kind === 'current' ? GRANTS_DATASET : `${GRANTS_DATASET}-${target.publishedOn}`;
    const known = await em.execute('select 1 from dataset where id = ?', [dataset]);
    if (!known.length)
      throw new Error(
        `${file}: dataset "${dataset}" is not registered (seeds/data/pnrr/datasets.json)`,
      );
    let skipped = 0;
    const report = await importCsv<ParsedGrant | typeof SKIP>(em, {
      file,
      requiredColumns: REQUIRED_COLUMNS,
      parseRow: (record, line) => parseGrant(record, line, ctx),
      onProgress,
      applyBatch: async (tx, batch): Promise<BatchCounts> => {
        const rows = batch.filter((r): r is ParsedGrant => r !== SKIP);
        skipped += batch.length - rows.length;
        await writeBodiesAndNotices(tx, rows, ctx, dataset, note);
        if (target.kind === 'current') {
          const observed = await observationDays(tx, rows, target.observedOn ?? null);
          return upsertRows(
            tx,
            PnrrGrant,
            ['cup', 'notice_title'],
            rows.map((r, i) => ({
              ...grantColumns(r, dataset, note),
              status_observed_on: observed[i],
            })),
          );
        }
        return upsertRows(
          tx,
          PnrrGrantSnapshot,
          ['published_on', 'cup', 'notice_title'],
          rows.map((r) => ({
            published_on: target.publishedOn,
            ...grantColumns(r, dataset, note),
          })),
        );
      },
    });
    await refreshClaimFlags(em);
    await refreshGrantStateFlags(em);
    return { ...report, skipped };
  });
}

/** The publication day in a file name ending in `_YYYY-MM-DD.csv`, if any. */
export const dayInFileName = (file: string) =>
  /_(\d{4}-\d{2}-\d{2})\.csv$/i.exec(file)?.[1] ?? null;

/** `npm run import -- pnrr-grants <file>`. */
export const grantsImporter: Importer = {
  description:
    'PA digitale 2026 candidature_*.csv (both layouts; national files: other provinces skipped); a name ending in _YYYY-MM-DD.csv gives the day the file was published (the day its states were observed; otherwise unknown)',
  run: (em, file, onProgress) =>
    importGrantFile(em, file, { kind: 'current', observedOn: dayInFileName(file) }, onProgress),
};

/** `npm run import -- pnrr-grants-snapshot <file_YYYY-MM-DD.csv>`. */
export const snapshotImporter: Importer = {
  description:
    'a candidature_*.csv as published on a past day (the day is read from the file name, _YYYY-MM-DD.csv)',
  run: (em, file, onProgress) => {
    const day = /(\d{4}-\d{2}-\d{2})\.csv$/i.exec(file)?.[1];
    if (!day) throw new Error(`${file}: the file name must end with _YYYY-MM-DD.csv`);
    return importGrantFile(em, file, { kind: 'snapshot', publishedOn: day }, onProgress);
  },
};
