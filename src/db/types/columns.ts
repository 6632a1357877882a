// The column shapes the table types share: what a timestamp, a date, a JSON or an array column
// reads as and accepts on insert and update (Kysely's ColumnType<select, insert, update>).
import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** PostgreSQL `date`, read as 'YYYY-MM-DD' (the pg type parser is set so in db/connection.ts). */
export type CalendarDate = string;
/** A nullable `date` column, read as 'YYYY-MM-DD'. */
export type NullableDateOnly = ColumnType<string | null, string | null | undefined, string | null>;
/** A jsonb column: written as a JSON string, read back parsed; the database supplies a default. */
export type Json<T> = ColumnType<T, string | undefined, string>;
/** An array column with a database default, so it may be left out of an insert. */
export type ArrayWithDefault<T> = ColumnType<T[], T[] | undefined, T[]>;
