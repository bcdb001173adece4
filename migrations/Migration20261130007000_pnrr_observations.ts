import { Migration } from '@mikro-orm/migrations';

/**
 * A grant's state on a date from every dated observation: the day its current state was
 * observed (`status_observed_on`: the publication date of the file it was read from), its
 * status date when the file gives one, and the files as published on past days
 * (`pnrr_grant_snapshot`). `pnrr_grant_state_on(g, d)` is the one definition the domain's
 * queries use (docs/pnrr.md, "As of a date").
 */
export class Migration20261130007000_pnrr_observations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "pnrr_grant" add column "status_observed_on" date null;`);
    this.addSql(
      `create index "pnrr_grant_snapshot_cup_notice_title_index" on "pnrr_grant_snapshot" ("cup", "notice_title");`,
    );
    // ACTIVE: funded by d, observed not renounced at or after d, and nothing says it was
    // renounced by d. RENOUNCED: observed renounced by d and never observed active at or after
    // d. UNCERTAIN: no observation decides, or they conflict. NOT_FUNDED: decreed after d.
    // The current state holds from the day it was observed (a file of unknown date: today).
    // A status date that a later observation contradicts (still active after it) decides
    // nothing: between it and the next observation the state is UNCERTAIN.
    this.addSql(`create or replace function pnrr_grant_state_on(g pnrr_grant, d date) returns text
      language sql stable as $$
        select case
          when g.funded_on > d then 'NOT_FUNDED'
          when active_after and not renounced_by and not disputed then 'ACTIVE'
          when renounced_by and not active_after then 'RENOUNCED'
          else 'UNCERTAIN' end
        from (select
            g.status <> 'RENOUNCED' or coalesce(g.status_on > d, false) or exists (
              select 1 from pnrr_grant_snapshot s
               where s.cup = g.cup and s.notice_title = g.notice_title
                 and s.status <> 'RENOUNCED' and s.published_on >= d) as active_after,
            exists (
              select 1 from pnrr_grant_snapshot s
               where s.cup = g.cup and s.notice_title = g.notice_title
                 and s.status = 'RENOUNCED' and s.published_on <= d)
              or (g.status = 'RENOUNCED' and (coalesce(g.status_observed_on, current_date) <= d
                  or (coalesce(g.status_on <= d, false) and not contradicted))) as renounced_by,
            g.status = 'RENOUNCED' and coalesce(g.status_on <= d, false) and contradicted as disputed
          from (select exists (
              select 1 from pnrr_grant_snapshot s
               where s.cup = g.cup and s.notice_title = g.notice_title
                 and s.status <> 'RENOUNCED' and s.published_on >= g.status_on) as contradicted) c) o
      $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists pnrr_grant_state_on(pnrr_grant, date);`);
    this.addSql(`drop index if exists "pnrr_grant_snapshot_cup_notice_title_index";`);
    this.addSql(`alter table "pnrr_grant" drop column "status_observed_on";`);
  }
}
