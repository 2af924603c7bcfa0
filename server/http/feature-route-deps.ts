import type { Db } from '../db/database.ts';

/** What a feature's routes get from the app. */
export interface FeatureRouteDeps {
  readonly db: Db;
  /** Wall clock; business dates are taken from it in each spreadsheet's time zone. */
  readonly clock: () => Date;
}
