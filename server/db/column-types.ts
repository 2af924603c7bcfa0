import type { ColumnType } from 'kysely';

// Both drivers are configured to hand `date` back as 'YYYY-MM-DD' text and int8 as text, so
// money never passes through a float and a date never through a time zone.
export type DateColumn = ColumnType<string, string, string>;
export type NullableDateColumn = ColumnType<string | null, string | null, string | null>;
export type BigintColumn = ColumnType<string | null, number | string | null, number | string | null>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type JsonColumn<T> = ColumnType<T, string, string>;
