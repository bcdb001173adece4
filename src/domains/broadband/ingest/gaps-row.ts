import { basename } from 'node:path';
import { RowError } from '../../../common/importer.js';
import { foldName } from '../../../common/text.js';
import { splitStreet } from '../rules/dug.js';
import { GapCategory } from '../model/enums.js';
import type { ComuneNames, Header } from './layout.js';
import { isIstatCode } from '../../../common/keys.js';

/** Marks a row left out on purpose (another province). */
export const SKIP = Symbol('skip');

/** The province the hub covers, as national files name it. */
export const PROVINCE = { code: '019', names: ['cremona', 'cr'] };

/** One civic number of a mapping file, parsed and checked. */
export interface GapRow {
  code: string;
  comune: string;
  streetText: string;
  streetType: string;
  streetName: string;
  nameKey: string;
  number: number;
  exponent: string;
  civicText: string;
  category: GapCategory;
  note: string;
}

/** Which columns a file uses: the hub's copy (with ISTAT codes) or Infratel's national one. */
export interface GapLayout {
  istat: string | null;
  province: string | null;
  comune: string;
  street: string;
  civic: string;
  exponent: string | null;
  category: string;
}

/** Chooses the layout from the header, or explains what is missing. */
export function gapLayout(file: string, h: Header): GapLayout {
  const col = (...names: string[]) => {
    for (const n of names) {
      const c = h.byLower.get(n);
      if (c) return c;
    }
    return null;
  };
  const layout = {
    istat: col('codice_istat', 'codice_comune', 'cod_istat', 'istat'),
    province: col('provincia'),
    comune: col('comune'),
    street: col('strada', 'indirizzo'),
    civic: col('civico'),
    exponent: col('barrato', 'esponente'),
    category: col('caratteristica'),
  };
  const missing = [
    ...(layout.istat || layout.province ? [] : ['codice_istat (or provincia)']),
    ...(['comune', 'street', 'civic', 'category'] as const)
      .filter((k) => !layout[k])
      .map(
        (k) =>
          ({ comune: 'comune', street: 'strada', civic: 'civico', category: 'caratteristica' })[k],
      ),
  ];
  if (missing.length)
    throw new Error(
      `${file}: line 1: missing column(s) ${missing.join(', ')} (layouts: codice_istat,comune,strada,civico,caratteristica or Infratel's regione,provincia,comune,strada,civico,barrato,caratteristica)`,
    );
  return layout as GapLayout;
}

const CIVIC = /^(\d{1,5})(?:\/([A-Z0-9][A-Z0-9 .]{0,11}))?$/;

/**
 * Parses one record of a mapping file. Other provinces are skipped; anything unreadable
 * in the province is a RowError naming the column. Repeated civics (the list repeats a
 * street and number when it holds several civics it cannot tell apart) get a numbered code.
 */
export function gapParser(file: string, layout: GapLayout, names: ComuneNames) {
  const note = basename(file);
  const occurrences = new Map<string, number>();
  return (r: Record<string, string>, line: number): GapRow | typeof SKIP => {
    const v = (c: string | null) => (c ? (r[c] ?? '').trim() : '');
    let comune: string;
    const comuneName = v(layout.comune);
    if (layout.istat) {
      const code = v(layout.istat).padStart(6, '0');
      if (!isIstatCode(code))
        throw new RowError(layout.istat, `"${v(layout.istat)}" is not an ISTAT code`);
      if (!code.startsWith(PROVINCE.code)) return SKIP;
      const known = names.byCode.get(code);
      if (!known)
        throw new RowError(
          layout.istat,
          `"${code}" is not the ISTAT code of a comune of the province`,
        );
      if (
        comuneName &&
        foldName(comuneName) !== known.nameKey &&
        names.byName.get(foldName(comuneName)) !== code
      )
        throw new RowError(
          layout.comune,
          `"${comuneName}" is not the name of comune ${code} (${known.name})`,
        );
      comune = code;
    } else {
      if (!PROVINCE.names.includes(foldName(v(layout.province)))) return SKIP;
      const code = names.byName.get(foldName(comuneName));
      if (!code)
        throw new RowError(
          layout.comune,
          `"${comuneName}" is not a comune of the province of Cremona`,
        );
      comune = code;
    }
    const streetText = v(layout.street).replace(/\s+/g, ' ');
    if (!streetText) throw new RowError(layout.street, 'is empty');
    if (streetText.includes('\uFFFD'))
      throw new RowError(
        layout.street,
        `"${streetText}" contains the replacement character \uFFFD: the text was damaged by a wrong encoding before it reached this file`,
      );
    const street = splitStreet(streetText);
    if (!street)
      throw new RowError(
        layout.street,
        `"${streetText}" does not begin with a street type (DUG) such as VIA, PIAZZA, CASCINA, LOCALITA' followed by a name`,
      );
    let civic = v(layout.civic)
      .toUpperCase()
      .replace(/\s+/g, ' ')
      .replace(/ ?\/ ?/g, '/');
    const exponentColumn = v(layout.exponent).toUpperCase().replace(/\s+/g, ' ');
    if (exponentColumn && !civic.includes('/')) civic = `${civic}/${exponentColumn}`;
    const m = CIVIC.exec(civic);
    if (!m)
      throw new RowError(
        layout.civic,
        `"${v(layout.civic)}" is not a house number with an optional exponent (12, 12/A, 0/SNC)`,
      );
    const category = v(layout.category).toUpperCase();
    if (!(category in GapCategory))
      throw new RowError(layout.category, `must be A, B or C, got "${v(layout.category)}"`);
    const number = Number(m[1]);
    // "0" and "0/SNC" are Infratel's civics without a house number (senza numero civico).
    const exponent = number === 0 && m[2] === 'SNC' ? '' : (m[2] ?? '');
    const base = `${comune}:${foldName(streetText)}:${civic}`;
    const n = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, n);
    return {
      code: n > 1 ? `${base}:${n}` : base,
      comune,
      streetText,
      streetType: street.type,
      streetName: street.name,
      nameKey: foldName(street.name),
      number,
      exponent,
      civicText: civic,
      category: category as GapCategory,
      note: `${note} line ${line}`,
    };
  };
}
