/**
 * An example partner program, built only on the typed client: checks the broadband
 * coverage of a civic number and prints the dossier of its comune.
 *
 *   node dist/examples/partner.js [--hub URL] [--key KEY] [--comune ISTAT] "<address>"
 *
 * Exit codes: 0 done, 1 the hub refused or failed (the error's code is printed), 2 bad
 * usage, 3 no civic number matches the address.
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

type Match = CoverageCheckQuery['addressSearch'][number];
type Dossier = NonNullable<ComuneDossierQuery['comune']>;

/**
 * The coverage step, in one place: today the address search and the address's coverage;
 * once the hub has `civicCoverage(address:)`, one call to it.
 */
async function coverageOf(hub: HubClient, address: string): Promise<Match | null> {
  const { addressSearch } = await hub.request(CoverageCheckDocument, { text: address });
  return addressSearch[0] ?? null;
}

/** Money travels as an exact decimal string ("79922.00"): format it without floats. */
const eur = (amount: string) => {
  const [units, cents = '00'] = amount.split('.');
  return `${units.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents} EUR`;
};
const pct = (share: number | null) => (share == null ? 'unknown' : `${(share * 100).toFixed(1)}%`);

function printCoverage(address: string, m: Match) {
  console.log(`Coverage of "${address}"`);
  console.log(`  civic number: ${m.address.label} (match ${m.score.toFixed(2)})`);
  const c = m.address.coverage;
  if (!c) return console.log('  coverage: none recorded');
  console.log(
    `  coverage: ${c.technology} up to ${c.maxDownloadMbps}/${c.maxUploadMbps} Mbit/s, plan ${c.plan}, status ${c.status}${c.statusOn ? ` since ${c.statusOn}` : ''}`,
  );
  console.log(`  operator: ${c.operator?.name ?? 'not named by the source'}`);
  console.log(
    `  source: ${c.source.dataset}${c.source.synthetic ? ' (SYNTHETIC data)' : ''}; licence ${c.source.licence ?? 'not stated'}`,
  );
}

function printDossier(d: Dossier) {
  console.log(`Dossier of ${d.name} (${d.istatCode})`);
  console.log(
    `  residents 2021: ${d.population.resident2021 ?? 'unknown'}; area: ${d.areaKm2 == null ? 'unknown' : `${d.areaKm2.toFixed(2)} km²`}`,
  );
  console.log(`  groupings: ${d.groupings.map((g) => g.code).join(', ') || 'none'}`);
  console.log(
    `  broadband: ${d.broadband.addressCount} civic numbers, ${d.broadband.unitCount} units; gigabit ${pct(d.broadband.coverage.gigabitShare)}, FTTH ${pct(d.broadband.coverage.ftthShare)}`,
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
    const match = await coverageOf(hub, address);
    if (!match) {
      console.error(`No civic number matches "${address}".`);
      return 3;
    }
    printCoverage(address, match);
    const istatCode = args.values.comune ?? match.address.comune.istatCode;
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
