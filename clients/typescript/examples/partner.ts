/**
 * An example partner program, built only on the typed client: checks the broadband
 * coverage of a civic number and prints the dossier of its comune.
 *
 *   node dist/examples/partner.js [--hub URL] [--key KEY] [--comune ISTAT] "<address>"
 *
 * Exit codes: 0 done, 1 the hub refused or failed (the error's code is printed), 2 bad
 * usage or text that is not an address (BAD_USER_INPUT is code 1), 3 no such comune.
 */
import { parseArgs } from 'node:util';
import {
  ComuneDossierDocument,
  CoverageCheckDocument,
  createHubClient,
  HubClientError,
  type ComuneDossierQuery,
  type CoverageCheckQuery,
  type HubClient,
} from '../src/index.js';

type Coverage = CoverageCheckQuery['civicCoverage'];
type Dossier = NonNullable<ComuneDossierQuery['comune']>;

/** The coverage step: one call to `civicCoverage`. */
async function coverageOf(hub: HubClient, address: string): Promise<Coverage> {
  const { civicCoverage } = await hub.request(CoverageCheckDocument, { address });
  return civicCoverage;
}

/** Money travels as an exact decimal string ("79922.00"): format it without floats. */
const eur = (amount: string) => {
  const [units, cents = '00'] = amount.split('.');
  return `${units.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents} EUR`;
};
const pct = (share: number | null) => (share == null ? 'unknown' : `${(share * 100).toFixed(1)}%`);

function printCoverage(address: string, c: Coverage) {
  console.log(`Coverage of "${address}"`);
  console.log(`  read as: ${c.matchedStreet ?? 'street not in the list'}, ${c.comune.name}`);
  console.log(
    `  result: ${c.result}${c.categories.length ? ` (category ${c.categories.join(', ')})` : ''}`,
  );
  for (const civic of c.civics)
    console.log(
      `  listed civic: ${civic.streetLine} ${civic.civicNumber ?? 'SNC'}: ${civic.observation?.categoryMeaning ?? ''}`,
    );
  console.log(`  answer: ${c.answer}`);
  for (const caveat of c.caveats) console.log(`  caveat: ${caveat}`);
  console.log(
    `  source: ${c.source.dataset}${c.source.synthetic ? ' (SYNTHETIC data)' : ''}, ${c.mapping.name} (${c.mapping.published?.label ?? 'date unknown'}); licence ${c.source.licence ?? 'not stated'}`,
  );
}

function printDossier(d: Dossier) {
  console.log(`Dossier of ${d.name} (${d.istatCode})`);
  console.log(
    `  residents 2021: ${d.population.resident2021 ?? 'unknown'}; area: ${d.areaKm2 == null ? 'unknown' : `${d.areaKm2.toFixed(2)} km²`}`,
  );
  console.log(`  groupings: ${d.groupings.map((g) => g.code).join(', ') || 'none'}`);
  const gaps = d.broadband.gaps;
  console.log(
    `  broadband: fibre in the white-areas plan ${d.broadband.fibreInPlan ?? 'unknown'}, FWA ${d.broadband.fwaInPlan ?? 'unknown'}; ${
      gaps
        ? `${gaps.listedCount} civic numbers left below 300 Mbit/s by 2028 (${gaps.byCategory.map((g) => `${g.category} ${g.count}`).join(', ')}; ${pct(gaps.shareOfAnncsu)} of ANNCSU's civic numbers${gaps.shareNote ? `: ${gaps.shareNote}` : ''}), ${gaps.mapping.name}`
        : 'no mapping held'
    }`,
  );
  console.log(`  PNRR (PA digitale 2026): ${eur(d.pnrr.total)} in ${d.pnrr.grantCount} grants`);
  for (const m of d.pnrr.byMeasure)
    console.log(`    ${m.measure.code} ${m.measure.englishTitle}: ${eur(m.amount)}`);
  console.log(
    `  collection centres: ${d.collectionCentres.map((c) => c.name).join('; ') || 'none known'}`,
  );
  console.log(
    `  energy communities: ${d.energyCommunities.map((e) => `${e.name} (${e.status})`).join('; ') || 'none known'}`,
  );
  const plan = d.civilProtectionPlan;
  console.log(
    `  civil-protection plan: ${plan ? `${plan.status} as of ${plan.statusAsOf.on}` : 'none held by the hub'}`,
  );
  console.log('  latest events:');
  for (const e of d.timeline) console.log(`    ${e.on} [${e.domain}] ${e.title}`);
  console.log(`  data-quality flags: ${d.qualityIssues.length}`);
  for (const q of d.qualityIssues.slice(0, 3))
    console.log(
      `    ${q.code}: ${q.message.length > 100 ? `${q.message.slice(0, 99)}…` : q.message}`,
    );
  console.log('  sources:');
  for (const s of d.sources) console.log(`    ${s.dataset} (${s.licence ?? 'licence not stated'})`);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        hub: { type: 'string', default: process.env.HUB_URL ?? 'http://127.0.0.1:4000/graphql' },
        key: { type: 'string', default: process.env.HUB_API_KEY },
        comune: { type: 'string' },
      },
    });
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const address = args.positionals.join(' ').trim();
  if (!address) {
    console.error('usage: partner [--hub URL] [--key KEY] [--comune ISTAT] "<address>"');
    return 2;
  }
  const hub = createHubClient({ url: args.values.hub, apiKey: args.values.key });
  try {
    const coverage = await coverageOf(hub, address);
    printCoverage(address, coverage);
    const istatCode = args.values.comune ?? coverage.comune.istatCode;
    const { comune } = await hub.request(ComuneDossierDocument, { istatCode });
    if (!comune) {
      console.error(`No comune with ISTAT code ${istatCode}.`);
      return 3;
    }
    printDossier(comune);
    return 0;
  } catch (e) {
    if (!(e instanceof HubClientError)) throw e;
    const where = e.details.argument ? ` (argument "${e.details.argument}")` : '';
    console.error(`The hub said ${e.code}${where}: ${e.message}`);
    return 1;
  }
}

process.exitCode = await main();
