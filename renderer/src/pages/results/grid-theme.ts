import { gridTheme } from '../../grid/setup';

/**
 * The app's grid theme for small tables that grow with their rows (domLayout autoHeight): without
 * this, AG Grid keeps 150px of body, leaving a gap between two rows and their totals row.
 */
export const compactGridTheme = gridTheme.withParams({ autoHeightMinBodyHeight: 0 });
