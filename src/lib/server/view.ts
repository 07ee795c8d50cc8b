/** The cookie of staff who chose to see work in progress on the observatory ('in-progress'). */
export const VIEW_COOKIE = 'integra_view';
