import type { HubContext } from '../../../common/context.js';
import { readRows } from '../../../common/read.js';
import { comuniParam } from '../../../common/keys.js';

/** A grant as the timeline reads it, with its observations in past files. */
export interface TimelineGrant {
  pk: number;
  comune: string;
  body_kind: string;
  amount: string;
  measure: string;
  notice: string;
  body: string;
  dataset: string;
  note: string | null;
  funded_on: string;
  status: 'FUNDED' | 'RENOUNCED' | 'PAID';
  status_on: string | null;
  observed_on: string | null;
  last_active: string | null;
  first_renounced: string | null;
  siblings: { measure: string; amount: string; notice: string }[] | null;
}

/**
 * Every grant of a body located in the comuni, with its observations in past files and, for
 * a grant of 0 EUR, the other grants of its CUP: one statement for any set of comuni.
 */
export function grantEventRows(ctx: HubContext, comuni: readonly string[]) {
  return readRows<TimelineGrant>(
    ctx,
    `select g.pk, g.comune_istat_code as comune, b.kind::text as body_kind, g.amount::text as amount,
            g.measure_code as measure, g.notice_title as notice, b.name as body,
            g.dataset_id as dataset, g.source_note as note, g.funded_on::text as funded_on,
            g.status::text as status, g.status_on::text as status_on,
            g.status_observed_on::text as observed_on,
            (select max(s.published_on) from pnrr_grant_snapshot s where s.cup = g.cup
               and s.notice_title = g.notice_title and s.status <> 'RENOUNCED')::text as last_active,
            (select min(s.published_on) from pnrr_grant_snapshot s where s.cup = g.cup
               and s.notice_title = g.notice_title and s.status = 'RENOUNCED')::text as first_renounced,
            case when g.amount = 0 then (
              select json_agg(json_build_object('measure', o.measure_code, 'amount', o.amount::text,
                                                'notice', o.notice_title) order by o.measure_code)
                from pnrr_grant o where o.cup = g.cup and o.pk <> g.pk) end as siblings
       from pnrr_grant g join pnrr_body b on b.ipa_code = g.body_ipa_code
      where g.comune_istat_code = any(?::text[])
      order by g.comune_istat_code, g.funded_on, g.pk`,
    [comuniParam(comuni)],
  );
}
