import type { PersonView } from '../../contract/ops/people';
import { displayNames } from '../db/export-repo';
import type { ServiceContext } from './context';

/** Every account's display name (also deactivated ones: they still sign old batches and audit entries). */
export function people(ctx: ServiceContext): PersonView[] {
  return [...displayNames(ctx.store.db)].map(([name, display_name]) => ({ name, display_name })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
