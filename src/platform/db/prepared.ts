/**
 * Inserts in prepared statements (built once, planned once per connection): `placeholders` stands for the values
 * of some columns, `params` gives them when the statement runs, each already in its column's driver form
 * (dates as ISO text, jsonb as JSON text), nulls included, as Drizzle would have sent them.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

export function placeholders<K extends string>(prefix: string, keys: readonly K[]): Record<K, SQL> {
  const entries = keys.map((key) => [key, sql`${sql.placeholder(`${prefix}.${key}`)}`]);
  return Object.fromEntries(entries) as Record<K, SQL>;
}

export function params<T extends PgTable>(
  prefix: string,
  table: T,
  values: Partial<T['$inferInsert']>,
): Record<string, unknown> {
  const columns = getTableColumns(table);
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const column = columns[key];
    if (!column) throw new Error(`${key} is not a column of the table`);
    params[`${prefix}.${key}`] =
      value === null || value === undefined ? null : column.mapToDriverValue(value);
  }
  return params;
}
