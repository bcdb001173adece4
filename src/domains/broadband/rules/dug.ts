import { foldName } from '../../../common/text.js';

/**
 * Street types (DUG, denominazione urbanistica generica) a published street may begin
 * with, folded, to the form the hub stores. Covers the types of Infratel's list for the
 * province and the common ones of the national archive.
 */
const DUG: Record<string, string> = {
  via: 'VIA',
  viale: 'VIALE',
  vialetto: 'VIALETTO',
  piazza: 'PIAZZA',
  piazzale: 'PIAZZALE',
  piazzetta: 'PIAZZETTA',
  corso: 'CORSO',
  vicolo: 'VICOLO',
  viottolo: 'VIOTTOLO',
  strada: 'STRADA',
  stradella: 'STRADELLA',
  stradello: 'STRADELLO',
  largo: 'LARGO',
  localita: 'LOCALITÀ',
  cascina: 'CASCINA',
  cascine: 'CASCINE',
  frazione: 'FRAZIONE',
  villaggio: 'VILLAGGIO',
  villa: 'VILLA',
  traversa: 'TRAVERSA',
  contrada: 'CONTRADA',
  galleria: 'GALLERIA',
  autostrada: 'AUTOSTRADA',
  nucleo: 'NUCLEO',
  centro: 'CENTRO',
  case: 'CASE',
  ca: "CA'",
  borgo: 'BORGO',
  borgata: 'BORGATA',
  calle: 'CALLE',
  salita: 'SALITA',
  discesa: 'DISCESA',
  rione: 'RIONE',
  regione: 'REGIONE',
  quartiere: 'QUARTIERE',
  circonvallazione: 'CIRCONVALLAZIONE',
  lungomare: 'LUNGOMARE',
  lungolago: 'LUNGOLAGO',
  lungofiume: 'LUNGOFIUME',
  passaggio: 'PASSAGGIO',
  passeggiata: 'PASSEGGIATA',
  ponte: 'PONTE',
  rampa: 'RAMPA',
  scalinata: 'SCALINATA',
  sentiero: 'SENTIERO',
  corte: 'CORTE',
  cortile: 'CORTILE',
  podere: 'PODERE',
  parco: 'PARCO',
  residence: 'RESIDENCE',
  zona: 'ZONA',
  lottizzazione: 'LOTTIZZAZIONE',
  alzaia: 'ALZAIA',
  argine: 'ARGINE',
  molino: 'MOLINO',
  mulino: 'MULINO',
  cascinale: 'CASCINALE',
  tenuta: 'TENUTA',
  fondo: 'FONDO',
};

/** Abbreviated street types people type, folded, to the full folded word. */
const TYPED: Record<string, string> = { loc: 'localita', fraz: 'frazione', str: 'strada' };

/** The stored DUG of a folded word ("localita" -> "LOCALITÀ"), or null when not a DUG. */
export function dugOf(folded: string): string | null {
  return DUG[TYPED[folded] ?? folded] ?? null;
}

/**
 * Splits a published street ("VIA GIUSEPPE GARIBALDI", "LOCALITA' CASE SPARSE") into its
 * street type and name; null when it does not begin with a known street type or has no
 * name after it.
 */
export function splitStreet(street: string): { type: string; name: string } | null {
  const m = /^(\S+?'?)\s+(.+)$/u.exec(street);
  if (!m) return null;
  const type = dugOf(foldName(m[1]));
  if (!type) return null;
  const name = m[2].trim();
  return foldName(name) ? { type, name } : null;
}
