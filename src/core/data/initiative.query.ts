import type { HubContext } from '../../common/context.js';
import type { DatePrecision } from '../../common/dates.js';
import { readRows } from '../../common/read.js';
import { OrganizationMember } from '../model/organization-member.entity.js';
import { periodEndSql } from '../../common/dates.js';
import { Conditions, keysetSql, pageOfCodes, type Page } from '../../common/pagination.js';
import { comuniParam } from '../../common/keys.js';

/** Sort key of undated initiatives: after every dated one (newest first). */
export const UNDATED = '0001-01-01';

/**
 * Newest first, undated last: the cursor key is [days before 9999-12-31, code], ascending
 * (one direction for the shared keyset helper).
 */
const DAYS_BEFORE_END = `(date '9999-12-31' - coalesce(i."on", date '${UNDATED}'))`;

/** What `initiatives` filters on, checked; `comuni` is the territory resolved (ISTAT codes). */
export interface InitiativeQuery {
  comuni: readonly string[] | null;
  kind?: string | null;
  organization?: string | null;
  from?: string | null;
  until?: string | null;
}

/**
 * One keyset page of initiative codes, newest first, undated last, and the count of every
 * match (asked only when a page past the end returns no row).
 */
export async function initiativePage(
  ctx: HubContext,
  f: InitiativeQuery,
  page: Page,
): Promise<{ codes: string[]; count: () => Promise<number> }> {
  const where = new Conditions();
  if (f.comuni)
    where.add(
      'exists (select 1 from initiative_comune c where c.initiative_code = i.code and c.comune_istat_code = any(?::text[]))',
      comuniParam(f.comuni),
    );
  if (f.kind) where.add('i.kind = ?', f.kind);
  if (f.organization)
    where.add(
      'exists (select 1 from initiative_participant p where p.initiative_code = i.code and p.organization_code = ?)',
      f.organization,
    );
  if (f.from)
    where.add(`i."on" is not null and ${periodEndSql('i."on"', 'i.precision')} >= ?::date`, f.from);
  if (f.until) where.add('i."on" is not null and i."on" <= ?::date', f.until);
  const ks = keysetSql([DAYS_BEFORE_END, 'i.code'], page, ['int', null]);
  return pageOfCodes(ctx.em, { code: 'i.code', from: 'initiative i', where }, ks);
}

/** One organisation member by primary key (`node(id)`), or null. */
export function findOrganizationMember(
  ctx: HubContext,
  pk: number,
): Promise<OrganizationMember | null> {
  return ctx.em.findOne(OrganizationMember, { pk });
}

/**
 * Dated initiatives of the comuni they concern, one row per (comune, initiative), by comune,
 * date and code: one statement for any number of comuni.
 */
export function initiativeEventRows(ctx: HubContext, comuni: readonly string[]) {
  return readRows<{
    comune: string;
    on: string;
    precision: DatePrecision;
    kind: string;
    title: string;
    domain: string;
    code: string;
    dataset_id: string;
    source_note: string | null;
  }>(
    ctx,
    `select c.comune_istat_code as comune, to_char(i."on", 'YYYY-MM-DD') as "on", i.precision, i.kind,
            i.title, coalesce(i.domain, 'hub') as domain, i.code, i.dataset_id, i.source_note
       from initiative_comune c join initiative i on i.code = c.initiative_code
      where c.comune_istat_code = any(?::text[]) and i."on" is not null
      order by 1, 2, i.code`,
    [comuniParam(comuni)],
  );
}
