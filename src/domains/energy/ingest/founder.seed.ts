import type { EntityManager } from '@mikro-orm/postgresql';
import { DatePrecision } from '../../../common/dates.js';
import { upsertRows } from '../../../common/importer.js';
import { readSeedCsv, readSeedJson } from '../../../common/seed-files.js';
import { foldName } from '../../../common/text.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { EnergyCommunity } from '../model/energy-community.entity.js';
import { EnergyCommunityFounderKind } from '../model/enums.js';
import { HOME_PROVINCE, EnergyCommunityFounder } from '../model/founder.entity.js';

/** The press table of the CERs founded in 2024–2025, copied unchanged from shared/facts. */
export const CER_PRESS_FILE = 'cer-cremasco-2024-2025.csv';
/** Facts about those CERs that the table does not hold (lead, parishes, declared count). */
export const CER_CURATED_FILE = 'cer_2024_2025_curated.json';

/** Shape of seeds/data/energy/cer_2024_2025_curated.json. */
export interface CerCurated {
  declaredCount: { count: number; promoter: string; territory: string; source: string };
  leads: { community: string; istatCode: string; name: string; source: string }[];
  parishes: { community: string; name: string; istatCode: string; source: string }[];
  provinces: Record<string, string>;
}

const PRESS = 'press-consorzio-it';
const fail = (line: number, message: string): never => {
  throw new Error(`seeds/data/energy/${CER_PRESS_FILE}: line ${line}: ${message}`);
};

/** A founding date of the table: "2024-11-28" (day) or "2024-12 (prima del 7/12)" (month). */
function foundedOf(text: string, line: number): { on: string; precision: DatePrecision } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { on: text, precision: DatePrecision.DAY };
  const month = /^(\d{4}-\d{2})(\s.*)?$/.exec(text);
  if (month) return { on: `${month[1]}-01`, precision: DatePrecision.MONTH };
  return fail(line, `"${text}" is not a founding date`);
}

/**
 * Loads the founders of the 2024–2025 CERs from the press table (one row per founding
 * comune, with its articles) and the curated facts (the lead comune, the parishes), checking
 * them against the communities already imported: names, founding dates and the comuni of
 * the province must agree. Upserts by community, kind and name, so a re-run changes nothing.
 */
export async function seedFounders(em: EntityManager): Promise<void> {
  const curated = readSeedJson<CerCurated>('energy', CER_CURATED_FILE);
  const communities = new Map((await em.find(EnergyCommunity, {})).map((c) => [c.name, c]));
  const comuni = new Map((await em.find(Comune, {})).map((c) => [c.istatCode, c]));
  const rows: Record<string, unknown>[] = [];
  readSeedCsv('energy', CER_PRESS_FILE).forEach((r, i) => {
    const line = i + 2;
    const community = communities.get(r.cer) ?? fail(line, `no energy community named "${r.cer}"`);
    const founded = foundedOf(r.data_costituzione, line);
    if (community.foundedOn !== founded.on || community.foundedPrecision !== founded.precision)
      fail(line, `founding date ${r.data_costituzione} differs from ${community.code}'s`);
    const outside = /^(.+) \(([A-Z]{2})\)$/.exec(r.comune);
    const outsideRole = r.ruolo.startsWith('comune fondatore fuori provincia');
    if (!outsideRole && r.ruolo !== 'comune fondatore') fail(line, `unknown role "${r.ruolo}"`);
    let name: string;
    let province: string;
    let istat: string | null = null;
    if (outsideRole) {
      if (!outside || r.codice_istat || outside[2] === HOME_PROVINCE)
        fail(line, 'a founder outside the province has "Name (XX)" and no ISTAT code');
      [, name, province] = outside!;
      if (!curated.provinces[province]) fail(line, `unknown province code ${province}`);
    } else {
      const comune =
        comuni.get(r.codice_istat) ?? fail(line, `unknown ISTAT code "${r.codice_istat}"`);
      if (foldName(comune.name) !== foldName(r.comune))
        fail(line, `${r.codice_istat} is ${comune.name}, not ${r.comune}`);
      [name, province, istat] = [comune.name, HOME_PROVINCE, comune.istatCode];
    }
    const articles = r.fonte_stampa
      .split(';')
      .map((u) => u.trim())
      .filter(Boolean);
    if (!articles.length) fail(line, 'no article');
    const lead = curated.leads.find((l) => l.community === community.code && l.istatCode === istat);
    rows.push({
      community_code: community.code,
      kind: EnergyCommunityFounderKind.COMUNE,
      name,
      comune_istat_code: istat,
      province_code: province,
      lead: Boolean(lead),
      articles: `{${articles.map((a) => JSON.stringify(a)).join(',')}}`,
      note: istat
        ? lead
          ? `Lead founding comune (capofila): ${lead.source}.`
          : null
        : `Outside the province of Cremona (province of ${curated.provinces[province]}): the hub holds only the province's comuni, so there is no comune record; the source gives no ISTAT code and none is recorded.`,
      dataset_id: PRESS,
      source_note: `press: ${articles.join(' ; ')} (${CER_PRESS_FILE}, line ${line})`,
    });
  });
  for (const l of curated.leads)
    if (!rows.some((r) => r.community_code === l.community && r.comune_istat_code === l.istatCode))
      throw new Error(`${CER_CURATED_FILE}: lead ${l.name} is not a founder of ${l.community}`);
  for (const p of curated.parishes) {
    if (![...communities.values()].some((c) => c.code === p.community))
      throw new Error(`${CER_CURATED_FILE}: unknown community ${p.community}`);
    if (!comuni.has(p.istatCode)) throw new Error(`${CER_CURATED_FILE}: unknown ${p.istatCode}`);
    const url = /https?:\/\/\S+/.exec(p.source)?.[0];
    rows.push({
      community_code: p.community,
      kind: EnergyCommunityFounderKind.PARISH,
      name: p.name,
      comune_istat_code: p.istatCode,
      province_code: HOME_PROVINCE,
      lead: false,
      articles: `{${url ? JSON.stringify(url) : ''}}`,
      note: null,
      dataset_id: PRESS,
      source_note: p.source,
    });
  }
  // The comuni a community covers are exactly its founding comuni of the province.
  for (const c of communities.values()) {
    const founders = rows
      .filter((r) => r.community_code === c.code && r.kind === 'COMUNE' && r.comune_istat_code)
      .map((r) => r.comune_istat_code as string)
      .sort();
    if (founders.length && founders.join() !== [...c.comuneIstatCodes].sort().join())
      throw new Error(
        `seeds/data/energy/energy_communities.csv: ${c.code} covers ${[...c.comuneIstatCodes].sort().join('|')}, its founding comuni are ${founders.join('|')}`,
      );
  }
  await upsertRows(em, EnergyCommunityFounder, ['community_code', 'kind', 'name'], rows);
}
