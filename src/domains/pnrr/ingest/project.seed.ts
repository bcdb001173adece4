import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { formatMoney } from '../../../common/money.js';
import { readSeedCsv } from '../../../common/seed-files.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { Dataset } from '../../../core/model/dataset.entity.js';
import { PnrrMeasure } from '../model/measure.entity.js';
import { PnrrProject, PnrrProjectLocation } from '../model/project.entity.js';
import { referenceCodes } from '../../../core/data/references.js';

/** "M1C1I1.04.03" → "1.4.3", "M1C1I1.02.00" → "1.2"; null outside M1C1 investment 1. */
export function digitalMeasureOf(submeasure: string): string | null {
  const m = /^M1C1I1\.(\d{2})\.(\d{2})$/.exec(submeasure);
  if (!m) return null;
  const sub = Number(m[2]);
  return `1.${Number(m[1])}${sub ? `.${sub}` : ''}`;
}

const text = (v: string | undefined) => (v ?? '').trim() || null;

/** Loads the validated Italia Domani projects and their locations (comune or whole province). */
export async function seedProjects(em: EntityManager): Promise<void> {
  const measures = await referenceCodes(em, PnrrMeasure, 'code');
  const projects = ref(Dataset, 'italiadomani-progetti-validati');
  const file = 'pnrr_progetti_validati_cr.csv';
  for (const r of readSeedCsv('pnrr', file)) {
    const code = digitalMeasureOf(r['Codice Univoco Submisura']);
    em.create(PnrrProject, {
      localCode: r['Codice Locale Progetto'],
      cup: r.CUP,
      title: r['Titolo progetto'],
      summary: text(r['Sintesi progetto']),
      mission: r.Missione,
      component: r.Componente,
      measureId: r['ID Misura'],
      measureTitle: r['Descrizione Misura'],
      submeasureCode: r['Codice Univoco Submisura'],
      submeasureTitle: r['Descrizione Submisura'],
      measure: code && measures.has(code) ? ref(PnrrMeasure, code) : null,
      administration: r['Amministrazione Titolare'],
      procedure: text(r['Titolo procedura']),
      implementingBody: r['Soggetto attuatore'],
      implementingBodyTaxCode: text(r['Codice fiscale soggetto attuatore']),
      pnrrFunding: formatMoney(r['Finanziamento PNRR'] || '0'),
      totalFunding: formatMoney(r['Finanziamento Totale'] || '0'),
      updatedOn: text(r['Data aggiornamento']),
      dataset: projects,
      sourceNote: file,
    });
  }
  await em.flush();
  const locations = ref(Dataset, 'italiadomani-localizzazioni-validate');
  const lfile = 'pnrr_localizzazioni_validate_cr.csv';
  for (const r of readSeedCsv('pnrr', lfile)) {
    const comune = text(r.COD_ISTAT_COMUNE);
    em.create(PnrrProjectLocation, {
      project: ref(PnrrProject, r['Codice Locale Progetto']),
      comune: comune ? ref(Comune, comune) : null,
      address: text(r.Indirizzo),
      postalCode: r.Cap && r.Cap !== '0' ? r.Cap : null,
      wholeProvince: !comune,
      dataset: locations,
      sourceNote: `${lfile}${comune ? '' : `, "${r['Descrizione Comune']}"`}`,
    });
  }
  await em.flush();
}
