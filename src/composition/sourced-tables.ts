import type { EntityManager } from '@mikro-orm/postgresql';
import { ReferenceKind } from '@mikro-orm/core';

/** A table of sourced records, as found in the ORM metadata. */
export interface SourcedTable {
  table: string;
  /** Column of the record's comune (ManyToOne to Comune), when it has one. */
  comuneColumn: string | null;
  /**
   * Every column naming a dataset: `dataset_id` and any other ManyToOne to Dataset (e.g. a
   * comune's `boundary_dataset_id`): each record counts once for each dataset it names.
   */
  datasetColumns: string[];
}

/**
 * Every table whose records carry a dataset (entities extending Sourced), read from the
 * ORM metadata so that a new domain is covered without registering anything.
 */
export function sourcedTables(em: EntityManager): SourcedTable[] {
  // Read once per metadata storage (the entities do not change while the hub runs).
  const metadata = em.getMetadata();
  let tables = found.get(metadata);
  if (!tables) found.set(metadata, (tables = findSourcedTables(em)));
  return tables;
}

const found = new WeakMap<object, SourcedTable[]>();

function findSourcedTables(em: EntityManager): SourcedTable[] {
  const out: SourcedTable[] = [];
  for (const meta of Object.values(em.getMetadata().getAll())) {
    if (meta.abstract || meta.embeddable || meta.virtual) continue;
    const dataset = meta.properties.dataset;
    if (!dataset || dataset.kind !== ReferenceKind.MANY_TO_ONE || dataset.type !== 'Dataset')
      continue;
    const comune = Object.values(meta.properties).find(
      (p) => p.kind === ReferenceKind.MANY_TO_ONE && p.type === 'Comune' && p.name === 'comune',
    );
    const datasetColumns = Object.values(meta.properties)
      .filter((p) => p.kind === ReferenceKind.MANY_TO_ONE && p.type === 'Dataset')
      .map((p) => p.fieldNames[0])
      .sort((a, b) => (a === 'dataset_id' ? -1 : b === 'dataset_id' ? 1 : a.localeCompare(b)));
    out.push({
      table: meta.tableName,
      comuneColumn: comune?.fieldNames[0] ?? null,
      datasetColumns,
    });
  }
  return out.sort((a, b) => a.table.localeCompare(b.table));
}
