/** What moved: the kinds of feed entry. */
export const FEED_KINDS = ['stage_changed', 'visit_logged', 'request_event', 'flag_raised'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

